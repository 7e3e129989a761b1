// The OFSI Consolidated List CSV parser. Decisions, checked against the 14/04/2025 list
// (18,798 rows, 4,688 Group IDs):
//
// * Rows are grouped by Group ID (-> Entity::source_id). The file is sorted by name, so a
//   group's rows are scattered (1,664 groups are not contiguous); entities come out in the
//   order their Group ID first appears. Provenance and diagnostics use "line N", the line
//   on which a record starts (records may span lines).
// * A group's rows are the cross product of its names, addresses, dates of birth and
//   regimes, so every fact is merged without duplicates; each distinct cell value is read
//   once per group, and a problem with it is reported once, at its first line.
// * Names: the first "Primary name" row gives names[0]. "Primary name variation" and AKA
//   are kAka; FKA is kFka; "Low quality" is kWeak. A group may have several different
//   "Primary name" rows (4 in 2025, e.g. both spellings of the IRGC Qods Force); the
//   first in file order is the primary and the others become kAka. A group with no
//   "Primary name" row (2 in 2025) takes the name of its first row, with a warning.
// * For individuals the full name is in natural order: Name 1 .. Name 5 (given names)
//   then Name 6 (surname), as in "Mian Abdul HAQ"; given = Name 1, middle = Name 2..5,
//   family = Name 6 when there is a given name (Name 6 alone is a whole name, "KONY").
//   Entities and ships use Name 6 (with any Name 1..5 before it).
// * "Name Non-Latin Script" becomes one more name (kAka, or kFka on an FKA row) with the
//   row's quality. Its script is detected by FinishEntity() rather than read from
//   "Non-Latin Script Type" (which has misspellings such as "Cryillic"); its language is
//   the ISO 639-1 code of "Non-Latin Script Language" when that is a language name.
// * Title and Position -> titles; Regime -> programs; Listed On -> listed_on (the earliest
//   when regimes differ); Other Information -> remarks, plus its tagged items (see
//   ApplyOtherInformation). "UK Sanctions List Date Designated" and the per-row "Last
//   Updated" have no place in the model and are not read.
// * Countries go through lists::CountryCode(). A nationality that does not resolve is
//   reported (the model has no field to keep its text); address countries keep their text
//   in country_name.
#include "lists/uk/uk_ofsi.h"

#include <algorithm>
#include <array>
#include <deque>
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
#include "lists/uk/uk_ofsi_fields.h"
#include "model/date.h"

namespace interdict::lists {
namespace {

using uk_ofsi_internal::BuildAddress;
using uk_ofsi_internal::IssuingCountry;
using uk_ofsi_internal::LanguageCode;
using uk_ofsi_internal::LeadingReference;
using uk_ofsi_internal::NumberedItem;
using uk_ofsi_internal::PairNumbered;
using uk_ofsi_internal::ParseRegistrationNumbers;
using uk_ofsi_internal::ResolveCountry;
using uk_ofsi_internal::ResolveCountryList;
using uk_ofsi_internal::SplitAddressTokens;
using uk_ofsi_internal::SplitNameList;
using uk_ofsi_internal::SplitNumbered;
using uk_ofsi_internal::SplitPhoneNumbers;
using uk_ofsi_internal::SplitTaggedItems;
using uk_ofsi_internal::TaggedItem;

// The longest cell of the 2025 list has 4,232 bytes; a cell over 1 MiB is corruption.
constexpr size_t kMaxFieldBytes = 1u << 20;

enum Column : int {
  kName6 = 0,
  kName1,
  kName2,
  kName3,
  kName4,
  kName5,
  kTitle,
  kNonLatinName,
  kNonLatinType,
  kNonLatinLanguage,
  kDob,
  kTownOfBirth,
  kCountryOfBirth,
  kNationality,
  kPassportNumber,
  kPassportDetails,
  kNationalIdNumber,
  kNationalIdDetails,
  kPosition,
  kAddress1,
  kAddress2,
  kAddress3,
  kAddress4,
  kAddress5,
  kAddress6,
  kPostCode,
  kCountry,
  kOtherInformation,
  kGroupType,
  kAliasType,
  kAliasQuality,
  kRegime,
  kListedOn,
  kDateDesignated,
  kLastUpdated,
  kGroupId,
  kColumnCount,
};

struct ColumnSpec {
  std::string_view header;
  // A file without a required column is refused; a missing optional column is a warning.
  bool required;
  // Read by this parser (the rest are recognised but have no place in the model).
  bool used;
};

constexpr std::array<ColumnSpec, kColumnCount> kColumns = {{
    {"Name 6", true, true},
    {"Name 1", false, true},
    {"Name 2", false, true},
    {"Name 3", false, true},
    {"Name 4", false, true},
    {"Name 5", false, true},
    {"Title", false, true},
    {"Name Non-Latin Script", false, true},
    {"Non-Latin Script Type", false, false},
    {"Non-Latin Script Language", false, true},
    {"DOB", false, true},
    {"Town of Birth", false, true},
    {"Country of Birth", false, true},
    {"Nationality", false, true},
    {"Passport Number", false, true},
    {"Passport Details", false, true},
    {"National Identification Number", false, true},
    {"National Identification Details", false, true},
    {"Position", false, true},
    {"Address 1", false, true},
    {"Address 2", false, true},
    {"Address 3", false, true},
    {"Address 4", false, true},
    {"Address 5", false, true},
    {"Address 6", false, true},
    {"Post/Zip Code", false, true},
    {"Country", false, true},
    {"Other Information", false, true},
    {"Group Type", true, true},
    {"Alias Type", true, true},
    {"Alias Quality", false, true},
    {"Regime", true, true},
    {"Listed On", false, true},
    {"UK Sanctions List Date Designated", false, false},
    {"Last Updated", false, false},
    {"Group ID", true, true},
}};

// Facts whose distinct raw values are merged once per group.
enum Fact : int {
  kFactTitle = 0,
  kFactDob,
  kFactBirth,
  kFactNationality,
  kFactPassport,
  kFactNationalId,
  kFactPosition,
  kFactAddress,
  kFactOther,
  kFactRegime,
  kFactListedOn,
  kFactAliasType,
  kFactAliasQuality,
  kFactCount,
};

// One target being assembled from its rows.
struct Group {
  Entity entity;
  size_t first_line = 0;
  std::string group_type;  // as written on the first row
  bool group_type_conflict_reported = false;
  int primary = -1;  // index into entity.names of the primary name, -1 until seen
  // Raw cell values already merged, per fact (a set: a crafted file may give one group
  // thousands of distinct values).
  std::array<std::unordered_set<std::string>, kFactCount> seen;
  // Index in entity.names of each alias by full name, type and quality.
  std::unordered_map<std::string, size_t> name_index;
};

bool IsBlank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](const std::string& f) { return base::Trim(f).empty(); });
}

std::string Location(size_t line) { return "line " + std::to_string(line); }

std::string Location(size_t line, Column column) {
  return "line " + std::to_string(line) + ", column " + std::string(kColumns[column].header);
}

bool SameDob(const DateOfBirth& a, const DateOfBirth& b) {
  return a.from == b.from && a.to == b.to && a.circa == b.circa;
}

bool SameIdentifier(const Identifier& a, const Identifier& b) {
  return a.type == b.type && a.value == b.value && a.country == b.country && a.label == b.label &&
         a.note == b.note;
}

bool SameAddress(const Address& a, const Address& b) {
  return a.street == b.street && a.city == b.city && a.region == b.region &&
         a.postal_code == b.postal_code && a.country_name == b.country_name;
}

void AddIdentifier(Entity* e, Identifier id) {
  if (id.value.empty()) return;
  for (const Identifier& have : e->identifiers) {
    if (SameIdentifier(have, id)) return;
  }
  e->identifiers.push_back(std::move(id));
}

void AddRelation(Entity* e, std::string_view type, std::string_view name) {
  if (name.empty()) return;
  for (const Relation& r : e->relations) {
    if (r.type == type && r.name == name) return;
  }
  e->relations.push_back(Relation{std::string(type), std::string(name), {}});
}

// Identifier type for an id in the National Identification columns: the details may name
// a more specific kind ("Russia INN" -> tax id, "Social Security Number" -> SSN).
IdType NationalIdType(std::string_view details) {
  IdType t = IdTypeFromLabel(details);
  switch (t) {
    case IdType::kTaxId:
    case IdType::kSsn:
    case IdType::kDriversLicense:
    case IdType::kCedula:
    case IdType::kCurp:
      return t;
    default:
      return IdType::kNationalId;
  }
}

// One parse of one file. Thread-compatible; borrows `file` and `out` for the call to Run().
class Parser {
 public:
  Parser(const InputFile& file, ParsedList* out) : file_(file), out_(out) {}

  Status Run();

 private:
  // Reads the optional "Last Updated" line and the header; maps the columns.
  Status ReadHeader(base::CsvReader* reader, std::vector<std::string>* row);
  Status MapHeader(const std::vector<std::string>& header, size_t line);

  void DecodeRow(std::vector<std::string>* row) const;
  void AddRow(const std::vector<std::string>& row, size_t line);
  void AddNames(Group* g, const std::vector<std::string>& row, size_t line);
  void ApplyOtherInformation(Group* g, std::string_view text);
  Entity FinishGroup(Group* g);

  // The trimmed cell of `column`, or "" when the file has no such column or the row is short.
  std::string_view Cell(const std::vector<std::string>& row, Column column) const {
    int i = index_[column];
    if (i < 0 || static_cast<size_t>(i) >= row.size()) return {};
    return base::Trim(row[static_cast<size_t>(i)]);
  }

  // True (and remembered) the first time `value` is seen for `fact` in this group.
  static bool FirstTime(Group* g, Fact fact, std::string_view value) {
    return g->seen[fact].emplace(value).second;
  }

  void Warn(std::string location, const std::string& id, std::string message) {
    out_->diagnostics.Warn(source_.name, std::move(location), id, std::move(message));
  }
  void Skip(std::string location, const std::string& id, std::string message) {
    out_->diagnostics.Skip(source_.name, std::move(location), id, std::move(message));
  }
  Status Refuse(std::string_view message) const {
    return Status::DataLoss(source_.name + ": " + std::string(message));
  }

  const InputFile& file_;
  ParsedList* out_;
  SourceFile source_;
  bool utf8_ = true;
  std::array<int, kColumnCount> index_{};
  size_t header_fields_ = 0;
  size_t min_fields_ = 0;     // a row needs this many fields to hold every required column
  std::deque<Group> groups_;  // a deque: Groups are large and never move once made
  std::unordered_map<std::string, size_t> group_index_;
  std::string key_;  // scratch for multi-cell fact keys
};

Status Parser::Run() {
  source_ = MakeSourceFile(file_);
  out_->version.source = ListSource::kUkOfsi;
  out_->version.format = "uk_ofsi_csv";
  out_->version.files.push_back(source_);

  if (base::Trim(file_.bytes).empty()) return Refuse("the file is empty");
  if (base::LooksBinary(file_.bytes)) return Refuse("binary data, not a CSV file");
  const size_t bom = base::StartsWith(file_.bytes, "\xEF\xBB\xBF") ? 3 : 0;
  size_t bad = base::FindInvalidUtf8(file_.bytes.substr(bom));
  if (bad != std::string_view::npos) {
    // The official CSV has been published in Windows-1252. Fields that are valid UTF-8
    // are kept as they are, so a UTF-8 file with a stray byte loses nothing else.
    utf8_ = false;
    Warn(Location(base::LineOfOffset(file_.bytes, bom + bad)), "",
         "the file is not valid UTF-8; fields that are not UTF-8 are read as Windows-1252");
  }

  base::CsvOptions options;
  options.max_field_bytes = kMaxFieldBytes;
  base::CsvReader reader(file_.bytes, options);
  std::vector<std::string> row;
  INTERDICT_RETURN_IF_ERROR(ReadHeader(&reader, &row));

  size_t rows = 0;
  size_t blank_rows = 0;
  size_t first_blank_line = 0;
  while (reader.Next(&row)) {
    if (IsBlank(row)) {
      if (blank_rows++ == 0) first_blank_line = reader.line();
      continue;
    }
    ++rows;
    const size_t line = reader.line();
    if (row.size() < min_fields_) {
      Skip(Location(line), "",
           "the row has " + std::to_string(row.size()) + " fields, the header has " +
               std::to_string(header_fields_) + "; row skipped");
      continue;
    }
    if (row.size() != header_fields_) {
      Warn(Location(line), "",
           "the row has " + std::to_string(row.size()) + " fields, the header has " +
               std::to_string(header_fields_) + "; cells are read by position");
    }
    if (!utf8_) DecodeRow(&row);
    AddRow(row, line);
  }
  if (!reader.status().ok()) return reader.status().WithPrefix(source_.name);
  if (rows == 0) return Refuse("no data rows after the header");
  if (blank_rows > 0) {
    Warn(Location(first_blank_line), "",
         std::to_string(blank_rows) + " empty row(s) ignored, the first on this line");
  }

  out_->entities.reserve(groups_.size());
  for (Group& g : groups_) {
    Entity e = FinishGroup(&g);
    if (e.names.empty()) {
      Skip(Location(g.first_line), e.source_id, "the group has no name; skipped");
      continue;
    }
    out_->entities.push_back(std::move(e));
  }
  // Loading an empty list would unlist every UK target: refuse instead.
  if (out_->entities.empty()) {
    std::string why;
    for (const Diagnostic& d : out_->diagnostics.items()) {
      if (d.severity != Severity::kSkipped) continue;
      why = "; first: " + d.location + ": " + d.message;
      break;
    }
    return Refuse("none of the " + std::to_string(rows) + " data rows could be read" + why);
  }
  return Status::Ok();
}

Status Parser::ReadHeader(base::CsvReader* reader, std::vector<std::string>* row) {
  if (!reader->Next(row)) {
    if (!reader->status().ok()) return reader->status().WithPrefix(source_.name);
    return Refuse("no header row");
  }
  if (!utf8_) DecodeRow(row);
  if (!row->empty() && base::EqualsIgnoreCase(base::Trim((*row)[0]), "Last Updated")) {
    std::string_view value = row->size() > 1 ? base::Trim((*row)[1]) : std::string_view();
    std::string_view date = value.substr(0, value.find(' '));  // "14/04/2025 09:30"
    std::optional<PartialDate> d = model::ParseDate(date);
    if (d && d->day != 0) {
      out_->version.as_of = d->ToString();
    } else {
      Warn(Location(reader->line()), "",
           "cannot read the Last Updated date '" + std::string(value) + "'");
    }
    if (!reader->Next(row)) {
      if (!reader->status().ok()) return reader->status().WithPrefix(source_.name);
      return Refuse("no header row after the Last Updated line");
    }
    if (!utf8_) DecodeRow(row);
  }
  return MapHeader(*row, reader->line());
}

Status Parser::MapHeader(const std::vector<std::string>& header, size_t line) {
  index_.fill(-1);
  header_fields_ = header.size();
  for (size_t i = 0; i < header.size(); ++i) {
    std::string name = base::CollapseWhitespace(header[i]);
    for (int c = 0; c < kColumnCount; ++c) {
      if (!base::EqualsIgnoreCase(name, kColumns[c].header)) continue;
      if (index_[c] < 0) {
        index_[c] = static_cast<int>(i);
      } else {
        Warn(Location(line), "",
             "the header repeats the column '" + name + "'; the first one is read");
      }
    }
  }
  std::string missing;
  for (int c = 0; c < kColumnCount; ++c) {
    if (index_[c] >= 0 || !kColumns[c].required) continue;
    if (!missing.empty()) missing += "', '";
    missing += kColumns[c].header;
  }
  if (!missing.empty()) {
    return Refuse("the header on line " + std::to_string(line) + " lacks the required column(s) '" +
                  missing + "'; not an OFSI Consolidated List CSV");
  }
  for (int c = 0; c < kColumnCount; ++c) {
    if (index_[c] >= 0) {
      if (kColumns[c].required) {
        min_fields_ = std::max(min_fields_, static_cast<size_t>(index_[c]) + 1);
      }
    } else if (kColumns[c].used) {
      Warn(Location(line), "",
           "the header lacks the column '" + std::string(kColumns[c].header) +
               "'; its facts are not read");
    }
  }
  return Status::Ok();
}

void Parser::DecodeRow(std::vector<std::string>* row) const {
  for (std::string& f : *row) {
    if (!base::IsValidUtf8(f)) f = base::Windows1252ToUtf8(f);
  }
}

void Parser::AddRow(const std::vector<std::string>& row, size_t line) {
  std::string_view id = Cell(row, kGroupId);
  if (id.empty()) {
    Skip(Location(line, kGroupId), "", "the row has no Group ID; skipped");
    return;
  }
  auto [it, inserted] = group_index_.try_emplace(std::string(id), groups_.size());
  if (inserted) {
    groups_.emplace_back();
    Group& fresh = groups_.back();
    fresh.first_line = line;
    fresh.entity.source = ListSource::kUkOfsi;
    fresh.entity.source_id = std::string(id);
    fresh.group_type = std::string(Cell(row, kGroupType));
    Entity& e = fresh.entity;
    if (base::EqualsIgnoreCase(fresh.group_type, "Individual")) {
      e.kind = EntityKind::kPerson;
    } else if (base::EqualsIgnoreCase(fresh.group_type, "Entity")) {
      e.kind = EntityKind::kOrganization;
    } else if (base::EqualsIgnoreCase(fresh.group_type, "Ship")) {
      e.kind = EntityKind::kVessel;
    } else {
      Warn(Location(line, kGroupType), e.source_id,
           "unknown Group Type '" + fresh.group_type + "'; kind left unknown");
    }
  }
  Group* g = &groups_[it->second];
  Entity& e = g->entity;
  const std::string& gid = e.source_id;

  if (!inserted && !g->group_type_conflict_reported && Cell(row, kGroupType) != g->group_type) {
    g->group_type_conflict_reported = true;
    Warn(Location(line, kGroupType), gid,
         "Group Type '" + std::string(Cell(row, kGroupType)) + "' differs from '" + g->group_type +
             "' on line " + std::to_string(g->first_line) + "; the first is kept");
  }

  AddNames(g, row, line);

  if (std::string_view v = Cell(row, kTitle); !v.empty() && FirstTime(g, kFactTitle, v)) {
    for (const NumberedItem& item : SplitNumbered(v)) AddUnique(&e.titles, item.text);
  }

  if (std::string_view v = Cell(row, kDob); !v.empty() && FirstTime(g, kFactDob, v)) {
    for (const NumberedItem& item : SplitNumbered(v)) {
      if (item.text.empty()) continue;
      std::optional<DateOfBirth> dob = model::ParseDateOfBirth(item.text);
      if (!dob) {
        Warn(Location(line, kDob), gid,
             "cannot read the date of birth '" + std::string(item.text) + "'");
        continue;
      }
      bool have = std::any_of(e.dates_of_birth.begin(), e.dates_of_birth.end(),
                              [&](const DateOfBirth& d) { return SameDob(d, *dob); });
      if (!have) e.dates_of_birth.push_back(std::move(*dob));
    }
  }

  {
    std::string_view town = Cell(row, kTownOfBirth);
    std::string_view country = Cell(row, kCountryOfBirth);
    key_.assign(town).append("\x1f").append(country);
    if ((!town.empty() || !country.empty()) && FirstTime(g, kFactBirth, key_)) {
      for (const auto& [t, c] : PairNumbered(SplitNumbered(town), SplitNumbered(country))) {
        std::string place(t);
        if (!t.empty() && !c.empty()) place += ", ";
        place += c;
        AddUnique(&e.places_of_birth, place);
      }
    }
  }

  if (std::string_view v = Cell(row, kNationality);
      !v.empty() && FirstTime(g, kFactNationality, v)) {
    std::vector<std::string> unresolved;
    for (const std::string& code : ResolveCountryList(v, &unresolved)) {
      AddUnique(&e.nationalities, code);
    }
    for (const std::string& u : unresolved) {
      Warn(Location(line, kNationality), gid, "unknown nationality '" + u + "' not kept");
    }
  }

  {
    std::string_view number = Cell(row, kPassportNumber);
    std::string_view details = Cell(row, kPassportDetails);
    key_.assign(number).append("\x1f").append(details);
    if (!number.empty() && FirstTime(g, kFactPassport, key_)) {
      for (const auto& [n, d] : PairNumbered(SplitNumbered(number), SplitNumbered(details))) {
        AddIdentifier(&e, Identifier{IdType::kPassport, std::string(n), IssuingCountry(d),
                                     "Passport", std::string(d)});
      }
    }
  }

  {
    std::string_view number = Cell(row, kNationalIdNumber);
    std::string_view details = Cell(row, kNationalIdDetails);
    key_.assign(number).append("\x1f").append(details);
    if (!number.empty() && FirstTime(g, kFactNationalId, key_)) {
      for (const auto& [n, d] : PairNumbered(SplitNumbered(number), SplitNumbered(details))) {
        AddIdentifier(&e, Identifier{NationalIdType(d), std::string(n), IssuingCountry(d),
                                     "National Identification Number", std::string(d)});
      }
    }
  }

  if (std::string_view v = Cell(row, kPosition); !v.empty() && FirstTime(g, kFactPosition, v)) {
    for (const NumberedItem& item : SplitNumbered(v)) AddUnique(&e.titles, item.text);
  }

  {
    key_.clear();
    for (Column c :
         {kAddress1, kAddress2, kAddress3, kAddress4, kAddress5, kAddress6, kPostCode, kCountry}) {
      key_.append(Cell(row, c)).append("\x1f");
    }
    if (key_.size() > 8 && FirstTime(g, kFactAddress, key_)) {
      Address a = BuildAddress(Cell(row, kAddress1), Cell(row, kAddress2), Cell(row, kAddress3),
                               Cell(row, kAddress4), Cell(row, kAddress5), Cell(row, kAddress6),
                               Cell(row, kPostCode), Cell(row, kCountry));
      a.country = ResolveCountry(a.country_name);
      bool have = std::any_of(e.addresses.begin(), e.addresses.end(),
                              [&](const Address& x) { return SameAddress(x, a); });
      if (!have) e.addresses.push_back(std::move(a));
    }
  }

  if (std::string_view v = Cell(row, kOtherInformation);
      !v.empty() && FirstTime(g, kFactOther, v)) {
    if (!e.remarks.empty()) e.remarks += "\n";
    e.remarks += v;
    ApplyOtherInformation(g, v);
  }

  if (std::string_view v = Cell(row, kRegime); !v.empty() && FirstTime(g, kFactRegime, v)) {
    AddUnique(&e.programs, v);
  }

  if (std::string_view v = Cell(row, kListedOn); !v.empty() && FirstTime(g, kFactListedOn, v)) {
    std::optional<PartialDate> d = model::ParseDate(v);
    if (!d) {
      Warn(Location(line, kListedOn), gid,
           "cannot read the Listed On date '" + std::string(v) + "'");
    } else if (e.listed_on.empty() || DateBefore(*d, e.listed_on)) {
      e.listed_on = *d;
    }
  }
}

void Parser::AddNames(Group* g, const std::vector<std::string>& row, size_t line) {
  Entity& e = g->entity;
  std::string_view alias = Cell(row, kAliasType);
  bool primary_row = false;
  NameType type = NameType::kAka;
  if (base::EqualsIgnoreCase(alias, "Primary name")) {
    primary_row = true;
  } else if (base::EqualsIgnoreCase(alias, "FKA")) {
    type = NameType::kFka;
  } else if (!base::EqualsIgnoreCase(alias, "AKA") &&
             !base::EqualsIgnoreCase(alias, "Primary name variation") &&
             FirstTime(g, kFactAliasType, alias)) {
    Warn(Location(line, kAliasType), e.source_id,
         "unknown Alias Type '" + std::string(alias) + "'; read as AKA");
  }
  std::string_view quality_text = Cell(row, kAliasQuality);
  NameQuality quality = NameQuality::kStrong;
  if (base::EqualsIgnoreCase(quality_text, "Low quality")) {
    quality = NameQuality::kWeak;
  } else if (!quality_text.empty() && !base::EqualsIgnoreCase(quality_text, "Good quality") &&
             FirstTime(g, kFactAliasQuality, quality_text)) {
    Warn(Location(line, kAliasQuality), e.source_id,
         "unknown Alias Quality '" + std::string(quality_text) + "'; read as good quality");
  }

  Name n;
  n.quality = quality;
  n.type = type;
  std::string_view family = Cell(row, kName6);
  std::string given_names;
  for (Column c : {kName1, kName2, kName3, kName4, kName5}) {
    std::string_view part = Cell(row, c);
    if (part.empty()) continue;
    if (e.kind == EntityKind::kPerson) {
      if (n.given.empty()) {
        n.given = std::string(part);
      } else {
        if (!n.middle.empty()) n.middle += ' ';
        n.middle += part;
      }
    }
    if (!given_names.empty()) given_names += ' ';
    given_names += part;
  }
  n.full = given_names;
  if (!family.empty()) {
    if (!n.full.empty()) n.full += ' ';
    n.full += family;
    // Name 6 alone ("KONY", "LE MESSIE SANGLANT") is a whole name, not a surname.
    if (e.kind == EntityKind::kPerson && !given_names.empty()) n.family = std::string(family);
  }

  auto add = [&](Name name, bool as_primary) {
    if (name.full.empty()) return;
    if (as_primary) {
      if (g->primary < 0) {
        name.type = NameType::kPrimary;
        g->primary = static_cast<int>(e.names.size());
        e.names.push_back(std::move(name));
        return;
      }
      // A second, differently spelled primary name: kept as an a.k.a.
      if (e.names[static_cast<size_t>(g->primary)].full == name.full) return;
      name.type = NameType::kAka;
    }
    // The same name on many rows (one per address, date of birth, ...) is kept once.
    key_.assign(name.full).append(1, static_cast<char>('0' + static_cast<int>(name.type)));
    key_.append(1, static_cast<char>('0' + static_cast<int>(name.quality)));
    auto [at, fresh] = g->name_index.try_emplace(key_, e.names.size());
    if (!fresh) {
      Name& have = e.names[at->second];
      if (have.language.empty()) have.language = name.language;
      return;
    }
    e.names.push_back(std::move(name));
  };
  add(std::move(n), primary_row);

  std::string_view non_latin = Cell(row, kNonLatinName);
  if (!non_latin.empty()) {
    Name nl;
    nl.full = std::string(non_latin);
    nl.type = type == NameType::kFka ? NameType::kFka : NameType::kAka;
    nl.quality = quality;
    nl.language = std::string(LanguageCode(Cell(row, kNonLatinLanguage)));
    add(std::move(nl), false);
  }
}

// Tagged items of Other Information:
//   UK Sanctions List Ref -> reference; Gender -> gender; UN Ref -> an identifier
//   (kOther, label "UN Ref") so a screen by UN reference finds the UK record;
//   Phone number / Website / Email address -> kPhone / kWebsite / kEmail identifiers
//   (a URL under Email or an address under Website goes by its form);
//   Business Reg No -> registration or tax identifiers (ParseRegistrationNumbers); Parent company
//   -> relations "parent"; Subsidiaries -> relations "subsidiary"; IMO number -> kImo; Flag of
//   ship, Type of ship, Tonnage of ship, Year built, Current owners -> craft. Statement of Reasons,
//   Type of entity, Length of ship and Previous flags stay in the remarks only.
void Parser::ApplyOtherInformation(Group* g, std::string_view text) {
  Entity& e = g->entity;
  for (const TaggedItem& item : SplitTaggedItems(text)) {
    std::string_view tag = item.tag;
    std::string_view value = item.value;
    auto is = [&](std::string_view name) { return base::EqualsIgnoreCase(tag, name); };
    if (is("UK Sanctions List Ref")) {
      if (e.reference.empty()) e.reference = std::string(LeadingReference(value));
    } else if (is("Gender")) {
      std::string_view v = SplitNumbered(value).front().text;
      if (base::EqualsIgnoreCase(v, "Male")) e.gender = Gender::kMale;
      if (base::EqualsIgnoreCase(v, "Female")) e.gender = Gender::kFemale;
    } else if (is("UN Ref")) {
      std::string_view ref = value.substr(0, value.find(' '));
      while (!ref.empty() && (ref.back() == '.' || ref.back() == ',')) ref.remove_suffix(1);
      AddIdentifier(&e, Identifier{IdType::kOther, std::string(ref), {}, "UN Ref", {}});
    } else if (is("Phone number")) {
      for (std::string_view p : SplitPhoneNumbers(value)) {
        AddIdentifier(&e, Identifier{IdType::kPhone, std::string(p), {}, "Phone number", {}});
      }
    } else if (is("Website") || is("Email address")) {
      for (std::string_view t : SplitAddressTokens(value)) {
        bool email = t.find('@') != std::string_view::npos && !base::StartsWith(t, "http");
        AddIdentifier(&e, Identifier{email ? IdType::kEmail : IdType::kWebsite,
                                     std::string(t),
                                     {},
                                     std::string(tag),
                                     {}});
      }
    } else if (is("Business Reg No")) {
      for (Identifier& id : ParseRegistrationNumbers(value)) AddIdentifier(&e, std::move(id));
    } else if (is("Parent company")) {
      for (std::string_view name : SplitNameList(value)) AddRelation(&e, "parent", name);
    } else if (is("Subsidiaries")) {
      for (std::string_view name : SplitNameList(value)) AddRelation(&e, "subsidiary", name);
    } else if (is("IMO number")) {
      for (const NumberedItem& it : SplitNumbered(value)) {
        AddIdentifier(&e, Identifier{IdType::kImo, std::string(it.text), {}, "IMO number", {}});
      }
    } else if (is("Flag of ship")) {
      std::string_view v = SplitNumbered(value).front().text;
      e.craft.flag_name = std::string(v);
      e.craft.flag = ResolveCountry(v);
    } else if (is("Type of ship")) {
      e.craft.type = std::string(SplitNumbered(value).front().text);
    } else if (is("Tonnage of ship")) {
      e.craft.tonnage = std::string(SplitNumbered(value).front().text);
    } else if (is("Year built")) {
      e.craft.build_year = std::string(SplitNumbered(value).front().text);
    } else if (is("Current owners")) {
      e.craft.owner = std::string(SplitNumbered(value).front().text);
    }
  }
}

Entity Parser::FinishGroup(Group* g) {
  Entity e = std::move(g->entity);
  if (g->primary > 0) {
    auto first = e.names.begin();
    std::rotate(first, first + g->primary, first + g->primary + 1);
  } else if (g->primary < 0 && !e.names.empty()) {
    Warn(Location(g->first_line), e.source_id,
         "the group has no 'Primary name' row; '" + e.names[0].full +
             "' (its first name) is used as the primary name");
    e.names[0].type = NameType::kPrimary;
  }
  e.provenance = MakeProvenance(source_, Location(g->first_line));
  FinishEntity(&e);
  return e;
}

}  // namespace

Result<ParsedList> ParseUkOfsiCsv(const InputFile& file) {
  ParsedList out;
  Parser parser(file, &out);
  Status status = parser.Run();
  if (!status.ok()) return status;
  return out;
}

}  // namespace interdict::lists
