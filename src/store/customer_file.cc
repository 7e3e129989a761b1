#include "store/customer_file.h"

#include <optional>
#include <unordered_set>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/text.h"

namespace interdict::store {
namespace {

std::string Line(size_t line) { return "line " + std::to_string(line); }

// Splits "a; b ;c" into trimmed non-empty parts.
std::vector<std::string> SplitIds(std::string_view text) {
  std::vector<std::string> ids;
  for (std::string_view part : base::Split(text, ";")) {
    part = base::Trim(part);
    if (!part.empty()) ids.emplace_back(part);
  }
  return ids;
}

// Checks and adds one customer read from `line`; returns false when it was skipped.
bool AddCustomer(std::string_view file, size_t line, Customer c, std::string_view kind_text,
                 std::unordered_set<std::string>* seen, ParsedCustomers* out) {
  Diagnostics& diags = out->diagnostics;
  const std::string f(file);
  c.id = std::string(base::Trim(c.id));
  c.name = base::CollapseWhitespace(c.name);
  c.dob = std::string(base::Trim(c.dob));
  c.country = std::string(base::Trim(c.country));
  for (const std::string* field : {&c.id, &c.name, &c.dob, &c.country}) {
    if (!base::IsValidUtf8(*field)) {
      diags.Skip(f, Line(line), base::IsValidUtf8(c.id) ? c.id : "", "invalid UTF-8");
      return false;
    }
  }
  for (const std::string& id : c.ids) {
    if (!base::IsValidUtf8(id)) {
      diags.Skip(f, Line(line) + ", column ids", c.id, "invalid UTF-8");
      return false;
    }
  }
  if (c.id.empty()) {
    diags.Skip(f, Line(line) + ", column id", "", "no customer id");
    return false;
  }
  if (c.name.empty()) {
    diags.Skip(f, Line(line) + ", column name", c.id, "no name");
    return false;
  }
  if (!ParseCustomerKind(kind_text, &c.kind)) {
    diags.Warn(f, Line(line) + ", column kind", c.id,
               "unknown kind \"" + std::string(kind_text) + "\" (kept as unknown)");
    c.kind = EntityKind::kUnknown;
  }
  if (!seen->insert(c.id).second) {
    diags.Skip(f, Line(line) + ", column id", c.id, "customer id given earlier in the file");
    return false;
  }
  out->customers.push_back(std::move(c));
  out->lines.push_back(line);
  return true;
}

Result<ParsedCustomers> ParseCsv(std::string_view file, std::string_view bytes) {
  const std::string f(file);
  ParsedCustomers out;
  base::CsvReader reader(bytes);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    if (!reader.status().ok()) return reader.status().WithPrefix(f);
    return Status::DataLoss(f + ": empty file (expected a header row)");
  }
  // Header: find the columns by name, case-insensitive; a UTF-8 BOM is ignored.
  std::optional<size_t> col_id, col_name, col_kind, col_dob, col_country, col_ids;
  for (size_t i = 0; i < row.size(); ++i) {
    std::string h = base::AsciiToLower(base::Trim(row[i]));
    if (i == 0 && h.starts_with("\xef\xbb\xbf")) h = h.substr(3);
    if (h == "id" || h == "customer_id") col_id = i;
    if (h == "name") col_name = i;
    if (h == "kind" || h == "type") col_kind = i;
    if (h == "dob" || h == "date_of_birth") col_dob = i;
    if (h == "country") col_country = i;
    if (h == "ids" || h == "identifiers") col_ids = i;
  }
  if (!col_id || !col_name) {
    return Status::DataLoss(f + ": line " + std::to_string(reader.line()) +
                            ": header must name an id (or customer_id) and a name column");
  }
  const size_t columns = row.size();
  std::unordered_set<std::string> seen;
  while (reader.Next(&row)) {
    const size_t line = reader.line();
    if (row.size() != columns) {
      out.diagnostics.Skip(
          f, Line(line), row.empty() ? "" : row[0],
          "expected " + std::to_string(columns) + " fields, found " + std::to_string(row.size()));
      continue;
    }
    Customer c;
    c.id = row[*col_id];
    c.name = row[*col_name];
    if (col_dob) c.dob = row[*col_dob];
    if (col_country) c.country = row[*col_country];
    if (col_ids) c.ids = SplitIds(row[*col_ids]);
    AddCustomer(file, line, std::move(c), col_kind ? std::string_view(row[*col_kind]) : "", &seen,
                &out);
  }
  if (!reader.status().ok()) return reader.status().WithPrefix(f);
  return out;
}

// A JSON value that should be text: strings as they are, numbers printed; else nullopt.
std::optional<std::string> AsText(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return v.dump();
  if (v.is_null()) return std::string();
  return std::nullopt;
}

Result<ParsedCustomers> ParseJsonl(std::string_view file, std::string_view bytes) {
  const std::string f(file);
  ParsedCustomers out;
  std::unordered_set<std::string> seen;
  size_t line = 0;
  size_t pos = 0;
  bool any = false;
  while (pos < bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view text = base::Trim(bytes.substr(pos, end - pos));
    pos = end + 1;
    ++line;
    if (text.empty()) continue;
    any = true;
    if (!base::IsValidUtf8(text)) {
      out.diagnostics.Skip(f, Line(line), "", "invalid UTF-8");
      continue;
    }
    nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded() || !j.is_object()) {
      out.diagnostics.Skip(f, Line(line), "", "not a JSON object");
      continue;
    }
    Customer c;
    std::string kind;
    bool ok = true;
    auto field = [&](const char* key, const char* alt, std::string* dst) {
      auto it = j.find(key);
      if (it == j.end() && alt != nullptr) it = j.find(alt);
      if (it == j.end()) return;
      std::optional<std::string> v = AsText(*it);
      if (!v) {
        out.diagnostics.Skip(f, Line(line) + ", field " + key, "", "not a string");
        ok = false;
        return;
      }
      *dst = std::move(*v);
    };
    field("id", "customer_id", &c.id);
    if (ok) field("name", nullptr, &c.name);
    if (ok) field("kind", "type", &kind);
    if (ok) field("dob", "date_of_birth", &c.dob);
    if (ok) field("country", nullptr, &c.country);
    if (!ok) continue;
    if (auto it = j.find("ids"); it != j.end()) {
      if (it->is_string()) {
        c.ids = SplitIds(it->get<std::string>());
      } else if (it->is_array()) {
        for (const auto& v : *it) {
          std::optional<std::string> s = AsText(v);
          if (!s) {
            ok = false;
            break;
          }
          if (!base::Trim(*s).empty()) c.ids.emplace_back(base::Trim(*s));
        }
      } else if (!it->is_null()) {
        ok = false;
      }
      if (!ok) {
        out.diagnostics.Skip(f, Line(line) + ", field ids", c.id,
                             "ids must be a string or an array of strings");
        continue;
      }
    }
    AddCustomer(file, line, std::move(c), kind, &seen, &out);
  }
  if (!any) return Status::DataLoss(f + ": empty file (no customer lines)");
  return out;
}

}  // namespace

bool ParseCustomerKind(std::string_view text, EntityKind* kind) {
  std::string t = base::AsciiToLower(base::Trim(text));
  if (t.empty() || t == "unknown") {
    *kind = EntityKind::kUnknown;
    return true;
  }
  EntityKind k = EntityKindFromName(t);
  if (k == EntityKind::kUnknown) return false;
  *kind = k;
  return true;
}

Result<ParsedCustomers> ParseCustomerFile(std::string_view file_name, std::string_view bytes,
                                          CustomerFileFormat format) {
  const std::string f(file_name);
  if (base::Trim(bytes).empty()) return Status::DataLoss(f + ": empty file");
  if (base::LooksBinary(bytes)) {
    return Status::DataLoss(
        f + ": line " +
        std::to_string(base::LineOfOffset(
            bytes, bytes.find('\0') == std::string_view::npos ? 0 : bytes.find('\0'))) +
        ": binary data, not a CSV or JSONL customer file");
  }
  if (format == CustomerFileFormat::kAuto) {
    std::string_view t = base::Trim(bytes);
    if (t.starts_with("\xef\xbb\xbf")) t = base::Trim(t.substr(3));
    format = base::EndsWith(file_name, ".jsonl") || base::EndsWith(file_name, ".ndjson") ||
                     t.starts_with("{")
                 ? CustomerFileFormat::kJsonl
                 : CustomerFileFormat::kCsv;
  }
  if (bytes.starts_with("\xef\xbb\xbf")) bytes.remove_prefix(3);
  return format == CustomerFileFormat::kJsonl ? ParseJsonl(file_name, bytes)
                                              : ParseCsv(file_name, bytes);
}

}  // namespace interdict::store
