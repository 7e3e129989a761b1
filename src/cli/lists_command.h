// File: cli/lists_command.h
//
// `interdict lists`: load a snapshot (the bundled one by default) and print, per source, the
// entities by kind, names, as-of date, file hashes and diagnostics; `--json` for scripts.
// `interdict parse`: parse list files of a given format and write the entities as JSONL.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace interdict::cli {

struct ListsOptions {
  std::string data_dir;              // directory holding manifest.json
  std::string manifest;              // explicit manifest path; overrides data_dir
  std::vector<std::string> sources;  // source codes to load; empty = all
  bool json = false;
  int show_diagnostics = 0;  // print up to N diagnostics per source
  int threads = 0;
};

int RunLists(const ListsOptions& options, std::ostream& out, std::ostream& err);

struct ParseOptions {
  std::string format;  // lists::ListFormat code
  std::string source;  // for the OFAC formats: ofac_sdn (default) or ofac_nonsdn
  std::vector<std::string> files;
  bool diagnostics_to_stdout = false;  // also write diagnostics as JSONL lines
};

int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err);

// The data directory: $INTERDICT_DATA_DIR, else the source tree's data/ (compiled in), else
// ./data.
std::string DefaultDataDir();

}  // namespace interdict::cli
