// File: testing/run_cli.h
//
// Runs the `interdict` command line in-process and captures its exit code and output. Header
// only: include it from test binaries that link interdict_cli.
//
//   CliOutput o = RunCli({"screen", "Sergey Shoygu", "--json"});
//   EXPECT_EQ(o.code, cli::kExitFindings);
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.h"

namespace interdict::testing {

struct CliOutput {
  int code = 0;
  std::string out, err;
};

inline CliOutput RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "interdict");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  int code = cli::Run(static_cast<int>(argv.size()), argv.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace interdict::testing
