// File: normalize/nicknames.h
//
// Given names and their usual short forms (hypocorisms), so that a person screened as "Bill
// Gates", "Sasha Ivanov" or "Bibi Netanyahu" meets the listed "William", "Aleksandr" or
// "Benjamin". Covers English, Russian/Ukrainian, German, French, Spanish, Italian, Hebrew and
// Arabic usage; names are romanized lower-case ASCII as NormalizeName writes them.
//
//   normalize::SameGivenName("bibi", "benjamin");   // true
//   normalize::SameGivenName("boris", "benjamin");  // false
//
// Thread-safe (the table is built once).
#pragma once

#include <string_view>

namespace interdict::normalize {

// True when `a` and `b` are different forms of one given name (a full name and its short
// form, or two short forms of it). False for equal words: they are simply equal.
bool SameGivenName(std::string_view a, std::string_view b);

// True when `word` is in the table at all (NormalizeName marks such tokens, so the scorer
// looks up only pairs where both are).
bool IsKnownGivenName(std::string_view word);

}  // namespace interdict::normalize
