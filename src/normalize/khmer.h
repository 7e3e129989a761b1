// File: normalize/khmer.h
//
// Khmer script to Latin letters for name matching. ICU has no Khmer-Latin transliterator, so
// Khmer names (Cambodian designations under Global Magnitsky and the UK and EU regimes) would
// otherwise lose every letter. Our table follows the usual Cambodian romanization of names
// (UNGEGN, simplified to ASCII): consonants, subscript consonants (coeng), dependent and
// independent vowels, nikahit "m" ("om" on a bare consonant), reahmuk "h"; register and other
// diacritic signs vanish; a consonant directly followed by another consonant carries the inherent
// vowel "a".
//
//   std::string out;
//   normalize::internal::RomanizeKhmer(U"ហ៊ុន ម៉ាណែត", &out);  // "hun manaet"
//
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace interdict::normalize::internal {

// True for the Khmer blocks (U+1780-U+17FF, U+19E0-U+19FF).
bool IsKhmerCodePoint(char32_t cp);

// Appends the romanization of `run` (Khmer code points, spaces allowed) to `out`; Khmer
// digits become ASCII digits, Khmer punctuation a space. Never fails: an unknown code point is
// a word break.
void RomanizeKhmer(std::u32string_view run, std::string* out);

}  // namespace interdict::normalize::internal
