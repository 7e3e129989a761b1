#include "lists/ofac_xml/enhanced_xml.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/text.h"
#include "lists/common.h"
#include "lists/ofac_xml/facts.h"
#include "lists/ofac_xml/line_locator.h"
#include "lists/xml_stream.h"
#include "model/date.h"

namespace interdict::lists {
namespace {

using ofac_xml_internal::AppendPart;
using ofac_xml_internal::ApplyFact;
using ofac_xml_internal::ClassifyFactLabel;
using ofac_xml_internal::Fact;
using ofac_xml_internal::FactKind;
using ofac_xml_internal::LineLocator;
using ofac_xml_internal::NameTypeFromAliasLabel;
using ofac_xml_internal::OfacFullName;
using ofac_xml_internal::RelationTypeCode;

constexpr std::string_view kRoot = "sanctionsData";

// referenceValues/referenceValue types (the <type> text) that entity fields point into.
constexpr std::string_view kSdnType = "SDN TYPE";
constexpr std::string_view kAliasType = "ALIAS TYPE";
constexpr std::string_view kScript = "SCRIPT";
constexpr std::string_view kNamePartType = "NAME PART TYPE";
constexpr std::string_view kListingType = "ENTITY LISTING TYPE";
constexpr std::string_view kProgram = "PROGRAM";
constexpr std::string_view kSanctionsType = "SANCTIONS TYPE";
constexpr std::string_view kLegalAuthority = "LEGAL AUTHORITY";
constexpr std::string_view kCountry = "COUNTRY";
constexpr std::string_view kLocationPartType = "LOCATION PART TYPE";
constexpr std::string_view kIdDocumentType = "ID DOCUMENT TYPE";
constexpr std::string_view kRelationshipType = "RELATIONSHIP TYPE";
constexpr std::string_view kRelationshipQuality = "RELATIONSHIP QUALITY";
constexpr std::string_view kReliability = "RELIABILITY";

struct RefValue {
  std::string type;
  std::string value;
  std::string iso_code;  // COUNTRY values only
};

struct FeatureType {
  std::string label;
  std::string detail;  // "DATE", "TEXT", "LOOKUP", "COUNTRY"
};

// A resolved reference: the reference value's text (or the element's own text when the
// element carries no refId), and for countries the ISO code.
struct Resolved {
  std::string_view value;
  std::string_view iso;
};

bool IsTrue(std::string_view text) { return base::EqualsIgnoreCase(base::Trim(text), "true"); }

// ISO 639-1 for OFAC script names that name a single language.
std::string_view LanguageOfScript(std::string_view script) {
  if (base::StartsWithIgnoreCase(script, "Chinese")) return "zh";
  if (base::EqualsIgnoreCase(script, "Korean") || base::EqualsIgnoreCase(script, "Hangul")) {
    return "ko";
  }
  if (base::EqualsIgnoreCase(script, "Japanese")) return "ja";
  return "";
}

// OFAC encodes a partial date as the first and last day it may be: 1962 is 1962-01-01 ..
// 1962-12-31, Aug 1960 is 1960-08-01 .. 1960-08-31.
std::optional<PartialDate> FromBounds(std::string_view begin_text, std::string_view end_text) {
  std::optional<PartialDate> begin = model::ParseDate(begin_text);
  std::optional<PartialDate> end = model::ParseDate(end_text);
  if (!begin || !end || begin->day == 0 || end->day == 0) return std::nullopt;
  if (*begin == *end) return begin;
  if (begin->year != end->year || begin->day != 1) return std::nullopt;
  if (begin->month == 1 && end->month == 12 && end->day == 31) {
    return PartialDate{.year = begin->year};
  }
  PartialDate next = *end;  // is `end` the last day of its month?
  next.day = static_cast<uint8_t>(end->day + 1);
  if (begin->month == end->month && !model::ParseDate(next.ToString())) {
    return PartialDate{.year = begin->year, .month = begin->month};
  }
  return std::nullopt;
}

std::optional<DateOfBirth> DobFromValueDate(const XmlElement& value_date, std::string_view text) {
  DateOfBirth dob;
  dob.text = std::string(base::Trim(text));
  dob.circa = IsTrue(value_date.ChildText("isApproximate"));
  std::string_view from_begin = value_date.ChildText("fromDateBegin");
  std::string_view to_end = value_date.ChildText("toDateEnd");
  if (IsTrue(value_date.ChildText("isDateRange"))) {
    std::optional<PartialDate> from = FromBounds(from_begin, value_date.ChildText("fromDateEnd"));
    std::optional<PartialDate> to = FromBounds(value_date.ChildText("toDateBegin"), to_end);
    if (!from) from = model::ParseDate(from_begin);
    if (!to) to = model::ParseDate(to_end);
    if (!from || !to) return std::nullopt;
    dob.from = *from;
    dob.to = *to;
    return dob;
  }
  if (std::optional<PartialDate> d = FromBounds(from_begin, to_end)) {
    dob.from = dob.to = *d;
    return dob;
  }
  std::optional<PartialDate> from = model::ParseDate(from_begin);
  std::optional<PartialDate> to = model::ParseDate(to_end);
  if (!from || !to) return std::nullopt;
  dob.from = *from;
  dob.to = *to;
  return dob;
}

class EnhancedParser {
 public:
  EnhancedParser(ListSource source, const SourceFile& file, std::string_view bytes,
                 Diagnostics* diags)
      : source_(source), file_(file), lines_(bytes, "entity"), diags_(diags) {}

  void LoadReferenceValues(const XmlElement& reference_values);
  void LoadFeatureTypes(const XmlElement& feature_types);
  bool has_references() const { return !refs_.empty(); }

  // Returns nullopt when the entity is skipped (reported in diagnostics).
  std::optional<Entity> Parse(const XmlElement& entity);

 private:
  std::string Where(const XmlElement& e) const {
    return XmlRecordLocation(lines_.LineOf(e), e.name, "");
  }
  void Warn(const XmlElement& at, std::string message) {
    diags_->Warn(file_.name, Where(at), id_, std::move(message));
  }
  // Resolves `element`'s refId attribute against referenceValues of `expected_type`.
  Resolved Resolve(const XmlElement& element, std::string_view expected_type);
  Resolved ResolveId(const XmlElement& at, std::string_view ref_id, std::string_view expected_type,
                     std::string_view fallback);

  void ParseGeneralInfo(const XmlElement& entity, Entity* e);
  void ParseSanctions(const XmlElement& entity, Entity* e);
  void ParseNames(const XmlElement& entity, Entity* e);
  void ParseTranslation(const XmlElement& translation, NameType type, NameQuality quality,
                        EntityKind kind, std::vector<Name>* out);
  void ParseAddresses(const XmlElement& entity, Entity* e);
  void ParseFeatures(const XmlElement& entity, Entity* e);
  void ParseDocuments(const XmlElement& entity, Entity* e);
  void ParseRelationships(const XmlElement& entity, Entity* e);

  ListSource source_;
  const SourceFile& file_;
  LineLocator lines_;
  Diagnostics* diags_;
  std::unordered_map<uint64_t, RefValue> refs_;
  std::unordered_map<uint64_t, FeatureType> feature_types_;
  std::string id_;  // id of the entity being parsed
};

void EnhancedParser::LoadReferenceValues(const XmlElement& reference_values) {
  refs_.reserve(reference_values.children.size());
  for (const XmlElement& rv : reference_values.children) {
    if (rv.name != "referenceValue") continue;
    std::optional<uint64_t> id = base::ParseUint(rv.Attr("refId"));
    if (!id) {
      diags_->Warn(file_.name, XmlRecordLocation(rv.line, rv.name, ""), "",
                   "referenceValue without a numeric refId '" + std::string(rv.Attr("refId")) +
                       "'; ignored");
      continue;
    }
    refs_[*id] = RefValue{std::string(rv.ChildText("type")), std::string(rv.ChildText("value")),
                          std::string(rv.ChildText("isoCode"))};
  }
}

void EnhancedParser::LoadFeatureTypes(const XmlElement& feature_types) {
  for (const XmlElement& ft : feature_types.children) {
    if (ft.name != "featureType") continue;
    std::optional<uint64_t> id = base::ParseUint(ft.Attr("featureTypeId"));
    if (!id) {
      diags_->Warn(file_.name, XmlRecordLocation(ft.line, ft.name, ""), "",
                   "featureType without a numeric featureTypeId");
      continue;
    }
    feature_types_[*id] =
        FeatureType{std::string(ft.ChildText("type")), std::string(ft.ChildText("detailType"))};
  }
}

Resolved EnhancedParser::ResolveId(const XmlElement& at, std::string_view ref_id,
                                   std::string_view expected_type, std::string_view fallback) {
  std::optional<uint64_t> id = base::ParseUint(ref_id);
  auto it = id ? refs_.find(*id) : refs_.end();
  if (it == refs_.end()) {
    Warn(at, "unknown refId '" + std::string(ref_id) + "'");
    return Resolved{fallback, ""};
  }
  const RefValue& ref = it->second;
  if (!expected_type.empty() && !base::EqualsIgnoreCase(ref.type, expected_type)) {
    Warn(at, "refId " + std::string(ref_id) + " is a " + ref.type + " value, expected " +
                 std::string(expected_type));
    return Resolved{fallback, ""};
  }
  std::string_view iso = ref.iso_code;
  return Resolved{ref.value, iso};
}

Resolved EnhancedParser::Resolve(const XmlElement& element, std::string_view expected_type) {
  if (!element.HasAttr("refId")) return Resolved{element.Text(), ""};
  return ResolveId(element, element.Attr("refId"), expected_type, element.Text());
}

std::optional<Entity> EnhancedParser::Parse(const XmlElement& entity) {
  int line = lines_.RecordLine(entity);
  id_ = std::string(base::Trim(entity.Attr("id")));
  if (id_.empty()) {
    diags_->Skip(file_.name, Where(entity), "", "entity without an id; skipped");
    return std::nullopt;
  }
  Entity e;
  e.source = source_;
  e.source_id = id_;
  e.provenance = MakeProvenance(file_, "line " + std::to_string(line));
  ParseGeneralInfo(entity, &e);
  ParseSanctions(entity, &e);
  ParseNames(entity, &e);
  ParseAddresses(entity, &e);
  ParseFeatures(entity, &e);
  ParseDocuments(entity, &e);
  ParseRelationships(entity, &e);
  FinishEntity(&e);
  if (e.names.empty()) {
    diags_->Skip(file_.name, Where(entity), id_, "entity without a name; skipped");
    return std::nullopt;
  }
  return e;
}

void EnhancedParser::ParseGeneralInfo(const XmlElement& entity, Entity* e) {
  const XmlElement* info = entity.Child("generalInfo");
  const XmlElement* type = info ? info->Child("entityType") : nullptr;
  if (type == nullptr) {
    Warn(info ? *info : entity, "no generalInfo/entityType");
  } else {
    Resolved kind = Resolve(*type, kSdnType);
    e->kind = EntityKindFromName(base::AsciiToLower(kind.value));
    if (e->kind == EntityKind::kUnknown) {
      Warn(*type, "unknown entity type '" + std::string(kind.value) + "'");
    }
  }
  if (info != nullptr) e->remarks = std::string(info->ChildText("remarks"));
}

void EnhancedParser::ParseSanctions(const XmlElement& entity, Entity* e) {
  if (const XmlElement* lists = entity.Child("sanctionsLists")) {
    for (const XmlElement* list : lists->Children("sanctionsList")) {
      Resolved name = Resolve(*list, kListingType);
      if (!name.value.empty()) {
        if (!e->list_name.empty()) e->list_name += "; ";
        e->list_name += name.value;
      }
      std::string_view published = list->Attr("datePublished");
      if (published.empty()) continue;
      std::optional<PartialDate> d = model::ParseDate(published);
      if (!d) {
        Warn(*list, "unreadable datePublished '" + std::string(published) + "'");
        continue;
      }
      // The earliest publication on any list is the designation date.
      if (e->listed_on.empty() || d->ToString() < e->listed_on.ToString()) e->listed_on = *d;
    }
  }
  if (const XmlElement* programs = entity.Child("sanctionsPrograms")) {
    for (const XmlElement* p : programs->Children("sanctionsProgram")) {
      AddUnique(&e->programs, Resolve(*p, kProgram).value);
    }
  }
  // Sanctions types and legal authorities have no place in the model; their references are
  // still checked so a broken file shows in the diagnostics.
  if (const XmlElement* types = entity.Child("sanctionsTypes")) {
    for (const XmlElement* t : types->Children("sanctionsType")) (void)Resolve(*t, kSanctionsType);
  }
  if (const XmlElement* authorities = entity.Child("legalAuthorities")) {
    for (const XmlElement* a : authorities->Children("legalAuthority")) {
      (void)Resolve(*a, kLegalAuthority);
    }
  }
}

void EnhancedParser::ParseTranslation(const XmlElement& translation, NameType type,
                                      NameQuality quality, EntityKind kind,
                                      std::vector<Name>* out) {
  Name n;
  n.type = type;
  n.quality = quality;
  if (const XmlElement* script = translation.Child("script")) {
    n.language = std::string(LanguageOfScript(Resolve(*script, kScript).value));
  }
  std::string_view last = translation.ChildText("formattedLastName");
  std::string_view first = translation.ChildText("formattedFirstName");
  n.full = std::string(translation.ChildText("formattedFullName"));
  if (n.full.empty()) n.full = OfacFullName(last, first);
  // Persons: family and given come from OFAC's formatted names, which are what the classic
  // XML and the CSV carry ("ZAHAR" / "Mahmoud"; the name parts may be cased differently,
  // "Zahar"), so the formats agree. The parts say which of them the name has: a nickname-only
  // alias has neither. Middle names stay inside the formatted first name, as in SDN.XML.
  bool have_parts = false, has_last = false, has_first = false;
  const bool full_from_parts = n.full.empty();
  if (const XmlElement* parts = translation.Child("nameParts")) {
    for (const XmlElement* part : parts->Children("namePart")) {
      const XmlElement* part_type = part->Child("type");
      if (part_type == nullptr) continue;
      std::string_view label = Resolve(*part_type, kNamePartType).value;
      std::string_view value = part->ChildText("value");
      if (full_from_parts) AppendPart(&n.full, value);
      have_parts = true;
      if (base::EqualsIgnoreCase(label, "Last Name")) {
        has_last = true;
        if (last.empty()) last = value;
      } else if (base::EqualsIgnoreCase(label, "First Name")) {
        has_first = true;
        if (first.empty()) first = value;
      } else if (base::EqualsIgnoreCase(label, "Patronymic")) {
        n.patronymic = std::string(value);
      }
    }
  }
  if (kind == EntityKind::kPerson) {
    if (has_last || !have_parts) n.family = std::string(last);
    if (has_first || !have_parts) n.given = std::string(first);
  } else {
    n.patronymic.clear();
  }
  if (base::Trim(n.full).empty()) {
    Warn(translation, "name translation without a name; dropped");
    return;
  }
  out->push_back(std::move(n));
}

void EnhancedParser::ParseNames(const XmlElement& entity, Entity* e) {
  const XmlElement* names = entity.Child("names");
  if (names == nullptr) return;
  std::vector<Name> primary;
  std::vector<Name> aliases;
  for (const XmlElement* name : names->Children("name")) {
    bool is_primary = IsTrue(name->ChildText("isPrimary"));
    NameType type = NameType::kPrimary;
    if (!is_primary) {
      type = NameType::kAka;
      if (const XmlElement* alias = name->Child("aliasType")) {
        std::string_view label = Resolve(*alias, kAliasType).value;
        if (!NameTypeFromAliasLabel(label, &type)) {
          Warn(*alias, "unknown alias type '" + std::string(label) + "'; read as a.k.a.");
          type = NameType::kAka;
        }
      }
    } else if (!primary.empty()) {
      Warn(*name, "a second primary name; kept after the first");
    }
    NameQuality quality =
        IsTrue(name->ChildText("isLowQuality")) ? NameQuality::kWeak : NameQuality::kStrong;
    const XmlElement* translations = name->Child("translations");
    if (translations == nullptr) continue;
    // The primary translation (OFAC's Latin form) first, then the other scripts.
    std::vector<Name>* out = is_primary ? &primary : &aliases;
    for (bool want_primary : {true, false}) {
      for (const XmlElement* t : translations->Children("translation")) {
        if (IsTrue(t->ChildText("isPrimary")) == want_primary) {
          ParseTranslation(*t, type, quality, e->kind, out);
        }
      }
    }
  }
  if (primary.empty() && !aliases.empty()) {
    Warn(*names, "no primary name; the first alias is used as the primary name");
  }
  e->names = std::move(primary);
  for (Name& n : aliases) e->names.push_back(std::move(n));
}

void EnhancedParser::ParseAddresses(const XmlElement& entity, Entity* e) {
  const XmlElement* addresses = entity.Child("addresses");
  if (addresses == nullptr) return;
  for (const XmlElement* address : addresses->Children("address")) {
    Address base_address;
    if (const XmlElement* country = address->Child("country")) {
      Resolved c = Resolve(*country, kCountry);
      base_address.country_name = std::string(c.value);
      base_address.country = c.iso.empty() ? CountryCode(c.value) : std::string(c.iso);
    }
    // One Address per translation: the Latin one, then e.g. the Cyrillic original, so an
    // address can be matched in the script it is written in.
    std::vector<Address> found;
    if (const XmlElement* translations = address->Child("translations")) {
      for (const XmlElement* t : translations->Children("translation")) {
        const XmlElement* parts = t->Child("addressParts");
        if (parts == nullptr) continue;
        Address a = base_address;
        for (const XmlElement* part : parts->Children("addressPart")) {
          const XmlElement* part_type = part->Child("type");
          if (part_type == nullptr) continue;
          std::string_view label = Resolve(*part_type, kLocationPartType).value;
          std::string_view value = part->ChildText("value");
          if (base::StartsWithIgnoreCase(label, "ADDRESS")) {
            AppendPart(&a.street, value);
          } else if (base::EqualsIgnoreCase(label, "CITY")) {
            AppendPart(&a.city, value);
          } else if (base::EqualsIgnoreCase(label, "STATE/PROVINCE") ||
                     base::EqualsIgnoreCase(label, "REGION")) {
            AppendPart(&a.region, value);
          } else if (base::EqualsIgnoreCase(label, "POSTAL CODE")) {
            AppendPart(&a.postal_code, value);
          } else {
            Warn(*part_type, "unknown address part type '" + std::string(label) + "'");
            AppendPart(&a.street, value);
          }
        }
        found.push_back(std::move(a));
      }
    }
    if (found.empty()) found.push_back(std::move(base_address));
    for (Address& a : found) {
      if (a.street.empty() && a.city.empty() && a.region.empty() && a.postal_code.empty() &&
          a.country_name.empty()) {
        continue;
      }
      e->addresses.push_back(std::move(a));
    }
  }
}

void EnhancedParser::ParseFeatures(const XmlElement& entity, Entity* e) {
  const XmlElement* features = entity.Child("features");
  if (features == nullptr) return;
  for (const XmlElement* feature : features->Children("feature")) {
    const XmlElement* type = feature->Child("type");
    if (type == nullptr) {
      Warn(*feature, "feature without a type; ignored");
      continue;
    }
    std::string_view label = type->Text();
    std::optional<uint64_t> type_id = base::ParseUint(type->Attr("featureTypeId"));
    auto ft = type_id ? feature_types_.find(*type_id) : feature_types_.end();
    if (ft != feature_types_.end()) {
      label = ft->second.label;
    } else {
      Warn(*type, "unknown featureTypeId '" + std::string(type->Attr("featureTypeId")) + "'");
    }
    std::string_view value = feature->ChildText("value");
    std::string_view iso;
    if (const XmlElement* value_ref = feature->Child("valueRefId")) {
      Resolved r = ResolveId(*value_ref, value_ref->Text(), "", value);
      value = r.value;
      iso = r.iso;
    }
    if (const XmlElement* reliability = feature->Child("reliability")) {
      (void)Resolve(*reliability, kReliability);  // checked only: the model has no place for it
    }
    FactKind kind = ClassifyFactLabel(label);
    const XmlElement* value_date = feature->Child("valueDate");
    if (kind == FactKind::kBirthDate) {
      std::optional<DateOfBirth> dob = model::ParseDateOfBirth(value);
      if (!dob && value_date != nullptr) dob = DobFromValueDate(*value_date, value);
      if (!dob) {
        Warn(*feature, "unreadable date of birth '" + std::string(value) + "'");
        continue;
      }
      if (value_date != nullptr && IsTrue(value_date->ChildText("isApproximate"))) {
        dob->circa = true;
      }
      e->dates_of_birth.push_back(std::move(*dob));
      continue;
    }
    if (kind == FactKind::kEstablished && value_date != nullptr && !model::ParseDate(value)) {
      if (std::optional<DateOfBirth> d = DobFromValueDate(*value_date, value)) {
        if (e->established.empty()) e->established = d->from;
        continue;
      }
    }
    Fact fact{.label = label,
              .value = value,
              .country = iso,
              .country_text = ft != feature_types_.end() && ft->second.detail == "COUNTRY"
                                  ? value
                                  : std::string_view(),
              .note = feature->ChildText("comments")};
    std::string problem = ApplyFact(kind, fact, e);
    if (!problem.empty()) Warn(*feature, std::move(problem));
  }
}

void EnhancedParser::ParseDocuments(const XmlElement& entity, Entity* e) {
  const XmlElement* documents = entity.Child("identityDocuments");
  if (documents == nullptr) return;
  for (const XmlElement* doc : documents->Children("identityDocument")) {
    const XmlElement* type = doc->Child("type");
    std::string_view label = type ? Resolve(*type, kIdDocumentType).value : std::string_view();
    Resolved country;
    if (const XmlElement* c = doc->Child("issuingCountry")) country = Resolve(*c, kCountry);
    std::string note;
    if (std::string_view authority = doc->ChildText("issuingAuthority"); !authority.empty()) {
      note = "issued by " + std::string(authority);
    }
    if (std::string_view location = doc->ChildText("issuingLocation"); !location.empty()) {
      note += (note.empty() ? "issued in " : "; issued in ") + std::string(location);
    }
    if (doc->Child("isValid") != nullptr && !IsTrue(doc->ChildText("isValid"))) {
      note += note.empty() ? "not valid" : "; not valid";
    }
    std::string iso(country.iso);
    if (iso.empty()) iso = CountryCode(country.value);
    Fact fact{.label = label.empty() ? std::string_view("Identity Document") : label,
              .value = doc->ChildText("documentNumber"),
              .country = iso,
              .country_text = country.value,
              .note = note};
    std::string problem = ApplyFact(ClassifyFactLabel(fact.label), fact, e);
    if (!problem.empty()) Warn(*doc, std::move(problem));
  }
}

void EnhancedParser::ParseRelationships(const XmlElement& entity, Entity* e) {
  const XmlElement* relationships = entity.Child("relationships");
  if (relationships == nullptr) return;
  for (const XmlElement* rel : relationships->Children("relationship")) {
    const XmlElement* related = rel->Child("relatedEntity");
    if (related == nullptr) {
      Warn(*rel, "relationship without relatedEntity; ignored");
      continue;
    }
    Relation r;
    const XmlElement* type = rel->Child("type");
    r.type = RelationTypeCode(type ? Resolve(*type, kRelationshipType).value : "");
    r.name = std::string(related->Text());
    r.source_id = std::string(base::Trim(related->Attr("entityId")));
    if (const XmlElement* quality = rel->Child("quality")) {
      (void)Resolve(*quality, kRelationshipQuality);
    }
    if (r.name.empty() && r.source_id.empty()) continue;
    e->relations.push_back(std::move(r));
  }
}

}  // namespace

Result<ParsedList> ParseOfacEnhancedXml(ListSource source, const InputFile& file) {
  ParsedList out = NewParsedList(source, "ofac_enhanced_xml", file);
  const SourceFile& source_file = out.version.files.front();
  const std::string& name = source_file.name;

  XmlStream xml(file);
  XmlElement element;
  EnhancedParser parser(source, source_file, file.bytes, &out.diagnostics);
  size_t records = 0;
  while (
      xml.NextElement({"publicationInfo", "referenceValues", "featureTypes", "entity"}, &element)) {
    if (xml.root_name() != kRoot) break;
    if (element.name == "entity") {
      if (!parser.has_references()) {
        // Entities point into referenceValues by refId; the schema puts them first, and a
        // streaming reader cannot go back for them.
        return Status::DataLoss(name + ": line " + std::to_string(element.line) +
                                ": entity before referenceValues (not an OFAC Enhanced XML "
                                "file, or referenceValues missing)");
      }
      ++records;
      if (std::optional<Entity> e = parser.Parse(element)) out.entities.push_back(std::move(*e));
    } else if (element.name == "referenceValues") {
      parser.LoadReferenceValues(element);
    } else if (element.name == "featureTypes") {
      parser.LoadFeatureTypes(element);
    } else {  // publicationInfo
      std::string_view as_of = element.ChildText("dataAsOf");
      std::optional<PartialDate> d = model::ParseDate(as_of);
      if (d && d->day != 0) {
        out.version.as_of = d->ToString();
      } else if (!as_of.empty()) {
        out.diagnostics.Warn(name, XmlRecordLocation(element.line, element.name, ""), "",
                             "unreadable dataAsOf '" + std::string(as_of) + "'");
      }
    }
  }
  if (!xml.status().ok()) return xml.status();
  if (xml.root_name() != kRoot) {
    return Status::DataLoss(name + ": root element is <" + xml.root_name() + ">, not <" +
                            std::string(kRoot) + ">: not an OFAC Enhanced XML file");
  }
  if (records == 0) {
    // An OFAC list never publishes empty; an empty file would silently unlist everyone.
    return Status::DataLoss(name + ": no entity records");
  }
  return out;
}

}  // namespace interdict::lists
