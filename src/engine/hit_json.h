// File: engine/hit_json.h
//
// The JSON form of screening results, shared by `interdict screen --json`, `interdict
// batch`, shipment verdicts, rescreen alerts and the HTTP API, so all print the same fields.
//
//   nlohmann::ordered_json j = engine::HitToJson(hit, engine::ExplainLevel::kCompact);
//
// A hit: source, source_id (the list's own identifier), name (primary), matched_name,
// matched_name_type, kind, programs, list_name (CSL sub-list), score and an explanation.
#pragma once

#include <nlohmann/json.hpp>

#include "interdict/screener.h"

namespace interdict::engine {

enum class ExplainLevel {
  kCompact,  // summary, query/matched normalized names, name_score, features
  kFull,     // also the token alignment, unmatched tokens, token and compact scores
};

nlohmann::ordered_json ExplanationToJson(const Explanation& explanation, ExplainLevel level);
nlohmann::ordered_json HitToJson(const Hit& hit, ExplainLevel level);

// Rounds a score for output (4 decimals), so JSON stays short and stable.
double RoundScore(double score);

}  // namespace interdict::engine
