#include "store/audit_export.h"

#include <nlohmann/json.hpp>

namespace interdict::store {

std::string CsvField(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string AuditToCsv(std::span<const AuditRecord> records) {
  std::string out = "seq,time,actor,action,payload,prev_hash,hash\r\n";
  for (const AuditRecord& r : records) {
    out += std::to_string(r.seq) + "," + CsvField(r.time) + "," + CsvField(r.actor) + "," +
           CsvField(r.action) + "," + CsvField(r.payload_json) + "," + r.prev_hash + "," + r.hash +
           "\r\n";
  }
  return out;
}

std::string AuditToJson(std::span<const AuditRecord> records) {
  using Json = nlohmann::ordered_json;
  Json arr = Json::array();
  for (const AuditRecord& r : records) {
    Json j;
    j["seq"] = r.seq;
    j["time"] = r.time;
    j["actor"] = r.actor;
    j["action"] = r.action;
    Json payload = Json::parse(r.payload_json, nullptr, /*allow_exceptions=*/false);
    // A payload that no longer parses (tampering) is exported as the raw text.
    j["payload"] = payload.is_discarded() ? Json(r.payload_json) : std::move(payload);
    j["payload_text"] = r.payload_json;  // the exact bytes the hash covers
    j["prev_hash"] = r.prev_hash;
    j["hash"] = r.hash;
    arr.push_back(std::move(j));
  }
  return Json{{"records", std::move(arr)}}.dump(2, ' ', false, Json::error_handler_t::replace) +
         "\n";
}

}  // namespace interdict::store
