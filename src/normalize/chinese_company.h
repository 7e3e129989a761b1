// File: normalize/chinese_company.h
//
// Private to normalize/: romanizes a run of Chinese characters for name matching. Company
// names are split into their usual parts (place + trade name + industry + legal form) so that
// the Chinese name meets the English name the company registers abroad; person names become
// family name + joined given name, the way pinyin is written in passports and on lists.
//
//   std::string out;
//   internal::RomanizeHanRun(U"深圳市某某电子有限公司", {}, &out);
//   // out == " shenzhen moumou electronics co ltd"
#pragma once

#include <string>
#include <string_view>

namespace interdict::normalize::internal {

// Where a run of Han characters sits in its text.
struct HanRunContext {
  // The run touches a middle dot (· ・): a transliterated foreign name such as 本·拉登, whose
  // characters spell sounds, not a Chinese family and given name. Romanized as one word.
  bool foreign_name = false;
  // The text also holds kana, so the run is Japanese: no Chinese person-name rule. The readings
  // are still Mandarin (ICU has no Japanese kanji readings).
  bool japanese = false;
};

// Appends the romanization of `run` to *out, each word preceded by one space.
// REQUIRES: `run` holds only Han ideographs (U+3400..U+9FFF, U+20000.., U+3007), already
// NFKC-normalized; the caller splits text at spaces, punctuation and other scripts.
//
// Rules, in order (see chinese_company.cc for the tables):
//   1. Known words, longest match first: place names (only at the start of the run or right
//      after another place or a legal form; a following 市/省/区/县/自治区/特别行政区 is
//      dropped, and a 2-3 character district ending in 区/县 right after a place becomes one
//      word), industry and organization words (电子 → "electronics"), and legal forms
//      (有限公司 → "co ltd"). Traditional forms of every entry are recognized too.
//   2. Each stretch of unknown characters between known words is a trade name: its pinyin
//      syllables joined into one word (某某 → "moumou", 华为 → "huawei").
//   3. A run of 2-3 characters (or 4 starting with a two-character family name such as 欧阳)
//      with no place at its start and no legal form is a person's name: family name, then the
//      given-name syllables joined (习近平 → "xi jinping", 欧阳娜娜 → "ouyang nana"). Family
//      names with a special reading use it (曾 → "zeng", 单 → "shan").
// Thread-safe. The first call builds the tables and the pinyin table (about 0.7 s once).
void RomanizeHanRun(std::u32string_view run, const HanRunContext& context, std::string* out);

}  // namespace interdict::normalize::internal
