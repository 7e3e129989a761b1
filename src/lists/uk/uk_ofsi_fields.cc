#include "lists/uk/uk_ofsi_fields.h"

#include <algorithm>
#include <array>

#include "base/text.h"
#include "lists/common.h"
#include "model/date.h"
#include "model/script.h"

namespace interdict::lists::uk_ofsi_internal {
namespace {

constexpr std::string_view kEnDash = "\xE2\x80\x93";  // U+2013
constexpr std::string_view kEmDash = "\xE2\x80\x94";  // U+2014

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || IsUpper(c) || IsLower(c); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Trims and drops trailing ".,;" (with the spaces between them); "-" and dashes mean "none".
std::string_view CleanItem(std::string_view s) {
  s = base::Trim(s);
  while (!s.empty() && (s.back() == '.' || s.back() == ',' || s.back() == ';')) {
    s = base::Trim(s.substr(0, s.size() - 1));
  }
  if (s == "-" || s == kEnDash || s == kEmDash) return {};
  return s;
}

// Reads up to two digits at s[*i]; false when there are none or more than two.
bool ReadSmallNumber(std::string_view s, size_t* i, int* out) {
  size_t start = *i;
  int v = 0;
  while (*i < s.size() && IsDigit(s[*i])) {
    if (*i - start < 3) v = v * 10 + (s[*i] - '0');  // no overflow on a long digit run
    ++*i;
  }
  size_t digits = *i - start;
  if (digits == 0 || digits > 2) return false;
  *out = v;
  return true;
}

// Parses "(n)" or "(n-m)" starting at s[pos].
bool ParseMarker(std::string_view s, size_t pos, int* first, int* last, size_t* end) {
  if (pos >= s.size() || s[pos] != '(') return false;
  size_t i = pos + 1;
  int a = 0;
  if (!ReadSmallNumber(s, &i, &a)) return false;
  int b = a;
  if (i < s.size() && s[i] == '-') {
    ++i;
    if (!ReadSmallNumber(s, &i, &b)) return false;
  }
  if (i >= s.size() || s[i] != ')' || a < 1 || b < a) return false;
  *first = a;
  *last = b;
  *end = i + 1;
  return true;
}

int MaxIndex(const std::vector<NumberedItem>& items) {
  int n = 0;
  for (const NumberedItem& it : items) n = std::max(n, it.last);
  return n;
}

constexpr std::array<std::string_view, 19> kKnownTags = {
    "UK Sanctions List Ref",
    "UK Statement of Reasons",
    "UN Ref",
    "Gender",
    "Phone number",
    "Website",
    "Email address",
    "Type of entity",
    "Business Reg No",
    "Parent company",
    "Subsidiaries",
    "IMO number",
    "Current owners",
    "Flag of ship",
    "Previous flags",
    "Type of ship",
    "Tonnage of ship",
    "Length of ship",
    "Year built",
};

bool IsKnownTag(std::string_view tag) {
  tag = base::Trim(tag);
  return std::any_of(kKnownTags.begin(), kKnownTags.end(),
                     [&](std::string_view k) { return base::EqualsIgnoreCase(tag, k); });
}

// Words that end with a period without ending a name in a list ("St. Petersburg").
bool IsAbbreviation(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kAbbrev = {
      "St", "Mr", "Mrs", "Ms", "Dr", "Jr", "Sr", "Nr", "No", "Str", "Ave", "Prof"};
  if (word.size() <= 1) return true;                          // an initial: "M."
  if (word.find('.') != std::string_view::npos) return true;  // "S.A."
  return std::any_of(kAbbrev.begin(), kAbbrev.end(),
                     [&](std::string_view a) { return base::EqualsIgnoreCase(word, a); });
}

// Starts a name: an upper-case ASCII letter, a digit, or a non-ASCII byte (Cyrillic, ...).
bool StartsName(char c) {
  return IsUpper(c) || IsDigit(c) || static_cast<unsigned char>(c) >= 0x80;
}

// Splits one unnumbered text into names at ". X" / "; X" outside parentheses.
void SplitSentences(std::string_view s, std::vector<std::string_view>* out) {
  size_t start = 0;
  int depth = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    if (c == '\n' && depth == 0) {
      std::string_view part = CleanItem(s.substr(start, i - start));
      if (!part.empty()) out->push_back(part);
      start = i + 1;
      continue;
    }
    if (depth != 0 || (c != '.' && c != ';')) continue;
    size_t j = i + 1;
    if (j >= s.size() || !IsSpace(s[j])) continue;
    while (j < s.size() && IsSpace(s[j])) ++j;
    if (j >= s.size() || !StartsName(s[j])) continue;
    if (c == '.') {
      size_t ws = i;
      while (ws > start && !IsSpace(s[ws - 1])) --ws;
      if (IsAbbreviation(s.substr(ws, i - ws))) continue;
    }
    std::string_view part = CleanItem(s.substr(start, i - start));
    if (!part.empty()) out->push_back(part);
    start = j;
  }
  std::string_view part = CleanItem(s.substr(start));
  if (!part.empty()) out->push_back(part);
}

// Splits on any of `seps` (single bytes) and on " and "; trims; drops empty parts.
std::vector<std::string_view> SplitAnyOf(std::string_view s, std::string_view seps) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    bool cut = i == s.size() || seps.find(s[i]) != std::string_view::npos;
    size_t skip = 1;
    if (!cut && i + 5 <= s.size() && base::EqualsIgnoreCase(s.substr(i, 5), " and ")) {
      cut = true;
      skip = 5;
    }
    if (!cut) continue;
    std::string_view part = base::Trim(s.substr(start, i - start));
    if (!part.empty()) out.push_back(part);
    start = i + skip;
    i = start - 1;
  }
  return out;
}

size_t CountLetters(std::string_view s) {
  size_t n = 0;
  size_t pos = 0;
  while (pos < s.size()) {
    char c = s[pos];
    if (static_cast<unsigned char>(c) >= 0x80) {
      base::DecodeUtf8(s, &pos);
      ++n;
      continue;
    }
    if (IsUpper(c) || IsLower(c)) ++n;
    ++pos;
  }
  return n;
}

// Resolves a candidate country text from identifier details, refusing short words.
std::string CandidateCountry(std::string_view candidate) {
  candidate = CleanItem(candidate);
  if (candidate.empty()) return {};
  bool short_ok =
      candidate == "UK" || candidate == "US" || candidate == "USA" || candidate == "UAE";
  if (!short_ok && CountLetters(candidate) < 4) return {};
  return CountryCode(candidate);
}

// The end of the leading segment of identifier details: the first of ".,;:()" or a dash
// between spaces.
size_t SegmentEnd(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == ')') return i;
    if (c == ' ' && i + 2 < s.size() && s[i + 1] == '-' && s[i + 2] == ' ') return i;
    if (c == ' ' && s.substr(i + 1, kEnDash.size()) == kEnDash) return i;
  }
  return s.size();
}

// Tries the leading words of `s` (longest first, at most six) as a country.
std::string LeadingWordsCountry(std::string_view s) {
  std::string_view seg = base::Trim(s.substr(0, SegmentEnd(s)));
  std::vector<size_t> word_ends;
  for (size_t i = 0; i <= seg.size() && word_ends.size() < 6; ++i) {
    if (i == seg.size() || seg[i] == ' ') {
      if (i > 0 && seg[i - 1] != ' ') word_ends.push_back(i);
    }
  }
  for (size_t k = word_ends.size(); k > 0; --k) {
    std::string code = CandidateCountry(seg.substr(0, word_ends[k - 1]));
    if (!code.empty()) return code;
  }
  return {};
}

// Tries the inside of a parenthesis, and its parts around dashes and commas.
std::string ParenthesisCountry(std::string_view inner) {
  std::string code = CandidateCountry(inner);
  if (!code.empty()) return code;
  size_t pos = 0;
  while (pos < inner.size()) {
    size_t end = SegmentEnd(inner.substr(pos));
    std::string_view part = inner.substr(pos, end);
    code = CandidateCountry(part);
    if (!code.empty()) return code;
    pos += end + 1;
    while (pos < inner.size() && (inner[pos] == ' ' || inner[pos] == '-')) ++pos;
    if (pos < inner.size() && inner.substr(pos, kEnDash.size()) == kEnDash) {
      pos += kEnDash.size();
    }
  }
  return {};
}

struct LanguageEntry {
  std::string_view name;
  std::string_view code;
};

constexpr LanguageEntry kLanguages[] = {
    {"albanian", "sq"},    {"amharic", "am"},    {"arabic", "ar"},     {"armenian", "hy"},
    {"azerbaijani", "az"}, {"azeri", "az"},      {"belarusian", "be"}, {"belarussian", "be"},
    {"bengali", "bn"},     {"bosnian", "bs"},    {"bulgarian", "bg"},  {"burmese", "my"},
    {"chechen", "ce"},     {"chinese", "zh"},    {"croatian", "hr"},   {"czech", "cs"},
    {"dutch", "nl"},       {"english", "en"},    {"estonian", "et"},   {"farsi", "fa"},
    {"finnish", "fi"},     {"french", "fr"},     {"georgian", "ka"},   {"german", "de"},
    {"greek", "el"},       {"hausa", "ha"},      {"hebrew", "he"},     {"hindi", "hi"},
    {"hungarian", "hu"},   {"indonesian", "id"}, {"italian", "it"},    {"japanese", "ja"},
    {"kazakh", "kk"},      {"khmer", "km"},      {"korean", "ko"},     {"kurdish", "ku"},
    {"kyrgyz", "ky"},      {"lao", "lo"},        {"latvian", "lv"},    {"lithuanian", "lt"},
    {"macedonian", "mk"},  {"malay", "ms"},      {"mandarin", "zh"},   {"mongolian", "mn"},
    {"pashto", "ps"},      {"persian", "fa"},    {"polish", "pl"},     {"portuguese", "pt"},
    {"romanian", "ro"},    {"russian", "ru"},    {"serbian", "sr"},    {"slovak", "sk"},
    {"slovenian", "sl"},   {"somali", "so"},     {"spanish", "es"},    {"swahili", "sw"},
    {"swedish", "sv"},     {"tagalog", "tl"},    {"tajik", "tg"},      {"tamil", "ta"},
    {"tatar", "tt"},       {"thai", "th"},       {"tigrinya", "ti"},   {"turkish", "tr"},
    {"turkmen", "tk"},     {"ukrainian", "uk"},  {"urdu", "ur"},       {"uyghur", "ug"},
    {"uzbek", "uz"},       {"vietnamese", "vi"},
};

constexpr std::array<std::string_view, 17> kRegionWords = {
    "province", "provinces",   "region", "oblast",     "governorate", "prefecture",
    "state",    "krai",        "kray",   "territory",  "district",    "county",
    "republic", "countryside", "areas",  "autonomous", "okrug"};

// The non-empty trimmed `parts` joined with `sep` (lists::JoinNonEmpty does not trim).
std::string JoinTrimmedNonEmpty(std::initializer_list<std::string_view> parts,
                                std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    p = base::Trim(p);
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

}  // namespace

std::vector<NumberedItem> SplitNumbered(std::string_view cell) {
  std::string_view s = base::Trim(cell);
  std::vector<NumberedItem> raw;
  int first = 0;
  int last = 0;
  size_t end = 0;
  if (!ParseMarker(s, 0, &first, &last, &end)) {
    raw.push_back(NumberedItem{0, 0, CleanItem(s)});
    return raw;
  }
  while (true) {
    // The next marker continues the sequence (n+1), or ends a range "(1) to (6)".
    size_t next = std::string_view::npos;
    int next_first = 0;
    int next_last = 0;
    size_t next_end = 0;
    for (size_t p = s.find('(', end); p != std::string_view::npos; p = s.find('(', p + 1)) {
      if (!ParseMarker(s, p, &next_first, &next_last, &next_end)) continue;
      bool range_to = next_first > last && p - end <= 8 &&
                      base::EqualsIgnoreCase(base::Trim(s.substr(end, p - end)), "to");
      if (next_first == last + 1 || range_to) {
        next = p;
        break;
      }
    }
    std::string_view text = s.substr(end, (next == std::string_view::npos ? s.size() : next) - end);
    raw.push_back(NumberedItem{first, last, CleanItem(text)});
    if (next == std::string_view::npos) break;
    first = next_first;
    last = next_last;
    end = next_end;
  }
  // "(1) to (6) Algeria": the "to" item opens a range that the next item closes.
  std::vector<NumberedItem> out;
  out.reserve(raw.size());
  for (size_t i = 0; i < raw.size(); ++i) {
    if (i + 1 < raw.size() && base::EqualsIgnoreCase(raw[i].text, "to")) {
      raw[i + 1].first = raw[i].first;
      continue;
    }
    out.push_back(raw[i]);
  }
  return out;
}

std::string_view ItemAt(const std::vector<NumberedItem>& items, int i) {
  for (const NumberedItem& it : items) {
    if (it.first == 0 || (it.first <= i && i <= it.last)) return it.text;
  }
  return {};
}

std::vector<std::pair<std::string_view, std::string_view>> PairNumbered(
    const std::vector<NumberedItem>& a, const std::vector<NumberedItem>& b) {
  std::vector<std::pair<std::string_view, std::string_view>> out;
  auto add = [&](std::string_view x, std::string_view y) {
    if (x.empty() && y.empty()) return;
    std::pair<std::string_view, std::string_view> p{x, y};
    if (std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  int n = std::max(MaxIndex(a), MaxIndex(b));
  if (n == 0) {
    add(ItemAt(a, 0), ItemAt(b, 0));
    return out;
  }
  for (int i = 1; i <= n; ++i) add(ItemAt(a, i), ItemAt(b, i));
  return out;
}

std::vector<TaggedItem> SplitTaggedItems(std::string_view text) {
  struct Hit {
    size_t start;  // of "("
    size_t value;  // just past "):"
    std::string_view tag;
  };
  std::vector<Hit> hits;
  for (size_t p = text.find('('); p != std::string_view::npos; p = text.find('(', p + 1)) {
    // Tags are short: look for the ")" in a small window only, so "((((" stays linear.
    size_t close = text.substr(p + 1, 47).find(')');
    if (close == std::string_view::npos) continue;
    close += p + 1;
    if (close + 1 >= text.size() || text[close + 1] != ':') continue;
    std::string_view tag = text.substr(p + 1, close - p - 1);
    if (!IsKnownTag(tag)) continue;
    hits.push_back(Hit{p, close + 2, base::Trim(tag)});
  }
  std::vector<TaggedItem> out;
  out.reserve(hits.size());
  for (size_t i = 0; i < hits.size(); ++i) {
    size_t end = i + 1 < hits.size() ? hits[i + 1].start : text.size();
    out.push_back(
        TaggedItem{hits[i].tag, base::Trim(text.substr(hits[i].value, end - hits[i].value))});
  }
  return out;
}

std::string_view LeadingReference(std::string_view value) {
  value = base::Trim(value);
  size_t n = 0;
  while (n < value.size() && IsAsciiAlnum(value[n])) ++n;
  return value.substr(0, n);
}

std::vector<std::string_view> SplitNameList(std::string_view text) {
  std::vector<std::string_view> out;
  for (const NumberedItem& it : SplitNumbered(text)) {
    if (!it.text.empty()) SplitSentences(it.text, &out);
  }
  return out;
}

std::vector<Identifier> ParseRegistrationNumbers(std::string_view text) {
  struct Token {
    size_t start;
    size_t end;
  };
  auto is_token_char = [](char c) { return IsAsciiAlnum(c); };
  std::vector<Identifier> out;
  for (const NumberedItem& item : SplitNumbered(text)) {
    std::string_view s = item.text;
    std::vector<Token> tokens;
    size_t i = 0;
    while (i < s.size()) {
      if (!is_token_char(s[i])) {
        ++i;
        continue;
      }
      size_t start = i;
      size_t digits = 0;
      while (i < s.size()) {
        if (is_token_char(s[i])) {
          if (IsDigit(s[i])) ++digits;
          ++i;
        } else if ((s[i] == '-' || s[i] == '/' || s[i] == '.') && i + 1 < s.size() &&
                   is_token_char(s[i + 1])) {
          ++i;
        } else {
          break;
        }
      }
      std::string_view token = s.substr(start, i - start);
      if (digits >= 5 && !model::ParseDate(token)) tokens.push_back(Token{start, i});
    }
    for (size_t t = 0; t < tokens.size(); ++t) {
      size_t label_start = t == 0 ? 0 : tokens[t - 1].end;
      std::string_view label = s.substr(label_start, tokens[t].start - label_start);
      std::string_view after = s.substr(
          tokens[t].end, (t + 1 < tokens.size() ? tokens[t + 1].start : s.size()) - tokens[t].end);
      // The label is the last phrase before the number: "(Russia). Tax ID No." -> "Tax ID No".
      auto clean_label = [](std::string_view l) {
        l = base::Trim(l);
        while (!l.empty() && (l.back() == ':' || l.back() == '-' || l.back() == '.' ||
                              l.back() == ' ' || base::EndsWith(l, kEnDash))) {
          l = base::Trim(
              l.substr(0, base::EndsWith(l, kEnDash) ? l.size() - kEnDash.size() : l.size() - 1));
        }
        for (std::string_view sep : {". ", "; ", ", ", ") ", "\n"}) {
          size_t cut = l.rfind(sep);
          if (cut != std::string_view::npos) l = l.substr(cut + sep.size());
        }
        while (!l.empty() && !IsAsciiAlnum(l.front()) && l.front() != '(' &&
               static_cast<unsigned char>(l.front()) < 0x80) {
          l.remove_prefix(1);
        }
        return base::Trim(l);
      };
      std::string_view lab = clean_label(label);
      if (model::DetectScript(lab) == Script::kUnknown &&
          !std::any_of(lab.begin(), lab.end(), IsAsciiAlnum)) {
        lab = {};  // "·" between two numbers
      }
      std::string country;
      std::string_view rest = base::Trim(after);
      if (base::StartsWith(rest, "(")) {
        size_t close = rest.find(')');
        if (close != std::string_view::npos) {
          std::string_view inner = rest.substr(1, close - 1);
          country = CandidateCountry(inner);
          if (country.empty() && lab.empty()) lab = base::Trim(inner);
        }
      } else if (lab.empty() && t + 1 == tokens.size()) {
        // "9709056472 - Russia INN"
        lab = clean_label(after);
        while (!lab.empty() && (lab.front() == '-' || base::StartsWith(lab, kEnDash))) {
          lab = base::Trim(lab.substr(lab.front() == '-' ? 1 : kEnDash.size()));
        }
      }
      if (country.empty() && !lab.empty()) country = LeadingWordsCountry(lab);
      Identifier id;
      id.value = std::string(s.substr(tokens[t].start, tokens[t].end - tokens[t].start));
      IdType type = IdTypeFromLabel(lab);
      switch (type) {
        case IdType::kTaxId:
        case IdType::kCompanyRegistration:
        case IdType::kLei:
        case IdType::kDuns:
          id.type = type;
          break;
        default:
          id.type = IdType::kCompanyRegistration;
      }
      id.country = std::move(country);
      id.label = lab.empty() ? std::string("Business Reg No") : std::string(lab);
      out.push_back(std::move(id));
    }
  }
  return out;
}

std::vector<std::string_view> SplitAddressTokens(std::string_view text) {
  std::vector<std::string_view> out;
  for (const NumberedItem& it : SplitNumbered(text)) {
    std::string_view s = it.text;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (i < s.size() && !IsSpace(s[i]) && s[i] != ',') continue;
      std::string_view token = CleanItem(s.substr(start, i - start));
      while (!token.empty() && (token.front() == '(' || token.front() == '<'))
        token.remove_prefix(1);
      while (!token.empty() && (token.back() == ')' || token.back() == '>')) token.remove_suffix(1);
      token = CleanItem(token);
      if (token.find('.') != std::string_view::npos || token.find('@') != std::string_view::npos) {
        out.push_back(token);
      }
      start = i + 1;
    }
  }
  return out;
}

std::vector<std::string_view> SplitPhoneNumbers(std::string_view text) {
  // Cut at the "(Tel):" / "(Fax):" sub-labels first.
  std::vector<std::string_view> segments;
  size_t start = 0;
  for (size_t p = text.find('('); p != std::string_view::npos; p = text.find('(', p + 1)) {
    std::string_view rest = text.substr(p);
    if (base::StartsWithIgnoreCase(rest, "(tel):") || base::StartsWithIgnoreCase(rest, "(fax):")) {
      segments.push_back(text.substr(start, p - start));
      start = p + 6;
    }
  }
  segments.push_back(text.substr(start));

  std::vector<std::string_view> out;
  for (std::string_view seg : segments) {
    for (const NumberedItem& it : SplitNumbered(seg)) {
      std::string_view s = it.text;
      size_t part_start = 0;
      for (size_t i = 0; i <= s.size(); ++i) {
        bool cut =
            i == s.size() || s[i] == ';' || (s[i] == '.' && i + 1 < s.size() && IsSpace(s[i + 1]));
        if (!cut) continue;
        std::string_view part = CleanItem(s.substr(part_start, i - part_start));
        size_t digits = static_cast<size_t>(std::count_if(part.begin(), part.end(), IsDigit));
        if (digits >= 5) out.push_back(part);
        part_start = i + 1;
      }
    }
  }
  return out;
}

bool LooksLikeRegion(std::string_view line) {
  std::string lower = base::AsciiToLower(line);
  std::string_view s = lower;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && !IsLower(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && IsLower(s[i])) ++i;
    std::string_view word = s.substr(start, i - start);
    if (word.empty()) continue;
    if (std::find(kRegionWords.begin(), kRegionWords.end(), word) != kRegionWords.end()) {
      return true;
    }
  }
  return false;
}

Address BuildAddress(std::string_view a1, std::string_view a2, std::string_view a3,
                     std::string_view a4, std::string_view a5, std::string_view a6,
                     std::string_view postal_code, std::string_view country) {
  Address out;
  a5 = base::Trim(a5);
  a6 = base::Trim(a6);
  std::string_view extra_street;
  if (!a6.empty()) {
    if (LooksLikeRegion(a6)) {
      out.region = std::string(a6);
      out.city = std::string(a5);
    } else {
      out.city = std::string(a6);
      extra_street = a5;
    }
  } else if (!a5.empty()) {
    if (LooksLikeRegion(a5)) {
      out.region = std::string(a5);
    } else {
      out.city = std::string(a5);
    }
  }
  out.street = JoinTrimmedNonEmpty({a1, a2, a3, a4, extra_street}, ", ");
  out.postal_code = std::string(base::Trim(postal_code));
  out.country_name = std::string(base::Trim(country));
  return out;
}

std::string_view LanguageCode(std::string_view language) {
  std::string lower = base::AsciiToLower(base::Trim(language));
  std::string_view s = lower;
  // "Persian/Farsi": the first name decides.
  s = base::Trim(s.substr(0, s.find('/')));
  for (const LanguageEntry& e : kLanguages) {
    if (e.name == s) return e.code;
  }
  return {};
}

std::string IssuingCountry(std::string_view details) {
  std::string_view d = base::Trim(details);
  if (d.empty()) return {};
  // "(Pakistan). Expires ...", "(Afghan) (tazkira)".
  if (d.front() == '(') {
    size_t close = d.find(')');
    if (close != std::string_view::npos) {
      std::string code = ParenthesisCountry(d.substr(1, close - 1));
      if (!code.empty()) return code;
    }
  }
  std::string code = LeadingWordsCountry(d);
  if (!code.empty()) return code;
  // "Issued in Pakistan. Officially cancelled as of 2013.", "Country: Russia, Issue Date".
  for (std::string_view lead : {"issued in ", "country: "}) {
    size_t at = base::FindIgnoreCase(d, lead);
    if (at == std::string_view::npos) continue;
    code = LeadingWordsCountry(d.substr(at + lead.size()));
    if (!code.empty()) return code;
  }
  // "Expires 21 Aug 2005 (Iraq)", "Social Security Number (United States)". A few
  // parentheses at most, so that a hostile cell stays linear.
  int tries = 0;
  for (size_t p = d.find('('); p != std::string_view::npos && tries < 8;
       p = d.find('(', p + 1), ++tries) {
    size_t close = d.find(')', p + 1);
    if (close == std::string_view::npos) break;
    code = ParenthesisCountry(d.substr(p + 1, close - p - 1));
    if (!code.empty()) return code;
  }
  return {};
}

std::string ResolveCountry(std::string_view text) {
  std::string_view t = CleanItem(text);
  if (t.empty()) return {};
  std::string code = CountryCode(t);
  if (!code.empty()) return code;
  if (t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      std::string_view inner = t.substr(open + 1, t.size() - open - 2);
      bool note = !inner.empty() &&
                  (IsLower(inner.front()) || std::any_of(inner.begin(), inner.end(), IsDigit));
      if (note) return CountryCode(base::Trim(t.substr(0, open)));
    }
  }
  return {};
}

std::vector<std::string> ResolveCountryList(std::string_view cell,
                                            std::vector<std::string>* unresolved) {
  std::vector<std::string> out;
  for (const NumberedItem& it : SplitNumbered(cell)) {
    if (it.text.empty()) continue;
    std::string code = ResolveCountry(it.text);
    if (!code.empty()) {
      AddUnique(&out, code);
      continue;
    }
    std::vector<std::string_view> parts = SplitAnyOf(it.text, ".,;/");
    std::vector<std::string> codes;
    for (std::string_view p : parts) {
      std::string c = ResolveCountry(p);
      if (c.empty()) break;
      codes.push_back(std::move(c));
    }
    if (parts.size() > 1 && codes.size() == parts.size()) {
      for (const std::string& c : codes) AddUnique(&out, c);
    } else {
      unresolved->emplace_back(it.text);
    }
  }
  return out;
}

}  // namespace interdict::lists::uk_ofsi_internal
