#include "lists/us_csl/csl_fields.h"

#include <algorithm>
#include <iterator>

#include "base/text.h"
#include "lists/common.h"

namespace interdict::lists::us_csl_internal {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsLetterByte(char c) { return IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80; }

bool HasDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsDigit); }

// "2014-08-30"
bool IsIsoDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

// A postal code as the CSL writes them: "75159", "92630-5514", "S-175 62", "CH-8280",
// "M1W1A2", "SW1A 1AA". Short, at least two digits, and no word of four or more letters
// (which keeps "Building 41" and "Room 112" in the street).
bool LooksLikePostalCode(std::string_view s) {
  if (s.size() < 3 || s.size() > 10) return false;
  int digits = 0;
  int letters = 0;
  int letter_run = 0;
  for (char c : s) {
    if (IsDigit(c)) {
      ++digits;
      letter_run = 0;
    } else if (IsAsciiLetter(c)) {
      ++letters;
      if (++letter_run >= 4) return false;
    } else if (c == ' ' || c == '-') {
      letter_run = 0;
    } else {
      return false;
    }
  }
  return digits >= 2 && letters <= 5;
}

// Lower-case words with dots removed ("S.A." -> "sa", "Co." -> "co"). Legal forms first,
// then words that in practice only occur in organization names. Chosen on the CSL's DPL and
// DTC rows (docs/formats/us_csl.md#kind); words that are also common personal names
// ("Ao", "Ou", "Sal", "Plant") are left out on purpose.
constexpr std::string_view kOrganizationWords[] = {
    // Legal forms.
    "ab", "ag", "anstalt", "asa", "bhd", "bv", "cia", "cjsc", "co", "companies", "company", "corp",
    "corporation", "cv", "est", "fz", "fz-llc", "fzc", "fzco", "fze", "gie", "gmbh", "inc",
    "incorporated", "jsc", "kft", "kg", "limited", "llc", "llp", "ltd", "ltda", "nv", "oao", "ojsc",
    "ooo", "oy", "pjsc", "plc", "pte", "pvt", "sa", "sarl", "sas", "sdn", "sl", "spa", "srl", "sro",
    "tbk", "trust",
    // Organization words.
    "academy", "administration", "aerospace", "agency", "air", "airlines", "airline", "airways",
    "and", "army", "associates", "association", "authority", "aviation", "bank", "brigade",
    "bureau", "center", "centre", "chemical", "chemicals", "club", "college", "commission",
    "committee", "communications", "components", "computers", "concern", "construction",
    "consultancy", "consulting", "contracting", "corps", "council", "department", "development",
    "devices", "directorate", "distribution", "electronic", "electronics", "elektronik", "energy",
    "engineering", "engineers", "enterprise", "enterprises", "equipment", "export", "exporters",
    "exports", "factory", "force", "forces", "foundation", "front", "gas", "government", "group",
    "guard", "handel", "holding", "holdings", "hospital", "hotel", "import", "importers", "imports",
    "industrial", "industrie", "industries", "industry", "institute", "institution", "instruments",
    "internacional", "international", "intl", "laboratories", "laboratory", "logistics",
    "machinery", "manufacturing", "maritime", "marketing", "materials", "media", "medical",
    "metals", "microelectronics", "microsystems", "ministry", "movement", "network", "networks",
    "office", "oil", "optical", "optics", "organisation", "organization", "party", "parts",
    "petroleum", "pharmaceutical", "pharmaceuticals", "products", "project", "projects", "refining",
    "regiment", "research", "restaurant", "sanayi", "school", "scientific", "semiconductor",
    "service", "services", "shipping", "shipyard", "software", "solutions", "supplies", "supply",
    "surplus", "system", "systems", "tech", "technical", "technik", "technologies", "technology",
    "telecom", "ticaret", "trade", "traders", "trading", "und", "university", "vertrieb",
    "vertriebs", "works"};

// Legal forms that are words or name parts when written without dots: "a.s." (Czech,
// Turkish "A.S."), "s.c." (Mexican "S.C.").
constexpr std::string_view kDottedOnlyForms[] = {"as", "sc"};

bool IsWordSeparator(char c) {
  return c == ' ' || c == ',' || c == '(' || c == ')' || c == '/' || c == '"' || c == '-' ||
         c == '\t' || c == '\n' || c == '\r';
}

template <typename Fn>
void ForEachWord(std::string_view s, Fn fn) {
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsWordSeparator(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsWordSeparator(s[i])) ++i;
    if (i > start) fn(s.substr(start, i - start));
  }
}

}  // namespace

std::string_view ListCode(std::string_view source) {
  size_t open = source.find('(');
  if (open == std::string_view::npos) return "";
  size_t close = source.find(')', open);
  if (close == std::string_view::npos) return "";
  std::string_view code = base::Trim(source.substr(open + 1, close - open - 1));
  if (base::EndsWith(code, " List")) code = base::Trim(code.substr(0, code.size() - 5));
  return code;
}

Address ParseAddress(std::string_view text) {
  Address a;
  a.full = OneLine(text);
  std::vector<std::string_view> parts = base::SplitTrimmed(a.full, ",");
  size_t end = parts.size();
  bool found_tail = false;
  if (end > 0) {
    std::string_view last = parts[end - 1];
    std::string code = CountryCode(last);
    if (IsUpperAlpha2(last) || !code.empty()) {
      std::string_view country_text = last;
      --end;
      // "Dubai, UAE, AE": the country's name written before its code.
      if (end > 0 && IsUpperAlpha2(last) && !code.empty() && CountryCode(parts[end - 1]) == code) {
        country_text = parts[end - 1];
        --end;
      }
      a.country = code;
      if (country_text != a.country) a.country_name = std::string(country_text);
      found_tail = true;
    }
  }
  if (end > 0 && LooksLikePostalCode(parts[end - 1])) {
    a.postal_code = std::string(parts[end - 1]);
    --end;
    found_tail = true;
  }
  if (end >= 2 && IsUpperAlpha2(parts[end - 1])) {
    a.region = std::string(parts[end - 1]);  // "SEAGOVILLE, TX, 75159"
    --end;
    found_tail = true;
  }
  // A city has no digits and is not a care-of line ("c/o VEST SPECTRUM (S) PTE. LTD.").
  if (end > 0 && (end >= 2 || found_tail) && !HasDigit(parts[end - 1]) &&
      !base::StartsWithIgnoreCase(parts[end - 1], "c/o")) {
    a.city = std::string(parts[end - 1]);
    --end;
  }
  // The street is the source's text up to the end of its last part, separators as written.
  if (end > 0) {
    std::string_view full = a.full;
    const char* stop = parts[end - 1].data() + parts[end - 1].size();
    a.street = std::string(full.substr(0, static_cast<size_t>(stop - full.data())));
  }
  return a;
}

IdLabelKind ClassifyIdLabel(std::string_view label) {
  std::string_view trimmed = base::Trim(label);
  bool marked = !trimmed.empty() && (trimmed.back() == ':' || trimmed.back() == '-');
  const std::string key = OfacLabelKey(label);
  struct Rule {
    std::string_view label;
    IdLabelKind kind;
  };
  static constexpr Rule kExact[] = {
      {"gender", IdLabelKind::kGender},
      {"organization established date", IdLabelKind::kEstablished},
      {"nationality of registration", IdLabelKind::kRegistrationCountry},
      {"registration country", IdLabelKind::kRegistrationCountry},
      {"aircraft model", IdLabelKind::kCraftType},
      {"aircraft operator", IdLabelKind::kCraftOwner},
      {"aircraft manufacture date", IdLabelKind::kBuildYear},
  };
  for (const Rule& rule : kExact) {
    if (key == rule.label) return rule.kind;
  }
  // Sanctions statements rather than identifiers. OFAC ends most of these labels with ':'
  // or ' -' ("Secondary sanctions risk:", "IFCA Determination -"), which also catches
  // statements added after the list of known ones was written.
  if (IsOfacSanctionNoteKey(key)) return IdLabelKind::kSanctionNote;
  return marked ? IdLabelKind::kSanctionNote : IdLabelKind::kIdentifier;
}

IdItem SplitIdItem(std::string_view item) {
  IdItem out;
  item = base::Trim(item);
  size_t cut = item.rfind(", ");
  if (cut == std::string_view::npos) {
    out.value = item;  // no label: an identifier of unknown type
    return out;
  }
  out.label = base::Trim(item.substr(cut + 2));
  out.kind = ClassifyIdLabel(out.label);
  std::string_view rest = base::Trim(item.substr(0, cut));
  if (out.kind == IdLabelKind::kIdentifier) {
    if (rest.size() > 4 && IsUpperAlpha2(rest.substr(0, 2)) && rest.substr(2, 2) == ", ") {
      out.country = rest.substr(0, 2);
      rest = rest.substr(4);
    }
    for (std::string_view* date : {&out.first_date, &out.second_date}) {
      if (rest.size() > 12 && IsIsoDate(rest.substr(0, 10)) && rest.substr(10, 2) == ", ") {
        *date = rest.substr(0, 10);
        rest = rest.substr(12);
      }
    }
  }
  out.value = base::Trim(rest);
  return out;
}

std::string IdentifierNote(const IdItem& item) {
  if (item.first_date.empty()) return "";
  if (item.second_date.empty()) {
    return "date " + std::string(item.first_date) + " (issue or expiry)";
  }
  return "issued " + std::string(item.second_date) + "; expires " + std::string(item.first_date);
}

EntityKind KindFromType(std::string_view type) {
  type = base::Trim(type);
  if (base::EqualsIgnoreCase(type, "individual")) return EntityKind::kPerson;
  if (base::EqualsIgnoreCase(type, "entity")) return EntityKind::kOrganization;
  if (base::EqualsIgnoreCase(type, "vessel")) return EntityKind::kVessel;
  if (base::EqualsIgnoreCase(type, "aircraft")) return EntityKind::kAircraft;
  return EntityKind::kUnknown;
}

bool HasOrganizationWord(std::string_view name) {
  if (HasDigit(name) || name.find('&') != std::string_view::npos ||
      name.find('@') != std::string_view::npos) {
    return true;
  }
  bool found = false;
  std::string word;
  ForEachWord(name, [&](std::string_view w) {
    if (found) return;
    word.clear();
    for (char c : w) {
      if (c != '.') word.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
    }
    // A web domain ("SYNAPTIX.NET", "MYNET.NET").
    for (std::string_view tld : {".com", ".net", ".org"}) {
      if (base::FindIgnoreCase(w, tld) != std::string_view::npos && w.size() > tld.size()) {
        found = true;
      }
    }
    if (std::find(std::begin(kOrganizationWords), std::end(kOrganizationWords), word) !=
        std::end(kOrganizationWords)) {
      found = true;
    }
    if (w.find('.') != std::string_view::npos &&
        std::find(std::begin(kDottedOnlyForms), std::end(kDottedOnlyForms), word) !=
            std::end(kDottedOnlyForms)) {
      found = true;
    }
  });
  return found;
}

bool HasPersonalNameShape(std::string_view name) {
  if (HasDigit(name) || name.find_first_of("&@#+_*:;=%$!?") != std::string_view::npos) {
    return false;
  }
  int words = 0;
  ForEachWord(name, [&](std::string_view w) {
    if (std::any_of(w.begin(), w.end(), IsLetterByte)) ++words;
  });
  return words >= 2;
}

bool HasParenthesizedAcronym(std::string_view name) {
  bool lower_outside = false;
  bool acronym = false;
  size_t i = 0;
  while (i < name.size()) {
    if (name[i] != '(') {
      if (name[i] >= 'a' && name[i] <= 'z') lower_outside = true;
      ++i;
      continue;
    }
    size_t close = name.find(')', i);
    if (close == std::string_view::npos) break;
    std::string_view inside = name.substr(i + 1, close - i - 1);
    bool caps = inside.size() >= 2 && inside.size() <= 8 &&
                std::all_of(inside.begin(), inside.end(),
                            [](char c) { return (c >= 'A' && c <= 'Z') || IsDigit(c); });
    acronym = acronym || caps;
    i = close + 1;
  }
  return acronym && lower_outside;
}

bool NameSaysIndividual(std::string_view name) {
  constexpr std::string_view kWord = "individual";
  size_t pos = 0;
  while ((pos = base::FindIgnoreCase(name, kWord, pos)) != std::string_view::npos) {
    size_t end = pos + kWord.size();
    bool left = pos == 0 || !IsLetterByte(name[pos - 1]);
    bool right = end == name.size() || !IsLetterByte(name[end]);
    if (left && right) return true;
    pos = end;
  }
  return false;
}

EntityKind InferUntypedKind(std::string_view list_code, std::string_view name,
                            bool has_person_facts, bool has_craft_facts) {
  if (has_person_facts || NameSaysIndividual(name)) return EntityKind::kPerson;
  if (has_craft_facts) return EntityKind::kVessel;
  if ((list_code == "DPL" || list_code == "DTC" || list_code == "ISN") &&
      HasPersonalNameShape(name) && !HasOrganizationWord(name) && !HasParenthesizedAcronym(name)) {
    return EntityKind::kPerson;
  }
  return EntityKind::kOrganization;
}

void AddLinkedTo(std::string_view remarks, std::vector<Relation>* relations) {
  for (std::string_view name : FindLinkedToNames(remarks)) {
    bool seen = std::any_of(relations->begin(), relations->end(), [&](const Relation& r) {
      return r.type == "linked_to" && r.name == name;
    });
    if (!seen) relations->push_back(Relation{.type = "linked_to", .name = std::string(name)});
  }
}

}  // namespace interdict::lists::us_csl_internal
