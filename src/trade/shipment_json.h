// File: trade/shipment_json.h
//
// Shipments in and verdicts out, for the CLI (`interdict shipment`) and the HTTP route
// (`POST /v1/shipments/screen`). Formats: docs/trade.md#shipment-input.
//
//   INTERDICT_ASSIGN_OR_RETURN(std::vector<Shipment> all,
//                              trade::ParseShipments(InputFile{"batch.jsonl", bytes}));
//   INTERDICT_ASSIGN_OR_RETURN(Shipment one, trade::ShipmentFromJson(request_json, "body"));
//   std::string out = trade::VerdictToJson(verdict).dump();
//
// Never throws: malformed input is kInvalidArgument with a message naming the file, the line
// (JSONL, CSV) or the JSON path ("parties[1].role: unknown role \"buyer\" (expected ...)").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "interdict/list.h"
#include "interdict/screener.h"
#include "interdict/status.h"

#include "trade/shipment.h"
#include "trade/shipment_screener.h"

namespace interdict::trade {

// One shipment object: {"id", "parties": [...], "goods": [...], "route": {...}}. Checks
// types, required fields (parties with role and name), roles, kinds, HS codes (ParseHsCode;
// hs6 is filled), numbers (quantity and value >= 0), and unknown keys (a typo such as
// "hscode" is an error; keys starting with "x_" are ignored). `where` prefixes messages.
Result<Shipment> ShipmentFromJson(const nlohmann::json& j, const std::string& where);

// A whole input file, its format told from its first bytes: a JSON object (one shipment, or
// {"shipments": [...]}), a JSON array of shipments, JSON Lines (one shipment per line), or
// CSV with a header holding shipment_id and record (rows grouped by shipment_id, in first-seen
// order). Errors: empty, binary or invalid UTF-8 input, JSON syntax errors (with the line),
// CSV without those columns, and any ShipmentFromJson error.
Result<std::vector<Shipment>> ParseShipments(const InputFile& file);

// {"shipment_id", "verdict", "destination", "counts": {"block", "review", "info"},
//  "reasons": [{"rule", "layer", "action", "evidence", "message", "party", "goods_line",
//  "hit": {...}, "ownership": {...}, "details": [...]}]}.
nlohmann::ordered_json VerdictToJson(const Verdict& verdict);

// The whole of `POST /v1/shipments/screen`: `body` is one shipment object, an array of them
// or {"shipments": [...]}; returns the verdict (VerdictToJson) for one object, else
// {"verdicts": [...]} in input order. kInvalidArgument (HTTP 400) names the shipment and the
// field, e.g. "body: shipments[2]: parties[0].role: unknown role ...". Thread-safe.
Result<nlohmann::ordered_json> AssessShipmentsJson(const ShipmentScreener& screener,
                                                   const nlohmann::json& body);

}  // namespace interdict::trade
