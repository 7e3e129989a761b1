#include "lists/eu/eu_fsf.h"

#include <cstdint>
#include <cstdio>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/text.h"
#include "lists/common.h"
#include "lists/xml_stream.h"
#include "model/date.h"

namespace interdict::lists {
namespace {

constexpr std::string_view kFormat = "eu_fsf_xml";
constexpr std::string_view kRoot = "export";

std::string AttrClean(const XmlElement& el, std::string_view attr) {
  return CleanText(el.Attr(attr));
}

bool AttrTrue(const XmlElement& el, std::string_view attr) {
  return base::EqualsIgnoreCase(base::Trim(el.Attr(attr)), "true");
}

// The FSF writes an unknown country as countryIso2Code="00" countryDescription="UNKNOWN".
std::string CountryDescription(const XmlElement& el) {
  std::string desc = AttrClean(el, "countryDescription");
  return base::EqualsIgnoreCase(desc, "UNKNOWN") ? "" : desc;
}

std::string Country(const XmlElement& el) {
  std::string iso = base::AsciiToUpper(base::Trim(el.Attr("countryIso2Code")));
  if (!iso.empty() && iso != "00") {
    std::string code = CountryCode(iso);
    if (!code.empty()) return code;
    if (IsUpperAlpha2(iso)) return iso;  // the source's own ISO code
  }
  std::string desc = CountryDescription(el);
  return desc.empty() ? "" : CountryCode(desc);
}

struct IdCode {
  std::string_view code;  // lower case
  IdType type;
};

// identificationTypeCode values seen in FSF exports. "other" and the certificates stay kOther
// on purpose: their descriptions ("Other identification number") would mislead
// IdTypeFromLabel.
constexpr IdCode kIdCodes[] = {
    {"passport", IdType::kPassport},
    {"id", IdType::kNationalId},
    {"nrn", IdType::kNationalId},
    {"ssn", IdType::kSsn},
    {"drivinglicence", IdType::kDriversLicense},
    {"swiftbic", IdType::kSwiftBic},
    {"imo", IdType::kImo},
    {"regnumber", IdType::kCompanyRegistration},
    {"tradelic", IdType::kCompanyRegistration},
    {"fiscalcode", IdType::kTaxId},
    {"other", IdType::kOther},
    {"birthcert", IdType::kOther},
    {"nationcert", IdType::kOther},
    {"travelcardid", IdType::kOther},
    {"electionid", IdType::kOther},
    {"residentperm", IdType::kOther},
};

std::optional<IdType> IdTypeFromCode(std::string_view code) {
  for (const IdCode& c : kIdCodes) {
    if (base::EqualsIgnoreCase(code, c.code)) return c.type;
  }
  return std::nullopt;
}

struct NameCandidate {
  Name name;
  bool has_language = false;
  bool has_parts = false;
};

// Turns one sanctionEntity into an Entity, reporting what it cannot read. One per file: it
// remembers ids and unknown element names across records.
class RecordParser {
 public:
  RecordParser(const SourceFile& file, Diagnostics* diags) : file_(file), diags_(diags) {}

  // Fills *out from `rec`, the `ordinal`-th (1-based) sanctionEntity. Returns false, after a
  // kSkipped diagnostic, when the record has no name at all.
  bool Parse(const XmlElement& rec, int ordinal, Entity* out);

 private:
  void Warn(int line, std::string_view child, std::string message);
  void ParseKind(const XmlElement& rec, Entity* e);
  void ParseNameAlias(const XmlElement& el, const std::string& at, Entity* e,
                      std::vector<NameCandidate>* names);
  void ParseBirthdate(const XmlElement& el, const std::string& at, Entity* e);
  void ParseAddress(const XmlElement& el, Entity* e);
  void ParseIdentification(const XmlElement& el, const std::string& at, Entity* e);

  const SourceFile& file_;
  Diagnostics* diags_;
  std::set<std::string, std::less<>> seen_ids_;
  std::set<std::string, std::less<>> unknown_elements_;
  std::set<std::string, std::less<>> unknown_id_codes_;
  // The record being parsed.
  std::string path_;  // "sanctionEntity[3]"
  std::string record_id_;
  std::vector<std::string> remarks_;
};

void RecordParser::Warn(int line, std::string_view child, std::string message) {
  diags_->Warn(file_.name, XmlRecordLocation(line, path_, child), record_id_, std::move(message));
}

bool RecordParser::Parse(const XmlElement& rec, int ordinal, Entity* out) {
  path_ = "sanctionEntity[" + std::to_string(ordinal) + "]";
  record_id_ = AttrClean(rec, "logicalId");
  remarks_.clear();

  Entity& e = *out;
  e.source = ListSource::kEu;
  e.source_id = record_id_;
  e.reference = AttrClean(rec, "euReferenceNumber");
  e.provenance = MakeProvenance(file_, "line " + std::to_string(rec.line));
  if (record_id_.empty()) {
    Warn(rec.line, "", "sanctionEntity has no logicalId");
  } else if (!seen_ids_.insert(record_id_).second) {
    Warn(rec.line, "", "duplicate logicalId " + record_id_);
  }
  if (std::string date = AttrClean(rec, "designationDate"); !date.empty()) {
    if (std::optional<PartialDate> d = model::ParseDate(date)) {
      e.listed_on = *d;
    } else {
      Warn(rec.line, "", "unparseable designationDate '" + date + "'");
    }
  }
  remarks_.push_back(AttrClean(rec, "designationDetails"));
  if (std::string un = AttrClean(rec, "unitedNationId"); !un.empty()) {
    e.sanction_notes.push_back("UN reference: " + un);
  }
  ParseKind(rec, &e);  // before the names: @function is a title only for persons

  std::vector<NameCandidate> names;
  std::unordered_map<std::string_view, int> seen_children;
  for (const XmlElement& child : rec.children) {
    const std::string& name = child.name;
    const std::string at = name + "[" + std::to_string(++seen_children[name]) + "]";
    if (name == "subjectType") {
      continue;  // read above
    } else if (name == "regulation") {
      AddUnique(&e.programs, AttrClean(child, "programme"));
      if (e.source_url.empty()) e.source_url = std::string(child.ChildText("publicationUrl"));
    } else if (name == "nameAlias") {
      ParseNameAlias(child, at, &e, &names);
    } else if (name == "citizenship") {
      std::string code = Country(child);
      if (!code.empty()) {
        AddUnique(&e.citizenships, code);
      } else if (std::string desc = CountryDescription(child); !desc.empty()) {
        Warn(child.line, at, "citizenship '" + desc + "' is not a known country; left out");
      }
    } else if (name == "birthdate") {
      ParseBirthdate(child, at, &e);
    } else if (name == "address") {
      ParseAddress(child, &e);
    } else if (name == "identification") {
      ParseIdentification(child, at, &e);
    } else if (name == "remark") {
      remarks_.push_back(std::string(child.Text()));
    } else if (unknown_elements_.insert(name).second) {
      Warn(child.line, at, "unknown element <" + name + "> ignored (reported once per file)");
    }
  }

  // Primary name: see the header for why the first nameAlias is not simply taken.
  size_t primary = names.size();
  auto pick = [&](auto&& ok) {
    for (size_t i = 0; primary == names.size() && i < names.size(); ++i) {
      if (ok(names[i])) primary = i;
    }
  };
  auto strong = [](const NameCandidate& c) { return c.name.quality == NameQuality::kStrong; };
  pick([&](const NameCandidate& c) { return strong(c) && !c.has_language && c.has_parts; });
  pick([&](const NameCandidate& c) { return strong(c) && !c.has_language; });
  pick(strong);
  if (primary == names.size()) primary = 0;
  if (!names.empty()) {
    names[primary].name.type = NameType::kPrimary;
    AddName(&e, std::move(names[primary].name));
    for (size_t i = 0; i < names.size(); ++i) {
      if (i != primary) AddName(&e, std::move(names[i].name));
    }
  }
  std::vector<std::string> remarks;
  for (const std::string& r : remarks_) AddUnique(&remarks, r);
  e.remarks = JoinNonEmpty(remarks, "\n");

  FinishEntity(&e);
  if (e.names.empty()) {
    diags_->Skip(file_.name, "line " + std::to_string(rec.line) + ", " + path_, record_id_,
                 "sanctionEntity has no name (no nameAlias with a wholeName or name parts); "
                 "skipped");
    return false;
  }
  return true;
}

void RecordParser::ParseKind(const XmlElement& rec, Entity* e) {
  const XmlElement* subject = rec.Child("subjectType");
  if (subject == nullptr) {
    Warn(rec.line, "subjectType", "no subjectType; kind left unknown");
    return;
  }
  std::string code = AttrClean(*subject, "code");
  std::string cls = AttrClean(*subject, "classificationCode");
  if (base::EqualsIgnoreCase(code, "person") || (code.empty() && cls == "P")) {
    e->kind = EntityKind::kPerson;
  } else if (base::EqualsIgnoreCase(code, "enterprise") || (code.empty() && cls == "E")) {
    e->kind = EntityKind::kOrganization;
  } else {
    Warn(subject->line, "subjectType",
         "unknown subjectType code '" + code + "' (classificationCode '" + cls +
             "'); kind left unknown");
  }
}

void RecordParser::ParseNameAlias(const XmlElement& el, const std::string& at, Entity* e,
                                  std::vector<NameCandidate>* names) {
  NameCandidate c;
  Name& n = c.name;
  n.type = NameType::kAka;
  n.given = AttrClean(el, "firstName");
  n.middle = AttrClean(el, "middleName");
  n.family = AttrClean(el, "lastName");
  n.full = AttrClean(el, "wholeName");
  if (n.full.empty()) n.full = JoinNonEmpty({n.given, n.middle, n.family}, " ");
  c.has_parts = !n.given.empty() || !n.family.empty();
  if (base::EqualsIgnoreCase(base::Trim(el.Attr("strong")), "false")) {
    n.quality = NameQuality::kWeak;
  }
  std::string lang = AttrClean(el, "nameLanguage");
  if (!lang.empty()) {
    c.has_language = true;
    std::string lower = base::AsciiToLower(lang);
    if (lower.size() == 2 && lower[0] >= 'a' && lower[0] <= 'z' && lower[1] >= 'a' &&
        lower[1] <= 'z') {
      n.language = lower;
    } else {
      Warn(el.line, at, "unknown nameLanguage '" + lang + "'; language left empty");
    }
  }

  // Titles and positions are given per alias, often repeated; AddUnique keeps one of each.
  std::string title = AttrClean(el, "title");
  std::string function = AttrClean(el, "function");
  if (e->kind == EntityKind::kPerson) {
    AddUnique(&e->titles, title);
    AddUnique(&e->titles, function);
  } else {
    remarks_.push_back(title);
    remarks_.push_back(function);
  }
  std::string gender = AttrClean(el, "gender");
  if (base::EqualsIgnoreCase(gender, "M") || base::EqualsIgnoreCase(gender, "male")) {
    if (e->gender == Gender::kUnknown) e->gender = Gender::kMale;
  } else if (base::EqualsIgnoreCase(gender, "F") || base::EqualsIgnoreCase(gender, "female")) {
    if (e->gender == Gender::kUnknown) e->gender = Gender::kFemale;
  } else if (!gender.empty()) {
    Warn(el.line, at, "unknown gender '" + gender + "'");
  }

  if (n.full.empty()) {
    Warn(el.line, at, "nameAlias without wholeName or name parts; ignored");
    return;
  }
  names->push_back(std::move(c));
}

void RecordParser::ParseBirthdate(const XmlElement& el, const std::string& at, Entity* e) {
  AddUnique(&e->places_of_birth,
            JoinNonEmpty({AttrClean(el, "city"), AttrClean(el, "place"), AttrClean(el, "region"),
                          AttrClean(el, "zipCode"), CountryDescription(el)},
                         ", "));

  const std::string full = AttrClean(el, "birthdate");
  const std::string year = AttrClean(el, "year");
  const std::string month = AttrClean(el, "monthOfYear");
  const std::string day = AttrClean(el, "dayOfMonth");
  if (full.empty() && year.empty()) {
    if (!month.empty() || !day.empty()) {
      Warn(el.line, at,
           "birthdate without a year (month '" + month + "', day '" + day + "'); left out");
    }
    return;  // a place of birth only
  }
  std::string text = full;
  if (text.empty()) {
    // Rebuild an ISO date from the parts so that ParseDate validates it.
    std::optional<uint64_t> y = base::ParseUint(year);
    std::optional<uint64_t> m = month.empty() ? std::optional<uint64_t>(0) : base::ParseUint(month);
    std::optional<uint64_t> d = day.empty() ? std::optional<uint64_t>(0) : base::ParseUint(day);
    if (!y || !m || !d || *y > 9999 || *m > 99 || *d > 99) {
      Warn(el.line, at,
           "unparseable birthdate (year '" + year + "', month '" + month + "', day '" + day + "')");
      return;
    }
    char buf[16];
    if (*m == 0) {
      std::snprintf(buf, sizeof(buf), "%04u", static_cast<unsigned>(*y));
    } else if (*d == 0) {
      std::snprintf(buf, sizeof(buf), "%04u-%02u", static_cast<unsigned>(*y),
                    static_cast<unsigned>(*m));
    } else {
      std::snprintf(buf, sizeof(buf), "%04u-%02u-%02u", static_cast<unsigned>(*y),
                    static_cast<unsigned>(*m), static_cast<unsigned>(*d));
    }
    text = buf;
  }
  const std::string calendar = AttrClean(el, "calendarType");
  if (!calendar.empty() && !base::EqualsIgnoreCase(calendar, "GREGORIAN")) {
    Warn(el.line, at, "birthdate '" + text + "' in calendar " + calendar + "; left out");
    return;
  }
  std::optional<PartialDate> date = model::ParseDate(text);
  if (!date) {
    Warn(el.line, at, "unparseable birthdate '" + text + "'");
    return;
  }
  DateOfBirth dob;
  dob.from = dob.to = *date;
  dob.circa = AttrTrue(el, "circa");
  dob.text = dob.circa ? "circa " + text : text;
  AddDateOfBirth(e, std::move(dob));
}

void RecordParser::ParseAddress(const XmlElement& el, Entity* e) {
  Address a;
  std::string po_box = AttrClean(el, "poBox");
  if (!po_box.empty() && base::FindIgnoreCase(po_box, "box") == std::string_view::npos) {
    po_box = "P.O. Box " + po_box;
  }
  a.street = JoinNonEmpty({AttrClean(el, "street"), po_box}, ", ");
  a.city = JoinNonEmpty({AttrClean(el, "city"), AttrClean(el, "place")}, ", ");
  a.region = AttrClean(el, "region");
  a.postal_code = AttrClean(el, "zipCode");
  a.country = Country(el);
  a.country_name = CountryDescription(el);
  if (!a.street.empty() || !a.city.empty() || !a.region.empty() || !a.postal_code.empty() ||
      !a.country.empty() || !a.country_name.empty()) {
    e->addresses.push_back(std::move(a));
  }
  for (const XmlElement* info : el.Children("contactInfo")) {
    Identifier id;
    id.label = AttrClean(*info, "key");
    id.value = AttrClean(*info, "value");
    if (id.value.empty()) continue;
    std::string key = base::AsciiToUpper(id.label);
    if (key == "PHONE" || key == "FAX") {
      id.type = IdType::kPhone;
    } else if (key == "EMAIL") {
      id.type = IdType::kEmail;
    } else if (key == "WEB") {
      id.type = IdType::kWebsite;
    }
    e->identifiers.push_back(std::move(id));
  }
}

void RecordParser::ParseIdentification(const XmlElement& el, const std::string& at, Entity* e) {
  const std::string code = AttrClean(el, "identificationTypeCode");
  const std::string desc = AttrClean(el, "identificationTypeDescription");
  const std::string number = AttrClean(el, "number");
  const std::string latin = AttrClean(el, "latinNumber");
  Identifier id;
  if (std::optional<IdType> t = IdTypeFromCode(code)) {
    id.type = *t;
  } else {
    id.type = IdTypeFromLabel(desc.empty() ? code : desc);
    if (!code.empty() && unknown_id_codes_.insert(code).second) {
      Warn(el.line, at,
           "unknown identificationTypeCode '" + code + "'; typed from its description as " +
               std::string(IdTypeName(id.type)) + " (reported once per file)");
    }
  }
  id.label = desc.empty() ? code : desc;
  id.value = number.empty() ? latin : number;
  id.country = Country(el);

  std::vector<std::string> note;
  if (!number.empty() && !latin.empty() && latin != number) note.push_back("latin " + latin);
  if (std::string v = AttrClean(el, "issuedBy"); !v.empty()) note.push_back("issued by " + v);
  if (std::string v = AttrClean(el, "issueDate"); !v.empty()) note.push_back("issued " + v);
  if (std::string v = AttrClean(el, "validFrom"); !v.empty()) note.push_back("valid from " + v);
  if (std::string v = AttrClean(el, "validTo"); !v.empty()) note.push_back("valid to " + v);
  if (std::string v = AttrClean(el, "nameOnDocument"); !v.empty()) {
    note.push_back("name on document " + v);
  }
  if (std::string v = AttrClean(el, "region"); !v.empty()) note.push_back("region " + v);
  if (id.country.empty()) {
    if (std::string v = CountryDescription(el); !v.empty()) note.push_back("country " + v);
  }
  if (AttrTrue(el, "diplomatic")) note.push_back("diplomatic");
  if (AttrTrue(el, "knownExpired")) note.push_back("known expired");
  if (AttrTrue(el, "knownFalse")) note.push_back("known false");
  if (AttrTrue(el, "reportedLost")) note.push_back("reported lost");
  if (AttrTrue(el, "revokedByIssuer")) note.push_back("revoked by issuer");
  for (const XmlElement* r : el.Children("remark")) note.push_back(std::string(r->Text()));
  id.note = JoinNonEmpty(note, "; ");
  if (id.value.empty() && id.note.empty()) return;
  e->identifiers.push_back(std::move(id));
}

}  // namespace

Result<ParsedList> ParseEuFsfXml(const InputFile& file) {
  ParsedList out = NewParsedList(ListSource::kEu, kFormat, file);
  const SourceFile& source_file = out.version.files.front();

  XmlStream xml(file);
  RecordParser parser(source_file, &out.diagnostics);
  XmlElement rec;
  int records = 0;
  auto wrong_root = [&] {
    return Status::DataLoss(source_file.name + ": root element <" + xml.root_name() +
                            "> is not <export>: not an EU Financial Sanctions File");
  };
  while (xml.NextElement({"sanctionEntity"}, &rec)) {
    if (records == 0) {
      if (xml.root_name() != kRoot) return wrong_root();
      out.version.as_of = std::string(base::Trim(xml.RootAttr("generationDate")));
      if (out.version.as_of.empty()) {
        out.diagnostics.Warn(source_file.name, "export", "",
                             "no generationDate on the root element; as_of left empty");
      }
    }
    ++records;
    Entity entity;
    if (parser.Parse(rec, records, &entity)) out.entities.push_back(std::move(entity));
  }
  if (!xml.status().ok()) return xml.status();
  if (xml.root_name() != kRoot) return wrong_root();
  if (records == 0) {
    return Status::DataLoss(source_file.name + ": no sanctionEntity records in <export>");
  }
  return out;
}

}  // namespace interdict::lists
