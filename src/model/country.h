// File: model/country.h
//
// ISO 3166-1 countries and the ways sanctions lists write them: alpha-2 and alpha-3 codes,
// English short names, and the lists' own variants ("Korea, North", "Burma",
// "Iran (Islamic Republic of)", "Russian Federation", "Türkiye", "West Bank", "Kosovo").
//
//   model::CountryToIso2("Korea, North") == "KP"
//   model::CountryToIso2("RUS") == "RU"
//   model::CountryName("RU") == "Russia"
#pragma once

#include <string_view>

namespace interdict::model {

// Resolves a country code or name, ignoring case, accents, punctuation and a leading "the",
// to an ISO alpha-2 code. Returns "" when it cannot be resolved (the caller keeps the text).
// Territories without an ISO code use user-assigned codes: Kosovo "XK".
std::string_view CountryToIso2(std::string_view text);

// The English short name for an ISO alpha-2 code ("RU" -> "Russia"), or "" when unknown.
std::string_view CountryName(std::string_view iso2);

}  // namespace interdict::model
