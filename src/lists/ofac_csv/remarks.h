// File: lists/ofac_csv/remarks.h
//
// The Remarks column of OFAC's legacy CSV files (sdn.csv, cons_prim.csv; continued in
// *_comments.csv) is a list of typed facts, separated by "; " and ended by ".":
//   DOB 31 Aug 1960; alt. DOB 1961; POB Tehran, Iran; Passport A123 (Iran) expires 2020;
//   a.k.a. 'X'; Linked To: Y.
// This file turns that text into structured facts. It is a pure function: no I/O, no state.
//
//   RemarkFacts f = ofac_csv_internal::ParseRemarks("DOB circa 1960; Gender Male.");
//   // f.dates_of_birth[0].circa == true, f.gender == Gender::kMale
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"

namespace interdict::lists::ofac_csv_internal {

// What the remarks say. Facts that are not recognized are not lost: the caller keeps the whole
// remarks text in Entity::remarks; `unknown` lists them for tests and tooling.
struct RemarkFacts {
  // "a.k.a. 'X'", "f.k.a. 'X'", "n.k.a. 'X'". OFAC writes its low-quality ("weak") aliases in
  // the remarks and the strong ones in alt.csv, so these are all NameQuality::kWeak. Only
  // `full`, `type` and `quality` are set.
  std::vector<Name> aliases;
  std::vector<DateOfBirth> dates_of_birth;   // "DOB ..." and "alt. DOB ..."
  std::vector<std::string> places_of_birth;  // as written
  // ISO alpha-2 codes. A country that lists::CountryCode() cannot resolve is left out here (the
  // text stays in the remarks).
  std::vector<std::string> nationalities;
  std::vector<std::string> citizenships;
  Gender gender = Gender::kUnknown;
  // Passports, national and tax IDs, registration numbers, IMO, MMSI, SWIFT/BIC, websites,
  // e-mail and digital currency addresses, phone numbers, aircraft serial and tail numbers.
  std::vector<Identifier> identifiers;
  PartialDate established;  // "Organization Established Date"
  // "Secondary sanctions risk: ...", "Additional Sanctions Information - ...", and OFAC's other
  // sanctions-information features (directives, CAATSA, IFCA, ...), as written.
  std::vector<std::string> sanction_notes;
  std::vector<Relation> relations;  // "Linked To: NAME" as {"linked_to", NAME}
  // Craft particulars: "Aircraft Model", "Aircraft Operator", "Aircraft Manufacture Date" and
  // "Vessel Year of Build" (the year only). The first statement of each wins.
  std::string craft_type;
  std::string craft_owner;
  std::string build_year;
  // Facts that were recognized but could not be read, e.g. "unreadable DOB '31 Feb 1960'".
  std::vector<std::string> problems;
  // Facts of a type this parser does not know (they stay in the remarks text only).
  std::vector<std::string> unknown;
};

// Splits remarks into facts: at ';' (OFAC writes "; ", a few rows omit the space), except
// inside parentheses and inside a quoted alias ("a.k.a. 'X; Y'"). If a parenthesis or quote is
// never closed, the rest of the text is split at every ';' instead, so one typo cannot swallow
// the facts after it. Facts are trimmed; empty ones are dropped. O(n).
std::vector<std::string_view> SplitRemarkFacts(std::string_view remarks);

// Parses a whole remarks text (already joined with its *_comments.csv continuation).
RemarkFacts ParseRemarks(std::string_view remarks);

}  // namespace interdict::lists::ofac_csv_internal
