#include "interdict/entity.h"

#include <array>
#include <cstdio>
#include <utility>

#include "interdict/list.h"

namespace interdict {
namespace {

constexpr std::array<std::pair<ListSource, std::string_view>, 8> kSourceCodes = {{
    {ListSource::kUnknown, "unknown"},
    {ListSource::kOfacSdn, "ofac_sdn"},
    {ListSource::kOfacNonSdn, "ofac_nonsdn"},
    {ListSource::kUsCsl, "us_csl"},
    {ListSource::kUn, "un"},
    {ListSource::kEu, "eu"},
    {ListSource::kUkOfsi, "uk_ofsi"},
    {ListSource::kInHouse, "inhouse"},
}};

constexpr std::array<std::pair<IdType, std::string_view>, 21> kIdTypeNames = {{
    {IdType::kOther, "other"},
    {IdType::kPassport, "passport"},
    {IdType::kNationalId, "national_id"},
    {IdType::kTaxId, "tax_id"},
    {IdType::kCompanyRegistration, "company_registration"},
    {IdType::kSwiftBic, "swift_bic"},
    {IdType::kImo, "imo"},
    {IdType::kMmsi, "mmsi"},
    {IdType::kCallSign, "call_sign"},
    {IdType::kAircraftSerial, "aircraft_serial"},
    {IdType::kAircraftRegistration, "aircraft_registration"},
    {IdType::kWebsite, "website"},
    {IdType::kEmail, "email"},
    {IdType::kPhone, "phone"},
    {IdType::kDigitalCurrencyAddress, "digital_currency_address"},
    {IdType::kDriversLicense, "drivers_license"},
    {IdType::kCedula, "cedula"},
    {IdType::kCurp, "curp"},
    {IdType::kSsn, "ssn"},
    {IdType::kLei, "lei"},
    {IdType::kDuns, "duns"},
}};

}  // namespace

std::string_view ListSourceCode(ListSource source) {
  for (const auto& [s, code] : kSourceCodes) {
    if (s == source) return code;
  }
  return "unknown";
}

ListSource ListSourceFromCode(std::string_view code) {
  for (const auto& [s, c] : kSourceCodes) {
    if (c == code) return s;
  }
  return ListSource::kUnknown;
}

std::string_view EntityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPerson:
      return "person";
    case EntityKind::kOrganization:
      return "organization";
    case EntityKind::kVessel:
      return "vessel";
    case EntityKind::kAircraft:
      return "aircraft";
    case EntityKind::kUnknown:
      break;
  }
  return "unknown";
}

EntityKind EntityKindFromName(std::string_view name) {
  if (name == "person" || name == "individual" || name == "Individual" || name == "Person") {
    return EntityKind::kPerson;
  }
  if (name == "organization" || name == "entity" || name == "Entity" || name == "company" ||
      name == "Company" || name == "Organization" || name == "LegalEntity" ||
      name == "PublicBody") {
    return EntityKind::kOrganization;
  }
  if (name == "vessel" || name == "Vessel" || name == "ship" || name == "Ship") {
    return EntityKind::kVessel;
  }
  if (name == "aircraft" || name == "Aircraft") return EntityKind::kAircraft;
  return EntityKind::kUnknown;
}

std::string_view NameTypeName(NameType type) {
  switch (type) {
    case NameType::kPrimary:
      return "primary";
    case NameType::kAka:
      return "aka";
    case NameType::kFka:
      return "fka";
    case NameType::kNka:
      return "nka";
  }
  return "aka";
}

std::string_view NameQualityName(NameQuality quality) {
  return quality == NameQuality::kWeak ? "weak" : "strong";
}

std::string_view ScriptName(Script script) {
  switch (script) {
    case Script::kUnknown:
      return "unknown";
    case Script::kLatin:
      return "latin";
    case Script::kCyrillic:
      return "cyrillic";
    case Script::kArabic:
      return "arabic";
    case Script::kHan:
      return "han";
    case Script::kKana:
      return "kana";
    case Script::kHangul:
      return "hangul";
    case Script::kHebrew:
      return "hebrew";
    case Script::kGreek:
      return "greek";
    case Script::kGeorgian:
      return "georgian";
    case Script::kArmenian:
      return "armenian";
    case Script::kThai:
      return "thai";
    case Script::kDevanagari:
      return "devanagari";
    case Script::kOther:
      return "other";
    case Script::kMixed:
      return "mixed";
  }
  return "unknown";
}

std::string_view GenderName(Gender gender) {
  switch (gender) {
    case Gender::kMale:
      return "male";
    case Gender::kFemale:
      return "female";
    case Gender::kUnknown:
      break;
  }
  return "";
}

std::string_view IdTypeName(IdType type) {
  for (const auto& [t, name] : kIdTypeNames) {
    if (t == type) return name;
  }
  return "other";
}

IdType IdTypeFromName(std::string_view name) {
  for (const auto& [t, n] : kIdTypeNames) {
    if (n == name) return t;
  }
  return IdType::kOther;
}

std::string PartialDate::ToString() const {
  char buf[16];
  if (year == 0) return "";
  if (month == 0) {
    std::snprintf(buf, sizeof(buf), "%04d", static_cast<int>(year));
  } else if (day == 0) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d", static_cast<int>(year), static_cast<int>(month));
  } else {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", static_cast<int>(year),
                  static_cast<int>(month), static_cast<int>(day));
  }
  return buf;
}

std::string_view SeverityName(Severity severity) {
  return severity == Severity::kSkipped ? "skipped" : "warning";
}

std::string Diagnostic::ToString() const {
  std::string out = file;
  if (!location.empty()) {
    out += ": ";
    out += location;
  }
  if (!record_id.empty()) {
    out += " (";
    out += record_id;
    out += ")";
  }
  out += ": ";
  out += SeverityName(severity);
  out += ": ";
  out += message;
  return out;
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kSkipped) {
    ++skipped_;
  } else {
    ++warnings_;
  }
  items_.push_back(std::move(d));
}

void Diagnostics::Warn(std::string file, std::string location, std::string record_id,
                       std::string message) {
  Add(Diagnostic{Severity::kWarning, std::move(file), std::move(location), std::move(record_id),
                 std::move(message)});
}

void Diagnostics::Skip(std::string file, std::string location, std::string record_id,
                       std::string message) {
  Add(Diagnostic{Severity::kSkipped, std::move(file), std::move(location), std::move(record_id),
                 std::move(message)});
}

void Diagnostics::Append(const Diagnostics& other) {
  for (const Diagnostic& d : other.items()) Add(d);
}

}  // namespace interdict
