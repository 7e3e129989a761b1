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
void RegisterBatchCommand(CLI::App& app, Commands& commands);      // cli/batch_command.cc
void RegisterServeCommand(CLI::App& app, Commands& commands);      // cli/serve_command.cc
void RegisterShipmentCommand(CLI::App& app, Commands& commands);   // cli/shipment_command.cc
void RegisterOwnershipCommand(CLI::App& app, Commands& commands);  // cli/shipment_command.cc
void RegisterSyncCommand(CLI::App& app, Commands& commands);       // cli/daily_commands.cc
void RegisterRescreenCommand(CLI::App& app, Commands& commands);   // cli/daily_commands.cc
void RegisterDigestCommand(CLI::App& app, Commands& commands);     // cli/daily_commands.cc
void RegisterCustomersCommand(CLI::App& app, Commands& commands);  // cli/store_commands.cc
void RegisterAlertsCommand(CLI::App& app, Commands& commands);     // cli/store_commands.cc
void RegisterAuditCommand(CLI::App& app, Commands& commands);      // cli/store_commands.cc

inline const std::vector<Registrar>& AllRegistrars() {
  static const std::vector<Registrar> registrars = {
      RegisterBatchCommand,     RegisterServeCommand,     RegisterShipmentCommand,
      RegisterOwnershipCommand, RegisterSyncCommand,      RegisterRescreenCommand,
      RegisterDigestCommand,    RegisterCustomersCommand, RegisterAlertsCommand,
      RegisterAuditCommand,
  };
  return registrars;
}

}  // namespace interdict::cli
