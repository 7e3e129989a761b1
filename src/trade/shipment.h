// File: trade/shipment.h
//
// A shipment as a compliance team sees it: the parties with their roles, the goods lines and
// the route. Plain value types filled by trade/shipment_json.h (JSON, JSONL or CSV) or by code.
//
//   Shipment s;  s.id = "INV-2024-0042";
//   s.parties.push_back(Party{.role = PartyRole::kConsignee, .name = "Centre Bright
//       Electronics Company Limited", .country = "HK"});
//   s.goods.push_back(GoodsLine{.hs_code = "8542.31", .description = "microcontrollers"});
//   s.route.destination = "HK";
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"

namespace interdict::trade {

enum class PartyRole : uint8_t {
  kShipper = 0,  // exporter, seller
  kConsignee,    // buyer, importer
  kEndUser,
  kIntermediateConsignee,
  kNotifyParty,
  kFreightForwarder,
  kBank,
};
// "shipper", "consignee", "end_user", "intermediate_consignee", "notify_party",
// "freight_forwarder", "bank".
std::string_view PartyRoleName(PartyRole role);
// Inverse of PartyRoleName(); also accepts spaces or hyphens for '_' and any case
// ("End User", "freight-forwarder"). nullopt for anything else.
std::optional<PartyRole> PartyRoleFromName(std::string_view name);
// The accepted role names, comma separated, for error messages.
std::string_view PartyRoleNames();

// An owner stated with the party (beside any ownership graph): who and how much.
struct StatedOwner {
  std::string name;  // a name, or a list reference "ofac_sdn:16666"
  double percent = 0;
};

struct Party {
  PartyRole role = PartyRole::kConsignee;
  std::string name;                        // REQUIRED
  EntityKind kind = EntityKind::kUnknown;  // helps the name match; unknown is fine
  std::string country;                     // as given: ISO code or name; may be ""
  std::string address;
  std::vector<std::string> ids;  // identifiers, as for Query::ids
  std::vector<StatedOwner> owners;
};

struct GoodsLine {
  std::string hs_code;  // as written; "" when the invoice gives none
  std::string hs6;      // filled by the parser from hs_code (trade/goods.h), "" when none
  std::string description;
  double quantity = 0;  // 0 = not given
  std::string unit;
  double value = 0;  // 0 = not given
  std::string currency;
};

struct Route {
  std::string origin;                // country of origin / export, as given
  std::vector<std::string> transit;  // in order
  std::string destination;           // REQUIRED (or a consignee/end-user country)
};

struct Shipment {
  std::string id;
  std::vector<Party> parties;  // at least one
  std::vector<GoodsLine> goods;
  Route route;
  std::string where;  // where it was read from, for messages: "file.json: shipment 3"
};

}  // namespace interdict::trade
