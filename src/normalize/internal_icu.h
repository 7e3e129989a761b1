// File: normalize/internal_icu.h
//
// Private to normalize/: the few ICU services romanization needs, wrapped so that callers
// never see ICU types and never pay ICU's set-up cost twice.
//
//   std::string folded = internal::NfkcCasefold("ΣΊΣΥΦΟΣ");          // "σίσυφοσ"
//   std::string latin = internal::IcuTransliterate(internal::IcuTransform::kAnyLatin, U"ภาษา");
//   internal::AppendHanPinyin(U'深', &out);                           // appends "shen"
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace interdict::normalize::internal {

// The ICU transforms romanization uses. Each is created once per process (a leaked prototype,
// so it outlives every thread) and cloned once per thread, because
// icu::Transliterator::transliterate() must not run concurrently on one object.
enum class IcuTransform : uint8_t {
  kAnyLatin,               // "Any-Latin; Latin-ASCII": every script ICU knows, to ASCII.
  kHanLatin,               // "Han-Latin; Latin-ASCII": pinyin without tones, spaced.
  kSimplifiedTraditional,  // "Simplified-Traditional": only to build the Chinese tables.
  kTraditionalSimplified,  // "Traditional-Simplified": Han characters of person names.
};

// Applies `transform` to `text` and returns UTF-8 (which may still hold non-ASCII characters
// that ICU could not romanize). Returns "" when ICU data for the transform is missing.
// Thread-safe. Cost: microseconds per character for kAnyLatin, tens of microseconds for kHanLatin.
std::string IcuTransliterate(IcuTransform transform, std::u32string_view text);

// NFKC + Unicode case folding (ICU "nfkc_cf") of valid UTF-8, straight from UTF-8 to UTF-8.
// Thread-safe. Returns the input unchanged if ICU data is missing or the input is not UTF-8.
std::string NfkcCasefold(std::string_view utf8);

// First code point of the canonical (NFD) decomposition of `cp`, or `cp` itself when it has
// none; *had_diaeresis is set when the decomposition holds U+0308. Thread-safe.
char32_t CanonicalBase(char32_t cp, bool* had_diaeresis);

// Appends the toneless pinyin syllable of one Han character ("shen" for 深), lower-case ASCII.
// Appends nothing for a character ICU has no reading for.
// The basic CJK block (U+4E00..U+9FFF) is served from a table built on first use (one ICU pass
// over 21k characters, about 0.7 s once per process); other ideographs call ICU each time.
// Thread-safe.
void AppendHanPinyin(char32_t cp, std::string* out);

}  // namespace interdict::normalize::internal
