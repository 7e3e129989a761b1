#include "lists/ofac_xml/facts.h"

#include <optional>
#include <string>
#include <utility>

#include "base/text.h"
#include "lists/common.h"
#include "model/date.h"

namespace interdict::lists::ofac_xml_internal {
namespace {

struct LabelRule {
  std::string_view label;  // lower case
  FactKind kind;
};

// Whole-label matches (lower case, trimmed). The labels are OFAC's own, as they appear in
// SDN.XML idType, Enhanced XML featureTypes and the legacy CSV remarks.
constexpr LabelRule kExactRules[] = {
    {"gender", FactKind::kGender},
    {"organization established date", FactKind::kEstablished},
    {"birthdate", FactKind::kBirthDate},
    {"date of birth", FactKind::kBirthDate},
    {"dob", FactKind::kBirthDate},
    {"place of birth", FactKind::kPlaceOfBirth},
    {"pob", FactKind::kPlaceOfBirth},
    {"nationality country", FactKind::kNationality},
    {"nationality", FactKind::kNationality},
    {"citizenship country", FactKind::kCitizenship},
    {"citizenship", FactKind::kCitizenship},
    {"citizen", FactKind::kCitizenship},
    // OFAC's "Nationality of Registration" is the country an organization is registered in:
    // the organization's nationality.
    {"nationality of registration", FactKind::kRegistrationCountry},
    {"title", FactKind::kTitle},
    {"vessel flag", FactKind::kVesselFlag},
    {"vessel type", FactKind::kCraftType},
    {"aircraft model", FactKind::kCraftType},
    {"vessel owner", FactKind::kCraftOwner},
    {"aircraft operator", FactKind::kCraftOwner},
    {"vessel tonnage", FactKind::kTonnage},
    {"tonnage", FactKind::kTonnage},
    {"vessel gross registered tonnage", FactKind::kGrossTonnage},
    {"gross registered tonnage", FactKind::kGrossTonnage},
    {"vessel year of build", FactKind::kBuildYear},
    {"aircraft manufacture date", FactKind::kBuildYear},
};

struct RelationRule {
  std::string_view label;  // lower case
  std::string_view code;
};

// OFAC Enhanced XML "RELATIONSHIP TYPE" reference values.
constexpr RelationRule kRelationRules[] = {
    {"associate of", "associate"},
    {"providing support to", "provides_support_to"},
    {"acting for or on behalf of", "acting_for"},
    {"owned or controlled by", "owned_by"},
    {"family member of", "family_member_of"},
    {"playing a significant role in", "significant_role_in"},
    {"leader or official of", "leader_of"},
    {"principal executive officer", "principal_executive_officer_of"},
    {"owns, controls, or operates", "owns_controls_operates"},
    {"property in the interest of", "property_of"},
    {"linked to", "linked_to"},
};

std::string TrimDot(std::string_view s) {
  s = base::Trim(s);
  while (!s.empty() && s.back() == '.') s = base::Trim(s.substr(0, s.size() - 1));
  return std::string(s);
}

bool IsNoneIdentified(std::string_view value) {
  return base::EqualsIgnoreCase(value, "None Identified") || base::EqualsIgnoreCase(value, "None");
}

std::string CountryProblem(std::string_view what, const Fact& fact) {
  return std::string(what) + " '" +
         std::string(fact.country_text.empty() ? fact.value : fact.country_text) +
         "' not resolved to an ISO country code; dropped";
}

}  // namespace

FactKind ClassifyFactLabel(std::string_view label) {
  const std::string key = OfacLabelKey(label);
  for (const LabelRule& rule : kExactRules) {
    if (key == rule.label) return rule.kind;
  }
  if (base::StartsWith(key, "linked to")) return FactKind::kLinkedTo;
  if (IsOfacSanctionNoteKey(key)) return FactKind::kSanctionNote;
  return FactKind::kIdentifier;
}

std::string ApplyFact(FactKind kind, const Fact& fact, Entity* entity) {
  std::string_view label = base::Trim(fact.label);
  std::string_view value = base::Trim(fact.value);
  if ((value.empty() || IsNoneIdentified(value)) && fact.country.empty()) return "";
  switch (kind) {
    case FactKind::kIdentifier: {
      Identifier id;
      id.type = IdTypeFromLabel(label);
      id.value = std::string(value);
      id.country = std::string(fact.country);
      id.label = std::string(label);
      id.note = std::string(base::Trim(fact.note));
      // Keep an unresolved issuing country's text, so it is not lost.
      if (id.country.empty() && !base::Trim(fact.country_text).empty()) {
        std::string where(base::Trim(fact.country_text));
        id.note = id.note.empty() ? where : where + "; " + id.note;
      }
      if (id.value.empty()) return "identifier '" + id.label + "' has no number; dropped";
      entity->identifiers.push_back(std::move(id));
      return "";
    }
    case FactKind::kGender:
      if (base::EqualsIgnoreCase(value, "Male")) {
        entity->gender = Gender::kMale;
      } else if (base::EqualsIgnoreCase(value, "Female")) {
        entity->gender = Gender::kFemale;
      } else {
        return "unknown gender '" + std::string(value) + "'";
      }
      return "";
    case FactKind::kEstablished: {
      std::optional<PartialDate> d = model::ParseDate(value);
      if (!d) return "unreadable " + std::string(label) + " '" + std::string(value) + "'";
      if (entity->established.empty()) entity->established = *d;
      return "";
    }
    case FactKind::kBirthDate: {
      std::optional<DateOfBirth> dob = model::ParseDateOfBirth(value);
      if (!dob) return "unreadable date of birth '" + std::string(value) + "'";
      entity->dates_of_birth.push_back(std::move(*dob));
      return "";
    }
    case FactKind::kPlaceOfBirth:
      AddUnique(&entity->places_of_birth, value);
      return "";
    case FactKind::kNationality:
    case FactKind::kRegistrationCountry:
    case FactKind::kCitizenship: {
      std::string code(fact.country);
      if (code.empty()) code = CountryCode(fact.country_text.empty() ? value : fact.country_text);
      if (code.empty()) {
        return CountryProblem(kind == FactKind::kCitizenship ? "citizenship" : "nationality", fact);
      }
      AddUnique(kind == FactKind::kCitizenship ? &entity->citizenships : &entity->nationalities,
                code);
      return "";
    }
    case FactKind::kTitle:
      AddUnique(&entity->titles, value);
      return "";
    case FactKind::kSanctionNote:
      AddUnique(&entity->sanction_notes, std::string(label) + " " + std::string(value));
      return "";
    case FactKind::kLinkedTo: {
      Relation r;
      r.type = "linked_to";
      r.name = TrimDot(value);
      if (!r.name.empty()) entity->relations.push_back(std::move(r));
      return "";
    }
    case FactKind::kVesselFlag:
      entity->craft.flag_name = std::string(value);
      entity->craft.flag = fact.country.empty() ? CountryCode(value) : std::string(fact.country);
      return "";
    case FactKind::kCraftType:
      if (entity->craft.type.empty()) entity->craft.type = std::string(value);
      return "";
    case FactKind::kCraftOwner:
      if (entity->craft.owner.empty()) entity->craft.owner = std::string(value);
      return "";
    case FactKind::kTonnage:
      if (entity->craft.tonnage.empty()) entity->craft.tonnage = std::string(value);
      return "";
    case FactKind::kGrossTonnage:
      if (entity->craft.gross_registered_tonnage.empty()) {
        entity->craft.gross_registered_tonnage = std::string(value);
      }
      return "";
    case FactKind::kBuildYear: {
      // The year only ("Aircraft Manufacture Date 01 Jan 1991" -> "1991"), as the CSV parser
      // keeps it; text that is not a date is kept as written.
      if (!entity->craft.build_year.empty()) return "";
      std::optional<PartialDate> d = model::ParseDate(value);
      entity->craft.build_year = d ? std::to_string(d->year) : std::string(value);
      return "";
    }
  }
  return "";
}

std::string OfacFullName(std::string_view last, std::string_view first) {
  last = base::Trim(last);
  first = base::Trim(first);
  if (first.empty()) return std::string(last);
  if (last.empty()) return std::string(first);
  std::string full(last);
  full += ", ";
  full += first;
  return full;
}

bool NameTypeFromAliasLabel(std::string_view label, NameType* out) {
  std::string compact;
  for (char c : base::Trim(label)) {
    if (c != '.' && c != ' ') compact += static_cast<char>(c | 0x20);  // ASCII lower
  }
  if (compact == "aka") {
    *out = NameType::kAka;
  } else if (compact == "fka") {
    *out = NameType::kFka;
  } else if (compact == "nka") {
    *out = NameType::kNka;
  } else {
    return false;
  }
  return true;
}

std::string RelationTypeCode(std::string_view label) {
  std::string lower = base::AsciiToLower(base::Trim(label));
  for (const RelationRule& rule : kRelationRules) {
    if (lower == rule.label) return std::string(rule.code);
  }
  std::string code;
  for (char c : lower) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) {
      code += c;
    } else if (!code.empty() && code.back() != '_') {
      code += '_';
    }
  }
  while (!code.empty() && code.back() == '_') code.pop_back();
  return code.empty() ? "related" : code;
}

void AddLinkedToRelations(std::string_view remarks, Entity* entity) {
  for (std::string_view found : FindLinkedToNames(remarks)) {
    std::string name = TrimDot(found);
    if (name.empty()) continue;
    bool dup = false;
    for (const Relation& r : entity->relations) {
      dup = dup || (r.type == "linked_to" && r.name == name);
    }
    if (!dup) entity->relations.push_back(Relation{.type = "linked_to", .name = name});
  }
}

void AppendPart(std::string* out, std::string_view part) {
  part = base::Trim(part);
  if (part.empty()) return;
  if (!out->empty()) *out += ", ";
  *out += part;
}

}  // namespace interdict::lists::ofac_xml_internal
