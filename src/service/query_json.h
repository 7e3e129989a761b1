// File: service/query_json.h
//
// Screening queries from JSON (the HTTP API) and from string fields (batch rows, URL
// parameters), with errors that name the offending field.
//
//   {"name": "Sergei Shoigu", "kind": "person", "dob": "1955", "country": "RU",
//    "ids": ["passport:1234"], "lists": ["ofac_sdn"], "limit": 5, "threshold": 0.9}
//
//   INTERDICT_ASSIGN_OR_RETURN(ScreenRequest r, service::ScreenRequestFromJson(j, limits,
//   "queries[3]"));
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "interdict/screener.h"
#include "interdict/status.h"

#include "engine/hit_json.h"

namespace interdict::service {

struct RequestLimits {
  size_t max_limit = 100;  // most hits a query may ask for
  size_t max_ids = 20;
  size_t max_field_bytes = kMaxNameBytes;  // dob, country, each id
};

struct ScreenRequest {
  Query query;
  ScreenOptions options;
  engine::ExplainLevel explain = engine::ExplainLevel::kCompact;  // "explain": "compact" | "full"
};

// Parses "person", "individual", "organization", "company", "entity", "vessel", "aircraft"
// (any case; also the FollowTheMoney schema names Person, Company, Organization, LegalEntity,
// Vessel, Airplane). Empty -> kUnknown. kInvalidArgument for anything else.
Result<EntityKind> KindFromText(std::string_view text);

// Parses list codes ("ofac_sdn", ...). kInvalidArgument naming the unknown code.
Result<std::vector<ListSource>> ListsFromCodes(const std::vector<std::string>& codes);

// Splits an identifier cell "A123; IMO 9123456" on ';' or '|' into trimmed values.
std::vector<std::string> SplitIds(std::string_view cell);

// Validates one query object. `path` prefixes error messages ("queries[3].kind: ...").
// Defaults: options.threshold and options.limit come from `defaults`. Unknown fields are
// errors (a misspelled "treshold" must not silently fall back to the default).
Result<ScreenRequest> ScreenRequestFromJson(const nlohmann::json& j, const RequestLimits& limits,
                                            const ScreenOptions& defaults, std::string_view path);

// The checks Screen() would make on the name, done early so a batch can report them per row:
// empty or whitespace-only, longer than kMaxNameBytes, invalid UTF-8.
Status ValidateName(std::string_view name);

}  // namespace interdict::service
