// File: model/date.h
//
// Parses the date notations the lists use into PartialDate / DateOfBirth:
//   "31 Aug 1960", "Aug 1960", "1960", "1960-08-31", "1960-08", "31/08/1960", "00/00/1980"
//   (UK: 00 = unknown), "31.08.1960", "circa 1960", "approximately 1960", "1960 to 1962",
//   "Between 1960 and 1962", "1960-1962".
//
//   std::optional<DateOfBirth> dob = model::ParseDateOfBirth("circa 1960");
//   // dob->from.year == 1960, dob->circa == true
#pragma once

#include <optional>
#include <string_view>

#include "interdict/entity.h"

namespace interdict::model {

// Parses one date. Slash and dot dates are read day first (dd/mm/yyyy), as OFSI and most
// non-US sources write them. Returns nullopt when the text is not a date or is impossible
// (month 13, day 32, year outside 1000..2100).
std::optional<PartialDate> ParseDate(std::string_view text);

// Parses one date-of-birth statement: a date, "circa <date>", or a range "<date> to <date>"
// ("Between A and B", "A - B", "A-B" for years). The source text is kept in `text`.
std::optional<DateOfBirth> ParseDateOfBirth(std::string_view text);

// Month number 1..12 for an English month name or abbreviation ("Aug", "August", "Sept"),
// case-insensitive; 0 when it is not one.
int MonthFromName(std::string_view name);

}  // namespace interdict::model
