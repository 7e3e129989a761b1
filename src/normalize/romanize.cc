// Romanization for name matching. The pipeline per call:
//
//   1. ASCII input: lower-case, punctuation to spaces, done (no ICU; most list names).
//   2. Otherwise decode UTF-8 (invalid bytes dropped; apostrophes of every kind marked so that
//      they vanish instead of splitting a word), then NFKC + case fold (ICU nfkc_cf).
//   3. Walk the text in runs of one script and romanize each run:
//        Latin     NFD base letter (diacritics dropped) plus kLatinSpecial (ß ss, æ ae, ø o, ...).
//        Cyrillic  kCyrillicLetters, close to BGN/PCGN, with Ukrainian/Belarusian (г → h,
//                  и → y) and Serbian/Macedonian (Gaj's Latin without diacritics: ч → c,
//                  ш → s) variants chosen once per text from letters only those languages have.
//        Greek     ELOT 743 (kGreekLetters plus digraph rules in RomanizeGreek).
//        Hebrew    consonants with the usual Israeli English spellings (ח ch, צ tz, ש sh;
//                  ב/כ/פ hard at word start or with dagesh, else v/ch/f); ו and י as o/i vowel
//                  letters; pointed text adds its vowels.
//        Arabic    consonant-and-long-vowel skeleton (Arabic omits short vowels): ا a, و u/w,
//                  ي i/y, ة a, ع and ء dropped (ع is "a" word-initially, where a vowel starts
//                  the word), emphatics folded (ص s, ض d, ط t, ظ z), ال → "al" as its own word,
//                  عبد + ال... joined ("abdallah"). Persian and Urdu letters included.
//                  FoldSpelling() then drops the short vowels of Latin spellings so they meet.
//        Hangul    Revised Romanization per syllable; a 2-3 syllable word starting with a common
//                  family name is "family given given" with the family name spelled the usual
//                  way (김정은 → "kim jeong eun"). ICU would give "gimjeong-eun".
//        Han       pinyin via chinese_company.h (company names split into parts, person names
//                  as family + joined given name).
//        Khmer     our table (khmer.h); ICU has none.
//        Burmese   conventional Myanmar name romanization per syllable (burmese.h): ရွှေပုလဲ →
//                  "shwe pu le"; Myanmar digits are digits.
//        others    ICU "Any-Latin; Latin-ASCII" (kana, Thai, Devanagari, Georgian, Armenian,
//                  Ethiopic, Mon/Shan letters, ...), per run, with this thread's transliterator
//                  clone. A letter ICU leaves as it was (Lao, Tibetan, Sinhala, Mongolian) is
//                  spelled by its code point in letters a-p, so the name is not empty.
//   4. Clean to [a-z0-9 ]: "&" → " and ", apostrophes vanish, anything else is a space.
#include "normalize/romanize.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <unicode/uchar.h>

#include "base/text.h"
#include "normalize/burmese.h"
#include "normalize/chinese_company.h"
#include "normalize/internal_icu.h"
#include "normalize/khmer.h"

namespace interdict::normalize {
namespace {

#include "normalize/romanize_tables.inc"

// Stands for any apostrophe-like character between decoding and the final clean-up. A private
// use code point, so NFKC leaves it alone (NFKC would turn U+00B4 into a space plus a mark).
constexpr char32_t kApostropheMark = 0xE000;

bool IsApostrophe(char32_t cp) {
  switch (cp) {
    case U'\'':
    case U'`':
    case 0x00B4:  // ´
    case 0x02B9:  // ʹ
    case 0x02BB:  // ʻ (Hawaiian, Uzbek)
    case 0x02BC:  // ʼ
    case 0x02BD:
    case 0x02BE:  // ʾ (hamza in Arabic transliteration)
    case 0x02BF:  // ʿ (ayn in Arabic transliteration)
    case 0x02C8:
    case 0x2018:  // ‘
    case 0x2019:  // ’
    case 0x201B:
    case 0x2032:  // ′
    case 0x05F3:  // Hebrew geresh
    case 0x05F4:  // Hebrew gershayim
    case 0xFF07:  // fullwidth '
    case kApostropheMark:
      return true;
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Final clean-up to [a-z0-9 ].

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Lower-cases ASCII letters, keeps digits, drops apostrophes, writes "&" as "and" and "%" as
// "percent", and turns every other byte (including any non-ASCII byte ICU left behind) into a
// word break.
std::string CleanAscii(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 4);
  bool pending_space = false;
  auto emit = [&](char c) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.push_back(c);
  };
  for (char ch : raw) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
      emit(ch);
    } else if (ch >= 'A' && ch <= 'Z') {
      emit(static_cast<char>(ch - 'A' + 'a'));
    } else if (ch == '\'' || ch == '`') {
      continue;
    } else if (ch == '&') {
      pending_space = true;
      emit('a');
      emit('n');
      emit('d');
      pending_space = true;
    } else if (ch == '%') {  // "3%ers" is "Three Percenters"
      pending_space = true;
      for (char p : std::string_view("percent")) emit(p);
      pending_space = true;
    } else {
      pending_space = true;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Code point classes.

enum class CharClass : uint8_t {
  kAscii,
  kLatin,
  kGreek,
  kCyrillic,
  kHebrew,
  kArabic,
  kHangul,
  kHan,
  kKana,
  kKhmer,        // Our own table (ICU has no Khmer-Latin).
  kBurmese,
  kOtherLetter,  // A letter or mark of a script ICU romanizes for us.
  kMark,         // Combining diacritic (U+0300..U+036F) outside a handled run: dropped.
  kDigit,
  kVanish,  // Apostrophes, joiners, soft hyphen: removed without a word break.
  kSeparator,
};

constexpr bool InRange(char32_t cp, char32_t first, char32_t last) {
  return cp >= first && cp <= last;
}

bool IsHanCodePoint(char32_t cp) {
  return InRange(cp, 0x4E00, 0x9FFF) || InRange(cp, 0x3400, 0x4DBF) ||
         InRange(cp, 0x20000, 0x3134F) || InRange(cp, 0xF900, 0xFAFF) || cp == 0x3007;
}

CharClass Classify(char32_t cp) {
  if (cp < 0x80) return CharClass::kAscii;
  if (IsApostrophe(cp)) return CharClass::kVanish;
  if (cp == 0x200C || cp == 0x200D || cp == 0x00AD || cp == 0x2060 || cp == 0xFEFF ||
      InRange(cp, 0xFE00, 0xFE0F)) {
    return CharClass::kVanish;
  }
  if (InRange(cp, 0x0300, 0x036F)) return CharClass::kMark;
  if ((InRange(cp, 0x00C0, 0x024F) && cp != 0x00D7 && cp != 0x00F7) ||
      InRange(cp, 0x0250, 0x02AF) || InRange(cp, 0x1E00, 0x1EFF) || InRange(cp, 0x2C60, 0x2C7F) ||
      InRange(cp, 0xA720, 0xA7FF) || InRange(cp, 0xAB30, 0xAB6F)) {
    return CharClass::kLatin;
  }
  if (InRange(cp, 0x0370, 0x03FF) || InRange(cp, 0x1F00, 0x1FFF)) {
    return u_isalpha(static_cast<UChar32>(cp)) ? CharClass::kGreek : CharClass::kSeparator;
  }
  if (InRange(cp, 0x0400, 0x052F) || InRange(cp, 0x1C80, 0x1C8F) || InRange(cp, 0x2DE0, 0x2DFF) ||
      InRange(cp, 0xA640, 0xA69F)) {
    return CharClass::kCyrillic;
  }
  if (InRange(cp, 0x0591, 0x05F4) || InRange(cp, 0xFB1D, 0xFB4F)) return CharClass::kHebrew;
  if (InRange(cp, 0x0660, 0x0669) || InRange(cp, 0x06F0, 0x06F9)) return CharClass::kDigit;
  if (InRange(cp, 0x0610, 0x061A) || InRange(cp, 0x0620, 0x065F) || InRange(cp, 0x0670, 0x06D3) ||
      InRange(cp, 0x06D5, 0x06FF) || InRange(cp, 0x0750, 0x077F) || InRange(cp, 0x08A0, 0x08FF) ||
      InRange(cp, 0xFB50, 0xFDFF) || InRange(cp, 0xFE70, 0xFEFE)) {
    return CharClass::kArabic;
  }
  if (InRange(cp, 0xAC00, 0xD7A3)) return CharClass::kHangul;
  if (IsHanCodePoint(cp)) return CharClass::kHan;
  if ((InRange(cp, 0x3041, 0x30FF) && cp != 0x30FB) || InRange(cp, 0x31F0, 0x31FF) ||
      InRange(cp, 0xFF66, 0xFF9F)) {
    return CharClass::kKana;
  }
  if (internal::IsKhmerCodePoint(cp)) return CharClass::kKhmer;
  if (internal::IsBurmeseCodePoint(cp)) return CharClass::kBurmese;
  int8_t type = u_charType(static_cast<UChar32>(cp));
  switch (type) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
      return CharClass::kOtherLetter;
    case U_DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    default:
      return CharClass::kSeparator;
  }
}

// ---------------------------------------------------------------------------------------------
// Latin.

// Romanization of U+00A0..U+02AF and U+1E00..U+1EFF, computed once from ICU's canonical
// decompositions: the ASCII base letter, or kLatinSpecial, or "" when ICU must decide.
class LatinTable {
 public:
  LatinTable() {
    for (char32_t cp = 0x00A0; cp <= 0x02AF; ++cp) Fill(cp);
    for (char32_t cp = 0x1E00; cp <= 0x1EFF; ++cp) Fill(cp);
  }

  // nullptr when the letter has no table entry.
  const char* Lookup(char32_t cp) const {
    const Entry* e = nullptr;
    if (InRange(cp, 0x00A0, 0x02AF)) e = &low_[cp - 0x00A0];
    if (InRange(cp, 0x1E00, 0x1EFF)) e = &extended_[cp - 0x1E00];
    return e != nullptr && e->latin[0] != '\0' ? e->latin.data() : nullptr;
  }

 private:
  struct Entry {
    std::array<char, 4> latin;
  };

  static const char* Special(char32_t cp) {
    for (const LetterMap& m : kLatinSpecial) {
      if (m.letter == cp) return m.latin;
    }
    return nullptr;
  }

  void Fill(char32_t cp) {
    Entry& e = cp < 0x1E00 ? low_[cp - 0x00A0] : extended_[cp - 0x1E00];
    e.latin.fill('\0');
    const char* latin = Special(cp);
    bool diaeresis = false;
    char32_t base = internal::CanonicalBase(cp, &diaeresis);
    if (latin == nullptr && base != cp) latin = Special(base);
    char single[2] = {0, 0};
    if (latin == nullptr && base < 0x80 &&
        ((base >= 'a' && base <= 'z') || (base >= 'A' && base <= 'Z'))) {
      single[0] = static_cast<char>(base | 0x20);
      latin = single;
    }
    if (latin == nullptr) return;
    for (size_t i = 0; i < 3 && latin[i] != '\0'; ++i) e.latin[i] = latin[i];
  }

  std::array<Entry, 0x02B0 - 0x00A0> low_;
  std::array<Entry, 0x1F00 - 0x1E00> extended_;
};

const LatinTable& GetLatinTable() {
  static const LatinTable* const table = new LatinTable();  // Never destroyed.
  return *table;
}

// ---------------------------------------------------------------------------------------------
// Cyrillic.

enum class CyrillicVariant : uint8_t { kRussian, kUkrainian, kSerbian, kTurkic };

// Picks the variant from letters only one language family uses; plain Russian otherwise.
CyrillicVariant DetectCyrillicVariant(std::u32string_view text) {
  constexpr std::u32string_view kSerbian = U"ђјљњћџѓќѕ";
  constexpr std::u32string_view kTurkic = U"әғқңөұүһ";  // Kazakh, Kyrgyz, ...
  constexpr std::u32string_view kUkrainian = U"єіїґў";  // and Belarusian
  bool serbian = false;
  bool turkic = false;
  bool ukrainian = false;
  for (char32_t cp : text) {
    if (cp < 0x0452 || cp > 0x04FF) continue;  // Not one of the marker letters (а..я, ё).
    serbian = serbian || kSerbian.find(cp) != std::u32string_view::npos;
    turkic = turkic || kTurkic.find(cp) != std::u32string_view::npos;
    ukrainian = ukrainian || kUkrainian.find(cp) != std::u32string_view::npos;
  }
  if (serbian) return CyrillicVariant::kSerbian;
  if (turkic) return CyrillicVariant::kTurkic;
  if (ukrainian) return CyrillicVariant::kUkrainian;
  return CyrillicVariant::kRussian;
}

constexpr char32_t kCyrillicFirst = 0x0400;
constexpr char32_t kCyrillicLast = 0x052F;

constexpr std::array<const char*, kCyrillicLast - kCyrillicFirst + 1> MakeCyrillicTable() {
  std::array<const char*, kCyrillicLast - kCyrillicFirst + 1> table{};
  for (const LetterMap& m : kCyrillicLetters) table[m.letter - kCyrillicFirst] = m.latin;
  return table;
}

constexpr auto kCyrillicTable = MakeCyrillicTable();

const char* CyrillicLetter(char32_t cp, CyrillicVariant variant) {
  if (variant == CyrillicVariant::kUkrainian) {
    // BGN/PCGN Ukrainian and Belarusian.
    if (cp == U'г') return "h";
    if (cp == U'и') return "y";
  } else if (variant == CyrillicVariant::kSerbian) {
    // Serbian and Macedonian Latin, diacritics removed (č ć → c, š → s, ž → z).
    switch (cp) {
      case U'ж':
        return "z";
      case U'х':
        return "h";
      case U'ц':
        return "c";
      case U'ч':
        return "c";
      case U'ш':
        return "s";
      default:
        break;
    }
  }
  if (!InRange(cp, kCyrillicFirst, kCyrillicLast)) return nullptr;
  return kCyrillicTable[cp - kCyrillicFirst];
}

void RomanizeCyrillic(std::u32string_view run, CyrillicVariant variant, std::string* out) {
  for (char32_t cp : run) {
    const char* latin = CyrillicLetter(cp, variant);
    if (latin != nullptr) {
      out->append(latin);
    } else if (Classify(cp) != CharClass::kMark) {
      out->push_back(' ');  // A Cyrillic sign that is not a letter.
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Greek (ELOT 743).

constexpr char32_t kGreekFirst = 0x0370;
constexpr char32_t kGreekLast = 0x03FF;

constexpr std::array<const char*, kGreekLast - kGreekFirst + 1> MakeGreekTable() {
  std::array<const char*, kGreekLast - kGreekFirst + 1> table{};
  for (const LetterMap& m : kGreekLetters) table[m.letter - kGreekFirst] = m.latin;
  return table;
}

constexpr auto kGreekTable = MakeGreekTable();

bool IsGreekVoiceless(char32_t base) {
  switch (base) {
    case U'θ':
    case U'κ':
    case U'ξ':
    case U'π':
    case U'σ':
    case U'ς':
    case U'τ':
    case U'φ':
    case U'χ':
    case U'ψ':
      return true;
    default:
      return false;
  }
}

void RomanizeGreek(std::u32string_view run, std::string* out) {
  // Base letters without accents; a diaeresis marks a vowel that starts a new syllable.
  std::vector<char32_t> base;
  std::vector<bool> diaeresis;
  for (char32_t cp : run) {
    bool dia = false;
    char32_t b = internal::CanonicalBase(cp, &dia);
    if (!InRange(b, kGreekFirst, kGreekLast)) continue;
    base.push_back(b);
    diaeresis.push_back(dia);
  }
  size_t n = base.size();
  auto at = [&](size_t i) -> char32_t { return i < n ? base[i] : 0; };
  for (size_t i = 0; i < n; ++i) {
    char32_t c = base[i];
    char32_t next = at(i + 1);
    bool next_plain = i + 1 < n && !diaeresis[i + 1];
    if ((c == U'α' || c == U'ε' || c == U'η') && next == U'υ' && next_plain) {
      out->append(c == U'α' ? "a" : c == U'ε' ? "e" : "i");
      char32_t after = at(i + 2);
      out->append(after == 0 || IsGreekVoiceless(after) ? "f" : "v");
      ++i;
    } else if (c == U'ο' && next == U'υ' && next_plain) {
      out->append("ou");
      ++i;
    } else if (c == U'μ' && next == U'π') {
      out->append(i == 0 ? "b" : "mp");
      ++i;
    } else if (c == U'ν' && next == U'τ') {
      out->append(i == 0 ? "d" : "nt");
      ++i;
    } else if (c == U'γ' && (next == U'γ' || next == U'ξ' || next == U'χ')) {
      out->append(next == U'γ' ? "ng" : next == U'ξ' ? "nx" : "nch");
      ++i;
    } else if (c == U'γ' && next == U'κ') {
      out->append(i == 0 ? "g" : "gk");
      ++i;
    } else if (const char* latin = kGreekTable[c - kGreekFirst]; latin != nullptr) {
      out->append(latin);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Hebrew.

bool IsHebrewLetter(char32_t cp) {
  return InRange(cp, 0x05D0, 0x05EA) || InRange(cp, 0x05F0, 0x05F2);
}

struct HebrewLetter {
  char32_t letter = 0;
  bool dagesh = false;
  bool sin_dot = false;
  bool geresh = false;
  const char* vowel = "";  // From niqqud, when the text is pointed.
};

const char* HebrewVowelPoint(char32_t cp) {
  switch (cp) {
    case 0x05B1:
    case 0x05B5:
    case 0x05B6:
      return "e";  // hataf segol, tsere, segol
    case 0x05B2:
    case 0x05B7:
    case 0x05B8:
      return "a";  // hataf patah, patah, qamats
    case 0x05B3:
    case 0x05B9:
    case 0x05BA:
      return "o";  // hataf qamats, holam
    case 0x05B4:
      return "i";  // hiriq
    case 0x05BB:
      return "u";  // qubuts
    default:
      return nullptr;
  }
}

const char* HebrewLetterLatin(char32_t cp) {
  static constexpr auto kTable = [] {
    std::array<const char*, 0x05F3 - 0x05D0> table{};
    for (const LetterMap& m : kHebrewLetters) table[m.letter - 0x05D0] = m.latin;
    return table;
  }();
  return InRange(cp, 0x05D0, 0x05F2) ? kTable[cp - 0x05D0] : nullptr;
}

void RomanizeHebrewWord(const std::vector<HebrewLetter>& word, std::string* out) {
  size_t n = word.size();
  auto letter_at = [&](size_t i) -> char32_t { return i < n ? word[i].letter : 0; };
  for (size_t i = 0; i < n; ++i) {
    const HebrewLetter& h = word[i];
    bool initial = i == 0;
    char32_t next = letter_at(i + 1);
    // ב כ פ are hard (b k p) at the start of a word or with dagesh, else v ch f.
    bool hard = initial || h.dagesh;
    switch (h.letter) {
      case U'א':
      case U'ע':
        // Silent carriers of a vowel. At the start of a word the vowel is heard; when ו or י
        // follows, that letter spells it.
        if (*h.vowel == '\0' && initial && next != U'ו' && next != U'י') out->append("a");
        break;
      case U'ב':
        out->append(hard ? "b" : "v");
        break;
      case U'כ':
        out->append(hard ? "k" : "ch");
        break;
      case U'פ':
        out->append(hard ? "p" : "f");
        break;
      case U'ג':
        out->append(h.geresh ? "j" : "g");  // ג׳ as in George.
        break;
      case U'ז':
        out->append(h.geresh ? "zh" : "z");
        break;
      case U'צ':
      case U'ץ':
        out->append(h.geresh ? "ch" : "tz");
        break;
      case U'ת':
        out->append(h.geresh ? "th" : "t");
        break;
      case U'ש':
        out->append(h.sin_dot ? "s" : "sh");
        break;
      case U'ה':
        // Word-final ה is a vowel letter (Sarah, Yehuda) unless pointing supplies the vowel.
        if (i + 1 == n && n > 1) {
          if (*word[i - 1].vowel == '\0') out->append("a");
        } else {
          out->append("h");
        }
        break;
      case U'ו':
        // A consonant at the start and doubled (וו), else the vowel letter o (u with dagesh).
        if (initial || next == U'ו') {
          out->append("v");
          if (next == U'ו') ++i;
        } else {
          out->append(h.dagesh ? "u" : "o");
        }
        break;
      case U'י':
        if (initial || next == U'י') {
          out->append("y");
          if (next == U'י') ++i;
        } else {
          out->append("i");
        }
        break;
      default:
        if (const char* latin = HebrewLetterLatin(h.letter); latin != nullptr) out->append(latin);
        break;
    }
    out->append(h.vowel);
  }
}

void RomanizeHebrew(std::u32string_view run, std::string* out) {
  std::vector<HebrewLetter> word;
  auto flush = [&] {
    RomanizeHebrewWord(word, out);
    word.clear();
  };
  for (char32_t cp : run) {
    if (IsHebrewLetter(cp)) {
      word.push_back({cp});
    } else if (cp == 0x05BC && !word.empty()) {
      word.back().dagesh = true;
    } else if (cp == 0x05C2 && !word.empty()) {
      word.back().sin_dot = true;
    } else if (IsApostrophe(cp) || cp == U'"') {
      // Geresh after ג ז צ ת marks a foreign sound (ג׳ = j); gershayim inside an acronym
      // (בע״מ) just joins it.
      if (!word.empty() && cp != 0x05F4 && cp != U'"') word.back().geresh = true;
    } else if (const char* vowel = HebrewVowelPoint(cp); vowel != nullptr) {
      if (!word.empty()) word.back().vowel = vowel;
    } else if (cp == 0x05BE || cp == 0x05C0 || cp == 0x05C3 || cp == 0x05C6) {
      flush();  // maqaf, paseq, sof pasuq, nun hafukha: word breaks.
      out->push_back(' ');
    }
    // Cantillation marks, sheva, shin dot, rafe: nothing to write.
  }
  flush();
}

// ---------------------------------------------------------------------------------------------
// Arabic script (Arabic, Persian, Urdu, Pashto, Kurdish).

struct ArabicLetter {
  char32_t letter = 0;
  char vowel = 0;  // 'a' 'i' 'u' from fatha/kasra/damma in vocalized text.
  bool shadda = false;
};

bool IsArabicVowelLetter(char32_t cp) {
  return cp == U'ا' || cp == U'و' || cp == U'ي' || cp == U'ى' || cp == 0x06CC || cp == U'آ' ||
         cp == U'أ' || cp == U'إ' || cp == 0x0671;
}

bool SameLetters(const std::vector<ArabicLetter>& word, size_t from, std::u32string_view s) {
  if (word.size() - from != s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (word[from + i].letter != s[i]) return false;
  }
  return true;
}

bool StartsWithLetters(const std::vector<ArabicLetter>& word, size_t from, std::u32string_view s) {
  if (word.size() - from < s.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (word[from + i].letter != s[i]) return false;
  }
  return true;
}

bool StartsWithArticle(const std::vector<ArabicLetter>& word, size_t from) {
  if (word.size() - from < 4) return false;  // ال + at least two letters.
  char32_t first = word[from].letter;
  return (first == U'ا' || first == 0x0671) && word[from + 1].letter == U'ل';
}

// Letters without context rules, dense over U+0620..U+06FF.
const char* ArabicLetterLatin(char32_t cp) {
  static constexpr auto kTable = [] {
    std::array<const char*, 0x0700 - 0x0620> table{};
    for (const LetterMap& m : kArabicLetters) table[m.letter - 0x0620] = m.latin;
    return table;
  }();
  return InRange(cp, 0x0620, 0x06FF) ? kTable[cp - 0x0620] : nullptr;
}

// Romanizes word[from..] letter by letter (no article handling).
void RomanizeArabicLetters(const std::vector<ArabicLetter>& word, size_t from, std::string* out) {
  size_t n = word.size();
  auto letter_at = [&](size_t i) -> char32_t { return i < n ? word[i].letter : 0; };
  bool prev_vowel = false;  // The previous letter was written as a vowel.
  for (size_t i = from; i < n; ++i) {
    const ArabicLetter& a = word[i];
    bool initial = i == from;
    bool final = i + 1 == n;
    char32_t prev = i > from ? word[i - 1].letter : 0;
    char32_t next = letter_at(i + 1);
    const char* latin = nullptr;
    bool vowel = false;  // `latin` is a vowel.
    switch (a.letter) {
      case U'ا':
      case U'أ':
      case U'آ':
      case U'ى':    // alif maqsura
      case 0x0671:  // alif wasla
        latin = "a";
        vowel = true;
        break;
      case U'إ':
        latin = "i";
        vowel = true;
        break;
      case U'ؤ':
        latin = "u";
        vowel = true;
        break;
      case U'ئ':
        latin = "i";
        vowel = true;
        break;
      case U'ع':
        // No Latin letter; at the start of a word its vowel is what a Latin spelling shows
        // (Ali, Omar, Abd).
        latin = initial && a.vowel == 0 ? "a" : "";
        break;
      case U'ه':
      case 0x06C1:  // Urdu heh goal
        // Word-final after a consonant it is a vowel (Persian -eh: Fatemeh, Zadeh).
        latin = final && i - from >= 2 && !IsArabicVowelLetter(prev) ? "eh" : "h";
        break;
      case U'ة':
      case 0x06C3:  // Urdu teh marbuta goal
        latin = final ? "a" : "t";
        break;
      case U'و':
        // A consonant at the start, after a vowel (داود dawud), before ا (مروان marwan), with
        // a vowel sign or doubled; otherwise the long vowel (يوسف yusf).
        vowel = !(initial || prev_vowel || next == U'ا' || a.shadda || a.vowel == 'a' ||
                  a.vowel == 'i');
        latin = vowel ? "u" : "w";
        break;
      case U'ي':
      case 0x06CC:  // Persian yeh
        vowel = !(initial || prev_vowel || next == U'ا' || a.shadda || a.vowel == 'a' ||
                  a.vowel == 'u');
        latin = vowel ? "i" : "y";
        break;
      default:
        latin = ArabicLetterLatin(a.letter);
        break;
    }
    if (latin != nullptr) out->append(latin);
    if (a.vowel != 0 && !vowel) out->push_back(a.vowel);
    prev_vowel = vowel;
  }
}

// Romanizes one word; `joined` writes the article without a space (after عبد).
void RomanizeArabicWord(const std::vector<ArabicLetter>& word, size_t from, bool joined,
                        std::string* out) {
  if (SameLetters(word, from, U"الله")) {
    out->append("allah");
    return;
  }
  if (StartsWithArticle(word, from) && !SameLetters(word, from, U"الياس") &&
      !SameLetters(word, from, U"الهام")) {
    out->append(joined ? "al" : "al ");
    RomanizeArabicLetters(word, from + 2, out);
    return;
  }
  RomanizeArabicLetters(word, from, out);
}

void RomanizeArabic(std::u32string_view run, std::string* out) {
  // Split into words of letters with their vowel signs.
  std::vector<std::vector<ArabicLetter>> words(1);
  for (char32_t cp : run) {
    if (cp == U' ') {
      if (!words.back().empty()) words.emplace_back();
      continue;
    }
    std::vector<ArabicLetter>& word = words.back();
    switch (cp) {
      case 0x064E:
        if (!word.empty()) word.back().vowel = 'a';
        continue;  // fatha
      case 0x064F:
        if (!word.empty()) word.back().vowel = 'u';
        continue;  // damma
      case 0x0650:
        if (!word.empty()) word.back().vowel = 'i';
        continue;  // kasra
      case 0x0670:
        if (!word.empty()) word.back().vowel = 'a';
        continue;  // superscript alef
      case 0x0651:
        if (!word.empty()) word.back().shadda = true;
        continue;
      default:
        break;
    }
    if (InRange(cp, 0x0621, 0x064A) || InRange(cp, 0x0671, 0x06D5)) {
      if (cp != 0x0640) word.push_back({cp});  // Tatweel is only a stretch.
    }
    // Tanwin, sukun, Quranic marks and ZWNJ (a Persian in-word break) write nothing.
  }
  if (words.back().empty()) words.pop_back();

  for (size_t w = 0; w < words.size(); ++w) {
    const std::vector<ArabicLetter>& word = words[w];
    out->push_back(' ');
    if (SameLetters(word, 0, U"ابن")) {
      out->append("ibn");
    } else if (SameLetters(word, 0, U"بن")) {
      out->append("bin");
    } else if (SameLetters(word, 0, U"بنت")) {
      out->append("bint");
    } else if (SameLetters(word, 0, U"أبو") || SameLetters(word, 0, U"ابو")) {
      out->append("abu");
    } else if (SameLetters(word, 0, U"عبد") && w + 1 < words.size() &&
               StartsWithArticle(words[w + 1], 0)) {
      // عبد الله, عبد الرحمن: one name in two words; written as one ("abdallah") so that it
      // meets Abdullah / Abdallah / Abdelrahman.
      out->append("abd");
      RomanizeArabicWord(words[w + 1], 0, /*joined=*/true, out);
      ++w;
    } else if (StartsWithLetters(word, 0, U"عبد") && StartsWithArticle(word, 3)) {
      out->append("abd");  // عبدالله written as one word.
      RomanizeArabicWord(word, 3, /*joined=*/true, out);
    } else {
      RomanizeArabicWord(word, 0, /*joined=*/false, out);
    }
  }
  out->push_back(' ');
}

// ---------------------------------------------------------------------------------------------
// Hangul.

void AppendHangulSyllable(char32_t cp, std::string* out) {
  uint32_t index = cp - 0xAC00;
  out->append(kHangulInitial[index / (21 * 28)]);
  out->append(kHangulMedial[(index / 28) % 21]);
  out->append(kHangulFinal[index % 28]);
}

const char* KoreanSurname(char32_t cp) {
  for (const LetterMap& m : kKoreanSurnames) {
    if (m.letter == cp) return m.latin;
  }
  return nullptr;
}

void RomanizeHangul(std::u32string_view run, std::string* out) {
  size_t family = 0;
  const char* family_latin = nullptr;
  if (run.size() >= 3 && run.size() <= 4) {
    for (const KoreanCompoundSurname& s : kKoreanCompoundSurnames) {
      if (run[0] == s.first && run[1] == s.second) {
        family = 2;
        family_latin = s.latin;
      }
    }
  }
  if (family == 0 && run.size() >= 2 && run.size() <= 3) {
    family_latin = KoreanSurname(run[0]);
    if (family_latin != nullptr) family = 1;
  }
  out->push_back(' ');
  if (family == 0) {  // Not a person's name: one word, as written.
    for (char32_t cp : run) AppendHangulSyllable(cp, out);
  } else {
    out->append(family_latin);
    for (size_t i = family; i < run.size(); ++i) {
      out->push_back(' ');
      AppendHangulSyllable(run[i], out);
    }
  }
  out->push_back(' ');
}

// ---------------------------------------------------------------------------------------------
// The walk over a normalized text.

bool IsMiddleDot(char32_t cp) {
  return cp == 0x00B7 || cp == 0x30FB || cp == 0x2027 || cp == 0x2022 || cp == 0xFF65 ||
         cp == 0x2219;
}

// Copies UTF-8, dropping invalid bytes and replacing apostrophes by kApostropheMark.
std::string CleanUtf8(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  size_t pos = 0;
  while (pos < utf8.size()) {
    size_t start = pos;
    char32_t cp = base::DecodeUtf8(utf8, &pos);
    if (cp == 0xFFFD) continue;  // An invalid byte (or U+FFFD itself, which means the same).
    // Hebrew geresh and gershayim stay themselves: RomanizeHebrew tells them apart.
    if (IsApostrophe(cp) && cp != 0x05F3 && cp != 0x05F4) {
      base::AppendUtf8(kApostropheMark, &out);
    } else {
      out.append(utf8.substr(start, pos - start));
    }
  }
  return out;
}

class Romanizer {
 public:
  explicit Romanizer(std::u32string_view text) : text_(text) {}

  std::string Run() {
    for (char32_t cp : text_) {
      if (Classify(cp) == CharClass::kKana) has_kana_ = true;
    }
    size_t i = 0;
    while (i < text_.size()) i = Step(i);
    return std::move(raw_);
  }

 private:
  char32_t At(size_t i) const { return i < text_.size() ? text_[i] : 0; }

  // End of the run of characters starting at `i` whose class satisfies `pred`.
  template <typename Pred>
  size_t RunEnd(size_t i, Pred pred) const {
    while (i < text_.size() && pred(i)) ++i;
    return i;
  }

  // Romanizes the run starting at `i`; returns the index after it.
  size_t Step(size_t i) {
    char32_t cp = text_[i];
    CharClass c = Classify(cp);
    switch (c) {
      case CharClass::kAscii:
        raw_.push_back(static_cast<char>(cp));
        return i + 1;
      case CharClass::kLatin: {
        const char* latin = GetLatinTable().Lookup(cp);
        if (latin != nullptr) {
          raw_.append(latin);
          return i + 1;
        }
        return Other(i, i + 1);
      }
      case CharClass::kCyrillic: {
        if (!cyrillic_variant_detected_) {
          cyrillic_variant_ = DetectCyrillicVariant(text_);
          cyrillic_variant_detected_ = true;
        }
        size_t end = RunEnd(i, [&](size_t k) {
          CharClass ck = Classify(text_[k]);
          return ck == CharClass::kCyrillic || ck == CharClass::kMark;
        });
        RomanizeCyrillic(text_.substr(i, end - i), cyrillic_variant_, &raw_);
        return end;
      }
      case CharClass::kGreek: {
        size_t end = RunEnd(i, [&](size_t k) {
          CharClass ck = Classify(text_[k]);
          return ck == CharClass::kGreek || ck == CharClass::kMark;
        });
        RomanizeGreek(text_.substr(i, end - i), &raw_);
        return end;
      }
      case CharClass::kHebrew: {
        size_t end = RunEnd(i, [&](size_t k) {
          char32_t ck = text_[k];
          if (Classify(ck) == CharClass::kHebrew) return true;
          // Geresh and gershayim, also typed as ' and " (בע"מ), after a Hebrew letter.
          return (IsApostrophe(ck) || ck == U'"') && Classify(At(k - 1)) == CharClass::kHebrew;
        });
        RomanizeHebrew(text_.substr(i, end - i), &raw_);
        return end;
      }
      case CharClass::kArabic: {
        // Spans the spaces between Arabic words, so عبد + الله can be joined.
        size_t end = RunEnd(i, [&](size_t k) {
          CharClass ck = Classify(text_[k]);
          if (ck == CharClass::kArabic || text_[k] == 0x200C) return true;
          return text_[k] == U' ' && Classify(At(k + 1)) == CharClass::kArabic;
        });
        RomanizeArabic(text_.substr(i, end - i), &raw_);
        return end;
      }
      case CharClass::kHangul: {
        size_t end = RunEnd(i, [&](size_t k) { return Classify(text_[k]) == CharClass::kHangul; });
        RomanizeHangul(text_.substr(i, end - i), &raw_);
        return end;
      }
      case CharClass::kHan: {
        size_t end = RunEnd(i, [&](size_t k) { return IsHanCodePoint(text_[k]); });
        internal::HanRunContext context;
        context.foreign_name = (i > 0 && IsMiddleDot(text_[i - 1])) || IsMiddleDot(At(end));
        context.japanese = has_kana_;
        internal::RomanizeHanRun(text_.substr(i, end - i), context, &raw_);
        raw_.push_back(' ');
        return end;
      }
      case CharClass::kKhmer: {
        size_t end = RunEnd(i, [&](size_t k) { return Classify(text_[k]) == CharClass::kKhmer; });
        internal::RomanizeKhmer(text_.substr(i, end - i), &raw_);
        return end;
      }
      case CharClass::kBurmese: {
        size_t end = RunEnd(i, [&](size_t k) { return Classify(text_[k]) == CharClass::kBurmese; });
        internal::RomanizeBurmeseRun(text_.substr(i, end - i), &raw_);
        return end;
      }
      case CharClass::kKana:
      case CharClass::kOtherLetter:
        return Other(i, i + 1);
      case CharClass::kDigit: {
        int32_t value = u_charDigitValue(static_cast<UChar32>(cp));
        raw_.push_back(value >= 0 && value <= 9 ? static_cast<char>('0' + value) : ' ');
        return i + 1;
      }
      case CharClass::kMark:
      case CharClass::kVanish:
        return i + 1;
      case CharClass::kSeparator:
        raw_.push_back(' ');
        return i + 1;
    }
    return i + 1;
  }

  // Sends the run of letters ICU must handle (starting at `i`, at least up to `end`) to
  // "Any-Latin; Latin-ASCII".
  size_t Other(size_t i, size_t end) {
    end = RunEnd(end, [&](size_t k) {
      CharClass ck = Classify(text_[k]);
      if (ck == CharClass::kOtherLetter || ck == CharClass::kKana || ck == CharClass::kMark) {
        return true;
      }
      return ck == CharClass::kLatin && GetLatinTable().Lookup(text_[k]) == nullptr;
    });
    AppendIcuOutput(
        internal::IcuTransliterate(internal::IcuTransform::kAnyLatin, text_.substr(i, end - i)));
    return end;
  }

  // Appends ICU's output, mapping the non-ASCII Latin letters "Latin-ASCII" keeps (ǝ from
  // Ethiopic, ɔ) with our Latin table and dropping combining marks.
  void AppendIcuOutput(std::string_view utf8) {
    size_t pos = 0;
    while (pos < utf8.size()) {
      char32_t cp = base::DecodeUtf8(utf8, &pos);
      if (cp < 0x80) {
        raw_.push_back(static_cast<char>(cp));
      } else if (const char* latin = GetLatinTable().Lookup(cp); latin != nullptr) {
        raw_.append(latin);
      } else if (Classify(cp) == CharClass::kOtherLetter && u_isalpha(static_cast<UChar32>(cp))) {
        // A letter of a script ICU cannot romanize (Lao, Tibetan, Sinhala, Mongolian, ...):
        // spelled as five letters a-p (its code point's hex digits), so the name keeps its
        // words and meets the same spelling in the same script instead of being empty.
        for (int shift = 16; shift >= 0; shift -= 4) {
          raw_.push_back(static_cast<char>('a' + ((cp >> shift) & 0xF)));
        }
      } else if (Classify(cp) != CharClass::kMark && Classify(cp) != CharClass::kVanish) {
        raw_.push_back(' ');
      }
    }
  }

  std::u32string_view text_;
  std::string raw_;
  bool has_kana_ = false;
  bool cyrillic_variant_detected_ = false;
  CyrillicVariant cyrillic_variant_ = CyrillicVariant::kRussian;
};

// ---------------------------------------------------------------------------------------------
// Spelling fold.

bool IsFoldVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Converts a word to "phones": the vowels a e i o u, and consonant symbols where one symbol
// stands for each family of spellings of one sound (see FoldSpelling).
std::string SpellingPhones(std::string_view w) {
  std::string phones;
  phones.reserve(w.size() + 2);
  size_t n = w.size();
  auto at = [&](size_t k) -> char { return k < n ? w[k] : '\0'; };
  auto starts = [&](size_t i, std::string_view s) { return w.substr(i, s.size()) == s; };
  size_t i = 0;
  while (i < n) {
    char c = w[i];
    char next = at(i + 1);
    // Clusters, longest first. Symbols: x = sh, c = ch, q = zh, H = kh (raw x, c and q are
    // rewritten below, so the symbols cannot clash with them).
    // щ needs no rule: BGN "shch" gives sh + ch, as German "schtsch" does.
    if (starts(i, "tsch")) {  // German ч
      phones.push_back('c');
      i += 4;
    } else if (starts(i, "dsch")) {  // German дж
      phones.push_back('j');
      i += 4;
    } else if (starts(i, "sch")) {  // German ш
      phones.push_back('x');
      i += 3;
    } else if (starts(i, "dzh") || starts(i, "tch")) {  // English дж; French/English ч
      phones.push_back(c == 'd' ? 'j' : 'c');
      i += 3;
    } else if (next == 'h' && (c == 's' || c == 'c' || c == 'z' || c == 'k' || c == 'g' ||
                               c == 'p' || c == 't' || c == 'd')) {
      static constexpr std::string_view kFrom = "sczkgptd";
      static constexpr std::string_view kTo = "xcqHgftd";  // sh ch zh kh gh ph th dh
      phones.push_back(kTo[kFrom.find(c)]);
      i += 2;
    } else if (c == 'c' && next == 'z') {  // Polish cz
      phones.push_back('c');
      i += 2;
    } else if (c == 'c' && next == 'k') {
      phones.push_back('k');
      i += 2;
    } else if (c == 'd' && next == 'j') {  // French dj (Djamel)
      phones.push_back('j');
      i += 2;
    } else {
      bool prev_vowel = !phones.empty() && IsFoldVowel(phones.back());
      switch (c) {
        case 'c':
          phones.push_back(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
          break;
        case 'q':
          phones.push_back('k');
          break;
        case 'x':
          phones.append("ks");
          break;
        case 'w':
          phones.push_back('v');
          break;
        case 'z':
          phones.push_back('s');  // tz = ts; s and z: German and English spellings of з
          break;
        case 'y':
          // A consonant only before a vowel at the start (Yuri, Yakov); the initial "ye" of
          // Yevgeny / Yelena is read as the vowel (Evgeny, Elena).
          phones.push_back(i == 0 && IsFoldVowel(next) && next != 'e' ? 'y' : 'i');
          break;
        case 'j':
          // The glide after a vowel (Shojgu, Sergej, Marija) is a vowel; Najib keeps its j.
          phones.push_back(prev_vowel && (!IsFoldVowel(next) || w[i - 1] == 'i') ? 'i' : 'j');
          break;
        case 'i':
          phones.push_back(i == 0 && IsFoldVowel(next) ? 'y' : 'i');  // Iouri, Iakov
          break;
        default:
          phones.push_back(c);
          break;
      }
      ++i;
    }
  }
  return phones;
}

// Class of a word-final vowel run: 'i' (i y ee ie ei ey ai ay ...), 'u' (o u ou oo) or 'a'
// (a e ah eh ...).
char FinalVowelClass(std::string_view run) {
  char last = run.back();
  if (last == 'i') return 'i';
  if (last == 'o' || last == 'u') return 'u';
  if (last == 'e' && run.size() >= 2 &&
      (run[run.size() - 2] == 'i' || run[run.size() - 2] == 'e')) {
    return 'i';
  }
  return 'a';
}

}  // namespace

bool NeedsRomanization(std::string_view utf8) { return !IsAscii(utf8); }

std::string Romanize(std::string_view utf8) {
  if (IsAscii(utf8)) return CleanAscii(utf8);
  std::u32string text = base::Utf8ToU32(internal::NfkcCasefold(CleanUtf8(utf8)));
  Romanizer romanizer(text);
  return CleanAscii(romanizer.Run());
}

// The key keeps the consonant skeleton of the word, plus one mark for a leading vowel and the
// class of a trailing vowel:
//   1. lower-case letters only, doubled letters written once (mm → m);
//   2. consonant spellings folded to one symbol per sound: sh/sch, ch/tch/tsch/cz, zh, kh = h, ph =
//   f, th = t, dh = d, gh = g, dj/dzh/dsch = j, ck/q/c
//      before a o u = k, c before e i y = s, x = ks, w = v, z = s (German writes з as s:
//      Selenskyj, Gasprom);
//   3. y and j are vowels where they are glides (after a vowel: Shoygu, Shojgu, Nikolay), i and
//      y are consonants before a vowel at the start (Iouri = Yuri);
//   4. a final h after a vowel is dropped (Abdullah, Fatimah, Fatemeh);
//   5. vowels inside the word are dropped: Arabic and Hebrew script do not write short vowels,
//      so "mhmd" must meet Muhammad, and vowel spellings are what romanizations disagree on
//      most (Aleksandr/Alexander, Husayn/Hussein, Mohammed/Muhammad);
//   6. a leading vowel run becomes one mark 'a' (Osama = Usama = أسامة "asama"), and a final
//      vowel run one class letter (Nikolai = Nikolay, but Angela ≠ Angelo).
// Words holding a digit, and words made of i v x only (Roman numerals), are returned as
// written (lower-cased): vessel and regnal numbers must not fold.
// Cost: one pass, two small allocations.
std::string FoldSpelling(std::string_view word) {
  std::string w;
  w.reserve(word.size());
  bool has_digit = false;
  for (char ch : word) {
    char c = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    bool letter = c >= 'a' && c <= 'z';
    bool digit = c >= '0' && c <= '9';
    if (!letter && !digit) continue;
    has_digit = has_digit || digit;
    if (letter && !w.empty() && w.back() == c) continue;
    w.push_back(c);
  }
  if (has_digit) return w;
  // Roman numerals (regnal and vessel numbers: VII ≠ VIII) are kept as written.
  if (!w.empty() && w.find_first_not_of("ivx") == std::string::npos) {
    std::string numeral;
    for (char ch : word) {
      char c = ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
      if (c == 'i' || c == 'v' || c == 'x') numeral.push_back(c);
    }
    return numeral;
  }

  std::string phones = SpellingPhones(w);
  if (phones.size() >= 2 && phones.back() == 'h' && IsFoldVowel(phones[phones.size() - 2])) {
    phones.pop_back();
  }
  std::string key;
  key.reserve(phones.size());
  size_t n = phones.size();
  size_t i = 0;
  while (i < n && IsFoldVowel(phones[i])) ++i;
  if (i == n) {  // Only vowels ("ai", "o").
    if (n > 0) {
      key.push_back('a');
      key.push_back(FinalVowelClass(phones));
    }
    return key;
  }
  if (i > 0) key.push_back('a');
  size_t end = n;
  while (IsFoldVowel(phones[end - 1])) --end;
  char previous = 0;
  for (; i < end; ++i) {
    char p = phones[i];
    if (IsFoldVowel(p)) {
      previous = 0;
      continue;
    }
    if (p == previous) continue;  // Doubled after folding: "kk" from "ck k", "ks" "x" ...
    key.push_back(p == 'H' ? 'h' : p);
    previous = p;
  }
  if (end < n) key.push_back(FinalVowelClass(std::string_view(phones).substr(end)));
  return key;
}

}  // namespace interdict::normalize
