// GET /openapi.json: the OpenAPI 3.0 document, built from Server::Routes() plus the
// parameters, bodies and schemas of each route written out here.

#include "server/server.h"

namespace interdict::server {
namespace {

using Json = nlohmann::ordered_json;

Json Ref(const char* schema) {
  return Json{{"$ref", std::string("#/components/schemas/") + schema}};
}

Json JsonResponse(const char* description, const char* schema) {
  return Json{{"description", description},
              {"content", Json{{"application/json", Json{{"schema", Ref(schema)}}}}}};
}

Json QueryParam(const char* name, const char* description, const char* type, bool required) {
  return Json{{"name", name},
              {"in", "query"},
              {"required", required},
              {"description", description},
              {"schema", Json{{"type", type}}}};
}

Json Schemas() {
  Json s;
  s["Error"] =
      Json{{"type", "object"},
           {"properties",
            Json{{"error", Json{{"type", "object"},
                                {"properties", Json{{"code", Json{{"type", "string"}}},
                                                    {"message", Json{{"type", "string"}}}}}}}}}};
  s["Query"] = Json{
      {"type", "object"},
      {"required", Json::array({"name"})},
      {"additionalProperties", false},
      {"properties",
       Json{{"name", Json{{"type", "string"}, {"maxLength", 1000}, {"description", "Any script"}}},
            {"kind", Json{{"type", "string"},
                          {"enum", Json::array({"person", "organization", "company", "vessel",
                                                "aircraft", "unknown"})}}},
            {"dob", Json{{"type", "string"}, {"example", "1955-05-21"}}},
            {"country", Json{{"type", "string"}, {"description", "ISO alpha-2/alpha-3 or a name"}}},
            {"ids", Json{{"type", "array"},
                         {"items", Json{{"type", "string"}}},
                         {"description",
                          "Identifiers: VALUE or TYPE:VALUE (passport, imo, bic, "
                          "tax...); an exact match is decisive"}}},
            {"lists",
             Json{{"type", "array"},
                  {"items", Json{{"type", "string"},
                                 {"enum", Json::array({"ofac_sdn", "ofac_nonsdn", "us_csl", "un",
                                                       "eu", "uk_ofsi", "inhouse"})}}}}},
            {"limit", Json{{"type", "integer"}, {"minimum", 1}, {"maximum", 100}, {"default", 10}}},
            {"threshold", Json{{"type", "number"},
                               {"minimum", 0},
                               {"maximum", 1},
                               {"default", kDefaultThreshold}}},
            {"explain", Json{{"type", "string"}, {"enum", Json::array({"compact", "full"})}}},
            {"id", Json{{"description", "The caller's reference, echoed back"}}}}}};
  s["BatchQuery"] =
      Json{{"type", "object"},
           {"required", Json::array({"queries"})},
           {"properties",
            Json{{"queries", Json{{"type", "array"}, {"items", Ref("Query")}, {"maxItems", 1000}}},
                 {"threshold", Json{{"type", "number"}}},
                 {"limit", Json{{"type", "integer"}}},
                 {"lists", Json{{"type", "array"}, {"items", Json{{"type", "string"}}}}},
                 {"explain", Json{{"type", "string"}}}}}};
  s["Hit"] = Json{
      {"type", "object"},
      {"properties",
       Json{{"source", Json{{"type", "string"}}},
            {"source_id", Json{{"type", "string"},
                               {"description",
                                "The list's own identifier: SDN ent_num, CSL _id, "
                                "UN DATAID, UK Group ID, EU logicalId"}}},
            {"name", Json{{"type", "string"}, {"description", "Primary name"}}},
            {"matched_name", Json{{"type", "string"}}},
            {"matched_name_type", Json{{"type", "string"}}},
            {"matched_name_quality", Json{{"type", "string"}, {"enum", Json::array({"weak"})}}},
            {"kind", Json{{"type", "string"}}},
            {"programs", Json{{"type", "array"}, {"items", Json{{"type", "string"}}}}},
            {"list_name", Json{{"type", "string"}}},
            {"score", Json{{"type", "number"}}},
            {"explanation", Json{{"type", "object"}}}}}};
  s["Snapshot"] = Json{{"type", "object"},
                       {"properties", Json{{"label", Json{{"type", "string"}}},
                                           {"loaded_at", Json{{"type", "string"}}},
                                           {"entities", Json{{"type", "integer"}}},
                                           {"names", Json{{"type", "integer"}}}}}};
  s["ScreenResult"] = Json{
      {"type", "object"},
      {"properties",
       Json{{"snapshot", Ref("Snapshot")},
            {"id", Json::object()},
            {"hits", Json{{"type", "array"}, {"items", Ref("Hit")}}},
            {"results",
             Json{{"type", "array"},
                  {"items", Json{{"type", "object"},
                                 {"properties", Json{{"index", Json{{"type", "integer"}}},
                                                     {"id", Json::object()},
                                                     {"hits", Json{{"type", "array"},
                                                                   {"items", Ref("Hit")}}}}}}}}}}}};
  s["Entity"] = Json{{"type", "object"},
                     {"description", "The listed entity as parsed (see docs/ARCHITECTURE.md)"}};
  s["Lists"] =
      Json{{"type", "object"},
           {"properties",
            Json{{"snapshot", Ref("Snapshot")},
                 {"sources", Json{{"type", "array"}, {"items", Json{{"type", "object"}}}}}}}};
  s["Customer"] = Json{
      {"type", "object"},
      {"required", Json::array({"id", "name"})},
      {"properties", Json{{"id", Json{{"type", "string"}}},
                          {"name", Json{{"type", "string"}}},
                          {"kind", Json{{"type", "string"}}},
                          {"dob", Json{{"type", "string"}}},
                          {"country", Json{{"type", "string"}}},
                          {"ids", Json{{"type", "array"}, {"items", Json{{"type", "string"}}}}}}}};
  s["CustomerImport"] = Json{
      {"oneOf",
       Json::array({Json{{"type", "array"}, {"items", Ref("Customer")}},
                    Json{{"type", "object"},
                         {"properties",
                          Json{{"customers", Json{{"type", "array"}, {"items", Ref("Customer")}}},
                               {"full", Json{{"type", "boolean"}}}}}}})}};
  s["Customers"] = Json{
      {"type", "object"},
      {"properties", Json{{"customers", Json{{"type", "array"}, {"items", Ref("Customer")}}}}}};
  s["ImportReport"] = Json{{"type", "object"},
                           {"properties", Json{{"rows", Json{{"type", "integer"}}},
                                               {"inserted", Json{{"type", "integer"}}},
                                               {"updated", Json{{"type", "integer"}}},
                                               {"unchanged", Json{{"type", "integer"}}},
                                               {"restored", Json{{"type", "integer"}}},
                                               {"removed", Json{{"type", "integer"}}},
                                               {"revision", Json{{"type", "integer"}}}}}};
  s["Alert"] = Json{{"type", "object"},
                    {"properties", Json{{"id", Json{{"type", "integer"}}},
                                        {"status", Json{{"type", "string"}}},
                                        {"customer_id", Json{{"type", "string"}}},
                                        {"source", Json{{"type", "string"}}},
                                        {"source_id", Json{{"type", "string"}}},
                                        {"score", Json{{"type", "number"}}},
                                        {"matched_name", Json{{"type", "string"}}},
                                        {"decision", Json{{"type", "string"}}}}}};
  s["Alerts"] =
      Json{{"type", "object"},
           {"properties", Json{{"alerts", Json{{"type", "array"}, {"items", Ref("Alert")}}}}}};
  s["Decision"] = Json{
      {"type", "object"},
      {"required", Json::array({"as"})},
      {"properties", Json{{"as", Json{{"type", "string"},
                                      {"enum", Json::array({"true-match", "false-positive"})}}},
                          {"note", Json{{"type", "string"}}},
                          {"by", Json{{"type", "string"},
                                      {"description", "Who decides (default: the API key id)"}}}}}};
  s["Health"] = Json{
      {"type", "object"},
      {"properties", Json{{"status", Json{{"type", "string"}}}, {"snapshot", Ref("Snapshot")}}}};
  s["Reload"] = Json{{"type", "object"},
                     {"properties", Json{{"reloaded", Json{{"type", "boolean"}}},
                                         {"seconds", Json{{"type", "number"}}},
                                         {"snapshot", Ref("Snapshot")}}}};
  return s;
}

// The parameters, body and responses of one route.
Json Operation(const RouteInfo& r) {
  Json op;
  op["summary"] = r.summary;
  op["operationId"] = r.method + r.path;
  Json responses;
  if (r.path == "/v1/screen") {
    op["requestBody"] = Json{
        {"required", true},
        {"content",
         Json{
             {"application/json",
              Json{{"schema", Json{{"oneOf", Json::array({Ref("Query"), Ref("BatchQuery")})}}}}}}}};
    responses["200"] = JsonResponse("Hits at or above the threshold, best first", "ScreenResult");
    responses["413"] = JsonResponse("Body or batch too large", "Error");
  } else if (r.path == "/v1/search") {
    op["parameters"] =
        Json::array({QueryParam("q", "The name, any script", "string", true),
                     QueryParam("kind", "person, organization, vessel, aircraft", "string", false),
                     QueryParam("dob", "Date of birth", "string", false),
                     QueryParam("country", "Country code or name", "string", false),
                     QueryParam("id", "Identifier (repeatable)", "string", false),
                     QueryParam("lists", "Comma-separated list codes", "string", false),
                     QueryParam("limit", "Most hits", "integer", false),
                     QueryParam("threshold", "Alert threshold in [0,1]", "number", false),
                     QueryParam("explain", "compact or full", "string", false)});
    responses["200"] = JsonResponse("Hits at or above the threshold, best first", "ScreenResult");
  } else if (r.path == "/v1/entities/{source}/{source_id}") {
    op["parameters"] = Json::array({Json{{"name", "source"},
                                         {"in", "path"},
                                         {"required", true},
                                         {"schema", Json{{"type", "string"}}}},
                                    Json{{"name", "source_id"},
                                         {"in", "path"},
                                         {"required", true},
                                         {"schema", Json{{"type", "string"}}}}});
    responses["200"] =
        JsonResponse("The entity; other_listings when the id repeats (US CSL)", "Entity");
    responses["404"] = JsonResponse("Unknown source or id", "Error");
  } else if (r.path == "/v1/lists") {
    responses["200"] = JsonResponse("Loaded sources", "Lists");
  } else if (r.path == "/v1/admin/reload") {
    responses["200"] = JsonResponse("The new snapshot serves", "Reload");
    responses["403"] =
        JsonResponse("The key is not an admin key, or no keys are configured", "Error");
    responses["500"] = JsonResponse("The new snapshot failed to load; the old one serves", "Error");
  } else if (r.path == "/v1/customers" && r.method == "GET") {
    op["parameters"] = Json::array(
        {QueryParam("limit", "Most customers (default 1000)", "integer", false),
         QueryParam("include_removed", "Also customers marked removed", "boolean", false),
         QueryParam("changed_after_revision", "Only those changed after this revision", "integer",
                    false)});
    responses["200"] = JsonResponse("Customers sorted by id", "Customers");
    responses["503"] = JsonResponse("No store configured", "Error");
  } else if (r.path == "/v1/customers") {
    op["requestBody"] =
        Json{{"required", true},
             {"content", Json{{"application/json", Json{{"schema", Ref("CustomerImport")}}}}}};
    responses["200"] = JsonResponse("Import counts", "ImportReport");
    responses["503"] = JsonResponse("No store configured", "Error");
  } else if (r.path == "/v1/alerts") {
    op["parameters"] = Json::array(
        {QueryParam("status", "open, decided or all (default all)", "string", false),
         QueryParam("customer_id", "Only this customer's alerts", "string", false),
         QueryParam("limit", "Most alerts (default 1000), newest first", "integer", false)});
    responses["200"] = JsonResponse("Alerts, newest first", "Alerts");
    responses["503"] = JsonResponse("No store configured", "Error");
  } else if (r.path == "/v1/alerts/{id}/decision") {
    op["parameters"] = Json::array({Json{{"name", "id"},
                                         {"in", "path"},
                                         {"required", true},
                                         {"schema", Json{{"type", "integer"}}}}});
    op["requestBody"] =
        Json{{"required", true},
             {"content", Json{{"application/json", Json{{"schema", Ref("Decision")}}}}}};
    responses["200"] = JsonResponse("The decided alert", "Alert");
    responses["404"] = JsonResponse("No such alert", "Error");
    responses["409"] = JsonResponse("The alert is already decided", "Error");
    responses["503"] = JsonResponse("No store configured", "Error");
  } else if (r.path == "/v1/digest") {
    op["parameters"] =
        Json::array({QueryParam("since",
                                "Baseline: a snapshot id or an ISO date (default: the snapshot "
                                "before the active one)",
                                "string", false),
                     QueryParam("format", "json (default), md or html", "string", false)});
    responses["200"] =
        Json{{"description", "The digest"},
             {"content", Json{{"application/json", Json{{"schema", Json{{"type", "object"}}}}},
                              {"text/markdown", Json{{"schema", Json{{"type", "string"}}}}},
                              {"text/html", Json{{"schema", Json{{"type", "string"}}}}}}}};
    responses["409"] = JsonResponse("The store has no active snapshot yet", "Error");
    responses["503"] = JsonResponse("No store configured", "Error");
  } else if (r.path == "/v1/shipments/screen") {
    op["requestBody"] = Json{
        {"required", true},
        {"content", Json{{"application/json",
                          Json{{"schema", Json{{"type", "object"},
                                               {"description",
                                                "One shipment, an array of shipments or "
                                                "{\"shipments\": [...]} (docs/trade.md)"}}}}}}}};
    responses["200"] =
        Json{{"description",
              "The verdict (block, review or clear) with every reason, or "
              "{\"verdicts\": [...]}"},
             {"content", Json{{"application/json", Json{{"schema", Json{{"type", "object"}}}}}}}};
  } else if (r.path == "/healthz") {
    responses["200"] = JsonResponse("Serving", "Health");
  } else if (r.path == "/metrics") {
    responses["200"] =
        Json{{"description", "Prometheus text format 0.0.4"},
             {"content", Json{{"text/plain", Json{{"schema", Json{{"type", "string"}}}}}}}};
  } else if (r.path == "/openapi.json") {
    responses["200"] =
        Json{{"description", "This document"},
             {"content", Json{{"application/json", Json{{"schema", Json{{"type", "object"}}}}}}}};
  }
  if (r.path != "/healthz" && r.path != "/metrics" && r.path != "/openapi.json" &&
      r.path != "/v1/lists" && r.method == "GET" && r.path != "/v1/entities/{source}/{source_id}") {
    responses["400"] = JsonResponse("Invalid parameter (the message names it)", "Error");
  }
  if (r.method == "POST") responses["400"] = JsonResponse("Invalid JSON or field", "Error");
  if (r.needs_key)
    responses["401"] = JsonResponse("API keys are configured and none valid was sent", "Error");
  op["responses"] = std::move(responses);
  if (!r.needs_key) op["security"] = Json::array();
  return op;
}

}  // namespace

nlohmann::ordered_json Server::OpenApi() {
  Json doc;
  doc["openapi"] = "3.0.3";
  doc["info"] = Json{{"title", "Interdict screening API"},
                     {"version", "1.0.0"},
                     {"description",
                      "Screen parties against the official sanctions and export-control lists. "
                      "A hit scoring at or above the threshold (default 0.86) is a potential "
                      "match for review."}};
  Json paths = Json::object();
  for (const RouteInfo& r : Routes()) {
    std::string method = r.method == "GET" ? "get" : "post";
    paths[r.path][method] = Operation(r);
  }
  doc["paths"] = std::move(paths);
  doc["components"] =
      Json{{"schemas", Schemas()},
           {"securitySchemes",
            Json{{"bearer", Json{{"type", "http"}, {"scheme", "bearer"}}},
                 {"apiKey", Json{{"type", "apiKey"}, {"in", "header"}, {"name", "X-API-Key"}}}}}};
  doc["security"] = Json::array({Json{{"bearer", Json::array()}}, Json{{"apiKey", Json::array()}}});
  return doc;
}

}  // namespace interdict::server
