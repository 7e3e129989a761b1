#include "trade/shipment.h"

#include <array>

#include "base/text.h"

namespace interdict::trade {
namespace {

constexpr std::array<std::string_view, 7> kRoleNames = {
    "shipper",      "consignee",         "end_user", "intermediate_consignee",
    "notify_party", "freight_forwarder", "bank"};

}  // namespace

std::string_view PartyRoleName(PartyRole role) { return kRoleNames[static_cast<size_t>(role)]; }

std::optional<PartyRole> PartyRoleFromName(std::string_view name) {
  std::string n = base::AsciiToLower(base::Trim(name));
  for (char& c : n) {
    if (c == ' ' || c == '-') c = '_';
  }
  for (size_t i = 0; i < kRoleNames.size(); ++i) {
    if (kRoleNames[i] == n) return static_cast<PartyRole>(i);
  }
  return std::nullopt;
}

std::string_view PartyRoleNames() {
  return "shipper, consignee, end_user, intermediate_consignee, notify_party, "
         "freight_forwarder, bank";
}

}  // namespace interdict::trade
