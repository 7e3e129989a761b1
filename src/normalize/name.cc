#include "normalize/name.h"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/text.h"
#include "model/script.h"
#include "normalize/generic_words.h"
#include "normalize/internal_icu.h"
#include "normalize/nicknames.h"
#include "normalize/romanize.h"

namespace interdict::normalize {
namespace {

struct Phrase {
  std::string_view words;  // romanized, single spaces
  std::string_view canonical;
};

// Legal forms in many languages, romanized (Cyrillic ООО -> "ooo" by Romanize). Longest
// phrases are tried first. Sources: national company-law designations (Russia's Civil Code
// art. 66-97: OOO, AO, PAO, ZAO/OAO before 2014; Germany's GmbHG/AktG; PRC Company Law:
// 有限公司 and 股份有限公司, romanized "co ltd"; UAE free-zone FZE/FZCO/FZ-LLC).
constexpr Phrase kLegalForms[] = {
    {"obshchestvo s ogranichennoy otvetstvennostyu", "llc"},
    {"spolka z ograniczona odpowiedzialnoscia", "llc"},
    {"spolka komandytowo akcyjna", "ska"},
    {"perseroan terbatas", "pt"},
    {"sociedad anonima cerrada", "sa"},
    {"limited sirketi", "ltd"},
    {"anonim sirketi", "as"},
    {"kumpane lemitaat", "ltd"},
    {"obshchestvo s ogranichennoi otvetstvennostiu", "llc"},
    {"tovarystvo z obmezhenoyu vidpovidalnistyu", "llc"},
    {"gesellschaft mit beschrankter haftung", "gmbh"},
    {"societatea cu raspundere limitata", "srl"},
    {"sociedad de responsabilidad limitada", "srl"},
    {"societa a responsabilita limitata", "srl"},
    {"societe a responsabilite limitee", "sarl"},
    {"public joint stock company", "jsc"},
    {"closed joint stock company", "jsc"},
    {"open joint stock company", "jsc"},
    {"joint stock company", "jsc"},
    {"publichnoe aktsionernoe obshchestvo", "jsc"},
    {"aktsionernoe obshchestvo", "jsc"},
    {"otkrytoe aktsionernoe obshchestvo", "jsc"},
    {"zakrytoe aktsionernoe obshchestvo", "jsc"},
    {"limited liability company", "llc"},
    {"limited liability partnership", "llp"},
    {"public limited company", "plc"},
    {"private limited company", "ltd"},
    {"free zone establishment", "fze"},
    {"free zone company", "fzco"},
    {"sociedad anonima", "sa"},
    {"societe anonyme", "sa"},
    {"societa per azioni", "spa"},
    {"besloten vennootschap", "bv"},
    {"naamloze vennootschap", "nv"},
    {"kabushiki kaisha", "kk"},
    {"limited partnership", "lp"},
    {"sendirian berhad", "sdn bhd"},
    {"group co ltd", "ltd"},
    {"company limited", "ltd"},
    {"private limited", "ltd"},
    {"pvt ltd", "ltd"},
    {"pte ltd", "ltd"},
    {"co ltd", "ltd"},
    {"co llc", "llc"},
    {"sdn bhd", "sdn bhd"},
    {"sp z o o", "llc"},
    {"sp zoo", "llc"},
    {"spzoo", "llc"},
    {"sp zoo ska", "ska"},
    {"zooska", "ska"},
    {"ltd sti", "ltd"},
    {"sa de cv", "sa"},
    {"s de rl", "srl"},
    {"s a", "sa"},
    {"fz llc", "llc"},
    {"fz co", "fzco"},
    {"aktiengesellschaft", "ag"},
    {"incorporated", "inc"},
    {"corporation", "corp"},
    {"limited", "ltd"},
    {"company", "co"},
    {"llc", "llc"},
    {"ltd", "ltd"},
    {"inc", "inc"},
    {"corp", "corp"},
    {"co", "co"},
    {"gmbh", "gmbh"},
    {"ag", "ag"},
    {"sa", "sa"},
    {"sas", "sas"},
    {"sarl", "sarl"},
    {"srl", "srl"},
    {"spa", "spa"},
    {"bv", "bv"},
    {"nv", "nv"},
    {"plc", "plc"},
    {"lp", "lp"},
    {"llp", "llp"},
    {"jsc", "jsc"},
    {"ojsc", "jsc"},
    {"cjsc", "jsc"},
    {"pjsc", "jsc"},
    {"oao", "jsc"},
    {"zao", "jsc"},
    {"pao", "jsc"},
    {"ao", "jsc"},
    {"ooo", "llc"},
    {"tov", "llc"},
    {"too", "llc"},
    {"fze", "fze"},
    {"fzco", "fzco"},
    {"fzc", "fzco"},
    {"fzllc", "llc"},
    {"pte", "ltd"},
    {"pvt", "ltd"},
    {"bhd", "sdn bhd"},
    {"kk", "kk"},
    {"ab", "ab"},
    {"oy", "oy"},
    {"oyj", "oy"},
    {"sro", "llc"},
    {"kft", "llc"},
    {"doo", "llc"},
    {"pt", "pt"},
    {"tbk", "pt"},
    {"suarl", "sarl"},
    {"eurl", "sarl"},
    {"kg", "kg"},
    {"gmbh co kg", "kg"},
    {"sl", "srl"},
    {"ltda", "srl"},
    {"as", "as"},
    {"asa", "as"},
    {"a s", "as"},
    {"l l c", "llc"},
    {"l l p", "llp"},
    {"l p", "lp"},
    {"l t d", "ltd"},
    {"g m b h", "gmbh"},
    {"p t", "pt"},
    {"s a r l", "sarl"},
    {"s a", "sa"},
    {"a g", "ag"},
    {"i n c", "inc"},
    {"c o", "co"},
    {"o o o", "llc"},
    {"z a o", "jsc"},
    {"o a o", "jsc"},
    {"p a o", "jsc"},
    {"j s c", "jsc"},
    {"o j s c", "jsc"},
    {"c j s c", "jsc"},
    {"p j s c", "jsc"},
    {"k k", "kk"},
    {"a b", "ab"},
    {"s l", "srl"},
    {"b v", "bv"},
    {"n v", "nv"},
    {"p l c", "plc"},
    {"s r l", "srl"},
    {"s p a", "spa"},
    {"s a s", "sas"},
    {"d o o", "llc"},
    {"s a c", "sa"},
    {"sac", "sa"},
    {"ska", "ska"},
    {"spj", "spj"},
    {"sp j", "spj"},
    {"sti", "ltd"},
    {"prat", "jsc"},
    {"pat", "jsc"},
    {"chao", "jsc"},
    {"bm", "ltd"},  // Hebrew בע"מ (be'eravon mugbal), romanized
    // Burmese ကုမ္ပဏီလီမိတက် (company limited), လီမိတက် (limited) and ကုမ္ပဏီ (company),
    // romanized syllable by syllable (normalize/burmese.h).
    {"kone pa ni li mi tet", "ltd"},
    {"li mi tet", "ltd"},
    {"kone pa ni", "co"},
    {"shps", "llc"},  // Georgian შპს (LLC)
};

// Vessel designations written before the name ("MV", "M/V", "SS", "N/M", "MT"), dropped when
// the name has other words: listed vessels carry them inconsistently.
constexpr std::string_view kVesselPrefixes[] = {"mv", "mt", "ss", "nm", "fv", "rv", "mvs"};

// Honorifics and titles dropped from person names (and names of unknown kind).
constexpr std::string_view kHonorifics[] = {
    "mr",        "mrs",        "ms",       "miss",     "mister",  "dr",         "prof",
    "professor", "sir",        "dame",     "lord",     "lady",    "sheikh",     "shaikh",
    "sheik",     "shaykh",     "haji",     "hajji",    "alhaj",   "alhajj",     "mullah",
    "mulla",     "maulana",    "maulvi",   "mawlawi",  "imam",    "general",    "gen",
    "colonel",   "col",        "major",    "maj",      "captain", "capt",       "lieutenant",
    "lt",        "sgt",        "sergeant", "admiral",  "adm",     "brigadier",  "marshal",
    "monsieur",  "mme",        "madame",   "mlle",     "herr",    "frau",       "senor",
    "senora",    "sr",         "sra",      "don",      "dona",    "excellency", "hon",
    "honorable", "honourable", "rev",      "reverend", "father",  "ayatollah",  "hojatoleslam",
    "engineer",  "eng",        "eng.",     "hrh",      "his",     "her",        "gospodin",
    "gospozha",
};

// Name particles: kept for alignment, weigh little.
constexpr std::string_view kParticles[] = {
    "al", "el",  "ul",    "bin", "ibn",  "ben", "bint", "binti", "abu", "abou",
    "de", "del", "della", "der", "den",  "van", "von",  "da",    "di",  "du",
    "la", "le",  "dos",   "das", "y",    "of",  "and",  "the",   "und", "et",
    "e",  "zu",  "ter",   "ten", "ibni", "bte", "bt",
};

// Common abbreviations in company names, expanded before matching.
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"intl", "international"},
    {"int", "international"},
    {"natl", "national"},
    {"mfg", "manufacturing"},
    {"mfrs", "manufacturers"},
    {"ind", "industries"},
    {"inds", "industries"},
    {"indus", "industries"},
    {"tech", "technology"},
    {"techs", "technologies"},
    {"svcs", "services"},
    {"svc", "services"},
    {"grp", "group"},
    {"hldgs", "holdings"},
    {"hldg", "holding"},
    {"mgmt", "management"},
    {"assn", "association"},
    {"assoc", "association"},
    {"bros", "brothers"},
    {"dept", "department"},
    {"univ", "university"},
    {"inst", "institute"},
    {"engg", "engineering"},
    {"eng", "engineering"},
    {"intl", "international"},
    {"trdg", "trading"},
    {"imp", "import"},
    {"exp", "export"},
    {"st", "saint"},
    {"ste", "sainte"},
    {"mt", "mount"},
    {"ft", "fort"},
    {"organisation", "organization"},
    {"centre", "center"},
    {"defence", "defense"},
};

// Separated Arabic "servant of" compounds: "abd al aziz", "abdul aziz", "abdel aziz" and
// the joined "abdulaziz" all become "abdaziz"; "abdullah"/"abd allah" become "abdallah".
constexpr std::string_view kAbdPrefixes[] = {"abdul", "abdel", "abdal", "abdol", "abdil",
                                             "abdur", "abdus", "abdu",  "abd"};

bool IsParticle(std::string_view w) {
  return std::find(std::begin(kParticles), std::end(kParticles), w) != std::end(kParticles);
}

bool IsHonorific(std::string_view w) {
  return std::find(std::begin(kHonorifics), std::end(kHonorifics), w) != std::end(kHonorifics);
}

bool IsDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool IsRomanNumeral(std::string_view w) {
  static constexpr std::string_view kRoman[] = {"ii", "iii", "iv",  "vi",   "vii", "viii",
                                                "ix", "xi",  "xii", "xiii", "xiv", "xv"};
  return std::find(std::begin(kRoman), std::end(kRoman), w) != std::end(kRoman);
}

// Limited-liability and joint-stock families: a different form in the same family is a
// weaker conflict than one across families (docs/match.md#legal-forms).
std::string_view LegalFamily(std::string_view form) {
  static constexpr std::string_view kLimited[] = {"llc",     "ltd", "gmbh", "srl",  "sarl", "bv",
                                                  "sdn bhd", "llp", "fze",  "fzco", "kg"};
  static constexpr std::string_view kStock[] = {"jsc", "ag",  "sa",   "spa", "nv",
                                                "plc", "inc", "corp", "kk",  "ab",
                                                "oy",  "as",  "pt",   "sas", "lp"};
  // "Company" and "Corporation" are English generics that translate any form.
  if (form == "co" || form == "corp") return "generic";
  if (std::find(std::begin(kLimited), std::end(kLimited), form) != std::end(kLimited)) {
    return "limited";
  }
  if (std::find(std::begin(kStock), std::end(kStock), form) != std::end(kStock)) return "stock";
  return form;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    size_t start = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Length of the longest legal-form phrase starting at words[i] (0 if none), and its form.
struct SplitPhrase {
  std::vector<std::string_view> words;
  std::string_view canonical;
};

// kLegalForms split into words once, indexed by first word.
const std::unordered_map<std::string_view, std::vector<SplitPhrase>>& LegalFormsByFirstWord() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, std::vector<SplitPhrase>>();
    for (const Phrase& p : kLegalForms) {
      SplitPhrase sp{SplitWords(p.words), p.canonical};
      (*t)[sp.words.front()].push_back(std::move(sp));
    }
    return t;
  }();
  return *table;
}

size_t MatchLegalForm(const std::vector<std::string>& words, size_t i, std::string_view* form) {
  const auto& table = LegalFormsByFirstWord();
  auto it = table.find(words[i]);
  if (it == table.end()) return 0;
  size_t best = 0;
  for (const SplitPhrase& p : it->second) {
    if (p.words.size() <= best || i + p.words.size() > words.size()) continue;
    bool ok = true;
    for (size_t k = 1; k < p.words.size() && ok; ++k) ok = words[i + k] == p.words[k];
    if (ok) {
      best = p.words.size();
      *form = p.canonical;
    }
  }
  return best;
}

// English number words, so "Brigade Forty-Four", "Brigade Fourty 4" and "Brigade 44" meet:
// value of one word, or -1.
int NumberWordValue(std::string_view w) {
  static constexpr std::pair<std::string_view, int> kWords[] = {
      {"zero", 0},     {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},
      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},
      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14},
      {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19},
      {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fourty", 40},   {"fifty", 50},
      {"sixty", 60},   {"seventy", 70}, {"eighty", 80},    {"ninety", 90},   {"hundred", 100},
  };
  for (const auto& [word, value] : kWords) {
    if (w == word) return value;
  }
  return -1;
}

// Replaces runs of English number words (and a tens word followed by a digit, "forty 4")
// by their digits: "one hundred and twelve" -> "112". A lone "hundred" stays a word.
void FoldNumberWords(std::vector<std::string>* words) {
  std::vector<std::string> out;
  for (size_t i = 0; i < words->size();) {
    int value = NumberWordValue((*words)[i]);
    if (value < 0 || value == 100) {
      out.push_back(std::move((*words)[i]));
      ++i;
      continue;
    }
    size_t j = i + 1;
    auto next = [&](size_t k) { return k < words->size() ? NumberWordValue((*words)[k]) : -1; };
    auto digit = [&](size_t k) {
      return k < words->size() && (*words)[k].size() == 1 && (*words)[k][0] >= '1' &&
                     (*words)[k][0] <= '9'
                 ? (*words)[k][0] - '0'
                 : -1;
    };
    if (value < 10 && next(j) == 100) {  // "two hundred [and] [forty] [four]"
      value *= 100;
      ++j;
      size_t k = j < words->size() && (*words)[j] == "and" ? j + 1 : j;
      int rest = next(k);
      if (rest > 0 && rest < 100) {
        value += rest;
        j = k + 1;
      }
    }
    if (value % 100 >= 20 && value % 10 == 0) {  // "forty four", "forty 4"
      int unit = next(j) > 0 && next(j) < 10 ? next(j) : digit(j);
      if (unit > 0) {
        value += unit;
        ++j;
      }
    }
    out.push_back(std::to_string(value));
    i = j;
  }
  *words = std::move(out);
}

// Digits written for look-alike letters inside a word ("I9or Sech1n" for "Igor Sechin"):
// a digit between two letters becomes its letter (0 o, 1 i, 3 e, 4 a, 5 s, 7 t, 9 g). Words
// with digits elsewhere ("A320", "3M") or with other digits ("B2B") are left alone.
void FoldLeetDigits(std::string* w) {
  if (w->size() < 4) return;
  auto letter = [](char c) { return c >= 'a' && c <= 'z'; };
  static constexpr char kLetterOf[] = "oi-eas-t-g";  // 0..9; '-': not a look-alike
  bool any = false;
  for (size_t i = 0; i < w->size(); ++i) {
    char c = (*w)[i];
    if (c < '0' || c > '9') continue;
    if (i == 0 || i + 1 == w->size() || !letter((*w)[i - 1]) || !letter((*w)[i + 1]) ||
        kLetterOf[c - '0'] == '-') {
      return;
    }
    any = true;
  }
  if (!any) return;
  for (char& c : *w) {
    if (c >= '0' && c <= '9') c = kLetterOf[c - '0'];
  }
}

// Where a national legal form is used, as a few space-separated labels (one per legal
// system or language area); English and pan-national forms (LLC, Ltd, Inc, JSC, SA, AS) have
// none. "OOO" (Russia and its neighbours) and "Ltda." (Brazil, Portugal, Colombia) name
// companies of different countries, even though both are limited-liability forms.
std::string_view LegalJurisdiction(std::string_view phrase) {
  static constexpr std::pair<std::string_view, std::string_view> kTable[] = {
      {"obshchestvo s ogranichennoy otvetstvennostyu", "cis"},
      {"obshchestvo s ogranichennoi otvetstvennostiu", "cis"},
      {"publichnoe aktsionernoe obshchestvo", "cis"},
      {"aktsionernoe obshchestvo", "cis"},
      {"otkrytoe aktsionernoe obshchestvo", "cis"},
      {"zakrytoe aktsionernoe obshchestvo", "cis"},
      {"ooo", "cis"},
      {"o o o", "cis"},
      {"oao", "cis"},
      {"o a o", "cis"},
      {"zao", "cis"},
      {"z a o", "cis"},
      {"pao", "cis"},
      {"p a o", "cis"},
      {"too", "cis"},
      {"tovarystvo z obmezhenoyu vidpovidalnistyu", "ua"},
      {"tov", "ua"},
      {"prat", "ua"},
      {"pat", "ua"},
      {"gesellschaft mit beschrankter haftung", "de"},
      {"gmbh", "de"},
      {"g m b h", "de"},
      {"aktiengesellschaft", "de"},
      {"ag", "de"},
      {"a g", "de"},
      {"kg", "de"},
      {"gmbh co kg", "de"},
      {"societa a responsabilita limitata", "it"},
      {"societa per azioni", "it"},
      {"spa", "it"},
      {"s p a", "it"},
      {"srl", "it ro es"},
      {"s r l", "it ro es"},
      {"societatea cu raspundere limitata", "ro"},
      {"societe a responsabilite limitee", "fr"},
      {"sarl", "fr"},
      {"s a r l", "fr"},
      {"sas", "fr"},
      {"s a s", "fr"},
      {"suarl", "fr"},
      {"eurl", "fr"},
      {"sociedad de responsabilidad limitada", "es"},
      {"sociedad anonima", "es"},
      {"sociedad anonima cerrada", "es"},
      {"s de rl", "es"},
      {"sa de cv", "es"},
      {"sl", "es"},
      {"s l", "es"},
      {"sac", "es"},
      {"s a c", "es"},
      {"ltda", "pt es"},
      {"besloten vennootschap", "nl"},
      {"naamloze vennootschap", "nl"},
      {"bv", "nl"},
      {"b v", "nl"},
      {"nv", "nl"},
      {"n v", "nl"},
      {"pte ltd", "sg"},
      {"pte", "sg"},
      {"sendirian berhad", "my"},
      {"sdn bhd", "my"},
      {"bhd", "my"},
      {"perseroan terbatas", "id"},
      {"pt", "id"},
      {"p t", "id"},
      {"tbk", "id"},
      {"pvt ltd", "in"},
      {"pvt", "in"},
      {"spolka z ograniczona odpowiedzialnoscia", "pl"},
      {"spolka komandytowo akcyjna", "pl"},
      {"sp z o o", "pl"},
      {"sp zoo", "pl"},
      {"spzoo", "pl"},
      {"sp zoo ska", "pl"},
      {"zooska", "pl"},
      {"ska", "pl"},
      {"spj", "pl"},
      {"sp j", "pl"},
      {"doo", "yu"},
      {"d o o", "yu"},
      {"sro", "cz"},
      {"kft", "hu"},
      {"free zone establishment", "ae"},
      {"free zone company", "ae"},
      {"fze", "ae"},
      {"fzco", "ae"},
      {"fzc", "ae"},
      {"fz llc", "ae"},
      {"fzllc", "ae"},
      {"fz co", "ae"},
      {"kabushiki kaisha", "jp"},
      {"kk", "jp"},
      {"k k", "jp"},
      {"ab", "se"},
      {"a b", "se"},
      {"oy", "fi"},
      {"oyj", "fi"},
      {"limited sirketi", "tr"},
      {"anonim sirketi", "tr"},
      {"ltd sti", "tr"},
      {"sti", "tr"},
      {"shps", "al"},
      {"bm", "il"},
      {"kone pa ni li mi tet", "mm"},
      {"li mi tet", "mm"},
      {"kone pa ni", "mm"},
      {"kumpane lemitaat", "mm"},
  };
  for (const auto& [words, where] : kTable) {
    if (words == phrase) return where;
  }
  return "";
}

// Records the first legal form found: words[i, i + len) folded to `form`.
void SetLegalForm(const std::vector<std::string>& words, size_t i, size_t len,
                  std::string_view form, NormalizedName* out) {
  if (!out->legal_form.empty()) return;
  out->legal_form = std::string(form);
  out->legal_family = std::string(LegalFamily(form));
  std::string phrase;
  for (size_t k = i; k < i + len && k < words.size(); ++k) {
    if (!phrase.empty()) phrase.push_back(' ');
    phrase += words[k];
  }
  out->legal_jurisdiction = std::string(LegalJurisdiction(phrase));
}

// The Han characters of `utf8` in Simplified form ("" when there are none).
std::string HanCharacters(std::string_view utf8) {
  std::u32string han;
  size_t pos = 0;
  while (pos < utf8.size()) {
    char32_t cp = base::DecodeUtf8(utf8, &pos);
    if (model::ScriptOf(cp) == Script::kHan) han.push_back(cp);
  }
  if (han.empty()) return "";
  std::string simplified =
      internal::IcuTransliterate(internal::IcuTransform::kTraditionalSimplified, han);
  return simplified.empty() ? base::U32ToUtf8(han) : simplified;
}

}  // namespace

std::string_view CanonicalLegalForm(std::string_view romanized_phrase) {
  for (const Phrase& p : kLegalForms) {
    if (p.words == romanized_phrase) return p.canonical;
  }
  return "";
}

// Splits camel case in Latin letters ("SiemensAG" -> "Siemens AG", "JanDaniel" -> "Jan
// Daniel"): both sides of a comparison are split the same way, and the compact view still
// meets the unsplit spelling.
std::string SplitCamelCase(std::string_view s) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::string out;
  out.reserve(s.size() + 4);
  size_t word_start = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (!upper(c) && !lower(c)) word_start = i + 1;
    // Split only a Title-case word ("Jan", "Siemens") from what follows it: another Title
    // word ("JanDaniel") or a final all-capitals run of 2+ letters ("SiemensAG"). Random
    // casing ("caPitAL", "AIRLnNES") is left alone.
    if (i > word_start && upper(c) && lower(s[i - 1]) && upper(s[word_start])) {
      bool title_before = true;
      for (size_t k = word_start + 1; k < i; ++k) title_before = title_before && lower(s[k]);
      size_t j = i + 1;
      while (j < s.size() && upper(s[j])) ++j;
      // The next word is Title case with 2+ lower-case letters ("Daniel", not "Ie").
      bool next_title = j == i + 1 && j + 1 < s.size() && lower(s[j]) && lower(s[j + 1]);
      bool caps_tail = j - i >= 2 && (j == s.size() || (!lower(s[j]) && !upper(s[j])));
      if (title_before && i - word_start >= (caps_tail ? 4 : 3) && (next_title || caps_tail)) {
        out.push_back(' ');
        word_start = i;
      }
    }
    out.push_back(c);
  }
  return out;
}

namespace {

// Joins the Hebrew article written with a hyphen to its word ("Givat Ha-Rakafot" ->
// "Givat HaRakafot"): Hebrew script writes ה as a prefix (הרקפות), and Latin spellings
// also write it joined ("HaNegev", "HACARMEL").
std::string JoinHebrewArticle(std::string_view s) {
  auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    out.push_back(s[i]);
    bool word_start = i == 0 || !letter(s[i - 1]);
    if (word_start && i + 3 < s.size() && (s[i] == 'h' || s[i] == 'H') &&
        (s[i + 1] == 'a' || s[i + 1] == 'A') && s[i + 2] == '-' && letter(s[i + 3])) {
      out.push_back(s[i + 1]);
      i += 2;  // Skips the hyphen.
    }
  }
  return out;
}

}  // namespace

NormalizedName NormalizeName(std::string_view utf8, EntityKind kind) {
  NormalizedName out;
  Script script = model::DetectScript(utf8);
  out.romanized = NeedsRomanization(utf8) && script != Script::kLatin;
  out.abjad = script == Script::kArabic || script == Script::kHebrew;
  if (kind == EntityKind::kPerson && out.romanized &&
      (script == Script::kHan || script == Script::kKana)) {
    out.han = HanCharacters(utf8);
  }
  // Lists write persons "SURNAME, Given" ("PUTIN, Vladimir Vladimirovich"): read them in
  // written order so that positional rules (Arabic nasab) see the name as spoken.
  std::string reordered;
  if (kind == EntityKind::kPerson) {
    size_t comma = utf8.find(',');
    if (comma != std::string_view::npos && utf8.find(',', comma + 1) == std::string_view::npos &&
        comma > 0 && comma + 1 < utf8.size()) {
      reordered = std::string(utf8.substr(comma + 1)) + " " + std::string(utf8.substr(0, comma));
      utf8 = reordered;
    }
  }
  std::string roman = Romanize(
      SplitCamelCase(kind == EntityKind::kPerson ? std::string(utf8) : JoinHebrewArticle(utf8)));
  std::vector<std::string> words;
  for (std::string_view w : SplitWords(roman)) words.emplace_back(w);
  const bool person = kind == EntityKind::kPerson;
  const bool maybe_person = person || kind == EntityKind::kUnknown;

  // 1. Legal forms: whole multi-word phrases anywhere; single words only at either end. A
  // person has none ("Chao Wei" keeps its "chao", which is also Ukrainian ЧАО).
  std::vector<std::string> kept;
  for (size_t i = 0; i < words.size();) {
    std::string_view form;
    size_t len = person ? 0 : MatchLegalForm(words, i, &form);
    bool at_edge = i == 0 || i + len == words.size();
    // Spelled-out initials ("p t", "s a r l") are a legal form only at an edge of the name
    // and not inside a longer run of initials ("a b c" is a name).
    bool letters = len >= 2;
    for (size_t k = 0; k < len && letters; ++k) letters = words[i + k].size() == 1;
    bool multiword = len >= 2 && !letters;
    if (letters) {
      bool run_before = i > 0 && words[i - 1].size() == 1;
      bool run_after = i + len < words.size() && words[i + len].size() == 1;
      if (run_before || run_after) len = 0;
    }
    // A name that is only a legal form ("LLC") has no name words at all.
    if (len > 0 && len == words.size()) {
      SetLegalForm(words, i, len, form, &out);
      return out;
    }
    if (len > 0 && (multiword || at_edge)) {
      SetLegalForm(words, i, len, form, &out);
      i += len;
      continue;
    }
    kept.push_back(std::move(words[i]));
    ++i;
  }
  words = std::move(kept);
  // Generic business words in any language to canonical English ("gvino" -> "wine").
  if (!person) internal::FoldGenericWords(&words, out.romanized);
  // Removing one legal form can expose another at the new edge ("Tactical Missiles
  // Corporation Joint Stock Company"): peel single-word forms off both ends.
  while (words.size() >= 2 && !person) {
    std::string_view form;
    if (MatchLegalForm(words, words.size() - 1, &form) == 1) {
      SetLegalForm(words, words.size() - 1, 1, form, &out);
      words.pop_back();
    } else if (MatchLegalForm(words, 0, &form) == 1) {
      SetLegalForm(words, 0, 1, form, &out);
      words.erase(words.begin());
    } else {
      break;
    }
  }

  // 2. Runs of single letters: initials for persons, one word otherwise ("a b c" -> "abc").
  // Such a word is never a title, even if it spells one ("M.M.E." is not "Mme").
  std::vector<std::string> from_initials;
  if (!person) {
    std::vector<std::string> merged;
    for (size_t i = 0; i < words.size();) {
      size_t j = i;
      while (j < words.size() && words[j].size() == 1 && !IsDigits(words[j])) ++j;
      if (j - i >= 2) {
        std::string joined;
        for (size_t k = i; k < j; ++k) joined += words[k];
        from_initials.push_back(joined);
        merged.push_back(std::move(joined));
        i = j;
      } else {
        merged.push_back(std::move(words[i]));
        ++i;
      }
    }
    words = std::move(merged);
  }

  // Vessel designations ("MV Hellenic Spirit").
  if (kind != EntityKind::kPerson && words.size() >= 3 &&
      std::find(std::begin(kVesselPrefixes), std::end(kVesselPrefixes), words[0]) !=
          std::end(kVesselPrefixes)) {
    words.erase(words.begin());
  }

  auto is_title = [&](const std::string& w) {
    return IsHonorific(w) &&
           std::find(from_initials.begin(), from_initials.end(), w) == from_initials.end();
  };
  // A name made only of titles ("Mr", "Sheikh") names nobody.
  if (maybe_person && !words.empty() && std::all_of(words.begin(), words.end(), is_title)) {
    return out;
  }

  if (!person) FoldNumberWords(&words);

  // 3. Honorifics (persons and unknown kinds), abbreviations, Arabic compounds, roles.
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = words[i];
    FoldLeetDigits(&w);
    if (maybe_person && is_title(w) && words.size() > 1) continue;
    if (!person) {
      for (const auto& [abbr, full] : kAbbreviations) {
        if (w == abbr) {
          w = std::string(full);
          break;
        }
      }
    }
    // "abd al aziz" / "abdul aziz" / "abdulaziz" -> "abdaziz".
    bool abd_done = false;
    for (std::string_view prefix : kAbdPrefixes) {
      if (w == prefix && i + 1 < words.size()) {
        size_t next = i + 1;
        if (IsParticle(words[next]) && next + 1 < words.size() &&
            (words[next] == "al" || words[next] == "el" || words[next] == "ul")) {
          ++next;
        }
        std::string rest = words[next];
        if (rest == "lah" || rest == "llah" || rest == "ullah" || rest == "allah" ||
            rest == "ellah" || rest == "ulla" || rest == "alla") {
          rest = "allah";
        }
        w = "abd" + rest;
        i = next;
        abd_done = true;
        break;
      }
      if (w.size() > prefix.size() + 2 && w.compare(0, prefix.size(), prefix) == 0 &&
          prefix != "abdu" && prefix != "abd") {
        std::string rest = w.substr(prefix.size());
        if (rest == "lah" || rest == "llah") rest = "allah";
        w = "abd" + rest;
        abd_done = true;
        break;
      }
    }
    if (!abd_done && (w == "abdullah" || w == "abdallah" || w == "abdellah" || w == "abdalla" ||
                      w == "abdulla")) {
      w = "abdallah";
    }
    NameToken t;
    if (IsDigits(w) || IsRomanNumeral(w)) {
      t.role = TokenRole::kNumber;
    } else if (IsParticle(w) && words.size() > 1) {
      t.role = TokenRole::kParticle;
      if (w == "ibn" || w == "ben" || w == "ibni") w = "bin";
      if (w == "el" || w == "ul") w = "al";
    } else if (person && w.size() == 1) {
      t.role = TokenRole::kInitial;
    }
    t.key = t.role == TokenRole::kWord ? FoldSpelling(w) : w;
    t.given_name = maybe_person && t.role == TokenRole::kWord && IsKnownGivenName(w);
    t.text = std::move(w);
    out.tokens.push_back(std::move(t));
    if (out.tokens.size() == kMaxTokens) break;
  }
  return out;
}

}  // namespace interdict::normalize
