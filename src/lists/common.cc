#include "lists/common.h"

#include <algorithm>
#include <utility>

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
    {"digital currency address", IdType::kDigitalCurrencyAddress},
    {"swift", IdType::kSwiftBic},
    {"bic", IdType::kSwiftBic},
    {"company imo", IdType::kImo},
    {"imo", IdType::kImo},
    {"vessel registration identification", IdType::kImo},
    {"mmsi", IdType::kMmsi},
    {"call sign", IdType::kCallSign},
    {"serial number", IdType::kAircraftSerial},
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

bool IsWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

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

std::string CountryCode(std::string_view text) {
  return std::string(model::CountryToIso2(text));
}

void AddUnique(std::vector<std::string>* list, std::string_view value) {
  value = base::Trim(value);
  if (value.empty()) return;
  if (std::find(list->begin(), list->end(), value) != list->end()) return;
  list->emplace_back(value);
}

}  // namespace interdict::lists
