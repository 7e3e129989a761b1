// File: normalize/burmese.h
//
// Private to normalize/: romanizes a run of Burmese (Myanmar script) text the way Myanmar
// names are written in Latin letters on passports, company registers and sanctions lists:
// the conventional name romanization, syllable by syllable, not ALA-LC (which ICU follows).
//
//   std::string out;
//   internal::RomanizeBurmeseRun(U"ရွှေပုလဲ", &out);
//   // out == " shwe pu le"
#pragma once

#include <string>
#include <string_view>

namespace interdict::normalize::internal {

// True for the code points RomanizeBurmeseRun handles: Burmese letters, vowel signs, medials
// and tone marks (U+1000..U+103F). Myanmar digits (U+1040..U+1049) are digits, not letters.
bool IsBurmeseCodePoint(char32_t cp);

// Appends the romanization of `run` to *out: one word per syllable, each preceded by a space.
// A syllable is an onset consonant (or an independent vowel, or the vowel carrier အ), its
// medials (ျ ြ → y, ွ → w, ှ → h before the consonant: လှ "hl", ရှ "sh"), vowel signs and a
// final consonant closed by asat (်) or stacked under the next consonant (္, kinzi).
// The rhyme (vowel + final) is read as a whole: ောင် "aung", ိုင် "aing", ိန် "ein",
// ုန် "one", က် "et", တ် "at"; tone marks (့ း) write nothing.
// Any sequence is accepted: a mark without a syllable to attach to is dropped.
// REQUIRES: every code point of `run` satisfies IsBurmeseCodePoint.
// Thread-safe; no allocation beyond appending to *out.
void RomanizeBurmeseRun(std::u32string_view run, std::string* out);

}  // namespace interdict::normalize::internal
