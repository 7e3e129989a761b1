// File: lists/ofac_xml/facts.h
//
// What both OFAC XML schemas share: OFAC's typed facts. The classic SDN.XML carries most facts
// as idList/id{idType,idNumber} ("Passport", "Gender", "Secondary sanctions risk:", ...), and the
// Enhanced XML carries the same labels as features and identity documents. Classifying a label
// in one place keeps the two parsers (and the legacy CSV remarks, which use the same labels)
// agreeing on where a fact lands in the Entity.
//
//   FactKind kind = ClassifyFactLabel("Secondary sanctions risk:");  // kSanctionNote
//   std::string err = ApplyFact(kind, {.label = label, .value = value}, &entity);
//   if (!err.empty()) diags->Warn(...);
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interdict/entity.h"

namespace interdict::lists::ofac_xml_internal {

// Where a labelled OFAC fact goes in the Entity.
enum class FactKind : uint8_t {
  kIdentifier = 0,       // Entity::identifiers, typed by IdTypeFromLabel (kOther keeps label)
  kGender,               // Entity::gender
  kEstablished,          // Entity::established ("Organization Established Date")
  kBirthDate,            // Entity::dates_of_birth
  kPlaceOfBirth,         // Entity::places_of_birth
  kNationality,          // Entity::nationalities
  kCitizenship,          // Entity::citizenships
  kRegistrationCountry,  // "Nationality of Registration": Entity::nationalities (see .cc)
  kTitle,                // Entity::titles
  kSanctionNote,         // Entity::sanction_notes as "<label> <value>"
  kLinkedTo,             // Entity::relations, type "linked_to"
  kVesselFlag,           // CraftInfo::flag / flag_name
  kCraftType,            // CraftInfo::type ("Vessel Type", "VESSEL TYPE", "Aircraft Model")
  kCraftOwner,           // CraftInfo::owner ("Vessel Owner", "Aircraft Operator")
  kTonnage,              // CraftInfo::tonnage
  kGrossTonnage,         // CraftInfo::gross_registered_tonnage
  kBuildYear,            // CraftInfo::build_year
};

// Case-insensitive; unknown labels are identifiers (IdTypeFromLabel then decides the type).
FactKind ClassifyFactLabel(std::string_view label);

// One labelled fact as a source states it.
struct Fact {
  std::string_view label;         // the source's type label, trimmed
  std::string_view value;         // the value as written
  std::string_view country;       // ISO alpha-2 when the source resolved it, else ""
  std::string_view country_text;  // the source's country text, if any
  std::string_view note;          // extra details for identifiers (issue/expiry dates, ...)
};

// Applies `fact` to *entity according to `kind`. Returns "" on success, or a message for a
// diagnostic when the value could not be used (an unparseable date, an unknown gender, an
// unresolved country). Empty values and OFAC's "None Identified" are ignored silently.
std::string ApplyFact(FactKind kind, const Fact& fact, Entity* entity);

// "LAST, First" as OFAC writes person names in its CSV files; just `last` (or `first`) when
// the other part is empty.
std::string OfacFullName(std::string_view last, std::string_view first);

// NameType for OFAC's alias type text ("a.k.a.", "A.K.A.", "fka", "N.K.A."). Returns false
// when the text is not one of them.
bool NameTypeFromAliasLabel(std::string_view label, NameType* out);

// The relation code for an OFAC relationship label ("Owned or Controlled By" -> "owned_by",
// "Associate Of" -> "associate"); unknown labels become lower snake case.
std::string RelationTypeCode(std::string_view label);

// Appends a "linked_to" relation for every "Linked To: NAME" statement in OFAC remarks text,
// e.g. "...; (Linked To: NIOC INTERNATIONAL AFFAIRS (LONDON) LIMITED)". Parentheses inside
// the name are kept balanced; a trailing period is dropped.
void AddLinkedToRelations(std::string_view remarks, Entity* entity);

// Appends `part` (trimmed) to *out, separated by ", " when *out is not empty; an empty part is
// skipped. Builds Address::street from address1..3.
void AppendPart(std::string* out, std::string_view part);

}  // namespace interdict::lists::ofac_xml_internal
