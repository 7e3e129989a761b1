// File: cli/screen_command.h
//
// `interdict screen`, `interdict compare` and `interdict eval`: thin shells over the
// Screener (include/interdict/screener.h).
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "interdict/screener.h"

namespace interdict::cli {

// Loads the snapshot (manifest in `data_dir`, or the default) and builds a Screener.
// Writes progress to `err`. Returns nullptr after printing the error.
std::unique_ptr<Screener> LoadScreener(const std::string& data_dir,
                                       const std::vector<std::string>& sources, std::ostream& err);

struct ScreenCommandOptions {
  std::string data_dir;
  std::string name;
  std::string kind;
  std::string dob;
  std::string country;
  std::vector<std::string> ids;
  std::vector<std::string> lists;
  size_t limit = 10;
  double threshold = kDefaultThreshold;
  bool json = false;
};
int RunScreen(const ScreenCommandOptions& options, std::ostream& out, std::ostream& err);

struct CompareCommandOptions {
  std::string data_dir;
  std::string a, b;
  std::string kind;
  std::string pairs_file;  // CSV name1,name2[,schema]
  double threshold = kDefaultThreshold;
  bool json = false;
};
int RunCompare(const CompareCommandOptions& options, std::ostream& out, std::ostream& err);

struct EvalCommandOptions {
  std::string data_dir;
  std::string eval_dir;  // folder with nomenklatura-name-bench/, watchman-cascade/, ...
  double threshold = kDefaultThreshold;
  bool show_errors = true;
  bool sweep = false;        // also print F1 over a range of thresholds
  std::string markdown_out;  // write the result table as Markdown to this file
};
int RunEval(const EvalCommandOptions& options, std::ostream& out, std::ostream& err);

// Parses "person", "organization"/"company"/"entity", "vessel", "aircraft" (any case); an
// empty string is kUnknown. Returns false for anything else.
bool ParseKind(std::string_view text, EntityKind* kind);

}  // namespace interdict::cli
