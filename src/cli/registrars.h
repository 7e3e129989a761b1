// File: cli/registrars.h
//
// Every subcommand registrar (cli/command.h), in the order they appear in --help. Each
// module's command file declares its registrar here; its .cc is added to interdict_cli by
// the module's src/<module>/module.cmake.
#pragma once

#include <vector>

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace interdict::cli {

using Registrar = void (*)(CLI::App& app, Commands& commands);

// Add one line per command file, in both places.

inline const std::vector<Registrar>& AllRegistrars() {
  static const std::vector<Registrar> registrars = {};
  return registrars;
}

}  // namespace interdict::cli
