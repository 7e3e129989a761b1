// File: store/customer_file.h
//
// Reads a customer file for `interdict customers import`: CSV with a header row, or JSON
// Lines (one object per line). Columns / keys: id (or customer_id), name, kind, dob, country,
// ids (CSV: several separated by ';'; JSONL: an array of strings or one string). Format in
// docs/store.md.
//
//   INTERDICT_ASSIGN_OR_RETURN(ParsedCustomers parsed, ParseCustomerFile("c.csv", bytes));
//   for (const Diagnostic& d : parsed.diagnostics.items()) std::cerr << d.ToString() << "\n";
//   INTERDICT_ASSIGN_OR_RETURN(ImportReport r, store->ImportCustomers(parsed.customers, {}));
//
// Pure: bytes in, customers and diagnostics out (no I/O). Thread-compatible.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/list.h"
#include "interdict/status.h"

#include "store/store.h"

namespace interdict::store {

enum class CustomerFileFormat : uint8_t { kAuto = 0, kCsv, kJsonl };

struct ParsedCustomers {
  std::vector<Customer> customers;
  std::vector<size_t> lines;  // the 1-based line each customer starts on
  // Rows that were skipped (no id, no name, bad UTF-8, wrong field count, bad JSON, an id
  // seen before in the file) or read with a field dropped (unknown kind): each names the
  // file, the line and the customer id when known.
  Diagnostics diagnostics;
};

// Refuses the whole file (kDataLoss, naming the file and line) when it is empty, binary,
// an unterminated CSV quote, or a CSV whose header lacks an id or name column. kAuto picks
// JSONL when the file name ends in .jsonl/.ndjson or the first non-blank byte is '{', else
// CSV.
Result<ParsedCustomers> ParseCustomerFile(std::string_view file_name, std::string_view bytes,
                                          CustomerFileFormat format = CustomerFileFormat::kAuto);

// "person"/"individual", "organization"/"company"/"entity", "vessel", "aircraft", "" ->
// kind; false for anything else.
bool ParseCustomerKind(std::string_view text, EntityKind* kind);

}  // namespace interdict::store
