// File: service/batch.h
//
// Screening a whole file: a CSV with a header or JSON Lines in, one JSON line (or one CSV
// row) per input row out, in input order. Streams with constant memory whatever the input
// size: rows are read in chunks, screened by a pool of threads, and written in order, with
// at most a few chunks in flight.
//
//   service::BatchOptions o;  o.top = 5;
//   INTERDICT_ASSIGN_OR_RETURN(service::BatchSummary s,
//       service::RunBatch(screener, std::cin, "-", std::cout, o, &std::cerr, nullptr));
//
// A malformed row (missing or invalid name, unknown kind, too many fields) is reported on
// `row_errors` as "FILE:LINE: message", written out with an "error" field instead of hits,
// and skipped; with `strict` it stops the run with kInvalidArgument naming the line.
#pragma once

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/screener.h"
#include "interdict/status.h"

#include "engine/hit_json.h"

namespace interdict::service {

enum class BatchInput { kAuto, kCsv, kJsonl };  // kAuto: JSONL when the first byte is '{'
enum class BatchOutput { kJsonl, kCsv };

struct BatchOptions {
  BatchInput input = BatchInput::kAuto;
  BatchOutput output = BatchOutput::kJsonl;
  // Column (CSV) or key (JSONL) names; empty = the first of the usual names present
  // (name: name, full_name, party_name, customer_name, company_name, entity_name; kind:
  // kind, type, schema, entity_type, party_type; dob: dob, date_of_birth, birth_date;
  // country: country, country_code, nationality, citizenship; ids: ids, identifiers,
  // identifier, id_number, passport, imo, tax_id). Several ids in a cell: "A1; B2".
  std::string name_col, kind_col, dob_col, country_col, id_col;
  size_t top = 5;  // most hits per row
  double threshold = kDefaultThreshold;
  int threads = 0;  // 0 = all cores
  std::vector<ListSource> lists;
  bool strict = false;
  engine::ExplainLevel explain = engine::ExplainLevel::kCompact;
  size_t chunk_rows = 256;
};

struct BatchProgress {
  size_t rows = 0;
  size_t rows_with_hits = 0;
  size_t hits = 0;
  size_t errors = 0;
  size_t bytes_read = 0;
};

struct BatchSummary {
  size_t rows = 0;
  size_t rows_with_hits = 0;
  size_t hits = 0;
  size_t errors = 0;  // malformed rows skipped
  double seconds = 0;
};

// Errors: kInvalidArgument for a header without the name column, an unreadable first line,
// a CSV quote left open at the end, or (strict) the first malformed row.
Result<BatchSummary> RunBatch(const Screener& screener, std::istream& in,
                              std::string_view input_name, std::ostream& out,
                              const BatchOptions& options, std::ostream* row_errors,
                              const std::function<void(const BatchProgress&)>& progress);

}  // namespace interdict::service
