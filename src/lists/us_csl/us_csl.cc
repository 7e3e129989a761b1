#include "lists/us_csl/us_csl.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/csv.h"
#include "base/text.h"
#include "lists/common.h"
#include "lists/us_csl/csl_fields.h"
#include "model/date.h"

namespace interdict::lists {
namespace {

namespace csl = us_csl_internal;

constexpr std::string_view kFormat = "us_csl_csv";

// No real CSL field comes near this (the longest, an ids cell, is about 8 KB). A longer one
// means a stray quote swallowed the records after it, so the file is refused.
constexpr size_t kMaxFieldBytes = 256u << 10;

enum class Column : uint8_t {
  kId = 0,
  kSource,
  kEntityNumber,
  kType,
  kPrograms,
  kName,
  kTitle,
  kAddresses,
  kFederalRegisterNotice,
  kStartDate,
  kEndDate,
  kStandardOrder,
  kLicenseRequirement,
  kLicensePolicy,
  kCallSign,
  kVesselType,
  kGrossTonnage,
  kGrossRegisteredTonnage,
  kVesselFlag,
  kVesselOwner,
  kRemarks,
  kSourceListUrl,
  kAltNames,
  kCitizenships,
  kDatesOfBirth,
  kNationalities,
  kPlacesOfBirth,
  kSourceInformationUrl,
  kIds,
  kCount,  // not a column
};
constexpr size_t kColumnCount = static_cast<size_t>(Column::kCount);

// In the order of the published header.
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "_id",
    "source",
    "entity_number",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "federal_register_notice",
    "start_date",
    "end_date",
    "standard_order",
    "license_requirement",
    "license_policy",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "source_list_url",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "source_information_url",
    "ids",
};

constexpr Column kRequired[] = {Column::kId, Column::kSource, Column::kName};

constexpr size_t Index(Column c) { return static_cast<size_t>(c); }
std::string_view ColumnName(Column c) { return kColumnNames[Index(c)]; }

// Returns the first C1 control character (U+0080..U+009F) in `s` as "U+0092", or "". They
// are Windows-1252 punctuation decoded as Latin-1 upstream ("CAST Xi\u0092an").
std::string FindC1Control(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    unsigned char next = static_cast<unsigned char>(s[i + 1]);
    if (b == 0xC2 && next >= 0x80 && next <= 0x9F) {
      static constexpr char kHex[] = "0123456789ABCDEF";
      return std::string("U+00") + kHex[next >> 4] + kHex[next & 0xF];
    }
  }
  return "";
}

// A date, or a range inside one year or month, read as what its ends share: OFAC writes
// "01 Jan 2015 to 31 Dec 2015" for an organization established some time in 2015.
std::optional<PartialDate> EstablishedDate(std::string_view text) {
  if (std::optional<PartialDate> d = model::ParseDate(text)) return d;
  std::optional<DateOfBirth> range = model::ParseDateOfBirth(text);
  if (!range || range->from.year != range->to.year) return std::nullopt;
  PartialDate shared{.year = range->from.year};
  if (range->from.month == range->to.month) shared.month = range->from.month;
  return shared;
}

class CslParser {
 public:
  explicit CslParser(const InputFile& file) : file_(file), source_file_(MakeSourceFile(file)) {}

  Result<ParsedList> Parse();

 private:
  Status DataLoss(std::string_view what) const {
    return Status::DataLoss(source_file_.name + ": " + std::string(what));
  }
  Status ReadHeader(const std::vector<std::string>& header);
  void ParseRecord(std::vector<std::string>* row);

  // The current row's cell, trimmed; "" when the column is absent or the row is short.
  std::string_view Get(Column c) const { return CellAt(*row_, columns_[Index(c)]); }
  void Warn(Column c, std::string message) {
    list_.diagnostics.Warn(source_file_.name,
                           LineLocation(line_) + ", column " + std::string(ColumnName(c)),
                           std::string(record_id_), std::move(message));
  }
  void WarnRecord(std::string message) {
    list_.diagnostics.Warn(source_file_.name, LineLocation(line_), std::string(record_id_),
                           std::move(message));
  }
  void SkipRecord(std::string message) {
    list_.diagnostics.Skip(source_file_.name, LineLocation(line_), std::string(record_id_),
                           std::move(message));
  }

  void AddCountries(Column c, std::string_view what, std::vector<std::string>* out);
  void ApplyIdItem(const csl::IdItem& item, Entity* e);

  const InputFile& file_;
  SourceFile source_file_;
  ParsedList list_;
  std::array<size_t, kColumnCount> columns_{};
  size_t header_fields_ = 0;
  bool valid_utf8_ = true;

  // The record being parsed.
  const std::vector<std::string>* row_ = nullptr;
  size_t line_ = 0;
  std::string_view record_id_;
  // The _ids seen so far, per sub-list (list_name).
  std::unordered_map<std::string, std::unordered_set<std::string>> seen_;
};

Status CslParser::ReadHeader(const std::vector<std::string>& header) {
  columns_.fill(kAbsentColumn);
  header_fields_ = header.size();
  std::vector<std::string> unknown;
  for (size_t i = 0; i < header.size(); ++i) {
    std::string_view name = base::Trim(header[i]);
    bool known = false;
    for (size_t c = 0; c < kColumnCount; ++c) {
      if (base::EqualsIgnoreCase(name, kColumnNames[c])) {
        known = true;
        if (columns_[c] == kAbsentColumn) {
          columns_[c] = i;
        } else {
          list_.diagnostics.Warn(
              source_file_.name, LineLocation(1), "",
              "column '" + std::string(name) + "' appears twice; the first one is read");
        }
        break;
      }
    }
    if (!known) unknown.emplace_back(name.empty() ? "(empty)" : name);
  }
  std::string missing_required;
  for (Column c : kRequired) {
    if (columns_[Index(c)] != kAbsentColumn) continue;
    if (!missing_required.empty()) missing_required += ", ";
    missing_required += ColumnName(c);
  }
  if (!missing_required.empty()) {
    return DataLoss("line 1: not a Consolidated Screening List header: missing column(s) " +
                    missing_required);
  }
  // Extra and missing optional columns are tolerated, but said once: a format change
  // upstream should be noticed, not silently read as empty.
  if (!unknown.empty()) {
    std::string names;
    for (const std::string& n : unknown) names += (names.empty() ? "" : ", ") + n;
    list_.diagnostics.Warn(source_file_.name, LineLocation(1), "",
                           "unknown column(s) ignored: " + names);
  }
  std::string missing;
  for (size_t c = 0; c < kColumnCount; ++c) {
    if (columns_[c] == kAbsentColumn)
      missing += (missing.empty() ? "" : ", ") + std::string(kColumnNames[c]);
  }
  if (!missing.empty()) {
    list_.diagnostics.Warn(source_file_.name, LineLocation(1), "",
                           "column(s) missing, read as empty: " + missing);
  }
  return Status::Ok();
}

void CslParser::AddCountries(Column c, std::string_view what, std::vector<std::string>* out) {
  for (std::string_view item : base::SplitTrimmed(Get(c), ";")) {
    std::string code = CountryCode(item);
    if (code.empty()) {
      Warn(c, std::string(what) + " '" + std::string(item) + "' is not a known country; dropped");
      continue;
    }
    AddUnique(out, code);
  }
}

void CslParser::ApplyIdItem(const csl::IdItem& item, Entity* e) {
  using csl::IdLabelKind;
  if (item.value.empty()) {
    Warn(Column::kIds, "item '" + std::string(item.label) + "' has no value; dropped");
    return;
  }
  switch (item.kind) {
    case IdLabelKind::kIdentifier: {
      Identifier id;
      id.type = IdTypeFromLabel(item.label);
      id.value = std::string(item.value);
      id.label = std::string(item.label);
      id.note = csl::IdentifierNote(item);
      if (!item.country.empty()) {
        id.country = CountryCode(item.country);
        // Keep a code the country table does not know rather than lose it.
        if (id.country.empty()) {
          id.note =
              "country " + std::string(item.country) + (id.note.empty() ? "" : "; ") + id.note;
        }
      }
      if (item.label.empty()) {
        Warn(Column::kIds, "item '" + std::string(item.value) +
                               "' has no type label; kept as an identifier of type other");
      }
      e->identifiers.push_back(std::move(id));
      return;
    }
    case IdLabelKind::kGender:
      if (base::EqualsIgnoreCase(item.value, "Male")) {
        e->gender = Gender::kMale;
      } else if (base::EqualsIgnoreCase(item.value, "Female")) {
        e->gender = Gender::kFemale;
      } else {
        Warn(Column::kIds, "unknown gender '" + std::string(item.value) + "'");
      }
      return;
    case IdLabelKind::kEstablished:
      if (std::optional<PartialDate> d = EstablishedDate(item.value)) {
        if (e->established.empty()) e->established = *d;
      } else {
        Warn(Column::kIds,
             "unreadable " + std::string(item.label) + " '" + std::string(item.value) + "'");
      }
      return;
    case IdLabelKind::kRegistrationCountry: {
      std::string code = CountryCode(item.value);
      if (e->kind == EntityKind::kVessel || e->kind == EntityKind::kAircraft) {
        if (e->craft.flag_name.empty()) {
          e->craft.flag = code;
          e->craft.flag_name = std::string(item.value);
        }
      } else if (!code.empty()) {
        AddUnique(&e->nationalities, code);  // the country an organization is registered in
      } else {
        Warn(Column::kIds, std::string(item.label) + " '" + std::string(item.value) +
                               "' is not a known country; dropped");
      }
      return;
    }
    case IdLabelKind::kCraftType:
      if (e->craft.type.empty()) e->craft.type = std::string(item.value);
      return;
    case IdLabelKind::kCraftOwner:
      if (e->craft.owner.empty()) e->craft.owner = std::string(item.value);
      return;
    case IdLabelKind::kBuildYear:
      if (e->craft.build_year.empty()) e->craft.build_year = std::string(item.value);
      return;
    case IdLabelKind::kSanctionNote:
      AddUnique(&e->sanction_notes, std::string(item.label) + " " + std::string(item.value));
      return;
  }
}

void CslParser::ParseRecord(std::vector<std::string>* row) {
  if (!valid_utf8_) {
    for (size_t i = 0; i < row->size(); ++i) {
      std::string& field = (*row)[i];
      if (base::IsValidUtf8(field)) continue;
      field = ReplaceInvalidUtf8(field);
      std::string where = LineLocation(line_);
      for (size_t c = 0; c < kColumnCount; ++c) {
        if (columns_[c] == i) where += ", column " + std::string(kColumnNames[c]);
      }
      list_.diagnostics.Warn(source_file_.name, where, "", "invalid UTF-8 replaced with U+FFFD");
    }
  }
  row_ = row;
  record_id_ = Get(Column::kId);

  if (row->size() != header_fields_) {
    std::string counts = "record has " + std::to_string(row->size()) + " fields, the header " +
                         std::to_string(header_fields_);
    for (Column c : kRequired) {
      if (columns_[Index(c)] >= row->size()) {
        SkipRecord(counts + "; required column " + std::string(ColumnName(c)) + " is missing");
        return;
      }
    }
    WarnRecord(counts + (row->size() < header_fields_ ? "; missing fields read as empty"
                                                      : "; extra fields ignored"));
  }

  Entity e;
  e.source = ListSource::kUsCsl;
  e.source_id = std::string(record_id_);
  if (e.source_id.empty()) {
    SkipRecord("empty _id");
    return;
  }
  std::string name = OneLine(Get(Column::kName));
  if (name.empty()) {
    SkipRecord("empty name");
    return;
  }
  e.reference = std::string(Get(Column::kEntityNumber));
  e.list_name = OneLine(Get(Column::kSource));
  if (e.list_name.empty()) Warn(Column::kSource, "empty source (sub-list name)");
  if (!seen_[e.list_name].insert(e.source_id).second) {
    WarnRecord("_id " + e.source_id + " appears more than once in this sub-list; kept");
  }

  // Names.
  e.names.push_back(Name{.full = name, .type = NameType::kPrimary});
  for (std::string_view alias : base::SplitTrimmed(Get(Column::kAltNames), ";")) {
    e.names.push_back(Name{.full = OneLine(alias), .type = NameType::kAka});
  }
  for (const Name& n : e.names) {
    std::string c1 = FindC1Control(n.full);
    if (!c1.empty()) {
      Warn(n.type == NameType::kPrimary ? Column::kName : Column::kAltNames,
           "name '" + n.full + "' contains the control character " + c1 +
               " (Windows-1252 punctuation decoded as Latin-1 upstream); kept as written");
    }
  }

  // Person facts.
  for (std::string_view title : base::SplitTrimmed(Get(Column::kTitle), ";")) {
    AddUnique(&e.titles, title);
  }
  for (std::string_view text : base::SplitTrimmed(Get(Column::kDatesOfBirth), ";")) {
    if (std::optional<DateOfBirth> dob = model::ParseDateOfBirth(text)) {
      e.dates_of_birth.push_back(std::move(*dob));
    } else {
      Warn(Column::kDatesOfBirth, "unreadable date of birth '" + std::string(text) + "'");
    }
  }
  for (std::string_view place : base::SplitTrimmed(Get(Column::kPlacesOfBirth), ";")) {
    AddUnique(&e.places_of_birth, OneLine(place));
  }
  AddCountries(Column::kNationalities, "nationality", &e.nationalities);
  AddCountries(Column::kCitizenships, "citizenship", &e.citizenships);

  std::vector<csl::IdItem> id_items;
  bool has_gender = false;
  for (std::string_view item : base::Split(Get(Column::kIds), "; ")) {
    if (base::Trim(item).empty()) continue;
    id_items.push_back(csl::SplitIdItem(item));
    if (id_items.back().kind == csl::IdLabelKind::kGender) has_gender = true;
  }

  // Kind.
  std::string_view type = Get(Column::kType);
  e.kind = csl::KindFromType(type);
  if (e.kind == EntityKind::kUnknown) {
    if (!type.empty()) {
      Warn(Column::kType, "unknown type '" + std::string(type) + "'; kind inferred instead");
    }
    bool person_facts = !e.dates_of_birth.empty() || !e.places_of_birth.empty() ||
                        !e.nationalities.empty() || !e.citizenships.empty() || !e.titles.empty() ||
                        has_gender;
    bool craft_facts = !Get(Column::kCallSign).empty() || !Get(Column::kVesselType).empty() ||
                       !Get(Column::kVesselFlag).empty() || !Get(Column::kVesselOwner).empty() ||
                       !Get(Column::kGrossTonnage).empty() ||
                       !Get(Column::kGrossRegisteredTonnage).empty();
    e.kind = csl::InferUntypedKind(csl::ListCode(e.list_name), name, person_facts, craft_facts);
  }

  // Addresses and identifiers.
  for (std::string_view text : base::Split(Get(Column::kAddresses), "; ")) {
    if (base::Trim(text).empty()) continue;
    e.addresses.push_back(csl::ParseAddress(text));
  }
  // Vessel particulars. The columns come first; ids items only fill what they leave empty
  // ("Aircraft Model", "Aircraft Operator", "Nationality of Registration").
  if (std::string_view call_sign = Get(Column::kCallSign); !call_sign.empty()) {
    e.identifiers.push_back(Identifier{
        .type = IdType::kCallSign, .value = std::string(call_sign), .label = "Call Sign"});
  }
  e.craft.type = std::string(Get(Column::kVesselType));
  if (std::string_view flag = Get(Column::kVesselFlag); !flag.empty()) {
    e.craft.flag = CountryCode(flag);
    e.craft.flag_name = std::string(flag);
  }
  e.craft.owner = std::string(Get(Column::kVesselOwner));
  e.craft.tonnage = std::string(Get(Column::kGrossTonnage));
  e.craft.gross_registered_tonnage = std::string(Get(Column::kGrossRegisteredTonnage));

  for (const csl::IdItem& item : id_items) ApplyIdItem(item, &e);

  // Listing.
  for (std::string_view program : base::SplitTrimmed(Get(Column::kPrograms), ";")) {
    AddUnique(&e.programs, program);
  }
  if (std::string_view start = Get(Column::kStartDate); !start.empty()) {
    if (std::optional<PartialDate> d = model::ParseDate(start)) {
      e.listed_on = *d;
    } else {
      Warn(Column::kStartDate, "unreadable start_date '" + std::string(start) + "'; ignored");
    }
  }
  // The model has no field for these; keep them readable as notes.
  if (std::string_view end = Get(Column::kEndDate); !end.empty()) {
    if (!model::ParseDate(end)) {
      Warn(Column::kEndDate, "unreadable end_date '" + std::string(end) + "'; kept as text");
    }
    AddUnique(&e.sanction_notes, "End date: " + std::string(end));
  }
  if (std::string_view order = Get(Column::kStandardOrder); !order.empty()) {
    AddUnique(&e.sanction_notes, "Standard order: " + std::string(order));
  }
  e.license_requirement = std::string(Get(Column::kLicenseRequirement));
  e.license_policy = std::string(Get(Column::kLicensePolicy));
  e.federal_register_notice = std::string(Get(Column::kFederalRegisterNotice));
  e.remarks = std::string(Get(Column::kRemarks));
  csl::AddLinkedTo(e.remarks, &e.relations);
  e.source_url = std::string(Get(Column::kSourceInformationUrl));

  e.provenance = MakeProvenance(source_file_, LineLocation(line_));
  FinishEntity(&e);
  list_.entities.push_back(std::move(e));
}

Result<ParsedList> CslParser::Parse() {
  list_.version.source = ListSource::kUsCsl;
  list_.version.format = std::string(kFormat);
  list_.version.files.push_back(source_file_);

  std::string_view bytes = file_.bytes;
  if (base::Trim(bytes).empty()) return DataLoss("file is empty");
  if (bytes.size() >= 2 && bytes[0] == '\x1F' && bytes[1] == '\x8B') {
    return DataLoss("file is gzip-compressed; unpack it first");
  }
  if (base::LooksBinary(bytes)) return DataLoss("file looks like binary data, not CSV text");
  valid_utf8_ = base::IsValidUtf8(bytes);

  base::CsvOptions options;
  options.max_field_bytes = kMaxFieldBytes;
  base::CsvReader reader(bytes, options);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    if (!reader.status().ok()) return reader.status().WithPrefix(source_file_.name);
    return DataLoss("file is empty");
  }
  if (!valid_utf8_) {
    for (std::string& field : row) field = ReplaceInvalidUtf8(field);
  }
  INTERDICT_RETURN_IF_ERROR(ReadHeader(row));
  if (!valid_utf8_) {
    list_.diagnostics.Warn(source_file_.name, "", "",
                           "file is not valid UTF-8; invalid bytes were replaced with U+FFFD");
  }

  // One record per line but for the few with line breaks inside quotes.
  list_.entities.reserve(static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')));
  size_t records = 0;
  size_t last_fields = 0;
  while (reader.Next(&row)) {
    ++records;
    line_ = reader.line();
    last_fields = row.size();
    ParseRecord(&row);
  }
  if (!reader.status().ok()) return reader.status().WithPrefix(source_file_.name);
  if (records == 0) return DataLoss("no records after the header");
  // The CSL always ends with a newline; a short last record without one was cut off.
  if (last_fields < header_fields_ && bytes.back() != '\n') {
    return DataLoss(LineLocation(line_) + ": the last record has " + std::to_string(last_fields) +
                    " of " + std::to_string(header_fields_) +
                    " fields and the file does not end with a newline (truncated file?)");
  }
  return std::move(list_);
}

}  // namespace

Result<ParsedList> ParseUsCslCsv(const InputFile& file) {
  CslParser parser(file);
  return parser.Parse();
}

}  // namespace interdict::lists
