#include "lists/inhouse/inhouse.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/csv.h"
#include "base/text.h"
#include "lists/common.h"
#include "model/date.h"

namespace interdict::lists {
namespace {

constexpr std::string_view kFormat = "inhouse_csv";

// A cell longer than this is not a hand-kept list entry; it means a stray quote swallowed the
// rows after it, and the file is refused.
constexpr size_t kMaxFieldBytes = 256u << 10;

enum class Column : uint8_t {
  kId = 0,
  kName,
  kKind,
  kAliases,
  kDob,
  kCountry,
  kIds,
  kProgram,
  kRemarks,
  kCount,  // not a column
};
constexpr size_t kColumnCount = static_cast<size_t>(Column::kCount);
constexpr size_t Index(Column c) { return static_cast<size_t>(c); }

struct ColumnSpec {
  Column column;
  std::string_view name;                 // the documented name, used in messages
  std::array<std::string_view, 3> also;  // accepted spellings besides `name`; "" = none
};

// docs/formats/inhouse.md#columns
constexpr ColumnSpec kColumns[] = {
    {Column::kId, "id", {"", "", ""}},
    {Column::kName, "name", {"", "", ""}},
    {Column::kKind, "kind", {"type", "", ""}},
    {Column::kAliases, "aliases", {"alias", "aka", ""}},
    {Column::kDob, "dob", {"date_of_birth", "dates_of_birth", ""}},
    {Column::kCountry, "country", {"countries", "", ""}},
    {Column::kIds, "ids", {"identifiers", "", ""}},
    {Column::kProgram, "program", {"programs", "", ""}},
    {Column::kRemarks, "remarks", {"remark", "notes", ""}},
};

std::string_view ColumnName(Column c) { return kColumns[Index(c)].name; }

// True when `s` has at least one well-formed multi-byte UTF-8 sequence: then it is UTF-8
// with damaged bytes, not a Windows-1252 export.
bool HasUtf8MultiByte(std::string_view s) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t start = pos;
    base::DecodeUtf8(s, &pos);
    if (pos - start > 1) return true;
  }
  return false;
}

// The `kind` cell: docs/formats/inhouse.md#kind.
std::optional<EntityKind> KindFromCell(std::string_view cell) {
  std::string lower = base::AsciiToLower(cell);
  if (lower == "person" || lower == "individual") return EntityKind::kPerson;
  if (lower == "organization" || lower == "organisation" || lower == "entity" ||
      lower == "company") {
    return EntityKind::kOrganization;
  }
  if (lower == "vessel" || lower == "ship") return EntityKind::kVessel;
  if (lower == "aircraft") return EntityKind::kAircraft;
  return std::nullopt;
}

// A country part of an id ("IR", "Iran", "United Kingdom"): letters and spaces only, which
// tells it from the rest of a value such as "https://example.com".
bool LooksLikeCountryText(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool letter =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
    if (!letter && c != ' ' && c != '.' && c != '\'' && c != '-') return false;
  }
  return true;
}

class InHouseParser {
 public:
  explicit InHouseParser(const InputFile& file) : file_(file), source_file_(MakeSourceFile(file)) {}

  Result<ParsedList> Parse();

 private:
  Status DataLoss(std::string_view what) const {
    return Status::DataLoss(source_file_.name + ": " + std::string(what));
  }
  Status ReadHeader(const std::vector<std::string>& header, size_t line);
  void ParseRow(const std::vector<std::string>& row);
  void AddIdentifier(std::string_view spec, Entity* e);

  std::string_view Get(Column c) const { return CellAt(*row_, columns_[Index(c)]); }
  void Warn(Column c, std::string message) {
    list_.diagnostics.Warn(source_file_.name,
                           LineLocation(line_) + ", column " + std::string(ColumnName(c)),
                           record_id_, std::move(message));
  }
  void Skip(std::string message) {
    list_.diagnostics.Skip(source_file_.name, LineLocation(line_), record_id_, std::move(message));
  }

  const InputFile& file_;
  SourceFile source_file_;
  ParsedList list_;
  std::array<size_t, kColumnCount> columns_{};
  size_t header_cells_ = 0;
  std::unordered_map<std::string, size_t> first_line_of_id_;

  const std::vector<std::string>* row_ = nullptr;
  size_t line_ = 0;
  std::string record_id_;
};

Status InHouseParser::ReadHeader(const std::vector<std::string>& header, size_t line) {
  columns_.fill(kAbsentColumn);
  header_cells_ = header.size();
  std::string unknown;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view cell = base::Trim(header[i]);
    const ColumnSpec* spec = nullptr;
    for (const ColumnSpec& s : kColumns) {
      bool match = base::EqualsIgnoreCase(cell, s.name);
      for (std::string_view alt : s.also)
        match = match || (!alt.empty() && base::EqualsIgnoreCase(cell, alt));
      if (match) {
        spec = &s;
        break;
      }
    }
    if (spec == nullptr) {
      unknown += (unknown.empty() ? "'" : ", '") + std::string(cell) + "'";
      continue;
    }
    size_t& slot = columns_[Index(spec->column)];
    if (slot != kAbsentColumn) {
      list_.diagnostics.Warn(source_file_.name, LineLocation(line), "",
                             "column '" + std::string(cell) + "' repeats column '" +
                                 std::string(spec->name) + "'; only the first is read");
      continue;
    }
    slot = i;
  }
  std::string missing;
  for (Column c : {Column::kId, Column::kName}) {
    if (columns_[Index(c)] == kAbsentColumn) {
      missing += (missing.empty() ? "" : ", ") + std::string(ColumnName(c));
    }
  }
  if (!missing.empty()) {
    std::string message = LineLocation(line) + ": the header has no " + missing +
                          " column (required: id, name; see docs/formats/inhouse.md)";
    // A common mistake: a spreadsheet saved with ';' or tabs between cells.
    if (header.size() == 1 && header[0].find_first_of(";\t") != std::string::npos) {
      message +=
          "; the file looks separated by ';' or tabs, but cells must be separated "
          "by commas";
    }
    return DataLoss(message);
  }
  if (!unknown.empty()) {
    list_.diagnostics.Warn(source_file_.name, LineLocation(line), "",
                           "unknown column(s) ignored: " + unknown);
  }
  return Status::Ok();
}

void InHouseParser::AddIdentifier(std::string_view spec, Entity* e) {
  size_t colon = spec.find(':');
  if (colon == std::string_view::npos) {
    Warn(Column::kIds,
         "id '" + std::string(spec) + "' has no type (write type:value); kept with type other");
    e->identifiers.push_back(Identifier{.type = IdType::kOther, .value = std::string(spec)});
    return;
  }
  std::string_view type_text = base::Trim(spec.substr(0, colon));
  std::string_view value = base::Trim(spec.substr(colon + 1));
  std::string_view country_text;
  size_t last = value.rfind(':');
  if (last != std::string_view::npos && LooksLikeCountryText(base::Trim(value.substr(last + 1)))) {
    country_text = base::Trim(value.substr(last + 1));
    value = base::Trim(value.substr(0, last));
  }
  if (value.empty()) {
    Warn(Column::kIds, "id '" + std::string(spec) + "' has no value; dropped");
    return;
  }
  Identifier id;
  id.value = std::string(value);
  id.label = std::string(type_text);
  std::string lower = base::AsciiToLower(type_text);
  id.type = IdTypeFromName(lower);
  if (id.type == IdType::kOther) id.type = IdTypeFromLabel(type_text);
  if (id.type == IdType::kOther && lower != "other") {
    Warn(Column::kIds, "unknown id type '" + std::string(type_text) + "'; kept as other");
  }
  if (!country_text.empty()) {
    id.country = CountryCode(country_text);
    if (id.country.empty()) {
      Warn(Column::kIds, "id country '" + std::string(country_text) +
                             "' is not a known country; kept in the note");
      id.note = "country " + std::string(country_text);
    }
  }
  e->identifiers.push_back(std::move(id));
}

void InHouseParser::ParseRow(const std::vector<std::string>& row) {
  row_ = &row;
  record_id_ = std::string(Get(Column::kId));
  if (row.size() != header_cells_) {
    list_.diagnostics.Warn(source_file_.name, LineLocation(line_), record_id_,
                           "row has " + std::to_string(row.size()) + " cells, the header " +
                               std::to_string(header_cells_) +
                               (row.size() < header_cells_ ? "; missing cells read as empty"
                                                           : "; extra cells ignored"));
  }
  if (record_id_.empty()) {
    Skip("empty id");
    return;
  }
  std::string name = OneLine(Get(Column::kName));
  if (name.empty()) {
    Skip("empty name");
    return;
  }
  auto [it, inserted] = first_line_of_id_.emplace(record_id_, line_);
  if (!inserted) {
    Skip("duplicate id '" + record_id_ + "' (first used on line " + std::to_string(it->second) +
         ")");
    return;
  }

  Entity e;
  e.source = ListSource::kInHouse;
  e.source_id = record_id_;
  e.names.push_back(Name{.full = name, .type = NameType::kPrimary});
  for (std::string_view alias : base::SplitTrimmed(Get(Column::kAliases), ";")) {
    e.names.push_back(Name{.full = OneLine(alias), .type = NameType::kAka});
  }
  for (std::string_view text : base::SplitTrimmed(Get(Column::kDob), ";")) {
    if (std::optional<DateOfBirth> dob = model::ParseDateOfBirth(text)) {
      e.dates_of_birth.push_back(std::move(*dob));
    } else {
      Warn(Column::kDob, "unreadable date of birth '" + std::string(text) + "'; dropped");
    }
  }

  std::string_view kind_cell = Get(Column::kKind);
  if (!kind_cell.empty()) {
    if (std::optional<EntityKind> kind = KindFromCell(kind_cell)) {
      e.kind = *kind;
    } else {
      Warn(Column::kKind, "unknown kind '" + std::string(kind_cell) +
                              "' (use person, organization, vessel or aircraft)");
    }
  }
  if (e.kind == EntityKind::kUnknown && !e.dates_of_birth.empty()) e.kind = EntityKind::kPerson;

  for (std::string_view text : base::SplitTrimmed(Get(Column::kCountry), ";")) {
    std::string code = CountryCode(text);
    if (e.kind == EntityKind::kPerson) {
      if (code.empty()) {
        Warn(Column::kCountry,
             "country '" + std::string(text) + "' is not a known country; dropped");
      } else {
        AddUnique(&e.nationalities, code);
      }
      continue;
    }
    if (code.empty()) {
      Warn(Column::kCountry,
           "country '" + std::string(text) + "' is not a known country; kept as text");
    }
    Address a;
    a.country = code;
    if (text != code) a.country_name = std::string(text);
    e.addresses.push_back(std::move(a));
  }
  for (std::string_view spec : base::SplitTrimmed(Get(Column::kIds), ";")) {
    AddIdentifier(spec, &e);
  }
  for (std::string_view program : base::SplitTrimmed(Get(Column::kProgram), ";")) {
    AddUnique(&e.programs, program);
  }
  // Line breaks inside a remark stay, as LF whatever the file used.
  for (char c : Get(Column::kRemarks)) {
    if (c != '\r') e.remarks.push_back(c);
  }
  e.provenance = MakeProvenance(source_file_, LineLocation(line_));
  FinishEntity(&e);
  list_.entities.push_back(std::move(e));
}

Result<ParsedList> InHouseParser::Parse() {
  list_.version.source = ListSource::kInHouse;
  list_.version.format = std::string(kFormat);
  list_.version.files.push_back(source_file_);

  std::string_view bytes = file_.bytes;
  if (base::StartsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (base::Trim(bytes).empty()) return DataLoss("file is empty");
  if (bytes.size() >= 2 && bytes[0] == '\x1F' && bytes[1] == '\x8B') {
    return DataLoss("file is gzip-compressed; unpack it first");
  }
  if (base::LooksBinary(bytes)) {
    return DataLoss(
        "file looks like binary data (a spreadsheet?), not CSV text; export it as "
        "CSV UTF-8");
  }

  // Spreadsheets export CSV as UTF-8 or, on Windows, as Windows-1252.
  std::string converted;
  if (!base::IsValidUtf8(bytes)) {
    if (HasUtf8MultiByte(bytes)) {
      converted = ReplaceInvalidUtf8(bytes);
      list_.diagnostics.Warn(source_file_.name, "", "",
                             "file is UTF-8 with invalid bytes; they were replaced with U+FFFD");
    } else {
      converted = base::Windows1252ToUtf8(bytes);
      list_.diagnostics.Warn(source_file_.name, "", "", "file is not UTF-8; read as Windows-1252");
    }
    bytes = converted;
  }

  base::CsvOptions options;
  options.max_field_bytes = kMaxFieldBytes;
  base::CsvReader reader(bytes, options);
  std::vector<std::string> row;
  bool have_header = reader.Next(&row);
  // Excel writes a "sep=," line before the header when asked to.
  if (have_header && row.size() <= 2 && base::StartsWithIgnoreCase(base::Trim(row[0]), "sep=")) {
    have_header = reader.Next(&row);
  }
  if (!have_header) {
    if (!reader.status().ok()) return reader.status().WithPrefix(source_file_.name);
    return DataLoss("file has no header row");
  }
  INTERDICT_RETURN_IF_ERROR(ReadHeader(row, reader.line()));

  size_t rows = 0;
  while (reader.Next(&row)) {
    ++rows;
    line_ = reader.line();
    ParseRow(row);
  }
  if (!reader.status().ok()) return reader.status().WithPrefix(source_file_.name);
  if (rows == 0) list_.diagnostics.Warn(source_file_.name, "", "", "the file has no rows");
  return std::move(list_);
}

}  // namespace

Result<ParsedList> ParseInHouseCsv(const InputFile& file) {
  InHouseParser parser(file);
  return parser.Parse();
}

}  // namespace interdict::lists
