#include "base/csv.h"

namespace interdict::base {

CsvReader::CsvReader(std::string_view data, CsvOptions options) : data_(data), options_(options) {
  if (data_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte order mark
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  if (!status_.ok()) return false;
  const size_t n = data_.size();
  // Skip empty lines and a trailing DOS EOF marker.
  while (pos_ < n) {
    char c = data_[pos_];
    if (c == '\x1A' && pos_ + 1 == n) {
      pos_ = n;
    } else if (options_.skip_empty_lines && c == '\n') {
      ++pos_;
      ++line_;
    } else if (options_.skip_empty_lines && c == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++line_;
    } else {
      break;
    }
  }
  if (pos_ >= n) return false;

  record_line_ = line_;
  size_t used = 0;
  auto next_field = [&]() -> std::string& {
    if (used == fields->size()) fields->emplace_back();
    std::string& f = (*fields)[used++];
    f.clear();
    return f;
  };

  std::string* field = &next_field();
  bool in_quotes = false;
  bool was_quoted = false;
  size_t quote_line = 0;
  while (pos_ < n) {
    char c = data_[pos_];
    if (in_quotes) {
      if (c == '"') {
        if (pos_ + 1 < n && data_[pos_ + 1] == '"') {
          field->push_back('"');
          pos_ += 2;
        } else {
          in_quotes = false;
          ++pos_;
        }
        continue;
      }
      if (c == '\n') ++line_;
      field->push_back(c);
      ++pos_;
    } else if (c == options_.delimiter) {
      field = &next_field();
      was_quoted = false;
      ++pos_;
      continue;
    } else if (c == '\n' || (c == '\r' && pos_ + 1 < n && data_[pos_ + 1] == '\n')) {
      pos_ += (c == '\r') ? 2 : 1;
      ++line_;
      break;
    } else if (c == '"' && field->empty() && !was_quoted) {
      in_quotes = true;
      was_quoted = true;
      quote_line = line_;
      ++pos_;
      continue;
    } else if (c == '\x1A' && pos_ + 1 == n) {
      ++pos_;  // DOS EOF right after a record without a final newline
      continue;
    } else {
      // Characters after a closing quote, or a bare quote inside an unquoted field, are kept
      // as text: lenient like most readers, and nothing is lost.
      field->push_back(c);
      ++pos_;
    }
    if (field->size() > options_.max_field_bytes) {
      status_ = Status::DataLoss("line " + std::to_string(record_line_) + ": field " +
                                 std::to_string(used) + " is longer than " +
                                 std::to_string(options_.max_field_bytes) + " bytes");
      return false;
    }
  }
  if (in_quotes) {
    status_ = Status::DataLoss("line " + std::to_string(quote_line) +
                               ": quoted field is not closed before the end of the file "
                               "(truncated file?)");
    return false;
  }
  fields->resize(used);
  return true;
}

}  // namespace interdict::base
