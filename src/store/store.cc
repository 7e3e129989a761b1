#include "store/store.h"

#include <cstdlib>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "model/entity_json.h"

namespace interdict::store {

std::string ResolveDataDir(std::string_view flag) {
  if (!flag.empty()) return std::string(flag);
  const char* home = std::getenv("INTERDICT_HOME");
  if (home != nullptr && *home != '\0') return home;
  return "./interdict-data";
}

std::string EntityContentHash(const Entity& entity) {
  Entity copy = entity;
  copy.provenance = Provenance{};
  return base::Sha256Hex(model::EntityToJson(copy).dump(
      -1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

std::string CustomerContentHash(const Customer& c) {
  nlohmann::ordered_json j;
  j["id"] = c.id;
  j["name"] = c.name;
  j["kind"] = EntityKindName(c.kind);
  j["dob"] = c.dob;
  j["country"] = c.country;
  j["ids"] = c.ids;
  return base::Sha256Hex(j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

std::string_view AlertStatusName(AlertStatus status) {
  return status == AlertStatus::kDecided ? "decided" : "open";
}

std::string_view DecisionName(Decision decision) {
  switch (decision) {
    case Decision::kTrueMatch:
      return "true-match";
    case Decision::kFalsePositive:
      return "false-positive";
    case Decision::kNone:
      break;
  }
  return "";
}

Decision DecisionFromName(std::string_view name) {
  if (name == "true-match" || name == "true_match") return Decision::kTrueMatch;
  if (name == "false-positive" || name == "false_positive") return Decision::kFalsePositive;
  return Decision::kNone;
}

std::string_view RaiseOutcomeName(RaiseOutcome outcome) {
  switch (outcome) {
    case RaiseOutcome::kRaised:
      return "raised";
    case RaiseOutcome::kDuplicate:
      return "duplicate";
    case RaiseOutcome::kSuppressed:
      return "suppressed";
  }
  return "raised";
}

std::string AuditRecordHash(const AuditRecord& r) {
  std::string input;
  auto add = [&input](std::string_view field) {
    input += std::to_string(field.size());
    input += ':';
    input += field;
    input += '\n';
  };
  add(r.prev_hash);
  add(std::to_string(r.seq));
  add(r.time);
  add(r.actor);
  add(r.action);
  add(r.payload_json);
  return base::Sha256Hex(input);
}

}  // namespace interdict::store
