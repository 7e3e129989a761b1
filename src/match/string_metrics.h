// File: match/string_metrics.h
//
// Character-level similarity metrics over byte strings (the matcher compares romanized,
// lower-case ASCII tokens, so bytes are characters):
//   - Jaro and Jaro-Winkler (Winkler 1990; prefix scale 0.1, prefix up to 4 characters);
//   - optimal string alignment distance (Levenshtein plus adjacent transpositions, each edit
//     costs 1), with an early exit once the distance exceeds `max_distance`;
//   - the normalized OSA similarity 1 - d / max(len).
//
//   double jw = match::JaroWinkler("shoigu", "shoygu");       // 0.933...
//   size_t d = match::OsaDistance("scholz", "schloz");       // 1
//
// Pure functions, thread-safe. Slow obviously-correct oracles live in
// tests/match/reference/ and property tests compare the two.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace interdict::match {

// Jaro similarity in [0,1]; 1 for two empty strings, 0 when exactly one is empty.
// O(|a| * |b|) worst case, with a match window of max(|a|,|b|)/2 - 1.
double Jaro(std::string_view a, std::string_view b);

// Jaro-Winkler: Jaro + l * 0.1 * (1 - Jaro), l = common prefix length capped at 4. The
// prefix bonus applies only when Jaro >= 0.7 (Winkler's boost threshold).
double JaroWinkler(std::string_view a, std::string_view b);

// Optimal string alignment distance. Returns max_distance + 1 as soon as the distance is
// known to exceed max_distance. O(|a| * |b|) time, O(|b|) space.
size_t OsaDistance(std::string_view a, std::string_view b, size_t max_distance = SIZE_MAX);

// 1 - OsaDistance / max(|a|,|b|); 1 for two empty strings.
double OsaSimilarity(std::string_view a, std::string_view b);

}  // namespace interdict::match
