// The routes over the store (customers, alerts, digest) and the trade tables (shipments).
// Without a store or tables they answer 503 and say how to start the server with them.

#include <cstdlib>

#include "daily/digest.h"
#include "daily/stored_digest.h"
#include "server/http_util.h"
#include "store/customer_file.h"
#include "store/store_json.h"
#include "trade/shipment_json.h"
#include "trade/shipment_screener.h"

namespace interdict::server {
namespace {

using namespace internal;  // NOLINT: this file is the server's own
using Json = nlohmann::ordered_json;

// Parses a non-negative integer parameter; false (after sending 400) when it is not one.
bool UintParam(const httplib::Request& req, const char* name, uint64_t* value,
               httplib::Response& res) {
  if (!req.has_param(name)) return true;
  std::string text = req.get_param_value(name);
  char* end = nullptr;
  unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || text[0] == '-') {
    SendError(res, 400, "bad_request", std::string(name) + ": must be a non-negative integer");
    return false;
  }
  *value = v;
  return true;
}

bool BoolParam(const httplib::Request& req, const char* name, bool* value, httplib::Response& res) {
  if (!req.has_param(name)) return true;
  std::string text = req.get_param_value(name);
  if (text == "true" || text == "1") {
    *value = true;
  } else if (text == "false" || text == "0") {
    *value = false;
  } else {
    SendError(res, 400, "bad_request", std::string(name) + ": must be true or false");
    return false;
  }
  return true;
}

// Only the listed parameters are accepted; false (after sending 400) otherwise.
bool KnownParams(const httplib::Request& req, std::initializer_list<std::string_view> known,
                 httplib::Response& res) {
  for (const auto& [key, value] : req.params) {
    bool ok = false;
    for (std::string_view k : known) ok = ok || key == k;
    if (!ok) {
      std::string list;
      for (std::string_view k : known) list += (list.empty() ? "" : ", ") + std::string(k);
      SendError(res, 400, "bad_request", key + ": unknown parameter (" + list + ")");
      return false;
    }
  }
  return true;
}

constexpr char kNoStore[] =
    "no store is configured: start `interdict serve --data-dir DIR` (the directory `interdict "
    "sync` and `interdict customers import` use)";

}  // namespace

void Server::AddDailyAndTradeRoutes(Impl& impl) {
  httplib::Server& http = impl.http;
  std::shared_ptr<store::Store> db = options_.store;

  http.Get("/v1/customers", [db](const httplib::Request& req, httplib::Response& res) {
    tls_request.route = "/v1/customers";
    if (!db) return SendError(res, 503, "unavailable", kNoStore);
    if (!KnownParams(req, {"limit", "include_removed", "changed_after_revision"}, res)) return;
    store::CustomerFilter filter;
    filter.limit = 1000;
    uint64_t after = 0;
    if (!UintParam(req, "limit", &filter.limit, res) ||
        !BoolParam(req, "include_removed", &filter.include_removed, res) ||
        !UintParam(req, "changed_after_revision", &after, res)) {
      return;
    }
    filter.changed_after_revision = static_cast<int64_t>(after);
    auto list = db->ListCustomers(filter);
    if (!list.ok()) return SendStatus(res, list.status());
    Json arr = Json::array();
    for (const store::StoredCustomer& c : *list) arr.push_back(store::CustomerToJson(c));
    SendJson(res, 200, Json{{"customers", std::move(arr)}});
  });

  http.Post("/v1/customers", [db](const httplib::Request& req, httplib::Response& res) {
    tls_request.route = "/v1/customers";
    if (!db) return SendError(res, 503, "unavailable", kNoStore);
    nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded())
      return SendError(res, 400, "bad_request", "the body is not valid JSON");
    bool full = false;
    nlohmann::json items;
    if (body.is_array()) {
      items = std::move(body);
    } else if (body.is_object() && body.contains("customers")) {
      for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() == "customers") continue;
        if (it.key() != "full") {
          return SendError(res, 400, "bad_request", it.key() + ": unknown field (customers, full)");
        }
        if (!it.value().is_boolean()) {
          return SendError(res, 400, "bad_request", "full: must be true or false");
        }
        full = it.value().get<bool>();
      }
      items = body["customers"];
    } else {
      return SendError(res, 400, "bad_request",
                       "the body must be an array of customers or {\"customers\": [...], "
                       "\"full\": false}");
    }
    if (!items.is_array() || items.empty()) {
      return SendError(res, 400, "bad_request", "customers: must be a non-empty array");
    }
    // One customer per line, read by the same reader as `interdict customers import`.
    std::string jsonl;
    for (size_t i = 0; i < items.size(); ++i) {
      if (!items[i].is_object()) {
        return SendError(res, 400, "bad_request",
                         "customers[" + std::to_string(i) + "]: must be an object");
      }
      jsonl += items[i].dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
      jsonl += '\n';
    }
    auto parsed = store::ParseCustomerFile("customers", jsonl, store::CustomerFileFormat::kJsonl);
    if (!parsed.ok()) return SendError(res, 400, "bad_request", parsed.status().message());
    if (parsed->diagnostics.skipped() > 0 || parsed->customers.size() != items.size()) {
      // A request is all or nothing: report every problem by its index (line i+1).
      Json problems = Json::array();
      for (const Diagnostic& d : parsed->diagnostics.items()) problems.push_back(d.ToString());
      return SendJson(res, 400,
                      Json{{"error", Json{{"code", "bad_request"},
                                          {"message",
                                           "some customers are invalid (line N is "
                                           "customers[N-1]); nothing was imported"},
                                          {"problems", std::move(problems)}}}});
    }
    store::ImportOptions options;
    options.full = full;
    options.actor = tls_request.key_id.empty() ? "api" : "api:" + tls_request.key_id;
    options.source_name = "POST /v1/customers";
    auto report = db->ImportCustomers(parsed->customers, options);
    if (!report.ok()) return SendStatus(res, report.status());
    SendJson(res, 200,
             Json{{"rows", report->rows},
                  {"inserted", report->inserted},
                  {"updated", report->updated},
                  {"unchanged", report->unchanged},
                  {"restored", report->restored},
                  {"removed", report->removed},
                  {"revision", report->revision}});
  });

  http.Get("/v1/alerts", [db](const httplib::Request& req, httplib::Response& res) {
    tls_request.route = "/v1/alerts";
    if (!db) return SendError(res, 503, "unavailable", kNoStore);
    if (!KnownParams(req, {"status", "customer_id", "limit"}, res)) return;
    store::AlertFilter filter;
    filter.limit = 1000;
    if (!UintParam(req, "limit", &filter.limit, res)) return;
    if (req.has_param("status")) {
      std::string s = req.get_param_value("status");
      if (s == "open") {
        filter.status = store::AlertStatus::kOpen;
      } else if (s == "decided") {
        filter.status = store::AlertStatus::kDecided;
      } else if (s != "all") {
        return SendError(res, 400, "bad_request", "status: must be open, decided or all");
      }
    }
    filter.customer_id = req.get_param_value("customer_id");
    auto alerts = db->ListAlerts(filter);
    if (!alerts.ok()) return SendStatus(res, alerts.status());
    Json arr = Json::array();
    for (const store::Alert& a : *alerts) arr.push_back(store::AlertToJson(a));
    SendJson(res, 200, Json{{"alerts", std::move(arr)}});
  });

  http.Post(
      "/v1/alerts/([0-9]+)/decision", [db](const httplib::Request& req, httplib::Response& res) {
        tls_request.route = "/v1/alerts/{id}/decision";
        if (!db) return SendError(res, 503, "unavailable", kNoStore);
        store::AlertId id = std::strtoll(req.matches[1].str().c_str(), nullptr, 10);
        nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
        if (body.is_discarded() || !body.is_object()) {
          return SendError(res, 400, "bad_request",
                           "the body must be a JSON object {\"as\", \"note\", \"by\"}");
        }
        std::string as, note, by;
        for (auto it = body.begin(); it != body.end(); ++it) {
          if (it.key() != "as" && it.key() != "note" && it.key() != "by") {
            return SendError(res, 400, "bad_request", it.key() + ": unknown field (as, note, by)");
          }
          if (!it.value().is_string()) {
            return SendError(res, 400, "bad_request", it.key() + ": must be a string");
          }
        }
        as = body.value("as", "");
        note = body.value("note", "");
        by = body.value("by", "");
        store::Decision decision = store::DecisionFromName(as);
        if (decision == store::Decision::kNone) {
          return SendError(res, 400, "bad_request", "as: must be true-match or false-positive");
        }
        if (by.empty()) by = tls_request.key_id;
        if (by.empty()) {
          return SendError(res, 400, "bad_request",
                           "by: required (who decides) when no API key is used");
        }
        Status s = db->DecideAlert(id, decision, note, by);
        if (!s.ok()) return SendStatus(res, s);
        auto alert = db->GetAlert(id);
        if (!alert.ok()) return SendStatus(res, alert.status());
        SendJson(res, 200, store::AlertToJson(*alert));
      });

  http.Get("/v1/digest", [db](const httplib::Request& req, httplib::Response& res) {
    tls_request.route = "/v1/digest";
    if (!db) return SendError(res, 503, "unavailable", kNoStore);
    if (!KnownParams(req, {"since", "format"}, res)) return;
    daily::DigestFormat format = daily::DigestFormat::kJson;
    if (req.has_param("format")) {
      auto f = daily::DigestFormatFromName(req.get_param_value("format"));
      if (!f) return SendError(res, 400, "bad_request", "format: must be json, md or html");
      format = *f;
    }
    daily::DigestRequest request;
    request.since = req.get_param_value("since");
    auto digest = daily::LoadDigest(*db, request);
    if (!digest.ok()) return SendStatus(res, digest.status());
    std::string body = daily::RenderDigest((*digest)->input, format);
    res.status = 200;
    const char* type = format == daily::DigestFormat::kHtml       ? "text/html; charset=utf-8"
                       : format == daily::DigestFormat::kMarkdown ? "text/markdown; charset=utf-8"
                                                                  : "application/json";
    res.set_content(body, type);
  });

  http.Post("/v1/shipments/screen", [this](const httplib::Request& req, httplib::Response& res) {
    tls_request.route = "/v1/shipments/screen";
    if (!options_.controls) {
      return SendError(res, 503, "unavailable",
                       "no goods tables are loaded (serve loads <data>/goods by default)");
    }
    std::shared_ptr<const service::Dataset> d = dataset();
    nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded())
      return SendError(res, 400, "bad_request", "the body is not valid JSON");
    trade::ShipmentScreenerOptions so;
    so.threshold = options_.defaults.threshold;
    auto screener = trade::ShipmentScreener::Create(d->screener(), *options_.controls, nullptr, so);
    if (!screener.ok()) return SendStatus(res, screener.status());
    auto verdicts = trade::AssessShipmentsJson(**screener, body);
    if (!verdicts.ok()) return SendStatus(res, verdicts.status());
    SendJson(res, 200, *verdicts);
  });
}

}  // namespace interdict::server
