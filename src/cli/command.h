// File: cli/command.h
//
// How a subcommand joins the `interdict` command line without editing a central switch:
// each *_command.cc exposes a Register<Name>Command() that adds its CLI11 subcommand and a
// runner; cli.cc calls every registrar once and runs the runner of the parsed subcommand.
//
//   void RegisterBatchCommand(CLI::App& app, Commands& commands) {
//     auto options = std::make_shared<BatchOptions>();
//     CLI::App* cmd = app.add_subcommand("batch", "Screen a whole file");
//     cmd->add_option("input", options->input)->required();
//     commands.Add(cmd, [options](std::ostream& out, std::ostream& err) {
//       return RunBatch(*options, out, err);
//     });
//   }
#pragma once

#include <functional>
#include <ostream>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>

namespace interdict::cli {

// Returns a process exit code (cli.h).
using CommandRunner = std::function<int(std::ostream& out, std::ostream& err)>;

class Commands {
 public:
  void Add(CLI::App* subcommand, CommandRunner run) {
    entries_.emplace_back(subcommand, std::move(run));
  }
  // The runner of the subcommand that was parsed, or nullptr.
  const CommandRunner* Parsed() const {
    for (const auto& [app, run] : entries_) {
      if (app->parsed()) return &run;
    }
    return nullptr;
  }

 private:
  std::vector<std::pair<CLI::App*, CommandRunner>> entries_;
};

}  // namespace interdict::cli
