#include "lists/common.h"

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/sha256.h"
#include "base/text.h"
#include "model/country.h"
#include "model/script.h"

namespace interdict::lists {
namespace {

struct LabelRule {
  std::string_view needle;  // lower-case substring of the label
  IdType type;
};

// Order matters: the first rule whose needle occurs in the lower-cased label wins.
constexpr LabelRule kLabelRules[] = {
    // Taxpayer numbers first: "Taxpayer Identification Number" is not a national id, and the
    // UK list writes "TIN" or "Russian taxpayer ID" next to other registration words.
    {"tin", IdType::kTaxId},
    {"taxpayer", IdType::kTaxId},
    {"digital currency address", IdType::kDigitalCurrencyAddress},
    {"swift", IdType::kSwiftBic},
    {"bic", IdType::kSwiftBic},
    {"company imo", IdType::kImo},
    {"imo", IdType::kImo},
    {"vessel registration identification", IdType::kImo},
    {"mmsi", IdType::kMmsi},
    {"call sign", IdType::kCallSign},
    {"serial number", IdType::kAircraftSerial},
    {"aircraft serial identification", IdType::kAircraftSerial},
    {"aircraft construction number", IdType::kAircraftSerial},
    {"(msn)", IdType::kAircraftSerial},
    {"tail number", IdType::kAircraftRegistration},
    {"aircraft registration", IdType::kAircraftRegistration},
    {"diplomatic passport", IdType::kPassport},
    {"passport", IdType::kPassport},
    {"website", IdType::kWebsite},
    {"web site", IdType::kWebsite},
    {"email", IdType::kEmail},
    {"e-mail", IdType::kEmail},
    {"phone", IdType::kPhone},
    {"telephone", IdType::kPhone},
    {"fax", IdType::kPhone},
    {"driver", IdType::kDriversLicense},
    {"cedula", IdType::kCedula},
    {"cédula", IdType::kCedula},
    {"curp", IdType::kCurp},
    {"ssn", IdType::kSsn},
    {"social security", IdType::kSsn},
    {"legal entity number", IdType::kLei},
    {"lei", IdType::kLei},
    {"d-u-n-s", IdType::kDuns},
    {"duns", IdType::kDuns},
    {"tax", IdType::kTaxId},
    {"inn", IdType::kTaxId},
    {"nit", IdType::kTaxId},
    {"ruc", IdType::kTaxId},
    {"rfc", IdType::kTaxId},
    {"vat", IdType::kTaxId},
    {"kpp", IdType::kTaxId},
    {"registration", IdType::kCompanyRegistration},
    {"business number", IdType::kCompanyRegistration},
    {"commercial registry", IdType::kCompanyRegistration},
    {"company number", IdType::kCompanyRegistration},
    {"ogrn", IdType::kCompanyRegistration},
    {"okpo", IdType::kCompanyRegistration},
    {"uscc", IdType::kCompanyRegistration},
    {"unified social credit", IdType::kCompanyRegistration},
    {"national id", IdType::kNationalId},
    {"national identification", IdType::kNationalId},
    {"identification number", IdType::kNationalId},
    {"personal id", IdType::kNationalId},
    {"id card", IdType::kNationalId},
    {"identity card", IdType::kNationalId},
    {"c.u.i.t", IdType::kTaxId},
    {"cuit", IdType::kTaxId},
};

// Substrings that make an OFAC label a sanctions statement rather than an identifier.
constexpr std::string_view kOfacNoteNeedles[] = {
    "sanctions information",    // "Additional Sanctions Information -"
    "secondary sanctions",      // "Secondary sanctions risk:"
    "directive",                // "Executive Order 13662 Directive Determination -", ...
    "executive order",          // "Executive Order 14059 information:"
    "caatsa",                   // "CAATSA Section 235 Information:"
    "ifca",                     // "IFCA Determination -"
    "peesa",                    // "PEESA Information:"
    "for more information",     // "For more information, please see:"
    "listing date",             // "Listing Date (CMIC)"
    "effective date",           // "Effective Date (CMIC)"
    "purchase/sales",           // "Purchase/Sales For Divestment Date (CMIC)"
    "transactions prohibited",  // "Transactions Prohibited For Persons Owned or Controlled ..."
    "organization type",        // "Organization Type:"
    "target type",              // "Target Type"
};

bool IsWordChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// Short needles ("inn", "nit", "bic") must be whole words; longer ones may be substrings.
bool Contains(std::string_view hay, std::string_view needle) {
  size_t pos = 0;
  while ((pos = hay.find(needle, pos)) != std::string_view::npos) {
    if (needle.size() > 4) return true;
    bool left = pos == 0 || !IsWordChar(hay[pos - 1]);
    size_t end = pos + needle.size();
    bool right = end >= hay.size() || !IsWordChar(hay[end]);
    if (left && right) return true;
    ++pos;
  }
  return false;
}

}  // namespace

IdType IdTypeFromLabel(std::string_view label) {
  std::string lower = base::AsciiToLower(base::Trim(label));
  for (const LabelRule& rule : kLabelRules) {
    if (Contains(lower, rule.needle)) return rule.type;
  }
  return IdType::kOther;
}

void FinishEntity(Entity* entity) {
  std::vector<Name> kept;
  kept.reserve(entity->names.size());
  for (Name& n : entity->names) {
    n.full = std::string(base::Trim(n.full));
    if (n.full.empty()) continue;
    bool dup = std::any_of(kept.begin(), kept.end(), [&](const Name& k) {
      return k.full == n.full && k.type == n.type && k.quality == n.quality;
    });
    if (dup) continue;
    n.script = model::DetectScript(n.full);
    kept.push_back(std::move(n));
  }
  entity->names = std::move(kept);
}

SourceFile MakeSourceFile(const InputFile& file) {
  SourceFile f;
  size_t slash = file.name.find_last_of('/');
  f.name = slash == std::string::npos ? file.name : file.name.substr(slash + 1);
  f.sha256 = base::Sha256Hex(file.bytes);
  f.size = file.bytes.size();
  return f;
}

Provenance MakeProvenance(const SourceFile& file, std::string locator) {
  return Provenance{file.name, file.sha256, std::move(locator)};
}

std::string CountryCode(std::string_view text) { return std::string(model::CountryToIso2(text)); }

void AddUnique(std::vector<std::string>* list, std::string_view value) {
  value = base::Trim(value);
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) != list->end()) return;
  list->emplace_back(value);
}

ParsedList NewParsedList(ListSource source, std::string_view format, const InputFile& file) {
  ParsedList out;
  out.version.source = source;
  out.version.format = std::string(format);
  out.version.files.push_back(MakeSourceFile(file));
  return out;
}

std::string CleanText(std::string_view s) { return base::CollapseWhitespace(base::Trim(s)); }

std::string JoinNonEmpty(std::initializer_list<std::string_view> parts, std::string_view sep) {
  std::string out;
  for (std::string_view p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += sep;
    out += p;
  }
  return out;
}

bool IsUpperAlpha2(std::string_view s) {
  return s.size() == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z';
}

std::string OneLine(std::string_view s) {
  s = base::Trim(s);
  if (s.find_first_of("\r\n\t") == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      out.push_back(c);
      ++i;
      continue;
    }
    size_t j = i;
    bool line_break = false;
    while (j < s.size() && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n')) {
      if (s[j] != ' ') line_break = true;
      ++j;
    }
    if (line_break) {
      out.push_back(' ');
    } else {
      out.append(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

std::string ReplaceInvalidUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 8);
  size_t pos = 0;
  while (pos < s.size()) {
    size_t bad = base::FindInvalidUtf8(s.substr(pos));
    if (bad == std::string_view::npos) {
      out.append(s.substr(pos));
      break;
    }
    out.append(s.substr(pos, bad));
    pos += bad;
    base::DecodeUtf8(s, &pos);  // advances past the invalid byte
    base::AppendUtf8(U'\uFFFD', &out);
  }
  return out;
}

void AddName(Entity* e, Name name) {
  if (name.full.empty()) return;
  for (Name& n : e->names) {
    if (n.full == name.full) {
      if (name.quality == NameQuality::kStrong) n.quality = NameQuality::kStrong;
      return;
    }
  }
  e->names.push_back(std::move(name));
}

void AddDateOfBirth(Entity* e, DateOfBirth dob) {
  for (const DateOfBirth& d : e->dates_of_birth) {
    if (d.from == dob.from && d.to == dob.to && d.circa == dob.circa) return;
  }
  e->dates_of_birth.push_back(std::move(dob));
}

bool DateBefore(const PartialDate& a, const PartialDate& b) {
  if (a.year != b.year) return a.year < b.year;
  if (a.month != b.month) return a.month < b.month;
  return a.day < b.day;
}

std::string LineLocation(size_t line) { return "line " + std::to_string(line); }

std::string XmlRecordLocation(int line, std::string_view path, std::string_view child) {
  std::string location = "line " + std::to_string(line) + ", ";
  location += path;
  if (!child.empty()) {
    location += "/";
    location += child;
  }
  return location;
}

std::string_view CellAt(const std::vector<std::string>& row, size_t column) {
  if (column == kAbsentColumn || column >= row.size()) return "";
  return base::Trim(row[column]);
}

std::string OfacLabelKey(std::string_view label) {
  std::string key = base::AsciiToLower(base::Trim(label));
  while (!key.empty() && (key.back() == ':' || key.back() == '-' || key.back() == ' ')) {
    key.pop_back();
  }
  return key;
}

bool IsOfacSanctionNoteKey(std::string_view key) {
  for (std::string_view needle : kOfacNoteNeedles) {
    if (key.find(needle) != std::string_view::npos) return true;
  }
  return false;
}

std::vector<std::string_view> FindLinkedToNames(std::string_view remarks) {
  constexpr std::string_view kMarker = "linked to:";
  std::vector<std::string_view> names;
  size_t pos = 0;
  while ((pos = base::FindIgnoreCase(remarks, kMarker, pos)) != std::string_view::npos) {
    size_t start = pos + kMarker.size();
    size_t end = start;
    int depth = 0;
    for (; end < remarks.size(); ++end) {
      char c = remarks[end];
      if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (depth == 0) break;  // closes the "(Linked To: ...)" group
        --depth;
      } else if (c == ';' && depth == 0) {
        break;
      }
    }
    std::string_view name = base::Trim(remarks.substr(start, end - start));
    if (!name.empty()) names.push_back(name);
    pos = end;
  }
  return names;
}

}  // namespace interdict::lists
