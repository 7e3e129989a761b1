#include "store/store_json.h"

namespace interdict::store {

using Json = nlohmann::ordered_json;

Json AlertToJson(const Alert& a) {
  Json j;
  j["id"] = a.id;
  j["status"] = AlertStatusName(a.status);
  j["customer_id"] = a.match.customer_id;
  j["source"] = ListSourceCode(a.match.source);
  j["source_id"] = a.match.source_id;
  j["score"] = a.match.score;
  j["matched_name"] = a.match.matched_name;
  j["snapshot_id"] = a.match.snapshot_id;
  j["created_at"] = a.created_at;
  j["entity_hash"] = a.match.entity_hash;
  j["customer_hash"] = a.match.customer_hash;
  Json x = Json::parse(a.match.explanation_json, nullptr, false);
  j["explanation"] = x.is_discarded() ? Json(a.match.explanation_json) : x;
  if (a.status == AlertStatus::kDecided) {
    j["decision"] = DecisionName(a.decision);
    j["decision_note"] = a.decision_note;
    j["decided_by"] = a.decided_by;
    j["decided_at"] = a.decided_at;
  }
  return j;
}

Json CustomerToJson(const StoredCustomer& c) {
  Json j;
  j["id"] = c.customer.id;
  j["name"] = c.customer.name;
  j["kind"] = EntityKindName(c.customer.kind);
  if (!c.customer.dob.empty()) j["dob"] = c.customer.dob;
  if (!c.customer.country.empty()) j["country"] = c.customer.country;
  if (!c.customer.ids.empty()) j["ids"] = c.customer.ids;
  j["status"] = c.removed ? "removed" : "active";
  j["revision"] = c.revision;
  j["content_hash"] = c.content_hash;
  j["created_at"] = c.created_at;
  j["updated_at"] = c.updated_at;
  return j;
}

}  // namespace interdict::store
