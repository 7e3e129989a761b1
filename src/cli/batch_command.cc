// `interdict batch`: screen a whole CSV or JSON Lines file (service/batch.h).

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "cli/cli.h"
#include "cli/command.h"
#include "cli/format.h"
#include "cli/lists_command.h"
#include "service/batch.h"
#include "service/dataset.h"
#include "service/query_json.h"

namespace interdict::cli {
namespace {

struct BatchCommandOptions {
  std::string input;
  std::string output;
  std::string format = "jsonl";
  std::string input_format = "auto";
  std::string data_dir;
  std::vector<std::string> lists;
  service::BatchOptions batch;
  bool quiet = false;
  bool full_explanation = false;
};

std::string Duration(double seconds) {
  if (seconds < 0) return "?";
  long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ldm%02lds", s / 60, s % 60);
  }
  return buf;
}

// Redraws one status line on a terminal, at most 5 times a second.
class ProgressBar {
 public:
  ProgressBar(std::ostream& err, size_t total_bytes) : err_(err), total_(total_bytes) {}

  void Update(const service::BatchProgress& p, bool final) {
    auto now = std::chrono::steady_clock::now();
    if (!final && now - last_ < std::chrono::milliseconds(200)) return;
    last_ = now;
    double elapsed = std::chrono::duration<double>(now - start_).count();
    double rate = elapsed > 0 ? p.rows / elapsed : 0;
    std::string line = "\r" + Num(p.rows) + " rows  " + Num(static_cast<size_t>(rate)) +
                       " rows/s  " + Num(p.rows_with_hits) + " with hits";
    if (p.errors > 0) line += "  " + Num(p.errors) + " skipped";
    if (total_ > 0 && p.bytes_read > 0) {
      double fraction = std::min(1.0, static_cast<double>(p.bytes_read) / total_);
      int width = 24;
      int filled = static_cast<int>(fraction * width);
      line += "  [" + std::string(filled, '#') + std::string(width - filled, '.') + "] " +
              Fixed(fraction * 100, 0) + "%";
      if (fraction > 0 && !final) line += "  ETA " + Duration(elapsed * (1 - fraction) / fraction);
    }
    line += "\x1b[K";  // clear to the end of the line
    err_ << line << (final ? "\n" : "") << std::flush;
  }

 private:
  std::ostream& err_;
  size_t total_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_;
};

int RunBatchCommand(BatchCommandOptions& o, std::ostream& out, std::ostream& err) {
  service::BatchOptions& b = o.batch;
  if (o.format == "jsonl") {
    b.output = service::BatchOutput::kJsonl;
  } else if (o.format == "csv") {
    b.output = service::BatchOutput::kCsv;
  } else {
    err << "interdict batch: --format must be jsonl or csv\n";
    return kExitUsage;
  }
  if (o.input_format == "auto") {
    b.input = service::BatchInput::kAuto;
  } else if (o.input_format == "csv") {
    b.input = service::BatchInput::kCsv;
  } else if (o.input_format == "jsonl") {
    b.input = service::BatchInput::kJsonl;
  } else {
    err << "interdict batch: --input-format must be auto, csv or jsonl\n";
    return kExitUsage;
  }
  auto lists = service::ListsFromCodes(o.lists);
  if (!lists.ok()) {
    err << "interdict batch: --lists: " << lists.status().message() << "\n";
    return kExitUsage;
  }
  b.lists = *lists;
  if (o.full_explanation) b.explain = engine::ExplainLevel::kFull;

  std::ifstream file;
  std::istream* in = &std::cin;
  size_t total_bytes = 0;
  if (o.input != "-") {
    file.open(o.input, std::ios::binary);
    if (!file) {
      err << "interdict batch: cannot open " << o.input << "\n";
      return kExitUsage;
    }
    file.seekg(0, std::ios::end);
    std::streamoff size = file.tellg();
    file.seekg(0, std::ios::beg);
    if (size > 0) total_bytes = static_cast<size_t>(size);
    in = &file;
  }
  std::ofstream out_file;
  std::ostream* sink = &out;
  if (!o.output.empty() && o.output != "-") {
    out_file.open(o.output, std::ios::binary | std::ios::trunc);
    if (!out_file) {
      err << "interdict batch: cannot write " << o.output << "\n";
      return kExitUsage;
    }
    sink = &out_file;
  }

  std::string data_dir = o.data_dir.empty() ? DefaultDataDir() : o.data_dir;
  if (!o.quiet) err << "interdict batch: loading lists from " << data_dir << "...\n";
  auto dataset = service::Dataset::Load(data_dir, {});
  if (!dataset.ok()) {
    err << "interdict batch: " << dataset.status().message() << "\n";
    return kExitUsage;
  }

  bool tty = !o.quiet && isatty(STDERR_FILENO) && &err == &std::cerr;
  ProgressBar bar(err, total_bytes);
  std::function<void(const service::BatchProgress&)> progress;
  if (tty) progress = [&bar](const service::BatchProgress& p) { bar.Update(p, false); };
  std::string input_name = o.input == "-" ? "<stdin>" : o.input;
  auto summary =
      service::RunBatch((*dataset)->screener(), *in, input_name, *sink, b, &err, progress);
  if (!summary.ok()) {
    if (tty) err << "\n";
    err << "interdict batch: " << summary.status().message() << "\n";
    return kExitUsage;
  }
  if (out_file.is_open()) {
    out_file.close();
    if (!out_file) {
      err << "interdict batch: error writing " << o.output << "\n";
      return kExitUsage;
    }
  }
  if (tty) {
    service::BatchProgress last;
    last.rows = summary->rows;
    last.rows_with_hits = summary->rows_with_hits;
    last.errors = summary->errors;
    last.bytes_read = total_bytes;
    bar.Update(last, true);
  }
  if (!o.quiet) {
    double rate = summary->seconds > 0 ? summary->rows / summary->seconds : 0;
    err << "interdict batch: " << Num(summary->rows) << " rows, " << Num(summary->rows_with_hits)
        << " with hits (" << Num(summary->hits) << " hits at threshold " << Fixed(b.threshold, 2)
        << "), " << Num(summary->errors) << " malformed rows skipped, "
        << Fixed(summary->seconds, 1) << " s (" << Num(static_cast<size_t>(rate)) << " rows/s)\n";
  }
  return summary->rows_with_hits > 0 ? kExitFindings : kExitOk;
}

}  // namespace

void RegisterBatchCommand(CLI::App& app, Commands& commands) {
  auto o = std::make_shared<BatchCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "batch",
      "Screen every row of a CSV (with a header) or JSON Lines file; writes one JSON line (or "
      "CSV row) per input row, in input order. Exit code 0 = no hits, 1 = hits, 2 = usage or "
      "input error. Malformed rows are reported on stderr with their line and skipped (or "
      "stop the run with --strict).");
  cmd->add_option("input", o->input, "Input file, or - for stdin")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default stdout)");
  cmd->add_option("--format", o->format,
                  "Output: jsonl (default; every hit) or csv (best hit "
                  "per row plus a hit count)");
  cmd->add_option("--input-format", o->input_format,
                  "auto (default: JSON Lines when the input starts with '{'), csv or jsonl");
  cmd->add_option("--name-col", o->batch.name_col,
                  "Name column or key (default: name, full_name, party_name, customer_name, "
                  "company_name, entity_name)");
  cmd->add_option("--kind-col", o->batch.kind_col, "Kind column (default: kind, type, schema)");
  cmd->add_option("--dob-col", o->batch.dob_col,
                  "Date-of-birth column (default: dob, "
                  "date_of_birth, birth_date)");
  cmd->add_option("--country-col", o->batch.country_col,
                  "Country column (default: country, country_code, nationality)");
  cmd->add_option("--id-col", o->batch.id_col,
                  "Identifier column, several values split by ';' (default: ids, identifiers, "
                  "identifier, id_number, passport, imo, tax_id)");
  cmd->add_option("--top", o->batch.top, "Most hits per row (default 5)")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--threshold", o->batch.threshold, "Alert threshold (default 0.86)")
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--threads", o->batch.threads, "Screening threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  cmd->add_option("--lists", o->lists,
                  "Only these lists: ofac_sdn ofac_nonsdn us_csl un eu "
                  "uk_ofsi inhouse");
  cmd->add_flag("--strict", o->batch.strict, "Stop at the first malformed row (exit code 2)");
  cmd->add_flag("--full-explanation", o->full_explanation,
                "Explain hits with the token alignment, not just the summary");
  cmd->add_flag("-q,--quiet", o->quiet, "No progress bar and no summary on stderr");
  cmd->add_option("--data", o->data_dir, "Directory with manifest.json");
  commands.Add(cmd,
               [o](std::ostream& out, std::ostream& err) { return RunBatchCommand(*o, out, err); });
}

}  // namespace interdict::cli
