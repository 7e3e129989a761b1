// File: normalize/romanize.h
//
// Romanization for name matching: any script to lower-case ASCII Latin words, plus a
// spelling fold that lets different romanizations of one name meet.
//
//   normalize::Romanize("Сергей Шойгу")            == "sergey shoygu"   (BGN/PCGN-like table)
//   normalize::Romanize("深圳市某某电子有限公司")  == "shenzhen moumou electronics co ltd"
//   normalize::FoldSpelling("schoigu") == normalize::FoldSpelling("shoygu")
//
// Thread-safe: may be called concurrently (ICU transliterators are cloned per thread).
// ICU is slow: romanize list names once at load time, and query text only when it holds
// non-Latin letters (NeedsRomanization()).
#pragma once

#include <string>
#include <string_view>

namespace interdict::normalize {

// True when `utf8` contains letters outside ASCII (anything Romanize would change beyond
// lower-casing).
bool NeedsRomanization(std::string_view utf8);

// Romanizes `utf8` (valid UTF-8; invalid bytes are dropped) to lower-case ASCII: letters and
// digits in words separated by single spaces; punctuation becomes a space, apostrophes vanish,
// "&" becomes "and". See romanize.cc for the table per script and its standard.
std::string Romanize(std::string_view utf8);

// Folds one lower-case ASCII word to a canonical spelling so that romanization variants meet:
// Shoigu / Shoygu / Shojgu / Schoigu, Mohammed / Muhammad / Mohamed, Aleksandr / Alexander.
// The result is a matching key, not a display form.
std::string FoldSpelling(std::string_view word);

}  // namespace interdict::normalize
