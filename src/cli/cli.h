// File: cli/cli.h
//
// The `interdict` command line: parses flags with CLI11 and calls the library. Thin; every
// subcommand's work lives in the library or in its own *_command.cc.
//
//   int code = cli::Run(argc, argv, std::cout, std::cerr);
//
// Exit codes: 0 success, 1 success with findings (reserved for screening), 2 usage or input
// error, 3 internal error.
#pragma once

#include <ostream>

namespace interdict::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInternal = 3;

int Run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

}  // namespace interdict::cli
