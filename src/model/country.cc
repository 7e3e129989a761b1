// Country resolution: a fixed table (model/country_table.inc) looked up by normalized key.
//
// Normalizing folds a name to its words: Latin accents to ASCII, upper case, punctuation and
// spaces as word breaks, apostrophes dropped ("People's" = "PEOPLES"), "&" read as "and", and
// the words "THE", "AND", "OF" dropped; "ST" reads as "SAINT" inside a longer name. The key is
// the words joined, so "Côte d'Ivoire", "COTE D IVOIRE" and "Cote d'Ivoire" share one key.
// Text with letters outside Latin (Cyrillic, Arabic, ...) is not resolved.
//
// The index (sorted keys) is built once, on first use, from the table; after that every call
// only reads it. A call works in stack buffers and does not allocate.
#include "model/country.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "base/text.h"

namespace interdict::model {
namespace country_internal {
namespace {

#include "model/country_table.inc"

static_assert(std::is_sorted(std::begin(kCountryRows), std::end(kCountryRows),
                             [](const CountryRow& a, const CountryRow& b) {
                               return a.iso2 < b.iso2;
                             }),
              "kCountryRows must be sorted by iso2 (CountryName binary-searches it)");

// Country fields are short; longer text is a note or several countries and is not resolved.
constexpr size_t kMaxInputBytes = 256;
constexpr size_t kMaxTokens = 48;

// Latin-1 Supplement U+00C0..U+00FF folded to ASCII: '*' is a two-letter fold (Æ, Þ, ß) and
// ' ' a symbol (×, ÷).
constexpr std::string_view kLatin1Fold =
    "AAAAAA*CEEEEIIII"
    "DNOOOOO OUUUUY**"
    "AAAAAA*CEEEEIIII"
    "DNOOOOO OUUUUY*Y";
// Latin Extended-A U+0100..U+017F folded to ASCII: '*' is a two-letter fold (Ĳ, Œ).
constexpr std::string_view kLatinExtAFold =
    "AAAAAACCCCCCCCDDDDEEEEEEEEEEGGGGGGGGHHHHIIIIIIIIII**JJKKKLLLLLLLLLLNNNNNNNNNOOOOOO**RRRRRR"
    "SSSSSSSSTTTTTTUUUUUUUUUUUUWWYYYZZZZZZS";
static_assert(kLatin1Fold.size() == 0x40);
static_assert(kLatinExtAFold.size() == 0x80);

enum class CharClass : uint8_t {
  kLetters,      // *letters holds the ASCII fold
  kApostrophe,   // dropped inside a word
  kAmpersand,    // the word AND
  kBreak,        // , ( ) . ; [ ]: a word break that also marks structure
  kSeparator,    // space, hyphen, other symbols: a word break
  kUnsupported,  // a letter we cannot fold, or an invalid byte: the text is not resolved
};

CharClass Classify(char32_t cp, std::string_view* letters) {
  static constexpr std::string_view kAscii = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  static constexpr std::string_view kDigits = "0123456789";
  if (cp < 0x80) {
    if (cp >= 'a' && cp <= 'z') cp -= 'a' - 'A';
    if (cp >= 'A' && cp <= 'Z') {
      *letters = kAscii.substr(cp - 'A', 1);
      return CharClass::kLetters;
    }
    if (cp >= '0' && cp <= '9') {
      *letters = kDigits.substr(cp - '0', 1);
      return CharClass::kLetters;
    }
    switch (static_cast<char>(cp)) {
      case '\'':
      case '`':
        return CharClass::kApostrophe;
      case '&':
        return CharClass::kAmpersand;
      case ',':
      case '(':
      case ')':
      case '.':
      case ';':
      case '[':
      case ']':
        return CharClass::kBreak;
      default:
        return CharClass::kSeparator;
    }
  }
  if (cp >= 0xC0 && cp <= 0xFF) {
    switch (cp) {
      case 0xC6:
      case 0xE6:
        *letters = "AE";
        return CharClass::kLetters;
      case 0xDE:
      case 0xFE:
        *letters = "TH";
        return CharClass::kLetters;
      case 0xDF:
        *letters = "SS";
        return CharClass::kLetters;
      default:
        break;
    }
    const size_t i = cp - 0xC0;
    if (kLatin1Fold[i] == ' ') return CharClass::kSeparator;
    *letters = kLatin1Fold.substr(i, 1);
    return CharClass::kLetters;
  }
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x132 || cp == 0x133) {
      *letters = "IJ";
    } else if (cp == 0x152 || cp == 0x153) {
      *letters = "OE";
    } else {
      *letters = kLatinExtAFold.substr(cp - 0x100, 1);
    }
    return CharClass::kLetters;
  }
  if (cp >= 0x218 && cp <= 0x21B) {  // Romanian comma-below Ș ș Ț ț
    *letters = cp < 0x21A ? "S" : "T";
    return CharClass::kLetters;
  }
  if (cp == 0xB4 || cp == 0x2BB || cp == 0x2BC || cp == 0x2018 || cp == 0x2019) {
    return CharClass::kApostrophe;
  }
  if ((cp >= 0xA0 && cp <= 0xBF) || (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
      cp == 0xFEFF) {
    return CharClass::kSeparator;  // no-break space, dashes, quotes, BOM, ...
  }
  return CharClass::kUnsupported;
}

// A word (upper-case ASCII letters and digits) or a structure mark.
struct Token {
  std::string_view word;
  char mark = 0;  // 0 for a word, else the break character
};

// The text split into tokens. Words point into `chars`, so a Tokens is not copyable.
class Tokens {
 public:
  Tokens() = default;
  Tokens(const Tokens&) = delete;
  Tokens& operator=(const Tokens&) = delete;

  // False when the text cannot be resolved (unsupported letters or too many tokens).
  bool Parse(std::string_view text) {
    size_t pos = 0;
    size_t word_start = 0;
    while (pos < text.size()) {
      std::string_view letters;
      const CharClass cls = Classify(base::DecodeUtf8(text, &pos), &letters);
      switch (cls) {
        case CharClass::kLetters:
          if (used_ + letters.size() > chars_.size()) return false;
          std::copy(letters.begin(), letters.end(), chars_.begin() + used_);
          used_ += letters.size();
          continue;
        case CharClass::kApostrophe:
          continue;
        case CharClass::kUnsupported:
          return false;
        default:
          break;
      }
      if (!EndWord(&word_start)) return false;
      if (cls == CharClass::kAmpersand && !Push({"AND", 0})) return false;
      if (cls == CharClass::kBreak && !Push({{}, text[pos - 1]})) return false;
    }
    return EndWord(&word_start);
  }

  size_t size() const { return size_; }
  const Token& operator[](size_t i) const { return tokens_[i]; }

 private:
  bool EndWord(size_t* word_start) {
    if (used_ == *word_start) return true;
    const bool ok = Push({std::string_view(chars_.data() + *word_start, used_ - *word_start), 0});
    *word_start = used_;
    return ok;
  }
  bool Push(Token token) {
    if (size_ == tokens_.size()) return false;
    tokens_[size_++] = token;
    return true;
  }

  std::array<char, kMaxInputBytes> chars_;  // folding never lengthens the UTF-8 input
  size_t used_ = 0;
  std::array<Token, kMaxTokens> tokens_;
  size_t size_ = 0;
};

// The words of a candidate reading, stopwords already dropped.
struct Words {
  std::array<std::string_view, kMaxTokens> items;
  size_t size = 0;

  void Append(std::string_view word) {
    if (word == "THE" || word == "AND" || word == "OF") return;
    if (size < items.size()) items[size++] = word;
  }
  // Appends the words of tokens[begin, end).
  void AppendTokens(const Tokens& tokens, size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      if (tokens[i].mark == 0) Append(tokens[i].word);
    }
  }
  Words Suffix(size_t from) const {
    Words out;
    for (size_t i = from; i < size; ++i) out.items[out.size++] = items[i];
    return out;
  }
};

// Joins the words into `buffer`; "ST" reads as "SAINT" when it is not the whole name.
std::string_view KeyOf(const Words& words, std::array<char, 2 * kMaxInputBytes>* buffer) {
  size_t used = 0;
  for (size_t i = 0; i < words.size; ++i) {
    std::string_view word = words.items[i];
    if (word == "ST" && words.size > 1) word = "SAINT";
    if (used + word.size() > buffer->size()) return {};
    std::copy(word.begin(), word.end(), buffer->begin() + used);
    used += word.size();
  }
  return std::string_view(buffer->data(), used);
}

struct IndexEntry {
  std::string key;
  std::string_view iso2;
};

struct Index {
  std::vector<IndexEntry> codes;  // alpha-2 and alpha-3, upper case
  std::vector<IndexEntry> names;  // normalized keys of names and aliases
};

bool KeyLess(const IndexEntry& a, const IndexEntry& b) { return a.key < b.key; }

void SortAndDedupe(std::vector<IndexEntry>* entries) {
  // Stable, so a key listed twice keeps its first code; country_test checks that every alias
  // resolves to its own code, which fails on such a conflict.
  std::stable_sort(entries->begin(), entries->end(), KeyLess);
  entries->erase(
      std::unique(entries->begin(), entries->end(),
                  [](const IndexEntry& a, const IndexEntry& b) { return a.key == b.key; }),
      entries->end());
}

void AddName(std::string_view text, std::string_view iso2, std::vector<IndexEntry>* names) {
  Tokens tokens;
  if (!tokens.Parse(text)) return;
  Words words;
  words.AppendTokens(tokens, 0, tokens.size());
  std::array<char, 2 * kMaxInputBytes> buffer;
  const std::string_view key = KeyOf(words, &buffer);
  if (!key.empty()) names->push_back({std::string(key), iso2});
}

Index BuildIndex() {
  Index index;
  for (const CountryRow& row : kCountryRows) {
    index.codes.push_back({std::string(row.iso2), row.iso2});
    index.codes.push_back({std::string(row.iso3), row.iso2});
    AddName(row.name, row.iso2, &index.names);
  }
  for (const CountryAlias& alias : kCountryAliases) AddName(alias.text, alias.iso2, &index.names);
  SortAndDedupe(&index.codes);
  SortAndDedupe(&index.names);
  return index;
}

const Index& GetIndex() {
  static const Index index = BuildIndex();  // thread-safe initialization; read-only afterwards
  return index;
}

std::string_view Find(const std::vector<IndexEntry>& entries, std::string_view key) {
  if (key.empty()) return "";
  auto it = std::lower_bound(entries.begin(), entries.end(), key,
                             [](const IndexEntry& e, std::string_view k) { return e.key < k; });
  return it != entries.end() && it->key == key ? it->iso2 : std::string_view();
}

// A bare 2- or 3-letter code in capitals or in lower case; "Mr" or "Is" in mixed case is a
// word, not a code. "na" is not Namibia: lists write "na" and "n/a" for "not available" (UN
// nationality "na"), so "NA" is Namibia only in capitals.
std::string_view FindBareCode(std::string_view text) {
  if (text.size() < 2 || text.size() > 3) return "";
  std::array<char, 3> upper{};
  size_t lower_count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      upper[i] = c;
    } else if (c >= 'a' && c <= 'z') {
      upper[i] = static_cast<char>(c - 'a' + 'A');
      ++lower_count;
    } else {
      return "";
    }
  }
  if (lower_count != 0 && lower_count != text.size()) return "";
  const std::string_view code(upper.data(), text.size());
  if (code == "NA" && lower_count != 0) return "";
  return Find(GetIndex().codes, code);
}

// Looks the words up as a name, then without a leading qualifier that does not change the
// country: "Region: Gaza", "Republic of Moldova", "Former German Democratic Republic".
std::string_view FindWords(const Words& words) {
  std::array<char, 2 * kMaxInputBytes> buffer;
  for (size_t first = 0; first < words.size; ++first) {
    std::string_view iso2 = Find(GetIndex().names, KeyOf(words.Suffix(first), &buffer));
    if (!iso2.empty()) return iso2;
    const std::string_view word = words.items[first];
    if (word != "REGION" && word != "REPUBLIC" && word != "FORMER") break;
  }
  return "";
}

// A parenthesis or trailing clause that annotates the country before it rather than naming
// another one: "Russia (former USSR)", "Iraq (previous address)", "Russia (USSR)".
bool IsAnnotation(std::string_view word) {
  return word == "FORMER" || word == "FORMERLY" || word == "PREVIOUS" || word == "PREVIOUSLY" ||
         word == "AS" || word == "USSR";
}

std::string_view Resolve(const Tokens& tokens) {
  Words all;
  all.AppendTokens(tokens, 0, tokens.size());
  if (std::string_view iso2 = FindWords(all); !iso2.empty()) return iso2;

  // "(1) Russia (2) Ukraine" enumerates several countries; the parser splits it first.
  for (size_t i = 1; i < tokens.size(); ++i) {
    if (tokens[i - 1].mark == '(' && tokens[i].mark == 0 &&
        tokens[i].word.find_first_not_of("0123456789") == std::string_view::npos) {
      return "";
    }
  }

  // First structure mark that follows a word.
  size_t split = 0;
  while (split < tokens.size() && tokens[split].mark == 0) ++split;
  const bool has_split = split > 0 && split < tokens.size();
  Words head;
  Words tail;
  if (has_split) {
    head.AppendTokens(tokens, 0, split);
    tail.AppendTokens(tokens, split + 1, tokens.size());
    // Lists invert the name around a comma or parenthesis: "Korea, North",
    // "Iran (Islamic Republic of)", "Congo (Democratic Republic)".
    const char mark = tokens[split].mark;
    if ((mark == ',' || mark == '(') && tail.size > 0) {
      Words rotated = tail;
      for (size_t i = 0; i < head.size; ++i) rotated.Append(head.items[i]);
      if (std::string_view iso2 = FindWords(rotated); !iso2.empty()) return iso2;
    }
  }

  // "USSR (now Russian Federation)", "Former USSR, currently Belarus": the current country.
  for (size_t i = all.size; i-- > 0;) {
    if (all.items[i] == "NOW" || all.items[i] == "CURRENTLY") {
      if (i + 1 < all.size) return FindWords(all.Suffix(i + 1));
      break;
    }
  }

  // "Russia (former USSR)", "Ukrainian SSR (Ukraine)"; "Estonia, Russia" names two countries
  // and stays unresolved.
  if (has_split) {
    const std::string_view iso2 = FindWords(head);
    if (!iso2.empty() &&
        (tail.size == 0 || IsAnnotation(tail.items[0]) || FindWords(tail) == iso2)) {
      return iso2;
    }
  }
  return "";
}

}  // namespace
}  // namespace country_internal

std::string_view CountryToIso2(std::string_view text) {
  text = base::Trim(text);
  if (text.empty() || text.size() > country_internal::kMaxInputBytes) return "";
  if (std::string_view iso2 = country_internal::FindBareCode(text); !iso2.empty()) return iso2;
  country_internal::Tokens tokens;
  if (!tokens.Parse(text)) return "";
  return country_internal::Resolve(tokens);
}

std::string_view CountryName(std::string_view iso2) {
  using country_internal::CountryRow;
  using country_internal::kCountryRows;
  if (iso2.size() != 2) return "";
  const std::array<char, 2> upper = {
      static_cast<char>(iso2[0] >= 'a' && iso2[0] <= 'z' ? iso2[0] - 'a' + 'A' : iso2[0]),
      static_cast<char>(iso2[1] >= 'a' && iso2[1] <= 'z' ? iso2[1] - 'a' + 'A' : iso2[1])};
  const std::string_view code(upper.data(), upper.size());
  const CountryRow* it =
      std::lower_bound(std::begin(kCountryRows), std::end(kCountryRows), code,
                       [](const CountryRow& row, std::string_view c) { return row.iso2 < c; });
  return it != std::end(kCountryRows) && it->iso2 == code ? it->name : std::string_view();
}

}  // namespace interdict::model
