// Burmese romanization for name matching: the conventional spelling of Myanmar names
// (Aung, Kyaw, Myat, Naing, Hlaing, Shwe, Phyo, Htun, Thein), syllable by syllable.
//
// The tables are ours, written from the Myanmar script's letter inventory (Unicode 15,
// U+1000..U+103F) and the spellings Myanmar names take in Latin letters on passports and
// company registers. ICU's Any-Latin follows ALA-LC instead ("shwaypulell" for ရွှေပုလဲ),
// which no Myanmar name is written in.
//
// Sound changes that the script does not show (ပုလဲ "pale", ရတနာ "yadana", voicing after a
// nasal) are not guessed; the scorer's fuzzy and compact views absorb them. Two widely
// written exceptions are made: ကြီး ("great", voiced in almost every compound) is "gyi", and
// ရ before the vowel ိ (Pali loans: သီရိ "thiri") is "r"; elsewhere ရ is "y".
#include "normalize/burmese.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace interdict::normalize::internal {
namespace {

constexpr char32_t kAsat = 0x103A;
constexpr char32_t kVirama = 0x1039;
constexpr char32_t kDotBelow = 0x1037;
constexpr char32_t kVisarga = 0x1038;
constexpr char32_t kCarrier = 0x1021;  // အ: a vowel without a consonant.

// Onsets of U+1000..U+1021 (consonants) and U+1022..U+102A (independent vowels).
constexpr const char* kOnsets[] = {
    "k",  "kh", "g", "g", "ng", "s",  "hs", "z", "z", "ny", "ny", "t",  // U+1000
    "ht", "d",  "d", "n", "t",  "ht", "d",  "d", "n", "p",  "ph", "b",  // U+100C
    "b",  "m",  "y", "y", "l",  "w",  "th", "h", "l", "",   "",   "i",  // U+1018
    "i",  "u",  "u", "",  "e",  "aw", "aw",                             // U+1024
};

bool IsConsonant(char32_t cp) { return cp >= 0x1000 && cp <= 0x1021; }

bool IsIndependentVowel(char32_t cp) { return cp >= 0x1022 && cp <= 0x102A; }

// What a final consonant sounds like at the end of a syllable.
enum class Coda : uint8_t {
  kNone,
  kVelarStop,
  kVelarNasal,
  kStop,
  kPalatalStop,
  kPalatal,
  kNasal,
  kGlide,
  kSilent
};

Coda CodaOf(char32_t cp) {
  switch (cp) {
    case 0:
      return Coda::kNone;
    case 0x1000:  // က
    case 0x1002:  // ဂ
      return Coda::kVelarStop;
    case 0x1004:  // င
      return Coda::kVelarNasal;
    case 0x1005:  // စ
      return Coda::kPalatalStop;
    case 0x1009:  // ဉ
    case 0x100A:  // ည
      return Coda::kPalatal;
    case 0x100F:  // ဏ
    case 0x1014:  // န
    case 0x1019:  // မ
      return Coda::kNasal;
    case 0x101A:  // ယ
      return Coda::kGlide;
    case 0x100B:
    case 0x100C:
    case 0x100D:
    case 0x100E:
    case 0x1010:
    case 0x1011:
    case 0x1012:
    case 0x1013:
    case 0x1015:
    case 0x1016:
    case 0x1017:
    case 0x1018:
    case 0x101E:
      return Coda::kStop;  // Dental and labial stops: a glottal stop, "t" in spelling.
    default:
      return Coda::kSilent;
  }
}

// The vowel written by a syllable's vowel signs.
enum class Vowel : uint8_t { kInherent, kA, kI, kU, kE, kAi, kAw, kO };

struct Syllable {
  char32_t onset = 0;
  char32_t final = 0;
  bool medial_y = false;  // ျ or ြ
  bool medial_w = false;  // ွ
  bool medial_h = false;  // ှ
  bool sign_aa = false;   // ါ ာ
  bool sign_i = false;    // ိ ီ
  bool sign_u = false;    // ု ူ
  bool sign_e = false;    // ေ
  bool sign_ai = false;   // ဲ
  bool anusvara = false;  // ံ
  bool dot_below = false;
  bool visarga = false;
};

Vowel VowelOf(const Syllable& s) {
  if (s.sign_e && s.sign_aa) return Vowel::kAw;
  if (s.sign_i && s.sign_u) return Vowel::kO;
  if (s.sign_e) return Vowel::kE;
  if (s.sign_aa) return Vowel::kA;
  if (s.sign_i) return Vowel::kI;
  if (s.sign_u) return Vowel::kU;
  if (s.sign_ai) return Vowel::kAi;
  return Vowel::kInherent;
}

// Writes the onset with its medials: ky, ch, py, phy, my; hl, hm, hn; sh (ရှ ယှ လျှ); w, unless
// the rhyme absorbs the medial w (`w_absorbed`: "un", "ut").
void AppendOnset(const Syllable& s, bool w_absorbed, std::string* out) {
  std::string_view base;
  if (IsConsonant(s.onset) || IsIndependentVowel(s.onset)) base = kOnsets[s.onset - 0x1000];
  if (s.onset == 0x101B && !s.medial_y && !s.medial_h && s.sign_i && !s.sign_u) base = "r";
  if (s.medial_h && (s.onset == 0x101A || s.onset == 0x101B || (s.medial_y && s.onset == 0x101C))) {
    out->append("sh");
  } else if (s.medial_y) {
    if (s.onset == 0x1001) {
      out->append("ch");  // ချ ခြ
    } else if (base == "y" || base.empty()) {
      out->append("y");
    } else {
      if (s.medial_h && base.front() != 'h') out->push_back('h');
      out->append(base);
      out->push_back('y');
    }
  } else {
    if (s.medial_h && !base.empty() && base.front() != 'h') out->push_back('h');
    out->append(base);
  }
  if (s.medial_w && !w_absorbed && base != "w") out->push_back('w');
}

void AppendSyllable(const Syllable& s, std::string* out) {
  const Vowel vowel = VowelOf(s);
  const Coda coda = s.anusvara && s.final == 0 ? Coda::kNasal : CodaOf(s.final);
  const bool nasal = coda == Coda::kNasal;
  const bool stop = coda == Coda::kStop || coda == Coda::kVelarStop || coda == Coda::kPalatalStop;
  std::string_view rhyme;
  bool w_absorbed = false;
  switch (vowel) {
    case Vowel::kInherent:
      if (s.medial_w && (nasal || coda == Coda::kStop)) {
        rhyme = nasal ? "un" : "ut";  // ထွန်း "htun", ကျွန်း "kyun", ဝွတ် "wut"
        w_absorbed = true;
        break;
      }
      switch (coda) {
        case Coda::kVelarStop:
          rhyme = "et";  // လက် "let", တက် "tet"
          break;
        case Coda::kVelarNasal:
          rhyme = "in";  // ဝင်း "win", သဇင် "thazin"
          break;
        case Coda::kPalatalStop:
          rhyme = "it";  // စစ် "sit"
          break;
        case Coda::kPalatal:
          rhyme = s.dot_below ? "ae" : "i";  // ပြည့် "pyae", ပြည် "pyi"
          break;
        case Coda::kStop:
          rhyme = "at";  // မြတ် "myat", လပ် "lat"
          break;
        case Coda::kNasal:
          rhyme = "an";  // ဆန် "hsan", လမ်း "lan", ရေနံ "nan"
          break;
        case Coda::kGlide:
          rhyme = "e";  // ကြယ် "kye", သွယ် "thwe"
          break;
        case Coda::kNone:
        case Coda::kSilent:
          rhyme = "a";
          break;
      }
      break;
    case Vowel::kA:
      rhyme = "a";
      break;
    case Vowel::kI:
      rhyme = stop ? "eik" : nasal ? "ein" : "i";  // မိတ် "meik", ဟိန်း "hein", သီ "thi"
      break;
    case Vowel::kU:
      rhyme = stop ? "ote" : nasal ? "one" : "u";  // လုပ် "lote", ကုန် "kone", စုံ "sone"
      break;
    case Vowel::kE:
      rhyme = s.onset == kCarrier || s.onset == 0x1027 ? "aye" : "e";  // အေး "aye", ရွှေ "shwe"
      break;
    case Vowel::kAi:
      rhyme = "e";  // လဲ "le"
      break;
    case Vowel::kAw:
      rhyme = coda == Coda::kVelarStop ? "auk" : coda == Coda::kVelarNasal ? "aung" : "aw";
      break;
    case Vowel::kO:
      // ိုး after a plain consonant is written "oe" (စိုး "soe", မိုး "moe"); ဖြိုး "phyo",
      // မြို့ "myo", ကို "ko".
      rhyme = coda == Coda::kVelarStop    ? "aik"
              : coda == Coda::kVelarNasal ? "aing"
              : s.visarga && !s.medial_y  ? "oe"
                                          : "o";
      break;
  }
  out->push_back(' ');
  // ကြီး "great": voiced in nearly every compound and written "gyi" (Taunggyi).
  if (s.onset == 0x1000 && s.medial_y && !s.medial_w && !s.medial_h && vowel == Vowel::kI &&
      coda == Coda::kNone && s.visarga) {
    out->append("gyi");
    return;
  }
  AppendOnset(s, w_absorbed, out);
  // The carrier and independent vowels bring their own vowel: ဦး "u", ဧ "aye", not "ua".
  if (s.onset == 0x1027) {
    out->append("aye");
    return;
  }
  if (IsIndependentVowel(s.onset) && coda == Coda::kNone) return;
  out->append(rhyme);
}

// True when the consonant at run[i] closes the syllable before it: asat follows (after any
// tone marks), or virama stacks the next consonant under it.
bool ClosesSyllable(std::u32string_view run, size_t i) {
  size_t k = i + 1;
  while (k < run.size() && (run[k] == kDotBelow || run[k] == kVisarga)) ++k;
  return k < run.size() && (run[k] == kAsat || run[k] == kVirama);
}

}  // namespace

bool IsBurmeseCodePoint(char32_t cp) { return cp >= 0x1000 && cp <= 0x103F; }

void RomanizeBurmeseRun(std::u32string_view run, std::string* out) {
  Syllable current;
  bool open = false;  // `current` holds a syllable not yet written.
  auto flush = [&] {
    if (open) AppendSyllable(current, out);
    current = Syllable();
    open = false;
  };
  for (size_t i = 0; i < run.size(); ++i) {
    char32_t cp = run[i];
    if (IsConsonant(cp) || IsIndependentVowel(cp) || cp == 0x103F) {
      if (cp == 0x103F) cp = 0x101E;  // ဿ (great sa): a doubled s, written "th" like သ.
      if (open && current.final == 0 && ClosesSyllable(run, i)) {
        current.final = cp;
        continue;
      }
      flush();
      current.onset = cp;
      open = true;
      continue;
    }
    if (!open) continue;  // A sign with no syllable to attach to.
    switch (cp) {
      case 0x103B:
      case 0x103C:
        current.medial_y = true;
        break;
      case 0x103D:
        current.medial_w = true;
        break;
      case 0x103E:
        current.medial_h = true;
        break;
      case 0x102B:
      case 0x102C:
        current.sign_aa = true;
        break;
      case 0x102D:
      case 0x102E:
        current.sign_i = true;
        break;
      case 0x102F:
      case 0x1030:
        current.sign_u = true;
        break;
      case 0x1031:
        current.sign_e = true;
        break;
      case 0x1032:
        current.sign_ai = true;
        break;
      case 0x1036:
        current.anusvara = true;
        break;
      case kDotBelow:
        current.dot_below = true;
        break;
      case kVisarga:
        current.visarga = true;
        break;
      default:
        break;  // Asat, virama (read by ClosesSyllable), Mon/Shan signs.
    }
  }
  flush();
  out->push_back(' ');
}

}  // namespace interdict::normalize::internal
