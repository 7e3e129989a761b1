// File: base/csv.h
//
// A streaming RFC 4180 CSV reader over an in-memory buffer: quoted fields, "" escapes,
// embedded newlines, CRLF or LF records, and OFAC's trailing DOS EOF byte (0x1A).
//
//   base::CsvReader reader(bytes);
//   std::vector<std::string> row;
//   while (reader.Next(&row)) { ... reader.line() ... }
//   if (!reader.status().ok()) return reader.status().WithPrefix(file_name);
//
// Thread-compatible. The reader borrows `data`: the caller keeps it alive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/status.h"

namespace interdict::base {

struct CsvOptions {
  char delimiter = ',';
  // A field longer than this fails the read with kDataLoss (a hostile or corrupt file).
  size_t max_field_bytes = 8u << 20;
  // Lines that are empty (or only "\r") are skipped instead of read as one empty field.
  bool skip_empty_lines = true;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view data, CsvOptions options = {});

  // Reads the next record into *fields (reusing its storage). Returns false at the end of
  // the input or on an error; then status() tells which.
  bool Next(std::vector<std::string>* fields);

  // 1-based line number on which the record last returned by Next() starts.
  size_t line() const { return record_line_; }
  // Byte offset just past the last record read.
  size_t offset() const { return pos_; }
  // OK at a clean end of input; kDataLoss naming the line for an unterminated quote or an
  // oversized field.
  const Status& status() const { return status_; }

 private:
  std::string_view data_;
  CsvOptions options_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 0;
  Status status_;
};

}  // namespace interdict::base
