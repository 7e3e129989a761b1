// File: cli/daily_commands.cc
//
// `interdict sync`, `interdict digest` and `interdict rescreen`: the business-day commands
// (docs/daily.md). Thin: flags in, daily:: calls, a table or JSON out. Progress goes to
// stderr, results to stdout.
//
//   interdict sync --from data/history/2023-02-24 --json
//   interdict rescreen
//   interdict digest --format html -o digest.html
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/lists_command.h"
#include "cli/registrars.h"
#include "daily/digest.h"
#include "daily/fetch.h"
#include "daily/rescreen.h"
#include "daily/stored_digest.h"
#include "daily/sync.h"
#include "snapshot/file_io.h"
#include "store/store.h"

namespace interdict::cli {
namespace {

using Json = nlohmann::ordered_json;

// Opens the store; prints the error and returns null on failure.
std::unique_ptr<store::Store> OpenStore(const std::string& flag, std::string_view command,
                                        std::ostream& err) {
  std::string dir = store::ResolveDataDir(flag);
  auto opened = store::Store::Open(dir);
  if (!opened.ok()) {
    err << "interdict " << command << ": " << opened.status().message() << "\n";
    return nullptr;
  }
  return std::move(*opened);
}

int ExitFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInternal:
      return kExitInternal;
    default:
      return kExitUsage;
  }
}

// --- sync ----------------------------------------------------------------------------

struct SyncFlags {
  std::string data_dir;
  std::string from;
  std::vector<std::string> files;
  std::vector<std::string> sources;
  bool bundled = false;
  bool strict = false;
  bool json = false;
  bool no_seed = false;
  long timeout = 900;
  int retries = 3;
  uint64_t max_mb = 1024;
  double min_keep = 0.5;
  std::string label;
};

int RunSync(const SyncFlags& f, std::ostream& out, std::ostream& err) {
  daily::SyncRequest req;
  req.from_dir = f.from;
  for (const std::string& spec : f.files) {
    size_t eq = spec.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == spec.size()) {
      err << "interdict sync: --file " << spec << ": expected SOURCE=PATH (ofac_sdn=sdn.csv)\n";
      return kExitUsage;
    }
    req.files.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
  }
  for (const std::string& code : f.sources) {
    ListSource s = ListSourceFromCode(code);
    if (s == ListSource::kUnknown || daily::FindOfficialSource(s) == nullptr) {
      err << "interdict sync: --source " << code
          << ": not an official source (ofac_sdn ofac_nonsdn us_csl un eu uk_ofsi)\n";
      return kExitUsage;
    }
    req.only.push_back(s);
  }
  std::string bundled = snapshot::JoinPath(DefaultDataDir(), "manifest.json");
  if (f.bundled) req.bundled_manifest = bundled;
  if (!f.no_seed) req.seed_manifest = bundled;
  req.strict = f.strict;
  req.min_keep_ratio = f.min_keep;
  req.fetch.timeout_seconds = f.timeout;
  req.fetch.retries = f.retries;
  req.fetch.max_bytes = f.max_mb << 20;
  req.label = f.label;

  std::unique_ptr<store::Store> db = OpenStore(f.data_dir, "sync", err);
  if (!db) return kExitUsage;
  std::unique_ptr<daily::Fetcher> fetcher = daily::NewCurlFetcher();
  auto report = daily::Sync(*db, req, fetcher.get(), &err);
  if (!report.ok()) {
    err << "interdict sync: " << report.status().message() << "\n";
    return ExitFor(report.status());
  }
  if (f.json) {
    out << daily::SyncReportJson(*report) << "\n";
  } else {
    out << Pad("source", 12) << Pad("state", 10) << Pad("entities", 10, true) << "  "
        << Pad("as of", 12) << "detail\n";
    for (const daily::SourceOutcome& o : report->sources) {
      std::string detail = o.error.empty() ? o.origin : o.error;
      out << Pad(std::string(ListSourceCode(o.source)), 12)
          << Pad(std::string(daily::SourceStateName(o.state)), 10) << Pad(Num(o.entities), 10, true)
          << "  " << Pad(o.version.as_of, 12) << detail << "\n";
    }
    out << report->message << "\n";
  }
  if (report->ok()) return kExitOk;
  return report->committed ? kExitFindings : kExitUsage;
}

// --- digest --------------------------------------------------------------------------

struct DigestFlags {
  std::string data_dir;
  std::string since;
  std::string format = "md";
  std::string output;
  size_t limit = 1000;
};

int RunDigest(const DigestFlags& f, std::ostream& out, std::ostream& err) {
  std::optional<daily::DigestFormat> format = daily::DigestFormatFromName(f.format);
  if (!format) {
    err << "interdict digest: --format " << f.format << ": expected md, html or json\n";
    return kExitUsage;
  }
  std::unique_ptr<store::Store> db = OpenStore(f.data_dir, "digest", err);
  if (!db) return kExitUsage;
  auto digest = daily::LoadDigest(*db, daily::DigestRequest{f.since, f.limit});
  if (!digest.ok()) {
    err << "interdict digest: " << digest.status().message() << "\n";
    return ExitFor(digest.status());
  }
  std::string text = daily::RenderDigest((*digest)->input, *format);
  if (f.output.empty() || f.output == "-") {
    out << text;
    return kExitOk;
  }
  std::ofstream file(f.output, std::ios::binary | std::ios::trunc);
  file << text;
  file.close();
  if (!file) {
    err << "interdict digest: cannot write " << f.output << "\n";
    return kExitUsage;
  }
  err << "interdict digest: wrote " << f.output << "\n";
  return kExitOk;
}

// --- rescreen ------------------------------------------------------------------------

struct RescreenFlags {
  std::string data_dir;
  bool full = false;
  double threshold = kDefaultThreshold;
  int threads = 0;
  bool json = false;
};

int RunRescreen(const RescreenFlags& f, std::ostream& out, std::ostream& err) {
  std::unique_ptr<store::Store> db = OpenStore(f.data_dir, "rescreen", err);
  if (!db) return kExitUsage;
  daily::RescreenOptions options;
  options.full = f.full;
  options.screen.threshold = f.threshold;
  options.screen.threads = f.threads;
  auto r = daily::Rescreen(*db, options);
  if (!r.ok()) {
    err << "interdict rescreen: " << r.status().message() << "\n";
    return ExitFor(r.status());
  }
  if (f.json) {
    Json j;
    j["snapshot_id"] = r->snapshot_id;
    j["baseline_snapshot"] = r->baseline_snapshot;
    j["full"] = r->full;
    j["reason"] = r->reason;
    j["delta_entities"] = r->delta_entities;
    j["customers"] = r->customers;
    j["customers_full"] = r->customers_full;
    j["screened"] = r->stats.screened;
    j["skipped"] = r->stats.skipped;
    j["skip_reasons"] = r->stats.skip_reasons;
    j["matches"] = r->matches;
    j["alerts_raised"] = r->alerts_raised;
    j["alerts_duplicate"] = r->alerts_duplicate;
    j["alerts_suppressed"] = r->alerts_suppressed;
    j["seconds"] = r->stats.seconds;
    out << j.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
  } else {
    out << "rescreen against snapshot #" << r->snapshot_id << ": " << r->reason << "\n";
    if (!r->full) {
      out << "  " << Num(r->customers) << " customers x " << Num(r->delta_entities)
          << " new or changed entities; " << Num(r->customers_full)
          << " new or changed customers x the whole snapshot\n";
    } else {
      out << "  " << Num(r->customers) << " customers x the whole snapshot\n";
    }
    out << "  screened " << Num(r->stats.screened) << ", skipped " << Num(r->stats.skipped)
        << " in " << Fixed(r->stats.seconds, 2) << " s; " << Num(r->matches)
        << " potential matches\n";
    for (const std::string& why : r->stats.skip_reasons) out << "  skipped " << why << "\n";
    out << "  alerts: " << Num(r->alerts_raised) << " new, " << Num(r->alerts_duplicate)
        << " already raised, " << Num(r->alerts_suppressed) << " suppressed (false positive)\n";
  }
  return r->alerts_raised > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterSyncCommand(CLI::App& app, Commands& commands) {
  auto f = std::make_shared<SyncFlags>();
  CLI::App* cmd = app.add_subcommand(
      "sync",
      "Get the official list files (download, or --from DIR / --file SOURCE=PATH), validate "
      "them with the parsers and make the valid set the active snapshot. A source that fails "
      "keeps its last good version, marked stale. Exit 0 ok, 1 committed with stale sources, "
      "2 nothing committed.");
  cmd->add_option("--data-dir", f->data_dir,
                  "Store directory (default $INTERDICT_HOME or ./interdict-data)");
  cmd->add_option("--from", f->from,
                  "Folder with official files (sdn.csv, consolidated.xml, ConList.csv, ... "
                  "optionally .gz or in <source>/ subfolders)");
  cmd->add_option("--file", f->files, "SOURCE=PATH, e.g. ofac_sdn=sdn.csv (repeatable)");
  cmd->add_flag("--bundled", f->bundled, "Load the bundled data/ snapshot (offline)");
  cmd->add_option("--source", f->sources, "Download only these sources (repeatable)");
  cmd->add_flag("--strict", f->strict, "Commit nothing when any source fails");
  cmd->add_flag("--no-seed", f->no_seed,
                "On a first sync whose downloads fail, do not fall back to the bundled data");
  cmd->add_option("--timeout", f->timeout, "Per-file download timeout in seconds (900)");
  cmd->add_option("--retries", f->retries, "Download retries with backoff (3)");
  cmd->add_option("--max-size", f->max_mb, "Largest accepted file in MiB (1024)");
  cmd->add_option("--min-keep", f->min_keep,
                  "Refuse a source that shrinks below this share of its entities (0.5; 0 = off)");
  cmd->add_option("--label", f->label, "Label of the new snapshot");
  cmd->add_flag("--json", f->json, "Print a JSON summary (for cron / systemd timers)");
  commands.Add(cmd, [f](std::ostream& out, std::ostream& err) { return RunSync(*f, out, err); });
}

void RegisterDigestCommand(CLI::App& app, Commands& commands) {
  auto f = std::make_shared<DigestFlags>();
  CLI::App* cmd = app.add_subcommand(
      "digest",
      "What changed on which list since the previous snapshot (or --since): counts per list "
      "and program, new designations, removals, notable changes, customers affected.");
  cmd->add_option("--data-dir", f->data_dir,
                  "Store directory (default $INTERDICT_HOME or ./interdict-data)");
  cmd->add_option("--since", f->since,
                  "Baseline: a snapshot id, or a date (the newest snapshot created before it)");
  cmd->add_option("--format", f->format, "md (default), html or json");
  cmd->add_option("-o,--output", f->output, "Write to this file instead of stdout");
  cmd->add_option("--limit", f->limit, "Most entities listed per section (1000; 0 = all)");
  commands.Add(cmd, [f](std::ostream& out, std::ostream& err) { return RunDigest(*f, out, err); });
}

void RegisterRescreenCommand(CLI::App& app, Commands& commands) {
  auto f = std::make_shared<RescreenFlags>();
  CLI::App* cmd = app.add_subcommand(
      "rescreen",
      "Screen the customers against what changed since the last rescreen (new and changed "
      "entities), or --full against everything; new potential matches become alerts. Exit 0 "
      "no new alert, 1 new alerts.");
  cmd->add_option("--data-dir", f->data_dir,
                  "Store directory (default $INTERDICT_HOME or ./interdict-data)");
  cmd->add_flag("--full", f->full, "Screen every customer against the whole snapshot");
  cmd->add_option("--threshold", f->threshold, "Alert threshold in [0,1] (default 0.86)");
  cmd->add_option("--threads", f->threads, "Worker threads (0 = all cores)");
  cmd->add_flag("--json", f->json, "Print a JSON summary");
  commands.Add(cmd,
               [f](std::ostream& out, std::ostream& err) { return RunRescreen(*f, out, err); });
}

}  // namespace interdict::cli
