#include "engine/hit_json.h"

#include <cmath>

namespace interdict::engine {

using Json = nlohmann::ordered_json;

double RoundScore(double score) { return std::round(score * 10000) / 10000; }

Json ExplanationToJson(const Explanation& x, ExplainLevel level) {
  Json j;
  j["summary"] = x.Summary();
  j["query_normalized"] = x.query_normalized;
  j["matched_normalized"] = x.matched_normalized;
  if (level == ExplainLevel::kFull) {
    if (x.query_transliterated) j["query_transliterated"] = true;
    if (x.match_transliterated) j["match_transliterated"] = true;
    Json align = Json::array();
    for (const TokenAlignmentNote& a : x.alignment) {
      align.push_back(Json{{"query", a.query_token},
                           {"matched", a.matched_token},
                           {"similarity", std::round(a.similarity * 1000) / 1000},
                           {"how", a.how}});
    }
    j["alignment"] = std::move(align);
    if (!x.unmatched_query.empty()) j["unmatched_query"] = x.unmatched_query;
    if (!x.unmatched_match.empty()) j["unmatched_match"] = x.unmatched_match;
    j["token_score"] = RoundScore(x.token_score);
    if (x.compact_score > 0) j["compact_score"] = RoundScore(x.compact_score);
  } else if (x.query_transliterated || x.match_transliterated) {
    j["transliterated"] = true;
  }
  j["name_score"] = RoundScore(x.name_score);
  if (x.legal_form_factor < 1) j["legal_form_factor"] = x.legal_form_factor;
  if (x.han_characters_differ) j["han_characters_differ"] = true;
  Json features = Json::array();
  for (const FeatureNote& f : x.features) {
    features.push_back(Json{{"feature", f.feature},
                            {"contribution", std::round(f.contribution * 1000) / 1000},
                            {"detail", f.detail}});
  }
  if (!features.empty()) j["features"] = std::move(features);
  return j;
}

Json HitToJson(const Hit& h, ExplainLevel level) {
  Json j;
  j["source"] = ListSourceCode(h.entity->source);
  j["source_id"] = h.entity->source_id;
  j["name"] = h.entity->primary_name().full;
  j["matched_name"] = h.matched->full;
  j["matched_name_type"] = NameTypeName(h.matched->type);
  if (h.matched->quality == NameQuality::kWeak) j["matched_name_quality"] = "weak";
  j["kind"] = EntityKindName(h.entity->kind);
  j["programs"] = h.entity->programs;
  if (!h.entity->list_name.empty()) j["list_name"] = h.entity->list_name;
  j["score"] = RoundScore(h.score);
  j["explanation"] = ExplanationToJson(h.explanation, level);
  return j;
}

}  // namespace interdict::engine
