// PLACEHOLDER: being replaced by the full ISO 3166 table (see model/country.h).
#include "model/country.h"

#include <string>

#include "base/text.h"

namespace interdict::model {

std::string_view CountryToIso2(std::string_view text) {
  std::string up = base::AsciiToUpper(base::Trim(text));
  if (up == "RU" || up == "RUSSIA") return "RU";
  return "";
}

std::string_view CountryName(std::string_view iso2) { return iso2 == "RU" ? "Russia" : ""; }

}  // namespace interdict::model
