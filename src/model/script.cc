#include "model/script.h"

#include "base/text.h"

namespace interdict::model {

Script ScriptOf(char32_t cp) {
  if (cp < 0x80) {
    return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? Script::kLatin : Script::kUnknown;
  }
  if (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7) return Script::kLatin;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return Script::kLatin;  // Latin Extended Additional
  if (cp >= 0xFF21 && cp <= 0xFF5A) return Script::kLatin;  // fullwidth Latin
  if (cp >= 0x370 && cp <= 0x3FF) return Script::kGreek;
  if (cp >= 0x1F00 && cp <= 0x1FFF) return Script::kGreek;
  if ((cp >= 0x400 && cp <= 0x52F) || (cp >= 0x2DE0 && cp <= 0x2DFF) ||
      (cp >= 0xA640 && cp <= 0xA69F) || (cp >= 0x1C80 && cp <= 0x1C8F)) {
    return Script::kCyrillic;
  }
  if (cp >= 0x531 && cp <= 0x58F) return Script::kArmenian;
  if (cp >= 0x5D0 && cp <= 0x5F4) return Script::kHebrew;
  if (cp >= 0xFB1D && cp <= 0xFB4F) return Script::kHebrew;
  if ((cp >= 0x620 && cp <= 0x64A) || (cp >= 0x66E && cp <= 0x6D3) ||
      (cp >= 0x6FA && cp <= 0x6FF) || (cp >= 0x750 && cp <= 0x77F) ||
      (cp >= 0x8A0 && cp <= 0x8FF) || (cp >= 0xFB50 && cp <= 0xFDFF) ||
      (cp >= 0xFE70 && cp <= 0xFEFF)) {
    return Script::kArabic;
  }
  if (cp >= 0x900 && cp <= 0x97F) return Script::kDevanagari;
  if (cp >= 0xE00 && cp <= 0xE7F) return Script::kThai;
  if (cp >= 0x10A0 && cp <= 0x10FF) return Script::kGeorgian;
  if (cp >= 0x1100 && cp <= 0x11FF) return Script::kHangul;
  if (cp >= 0x3130 && cp <= 0x318F) return Script::kHangul;
  if (cp >= 0xAC00 && cp <= 0xD7AF) return Script::kHangul;
  if (cp >= 0x3040 && cp <= 0x30FF) return Script::kKana;
  if (cp >= 0x31F0 && cp <= 0x31FF) return Script::kKana;
  if (cp >= 0xFF66 && cp <= 0xFF9D) return Script::kKana;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FA1F) || cp == 0x3007) {
    return Script::kHan;
  }
  // Combining marks, punctuation, symbols, digits in other blocks.
  if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x2000 && cp <= 0x2BFF) ||
      (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF20) ||
      (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x64B && cp <= 0x66D) ||
      (cp >= 0x6D4 && cp <= 0x6F9) || (cp >= 0x591 && cp <= 0x5C7) || cp == 0x5F3 || cp == 0x5F4) {
    return Script::kUnknown;
  }
  return Script::kOther;
}

Script DetectScript(std::string_view utf8) {
  bool seen[static_cast<int>(Script::kMixed) + 1] = {};
  size_t pos = 0;
  while (pos < utf8.size()) {
    Script s = ScriptOf(base::DecodeUtf8(utf8, &pos));
    seen[static_cast<int>(s)] = true;
  }
  seen[static_cast<int>(Script::kUnknown)] = false;
  // Japanese and Korean mix Han with their own scripts.
  if (seen[static_cast<int>(Script::kKana)]) seen[static_cast<int>(Script::kHan)] = false;
  if (seen[static_cast<int>(Script::kHangul)]) seen[static_cast<int>(Script::kHan)] = false;
  Script found = Script::kUnknown;
  int count = 0;
  for (int i = 1; i <= static_cast<int>(Script::kMixed); ++i) {
    if (seen[i]) {
      found = static_cast<Script>(i);
      ++count;
    }
  }
  return count > 1 ? Script::kMixed : found;
}

}  // namespace interdict::model
