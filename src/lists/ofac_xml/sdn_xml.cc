#include "lists/ofac_xml/sdn_xml.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.h"
#include "lists/common.h"
#include "lists/ofac_xml/facts.h"
#include "lists/ofac_xml/line_locator.h"
#include "lists/xml_stream.h"

namespace interdict::lists {
namespace {

using ofac_xml_internal::AddLinkedToRelations;
using ofac_xml_internal::AppendPart;
using ofac_xml_internal::ApplyFact;
using ofac_xml_internal::ClassifyFactLabel;
using ofac_xml_internal::Fact;
using ofac_xml_internal::FactKind;
using ofac_xml_internal::LineLocator;
using ofac_xml_internal::NameTypeFromAliasLabel;
using ofac_xml_internal::OfacFullName;

constexpr std::string_view kRoot = "sdnList";

// OFAC writes Publish_Date as MM/DD/YYYY (US order; model::ParseDate reads slashes day
// first, so it cannot be used here). Returns "" when the text is not such a date.
std::string PublishDateToIso(std::string_view text) {
  std::vector<std::string_view> parts = base::Split(base::Trim(text), "/");
  if (parts.size() != 3 || parts[2].size() != 4) return "";
  std::optional<uint64_t> m = base::ParseUint(parts[0]);
  std::optional<uint64_t> d = base::ParseUint(parts[1]);
  std::optional<uint64_t> y = base::ParseUint(parts[2]);
  if (!m || !d || !y || *m < 1 || *m > 12 || *d < 1 || *d > 31 || *y < 1900) return "";
  auto two = [](uint64_t v) { return (v < 10 ? "0" : "") + std::to_string(v); };
  return std::to_string(*y) + "-" + two(*m) + "-" + two(*d);
}

class SdnEntryParser {
 public:
  SdnEntryParser(ListSource source, const SourceFile& file, std::string_view bytes,
                 Diagnostics* diags)
      : source_(source), file_(file), lines_(bytes, "sdnEntry"), diags_(diags) {}

  // Returns nullopt when the entry is skipped (reported in diagnostics).
  std::optional<Entity> Parse(const XmlElement& entry);

 private:
  std::string Where(const XmlElement& e) const {
    return XmlRecordLocation(lines_.LineOf(e), e.name, "");
  }
  void Warn(const XmlElement& at, std::string message) {
    diags_->Warn(file_.name, Where(at), id_, std::move(message));
  }
  void ParseIds(const XmlElement& entry, Entity* e);
  void ParseAkas(const XmlElement& entry, Entity* e);
  void ParseAddresses(const XmlElement& entry, Entity* e);
  void ParseCountries(const XmlElement& entry, std::string_view list, std::string_view item,
                      FactKind kind, Entity* e);
  void ParseListOf(const XmlElement& entry, std::string_view list, std::string_view item,
                   std::string_view field, FactKind kind, std::string_view label, Entity* e);
  void ParseVessel(const XmlElement& entry, Entity* e);

  ListSource source_;
  const SourceFile& file_;
  LineLocator lines_;
  Diagnostics* diags_;
  std::string id_;  // uid of the entry being parsed
};

std::optional<Entity> SdnEntryParser::Parse(const XmlElement& entry) {
  int line = lines_.RecordLine(entry);
  id_ = std::string(entry.ChildText("uid"));
  if (id_.empty()) {
    diags_->Skip(file_.name, Where(entry), "", "sdnEntry without uid; skipped");
    return std::nullopt;
  }
  Entity e;
  e.source = source_;
  e.source_id = id_;
  e.provenance = MakeProvenance(file_, "line " + std::to_string(line));

  std::string_view type = entry.ChildText("sdnType");
  e.kind = EntityKindFromName(base::AsciiToLower(type));
  if (e.kind == EntityKind::kUnknown) {
    Warn(entry.Child("sdnType") ? *entry.Child("sdnType") : entry,
         "unknown sdnType '" + std::string(type) + "'");
  }

  Name primary;
  primary.type = NameType::kPrimary;
  std::string_view last = entry.ChildText("lastName");
  std::string_view first = entry.ChildText("firstName");
  primary.full = OfacFullName(last, first);
  if (e.kind == EntityKind::kPerson) {
    primary.family = std::string(last);
    primary.given = std::string(first);
  }
  e.names.push_back(std::move(primary));

  AddUnique(&e.titles, entry.ChildText("title"));
  e.remarks = std::string(entry.ChildText("remarks"));
  AddLinkedToRelations(e.remarks, &e);
  if (const XmlElement* programs = entry.Child("programList")) {
    for (const XmlElement* p : programs->Children("program")) AddUnique(&e.programs, p->Text());
  }
  ParseIds(entry, &e);
  ParseAkas(entry, &e);
  ParseAddresses(entry, &e);
  ParseCountries(entry, "nationalityList", "nationality", FactKind::kNationality, &e);
  ParseCountries(entry, "citizenshipList", "citizenship", FactKind::kCitizenship, &e);
  ParseListOf(entry, "dateOfBirthList", "dateOfBirthItem", "dateOfBirth", FactKind::kBirthDate,
              "Date of Birth", &e);
  ParseListOf(entry, "placeOfBirthList", "placeOfBirthItem", "placeOfBirth",
              FactKind::kPlaceOfBirth, "Place of Birth", &e);
  ParseVessel(entry, &e);

  if (base::Trim(e.names[0].full).empty()) {
    if (e.names.size() == 1) {
      diags_->Skip(file_.name, Where(entry), id_, "sdnEntry without a name; skipped");
      return std::nullopt;
    }
    // No lastName/firstName but aliases: keep the entity under its first alias rather than
    // lose a listed party.
    e.names.erase(e.names.begin());
    Warn(entry, "sdnEntry without lastName; its first alias is used as the primary name");
  }
  FinishEntity(&e);
  if (e.names.empty()) {
    diags_->Skip(file_.name, Where(entry), id_, "sdnEntry without a name; skipped");
    return std::nullopt;
  }
  return e;
}

void SdnEntryParser::ParseIds(const XmlElement& entry, Entity* e) {
  const XmlElement* list = entry.Child("idList");
  if (list == nullptr) return;
  for (const XmlElement* id : list->Children("id")) {
    std::string_view label = id->ChildText("idType");
    std::string note;
    if (std::string_view issued = id->ChildText("issueDate"); !issued.empty()) {
      note = "issued " + std::string(issued);
    }
    if (std::string_view expires = id->ChildText("expirationDate"); !expires.empty()) {
      note += (note.empty() ? "expires " : "; expires ") + std::string(expires);
    }
    std::string_view country_text = id->ChildText("idCountry");
    std::string country = CountryCode(country_text);
    Fact fact{.label = label,
              .value = id->ChildText("idNumber"),
              .country = country,
              .country_text = country_text,
              .note = note};
    FactKind kind = ClassifyFactLabel(label);
    if (kind == FactKind::kRegistrationCountry && country.empty()) {
      // "Nationality of Registration" carries the country in idNumber.
      fact.country_text = fact.value;
    }
    std::string problem = ApplyFact(kind, fact, e);
    if (!problem.empty()) Warn(*id, std::move(problem));
  }
}

void SdnEntryParser::ParseAkas(const XmlElement& entry, Entity* e) {
  const XmlElement* list = entry.Child("akaList");
  if (list == nullptr) return;
  for (const XmlElement* aka : list->Children("aka")) {
    Name n;
    std::string_view type = aka->ChildText("type");
    if (!NameTypeFromAliasLabel(type, &n.type)) {
      n.type = NameType::kAka;
      Warn(*aka, "unknown aka type '" + std::string(type) + "'; read as a.k.a.");
    }
    std::string_view category = aka->ChildText("category");
    if (base::EqualsIgnoreCase(category, "weak")) {
      n.quality = NameQuality::kWeak;
    } else if (!category.empty() && !base::EqualsIgnoreCase(category, "strong")) {
      Warn(*aka, "unknown aka category '" + std::string(category) + "'; read as strong");
    }
    std::string_view last = aka->ChildText("lastName");
    std::string_view first = aka->ChildText("firstName");
    n.full = OfacFullName(last, first);
    if (n.full.empty()) {
      Warn(*aka, "aka without a name; dropped");
      continue;
    }
    if (e->kind == EntityKind::kPerson) {
      n.family = std::string(last);
      n.given = std::string(first);
    }
    e->names.push_back(std::move(n));
  }
}

void SdnEntryParser::ParseAddresses(const XmlElement& entry, Entity* e) {
  const XmlElement* list = entry.Child("addressList");
  if (list == nullptr) return;
  for (const XmlElement* a : list->Children("address")) {
    Address addr;
    AppendPart(&addr.street, a->ChildText("address1"));
    AppendPart(&addr.street, a->ChildText("address2"));
    AppendPart(&addr.street, a->ChildText("address3"));
    addr.city = std::string(a->ChildText("city"));
    addr.region = std::string(a->ChildText("stateOrProvince"));
    addr.postal_code = std::string(a->ChildText("postalCode"));
    addr.country_name = std::string(a->ChildText("country"));
    addr.country = CountryCode(addr.country_name);
    if (addr.street.empty() && addr.city.empty() && addr.region.empty() &&
        addr.postal_code.empty() && addr.country_name.empty()) {
      continue;
    }
    e->addresses.push_back(std::move(addr));
  }
}

void SdnEntryParser::ParseCountries(const XmlElement& entry, std::string_view list,
                                    std::string_view item, FactKind kind, Entity* e) {
  const XmlElement* l = entry.Child(list);
  if (l == nullptr) return;
  for (const XmlElement* c : l->Children(item)) {
    std::string_view text = c->ChildText("country");
    Fact fact{.label = item, .value = text, .country_text = text};
    std::string problem = ApplyFact(kind, fact, e);
    if (!problem.empty()) Warn(*c, std::move(problem));
  }
}

void SdnEntryParser::ParseListOf(const XmlElement& entry, std::string_view list,
                                 std::string_view item, std::string_view field, FactKind kind,
                                 std::string_view label, Entity* e) {
  const XmlElement* l = entry.Child(list);
  if (l == nullptr) return;
  for (const XmlElement* i : l->Children(item)) {
    const XmlElement* f = i->Child(field);
    if (f == nullptr) continue;
    std::string problem = ApplyFact(kind, Fact{.label = label, .value = f->Text()}, e);
    if (!problem.empty()) Warn(*f, std::move(problem));
  }
}

void SdnEntryParser::ParseVessel(const XmlElement& entry, Entity* e) {
  const XmlElement* v = entry.Child("vesselInfo");
  if (v == nullptr) return;
  struct Field {
    std::string_view element;
    FactKind kind;
  };
  static constexpr Field kFields[] = {
      {"vesselType", FactKind::kCraftType},
      {"vesselFlag", FactKind::kVesselFlag},
      {"vesselOwner", FactKind::kCraftOwner},
      {"tonnage", FactKind::kTonnage},
      {"grossRegisteredTonnage", FactKind::kGrossTonnage},
  };
  if (std::string_view call_sign = v->ChildText("callSign"); !call_sign.empty()) {
    (void)ApplyFact(FactKind::kIdentifier, Fact{.label = "Call Sign", .value = call_sign}, e);
  }
  for (const Field& f : kFields) {
    std::string_view value = v->ChildText(f.element);
    // OFAC writes 0 for an unknown tonnage.
    if (value == "0" && (f.kind == FactKind::kTonnage || f.kind == FactKind::kGrossTonnage)) {
      continue;
    }
    std::string problem = ApplyFact(f.kind, Fact{.label = f.element, .value = value}, e);
    if (!problem.empty()) Warn(*v, std::move(problem));
  }
}

}  // namespace

Result<ParsedList> ParseOfacSdnXml(ListSource source, const InputFile& file) {
  ParsedList out = NewParsedList(source, "ofac_sdn_xml", file);
  const SourceFile& source_file = out.version.files.front();
  const std::string& name = source_file.name;

  XmlStream xml(file);
  XmlElement element;
  SdnEntryParser parser(source, source_file, file.bytes, &out.diagnostics);
  std::optional<uint64_t> record_count;
  size_t entries = 0;
  while (xml.NextElement({"publshInformation", "sdnEntry"}, &element)) {
    if (xml.root_name() != kRoot) break;
    if (element.name == "publshInformation") {
      std::string_view date = element.ChildText("Publish_Date");
      out.version.as_of = PublishDateToIso(date);
      if (out.version.as_of.empty() && !date.empty()) {
        out.diagnostics.Warn(name, XmlRecordLocation(element.line, element.name, ""), "",
                             "unreadable Publish_Date '" + std::string(date) + "'");
      }
      std::string_view count = element.ChildText("Record_Count");
      record_count = base::ParseUint(count);
      if (!record_count && !count.empty()) {
        out.diagnostics.Warn(name, XmlRecordLocation(element.line, element.name, ""), "",
                             "unreadable Record_Count '" + std::string(count) + "'");
      }
      continue;
    }
    ++entries;
    if (std::optional<Entity> e = parser.Parse(element)) out.entities.push_back(std::move(*e));
  }
  if (!xml.status().ok()) return xml.status();
  if (xml.root_name() != kRoot) {
    return Status::DataLoss(name + ": root element is <" + xml.root_name() + ">, not <" +
                            std::string(kRoot) + ">: not an OFAC SDN.XML-schema file");
  }
  if (entries == 0 && (!record_count || *record_count > 0)) {
    return Status::DataLoss(name + ": no sdnEntry records" +
                            (record_count
                                 ? " although Record_Count is " + std::to_string(*record_count)
                                 : std::string()));
  }
  if (record_count && *record_count != entries) {
    out.diagnostics.Warn(name, "publshInformation/Record_Count", "",
                         "Record_Count is " + std::to_string(*record_count) + " but the file has " +
                             std::to_string(entries) + " sdnEntry records");
  }
  return out;
}

}  // namespace interdict::lists
