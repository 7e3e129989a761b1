#include "lists/ofac_csv/remarks.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <utility>

#include "base/text.h"
#include "lists/common.h"
#include "model/date.h"

namespace interdict::lists::ofac_csv_internal {
namespace {

using std::string_view;

// The identifier labels OFAC writes in remarks: its "ID DOCUMENT TYPE" reference values (as
// listed in the Sanctions List Service enhanced XML) plus the labels seen in the legacy CSV
// files 2021-2025. Matched case-insensitively at the start of a fact, longest label first, and
// only when a space, ':' or '#' follows. IdTypeFromLabel() gives the IdType.
constexpr string_view kIdLabels[] = {
    "Afghan Money Service Provider License Number",
    "Aircraft Construction Number (also called L/N or S/N or F/N)",
    "Aircraft Manufacturer's Serial Number (MSN)",
    "Aircraft Mode S Transponder Code",
    "Aircraft Serial Identification",
    "Aircraft Tail Number",
    "BIK (RU)",
    "Birth Certificate Number",
    "Bosnian Personal ID No.",
    "Branch Unit Number",
    "British National Overseas Passport",
    "Business Number",
    "Business Registration Document #",
    "Business Registration Number",
    "C.I.F.",
    "C.I.N.",
    "C.R. No.",
    "C.U.I.",
    "C.U.I.P.",
    "C.U.I.T.",
    "C.U.R.P.",
    "C.U.R.P. #",
    "CNP (Personal Numerical Code)",
    "Cartilla de Servicio Militar Nacional",
    "Cedula No.",
    "Central Registration System Number",
    "Certificate of Incorporation Number",
    "Chamber of Commerce Number",
    "Chinese Commercial Code",
    "Citizen's Card Number",
    "Commercial Registry Number",
    "Company Number",
    "Credencial electoral",
    "D-U-N-S Number",
    "D.N.I.",
    "Diplomatic Passport",
    "Driver's License No.",
    "Dubai Chamber of Commerce Membership No.",
    "Economic Register Number (CBLS)",
    "Electoral Registry No.",
    "Enterprise Number",
    "Equity Ticker",
    "FAX",
    "Fax",
    "Fax No.",
    "File Number",
    "Fiscal Code",
    "Global Intermediary Identification Number",
    "Government Gazette Number",
    "I.F.E.",
    "ISIN",
    "Identification Number",
    "Immigration No.",
    "Istanbul Chamber of Comm. No.",
    "Italian Fiscal Code",
    "Kenyan ID No.",
    "LE Number",
    "Legal Entity Number",
    "License",
    "MMSI",
    "MSB Registration Number",
    "Matricula Mercantil No",
    "Military Registration Number",
    "Moroccan Personal ID No.",
    "N.I.E.",
    "N.I.F.",
    "NIT #",
    "National Foreign ID Number",
    "National ID No.",
    "Numero Unico de Identificacao Tributaria (NUIT)",
    "Numero de Identidad",
    "Organization Code",
    "Other Vessel Call Sign",
    "Paraguayan tax identification number",
    "Passport",
    "Passport Booklet",
    "Passport No.",
    "Permit Number",
    "Personal ID Card",
    "Phone",
    "Phone No.",
    "Phone Number",
    "Pilot License Number",
    "Previous Aircraft Tail Number",
    "Public Registration Number",
    "Public Security and Immigration No.",
    "R.F.C.",
    "R.F.C. #",
    "RFC",
    "RIF #",
    "RSIN",
    "RTN",
    "RUC #",
    "Refugee ID Card",
    "Registered Charity No.",
    "Registration Certificate Number (Dubai)",
    "Registration ID",
    "Registration Number",
    "Residency Number",
    "Romanian C.R.",
    "Romanian Permanent Resident",
    "Romanian Tax Registration",
    "Russian State Individual Business Registration Number Pattern (OGRNIP)",
    "SRE Permit No.",
    "SSN",
    "SWIFT/BIC",
    "Seafarer's Identification Document",
    "Serial No.",
    "Stateless Person ID Card",
    "Stateless Person Passport",
    "Tarjeta Profesional",
    "Tax ID No.",
    "Tazkira National ID Card",
    "Telephone",
    "Telephone No.",
    "Telephone Number",
    "Tourism License No.",
    "Trade License No.",
    "Trademark number",
    "Travel Document Number",
    "Turkish Identification Number",
    "UAE Identification",
    "UK Company Number",
    "US FEIN",
    "Unified Social Credit Code (USCC)",
    "United Social Credit Code Certificate (USCCC)",
    "V.A.T. Number",
    "Vessel Registration Identification",
    "VisaNumberID",
};

// OFAC's sanctions-information feature types (the "Secondary sanctions risk:" family in the
// enhanced XML reference values): kept whole as Entity::sanction_notes.
constexpr string_view kSanctionNotePrefixes[] = {
    "Secondary sanctions risk:",
    "Additional Sanctions Information -",
    "Transactions Prohibited For Persons Owned or Controlled By U.S. Financial Institutions:",
    "Executive Order 13662 Directive Determination -",
    "Executive Order 13846 information:",
    "Executive Order 14014 Directive Information:",
    "Executive Order 14024 Directive Information",
    "Executive Order 14059 information:",
    "CAATSA Section 235 Information:",
    "IFCA Determination -",
    "PEESA Information:",
    // Directive and CMIC dates: "Listing Date (EO 14024 Directive 2): 24 Feb 2022". Not
    // Entity::listed_on, which is the designation date: an SDN entry can be listed under a
    // directive on another day than it was designated.
    "Listing Date (",
    "Effective Date (",
    "Purchase/Sales For Divestment Date (",
};

// Legal-form and other abbreviations that end a name with their own period ("... CO.",
// "... S.A."): OFAC does not add a second period when such a name ends the remarks.
constexpr string_view kTrailingAbbreviations[] = {"CO",   "LTD",  "INC",  "CORP", "LTDA", "CIA",
                                                  "LLC",  "PTE",  "JR",   "SR",   "BHD",  "PLC",
                                                  "INTL", "BROS", "DEPT", "ST"};

// Labels sorted longest first, bucketed by their lower-cased first byte, so that a fact is
// compared with a handful of labels only. IdTypeFromLabel() is computed once per label.
class LabelTable {
 public:
  struct Entry {
    string_view label;
    IdType type;
  };

  LabelTable() {
    for (string_view label : kIdLabels) {
      buckets_[Key(label.front())].push_back(Entry{label, IdTypeFromLabel(label)});
    }
    for (auto& bucket : buckets_) {
      std::stable_sort(bucket.begin(), bucket.end(), [](const Entry& a, const Entry& b) {
        return a.label.size() > b.label.size();
      });
    }
  }

  // The longest label that starts `fact` and is followed by a space, ':' or '#' (or ends it).
  const Entry* Match(string_view fact) const {
    if (fact.empty()) return nullptr;
    for (const Entry& entry : buckets_[Key(fact.front())]) {
      if (!base::StartsWithIgnoreCase(fact, entry.label)) continue;
      if (fact.size() == entry.label.size()) return &entry;
      char next = fact[entry.label.size()];
      if (next == ' ' || next == ':' || next == '#') return &entry;
    }
    return nullptr;
  }

 private:
  static size_t Key(char c) {
    return static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? c - 'A' + 'a' : c);
  }
  std::array<std::vector<Entry>, 256> buckets_;
};

const LabelTable& Labels() {
  static const LabelTable* const kTable = new LabelTable();  // never destroyed
  return *kTable;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Removes one trailing period (OFAC ends the last fact, and some others, with one) and spaces.
string_view StripPeriod(string_view s) {
  s = base::Trim(s);
  if (!s.empty() && s.back() == '.') s = base::Trim(s.substr(0, s.size() - 1));
  return s;
}

// The text after the first `prefix_size` bytes, with leading spaces, ':' and '#' skipped.
string_view After(string_view fact, size_t prefix_size) {
  string_view rest = fact.substr(prefix_size);
  while (!rest.empty() && (rest.front() == ' ' || rest.front() == ':' || rest.front() == '#')) {
    rest.remove_prefix(1);
  }
  return base::Trim(rest);
}

// The NameType of a fact that starts with "a.k.a.", "f.k.a." or "n.k.a." (6 bytes).
std::optional<NameType> AliasType(string_view fact) {
  if (fact.size() < 6 || fact.substr(1, 5) != ".k.a.") return std::nullopt;
  switch (fact[0]) {
    case 'a':
      return NameType::kAka;
    case 'f':
      return NameType::kFka;
    case 'n':
      return NameType::kNka;
    default:
      return std::nullopt;
  }
}

string_view SkipAlt(string_view fact) {
  if (base::StartsWithIgnoreCase(fact, "alt. ")) return base::Trim(fact.substr(5));
  return fact;
}

// True when `fact` (which may be incomplete) is a quoted alias: "a.k.a. '...".
bool IsQuotedAlias(string_view fact) {
  fact = SkipAlt(base::Trim(fact));
  return AliasType(fact).has_value() && base::StartsWith(base::Trim(fact.substr(6)), "'");
}

// True when the quoted alias `fact` has its closing quote: it ends with "'" (or "'.") after the
// opening quote.
bool ClosesAlias(string_view fact) {
  string_view t = StripPeriod(fact);
  size_t open = t.find('\'');
  return open != string_view::npos && t.size() > open + 1 && t.back() == '\'';
}

void PushFact(string_view fact, std::vector<string_view>* out) {
  fact = base::Trim(fact);
  if (!fact.empty()) out->push_back(fact);
}

// The name of a "Linked To:" party that ends the remarks: drop the remarks' final period unless
// the name's last word is an abbreviation that owns it ("S.A.", "CO.").
string_view StripFinalPeriodOfName(string_view name) {
  name = base::Trim(name);
  if (name.empty() || name.back() != '.') return name;
  string_view body = name.substr(0, name.size() - 1);
  size_t word_start = body.find_last_of(" ,");
  string_view word = word_start == string_view::npos ? body : body.substr(word_start + 1);
  if (word.find('.') != string_view::npos) return name;  // "S.A.", "C.V.", "L.L.C."
  for (string_view abbreviation : kTrailingAbbreviations) {
    if (base::EqualsIgnoreCase(word, abbreviation)) return name;
  }
  return base::Trim(body);
}

// Splits an identifier's text after its label into value, issuing country and the dates note:
//   "A123 (Iran) issued 01 Jan 2000 expires 2020" -> "A123", "Iran", "issued 01 Jan 2000 ...".
struct IdParts {
  string_view value;
  string_view country;
  string_view dates;
};

IdParts SplitIdText(string_view text) {
  IdParts parts;
  string_view v = StripPeriod(text);
  size_t dates = string_view::npos;
  for (string_view word : {" issued ", " expires ", " expired "}) {
    dates = std::min(dates, v.find(word));
  }
  if (dates != string_view::npos) {
    parts.dates = StripPeriod(v.substr(dates + 1));
    v = base::Trim(v.substr(0, dates));
  }
  // A trailing "(Country)" group: a separate word with letters in it ("(98)(21)" is a phone).
  if (!v.empty() && v.back() == ')') {
    int depth = 0;
    for (size_t i = v.size(); i-- > 0;) {
      if (v[i] == ')') ++depth;
      if (v[i] == '(' && --depth == 0) {
        string_view inner = v.substr(i + 1, v.size() - i - 2);
        bool has_letter = std::any_of(inner.begin(), inner.end(), IsAlpha);
        if (i > 0 && v[i - 1] == ' ' && has_letter) {
          parts.country = base::Trim(inner);
          v = base::Trim(v.substr(0, i));
        }
        break;
      }
    }
  }
  parts.value = StripPeriod(v);
  return parts;
}

// An identifier value has a digit, or is one code-like word ("AFABAFKA"); this keeps prose
// such as "Passport issued in Sarajevo" out of the identifiers.
bool LooksLikeIdValue(string_view v) {
  if (v.empty()) return false;
  if (std::any_of(v.begin(), v.end(), IsDigit)) return true;
  return v.find(' ') == string_view::npos && std::none_of(v.begin(), v.end(), IsLower);
}

bool IsImoNumber(string_view v) {
  return v.size() == 7 && std::all_of(v.begin(), v.end(), IsDigit);
}

void AddIdentifier(Identifier id, RemarkFacts* out) {
  for (const Identifier& have : out->identifiers) {
    if (have.type == id.type && have.value == id.value && have.country == id.country &&
        have.label == id.label && have.note == id.note) {
      return;
    }
  }
  out->identifiers.push_back(std::move(id));
}

bool ParseLabelledId(string_view fact, RemarkFacts* out) {
  const LabelTable::Entry* entry = Labels().Match(fact);
  if (entry == nullptr) return false;
  const string_view label = entry->label;
  IdParts parts = SplitIdText(After(fact, label.size()));
  if (!LooksLikeIdValue(parts.value)) return false;

  Identifier id;
  id.label = std::string(label);
  string_view value = parts.value;
  // "Vessel Registration Identification IMO 7406784", "Company Number IMO 5055293": the IMO
  // scheme goes to the label, the number is the value.
  if (base::StartsWith(value, "IMO") && (value.size() == 3 || value[3] == ' ' || value[3] == ':')) {
    value = After(value, 3);
    id.label += " IMO";
    id.type = IdType::kImo;
  } else if (label == "Vessel Registration Identification") {
    // An IMO number without the "IMO" prefix; other registers ("RS 150443") are not IMO.
    id.type = IsImoNumber(value) ? IdType::kImo : IdType::kOther;
  } else if (label == "Aircraft Serial Identification") {
    // IdTypeFromLabel() has no rule for this OFAC label; it is the manufacturer's serial.
    id.type = IdType::kAircraftSerial;
  } else {
    id.type = entry->type;
  }
  if (value.empty()) return false;
  id.value = std::string(value);
  if (!parts.country.empty()) {
    id.country = CountryCode(parts.country);
    if (id.country.empty()) {
      // Identifier has no field for an unresolved country: keep its text in the note.
      // Appended piecewise: GCC 12 -O3 reports a false -Wrestrict on "(" + std::string + ")".
      id.note = "(";
      id.note.append(parts.country);
      id.note.push_back(')');
    }
  }
  if (!parts.dates.empty()) {
    if (!id.note.empty()) id.note += ' ';
    id.note += parts.dates;
  }
  AddIdentifier(std::move(id), out);
  return true;
}

void AddSimpleId(IdType type, string_view label, string_view value, RemarkFacts* out) {
  value = StripPeriod(value);
  if (value.empty()) return;
  Identifier id;
  id.type = type;
  id.label = std::string(label);
  id.value = std::string(value);
  AddIdentifier(std::move(id), out);
}

// A range "01 Jan 2015 to 31 Dec 2015" as the one PartialDate it pins down (2015); a range
// across years as its start.
PartialDate CommonPrefix(const PartialDate& from, const PartialDate& to) {
  if (from == to || from.year != to.year) return from;
  PartialDate d;
  d.year = from.year;
  if (from.month == to.month) d.month = from.month;
  return d;
}

// "1992", "Apr 1994" -> "1992", "1994"; the text as written when it is not a date.
std::string YearOf(string_view text) {
  text = StripPeriod(text);
  if (std::optional<PartialDate> d = model::ParseDate(text); d && d->year != 0) {
    return std::to_string(d->year);
  }
  return std::string(text);
}

// Parses one fact; returns false when its type is not known.
bool ParseFact(string_view fact, bool last, RemarkFacts* out) {
  string_view f = SkipAlt(fact);
  if (f.empty()) return true;

  if (base::StartsWith(f, "DOB ")) {
    string_view text = StripPeriod(f.substr(4));
    if (std::optional<DateOfBirth> dob = model::ParseDateOfBirth(text)) {
      out->dates_of_birth.push_back(std::move(*dob));
    } else {
      out->problems.push_back("unreadable DOB '" + std::string(text) + "'");
    }
    return true;
  }
  if (base::StartsWith(f, "POB ")) {
    AddUnique(&out->places_of_birth, StripPeriod(f.substr(4)));
    return true;
  }
  if (base::StartsWith(f, "nationality ")) {
    AddUnique(&out->nationalities, CountryCode(StripPeriod(f.substr(12))));
    return true;
  }
  if (base::StartsWith(f, "citizen ")) {
    AddUnique(&out->citizenships, CountryCode(StripPeriod(f.substr(8))));
    return true;
  }
  if (base::StartsWith(f, "Gender ")) {
    string_view g = StripPeriod(f.substr(7));
    if (base::EqualsIgnoreCase(g, "Male")) {
      out->gender = Gender::kMale;
    } else if (base::EqualsIgnoreCase(g, "Female")) {
      out->gender = Gender::kFemale;
    } else {
      return false;
    }
    return true;
  }
  if (std::optional<NameType> type = AliasType(f)) {
    string_view name = StripPeriod(f.substr(6));
    if (base::StartsWith(name, "'")) {
      name.remove_prefix(1);
      if (base::EndsWith(name, "'")) name.remove_suffix(1);
    }
    name = base::Trim(name);
    if (!name.empty()) {
      out->aliases.push_back(
          Name{.full = std::string(name), .type = *type, .quality = NameQuality::kWeak});
    }
    return true;
  }
  if (base::StartsWith(f, "Linked To")) {
    string_view name = After(f, 9);
    if (last) name = StripFinalPeriodOfName(name);
    if (!name.empty()) out->relations.push_back(Relation{"linked_to", std::string(name), ""});
    return true;
  }
  if (base::StartsWithIgnoreCase(f, "Website")) {
    AddSimpleId(IdType::kWebsite, "Website", After(f, 7), out);
    return true;
  }
  if (base::StartsWithIgnoreCase(f, "Email Address")) {
    AddSimpleId(IdType::kEmail, "Email Address", After(f, 13), out);
    return true;
  }
  if (base::StartsWith(f, "Digital Currency Address - ")) {
    // "Digital Currency Address - XBT 1Kuf...": the currency code belongs to the label.
    string_view rest = base::Trim(f.substr(27));
    size_t space = rest.find(' ');
    if (space == string_view::npos) return false;
    std::string label = "Digital Currency Address - " + std::string(rest.substr(0, space));
    AddSimpleId(IdType::kDigitalCurrencyAddress, label, rest.substr(space + 1), out);
    return true;
  }
  if (base::StartsWith(f, "Organization Established Date ")) {
    string_view text = StripPeriod(f.substr(30));
    if (std::optional<DateOfBirth> d = model::ParseDateOfBirth(text)) {
      if (out->established.empty()) out->established = CommonPrefix(d->from, d->to);
    } else {
      out->problems.push_back("unreadable Organization Established Date '" + std::string(text) +
                              "'");
    }
    return true;
  }
  for (string_view prefix : kSanctionNotePrefixes) {
    if (base::StartsWith(f, prefix)) {
      AddUnique(&out->sanction_notes, StripPeriod(f));
      return true;
    }
  }
  if (base::StartsWith(f, "Vessel Year of Build ")) {
    if (out->build_year.empty()) out->build_year = YearOf(f.substr(21));
    return true;
  }
  if (base::StartsWith(f, "Aircraft Manufacture Date ")) {
    if (out->build_year.empty()) out->build_year = YearOf(f.substr(26));
    return true;
  }
  if (base::StartsWith(f, "Aircraft Model ")) {
    if (out->craft_type.empty()) out->craft_type = std::string(StripPeriod(f.substr(15)));
    return true;
  }
  if (base::StartsWith(f, "Aircraft Operator ")) {
    if (out->craft_owner.empty()) out->craft_owner = std::string(StripPeriod(f.substr(18)));
    return true;
  }
  return ParseLabelledId(f, out);
}

}  // namespace

std::vector<string_view> SplitRemarkFacts(string_view s) {
  std::vector<string_view> out;
  const size_t n = s.size();
  size_t start = 0;
  while (start < n) {
    const bool alias = IsQuotedAlias(s.substr(start, std::min<size_t>(n - start, 64)));
    int depth = 0;
    size_t end = string_view::npos;
    for (size_t i = start; i < n; ++i) {
      char c = s[i];
      if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (depth > 0) --depth;
      } else if (c == ';' && depth == 0 && (!alias || ClosesAlias(s.substr(start, i - start)))) {
        end = i;
        break;
      }
    }
    if (end == string_view::npos) {
      string_view tail = s.substr(start);
      bool closed = depth == 0 && (!alias || ClosesAlias(tail));
      if (closed) {
        PushFact(tail, &out);
      } else {
        for (string_view part : base::Split(tail, ";")) PushFact(part, &out);
      }
      break;
    }
    PushFact(s.substr(start, end - start), &out);
    start = end + 1;
  }
  return out;
}

RemarkFacts ParseRemarks(string_view remarks) {
  RemarkFacts out;
  std::vector<string_view> facts = SplitRemarkFacts(remarks);
  for (size_t i = 0; i < facts.size(); ++i) {
    if (!ParseFact(facts[i], i + 1 == facts.size(), &out)) out.unknown.emplace_back(facts[i]);
  }
  return out;
}

}  // namespace interdict::lists::ofac_csv_internal
