#include "normalize/khmer.h"

namespace interdict::normalize::internal {
namespace {

// U+1780..U+17A2: consonants (ASCII, UNGEGN without diacritics). អ carries a vowel only.
constexpr const char* kConsonants[] = {
    "k", "kh", "k", "kh", "ng", "ch", "chh", "ch", "chh", "nh", "d", "th",
    "d", "th", "n", "t",  "th", "t",  "th",  "n",  "b",   "ph", "p", "ph",
    "m", "y",  "r", "l",  "v",  "s",  "s",   "s",  "h",   "l",  "",
};
// U+17A3..U+17B3: independent vowels.
constexpr const char* kIndependentVowels[] = {
    "a",   "aa",  "e",   "ei", "o",  "ou", "ou", "ov", "rue",
    "rue", "lue", "lue", "ae", "ai", "ao", "ao", "au",
};
// U+17B6..U+17C5: dependent vowel signs.
constexpr const char* kDependentVowels[] = {
    "a", "e", "ei", "oe", "oe", "u", "ou", "uo", "aeu", "oea", "ie", "e", "ae", "ai", "ao", "au",
};

constexpr bool IsConsonant(char32_t cp) { return cp >= 0x1780 && cp <= 0x17A2; }
constexpr bool IsDependentVowel(char32_t cp) { return cp >= 0x17B6 && cp <= 0x17C5; }
constexpr char32_t kCoeng = 0x17D2;

}  // namespace

bool IsKhmerCodePoint(char32_t cp) {
  return (cp >= 0x1780 && cp <= 0x17FF) || (cp >= 0x19E0 && cp <= 0x19FF);
}

void RomanizeKhmer(std::u32string_view run, std::string* out) {
  // Skips register shifters and other signs that write no sound.
  auto next_sounding = [&](size_t k) {
    while (k < run.size() &&
           ((run[k] >= 0x17C8 && run[k] <= 0x17D1) || run[k] == 0x17D3 || run[k] == 0x17DD)) {
      ++k;
    }
    return k < run.size() ? run[k] : U'\0';
  };
  for (size_t i = 0; i < run.size(); ++i) {
    char32_t cp = run[i];
    if (IsConsonant(cp)) {
      out->append(kConsonants[cp - 0x1780]);
      // Inherent vowel: another consonant follows directly (not as a subscript).
      char32_t next = next_sounding(i + 1);
      bool word_start = i == 0 || !IsKhmerCodePoint(run[i - 1]) || run[i - 1] == U' ';
      if (IsConsonant(next) && word_start) out->push_back('a');
      if (cp == 0x17A2 && !IsDependentVowel(next) && !IsConsonant(next)) out->push_back('a');
    } else if (cp >= 0x17A3 && cp <= 0x17B3) {
      out->append(kIndependentVowels[cp - 0x17A3]);
    } else if (IsDependentVowel(cp)) {
      out->append(kDependentVowels[cp - 0x17B6]);
    } else if (cp == 0x17C6) {  // nikahit: "om" on a bare consonant (ភ្នំ Phnom), else "m"
      bool after_consonant = i > 0 && IsConsonant(run[i - 1]);
      out->append(after_consonant ? "om" : "m");
    } else if (cp == 0x17C7) {  // reahmuk
      out->push_back('h');
    } else if (cp == kCoeng || (cp >= 0x17C8 && cp <= 0x17D1) || cp == 0x17D3 || cp == 0x17DD ||
               cp == 0x17B4 || cp == 0x17B5) {
      // The subscript consonant after coeng is written by the next iteration; register
      // shifters, bantoc, and the inherent-vowel signs write nothing.
    } else if (cp >= 0x17E0 && cp <= 0x17E9) {
      out->push_back(static_cast<char>('0' + (cp - 0x17E0)));
    } else {
      out->push_back(' ');  // punctuation, lunar-date symbols, spaces
    }
  }
}

}  // namespace interdict::normalize::internal
