// File: lists/us_csl/csl_fields.h
//
// Field-level readers for the trade.gov Consolidated Screening List CSV, kept apart from the
// row loop in us_csl.cc so each rule can be tested on its own: addresses ("street, city,
// state, postal, CC"), the ids column ("JO, 2014-08-30, 2009-08-31, K475336, Passport"),
// kind inference for the untyped BIS/State rows, and OFAC's "Linked To:" remarks.
// docs/formats/us_csl.md explains every rule with examples from the file.
//
//   Address a = us_csl_internal::ParseAddress("P.O. Box 161, Caesarea, 3088903, IL");
//   // a.street == "P.O. Box 161", a.city == "Caesarea", a.postal_code == "3088903"
//   IdItem id = us_csl_internal::SplitIdItem("QA, 28940000602, National ID No.");
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"

namespace interdict::lists::us_csl_internal {

// The short code of a CSL sub-list from its `source` text: "Entity List (EL) - Bureau of
// Industry and Security" -> "EL", "Capta List (CAP) - Treasury Department" -> "CAP",
// "Non-SDN Menu-Based Sanctions List (NS-MBS List) - ..." -> "NS-MBS". "" when the text has
// no parenthesized code.
std::string_view ListCode(std::string_view source);

// Splits one address of the `addresses` column. The CSL joins the parts it has
// (street, city, state, postal code, country) with ", " and leaves out the empty ones, and
// streets contain commas themselves, so parts are assigned from the end: a trailing country
// (two-letter code or a name lists::CountryCode resolves; a country name repeated just before
// the code is folded into it), then a postal code (short, with digits), then a two-letter
// state code, then a city (a part without digits, when something followed it); whatever is
// left is the street, as written up to its last part. `full` always keeps the whole text. Never
// fails; unresolved country text is kept in country_name.
Address ParseAddress(std::string_view text);

// Where an item of the `ids` column goes, decided by its label (the part after the last
// ", "). The labels are OFAC's own; the CSL repeats them for the Treasury sub-lists.
enum class IdLabelKind : uint8_t {
  kIdentifier = 0,       // Entity::identifiers; unknown labels land here too
  kGender,               // "Gender" -> Entity::gender
  kEstablished,          // "Organization Established Date" -> Entity::established
  kRegistrationCountry,  // "Nationality of Registration", "Registration Country"
  kCraftType,            // "Aircraft Model" -> CraftInfo::type
  kCraftOwner,           // "Aircraft Operator" -> CraftInfo::owner
  kBuildYear,            // "Aircraft Manufacture Date" -> CraftInfo::build_year
  kSanctionNote,         // "Secondary sanctions risk:", directive information, ... ->
                         // Entity::sanction_notes as "<label> <value>"
};
IdLabelKind ClassifyIdLabel(std::string_view label);

// One item of the `ids` column, split. The CSV writes each item's JSON keys in alphabetical
// order: country, expiration_date, issue_date, number, type. So an identifier is
// "[CC, ][expires, ][issued, ]number, label", and when only one date is present the file
// does not say which of the two it is. Views point into the item text.
struct IdItem {
  IdLabelKind kind = IdLabelKind::kIdentifier;
  std::string_view label;
  std::string_view country;      // leading two-letter code (identifiers only)
  std::string_view first_date;   // expiry when second_date is set, else issue or expiry
  std::string_view second_date;  // issue date
  std::string_view value;        // the number, or the whole text before the label
};
IdItem SplitIdItem(std::string_view item);

// The Identifier::note for an item's dates: "issued 2009-08-31; expires 2014-08-30", or
// "date 1998-10-28 (issue or expiry)" when the CSV gives one date; "" without dates.
std::string IdentifierNote(const IdItem& item);

// Entity kind from the `type` column ("Individual", "Entity", "Vessel", "Aircraft",
// case-insensitive); kUnknown for "" and for anything else.
EntityKind KindFromType(std::string_view type);

// True when a name contains a legal form or a word that names an organization ("LTD",
// "S.A.", "GmbH", "Corporation", "Airlines", "Trading", "Ministry", "&", digits, a web
// domain, ...). Words are compared case-insensitively with dots removed.
bool HasOrganizationWord(std::string_view name);

// True when a name has the shape of a personal name: two or more words, no digits and none
// of & @ # + _ * : ; = % $ ! ?. Says nothing by itself; see InferUntypedKind.
bool HasPersonalNameShape(std::string_view name);

// True when a mixed-case name carries an acronym in parentheses, the way organizations
// give their short name: "Towlid Abzar Boreshi Iran (TABA)", "Asa'ib Ahl al-Haq (AAH)".
// All-capitals names (the DPL writes every name so) never count.
bool HasParenthesizedAcronym(std::string_view name);

// True when the name itself says the party is an individual, as the State lists sometimes
// do: "Igor Aleksandrovich Michurin (Russian individual)".
bool NameSaysIndividual(std::string_view name);

// The kind of a row whose `type` is empty (every row of the BIS and State sub-lists), from
// the evidence the row has. The rule, in order (docs/formats/us_csl.md#kind):
//   1. person facts (dates/places of birth, nationality, citizenship, gender, title), or a
//      name that says "individual" -> person;
//   2. vessel facts (call sign, vessel type/flag/owner, tonnage) -> vessel;
//   3. Denied Persons (DPL), ITAR Debarred (DTC) and Nonproliferation (ISN) rows, which
//      list mostly natural persons and write most organizations with a legal form or an
//      organization word: person when the name has the shape of a personal name, no
//      organization word and no parenthesized acronym;
//   4. otherwise organization (the Entity List, Unverified List and MEU list mostly
//      organizations; their individuals have names that look like many company names).
EntityKind InferUntypedKind(std::string_view list_code, std::string_view name,
                            bool has_person_facts, bool has_craft_facts);

// Appends a "linked_to" Relation for each "Linked To: NAME" in OFAC remarks text, e.g.
// "(Linked To: ISLAMIC REVOLUTIONARY GUARD CORPS (IRGC)-QODS FORCE)" or
// "...; Linked To: BEN KHALIFA, Fahmi)". A name ends at a ';' or an unbalanced ')'.
void AddLinkedTo(std::string_view remarks, std::vector<Relation>* relations);

}  // namespace interdict::lists::us_csl_internal
