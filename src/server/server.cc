#include "server/server.h"

#include <chrono>
#include <cmath>
#include <ctime>
#include <thread>

#include <httplib.h>

#include "base/sha256.h"
#include "base/text.h"
#include "model/date.h"
#include "model/entity_json.h"
#include "server/http_util.h"
#include "engine/hit_json.h"

namespace interdict::server {
namespace {

using namespace internal;  // NOLINT: this file is the server's own
using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

// The caller's key from "Authorization: Bearer KEY" or "X-API-Key: KEY".
std::string PresentedKey(const httplib::Request& req) {
  std::string auth = req.get_header_value("Authorization");
  if (base::StartsWithIgnoreCase(auth, "Bearer ")) {
    return std::string(base::Trim(std::string_view(auth).substr(7)));
  }
  return req.get_header_value("X-API-Key");
}

// The age in seconds of an as-of date ("2024-05-01" or a date-time), or -1.
double AgeSeconds(const std::string& as_of) {
  if (as_of.size() < 10) return -1;
  std::tm tm{};
  if (std::sscanf(as_of.c_str(), "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) {
    return -1;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  std::time_t t = timegm(&tm);
  if (t < 0) return -1;
  return std::difftime(std::time(nullptr), t);
}

Json SourcesToJson(const service::Dataset& d) {
  Json sources = Json::array();
  for (const snapshot::LoadedSource& s : d.sources()) {
    Json j;
    j["source"] = ListSourceCode(s.version.source);
    j["format"] = s.version.format;
    j["as_of"] = s.version.as_of;
    j["entities"] = s.entities;
    Json kinds = Json::object();
    for (size_t k = 0; k < s.by_kind.size(); ++k) {
      if (s.by_kind[k] > 0)
        kinds[std::string(EntityKindName(static_cast<EntityKind>(k)))] = s.by_kind[k];
    }
    j["by_kind"] = std::move(kinds);
    j["names"] = s.names;
    j["weak_names"] = s.weak_names;
    j["warnings"] = s.diagnostics.warnings();
    j["skipped"] = s.diagnostics.skipped();
    Json files = Json::array();
    for (const SourceFile& f : s.version.files) {
      files.push_back(Json{{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
    }
    j["files"] = std::move(files);
    sources.push_back(std::move(j));
  }
  return sources;
}

Json DatasetSummary(const service::Dataset& d) {
  std::time_t loaded = std::chrono::system_clock::to_time_t(d.loaded_at());
  std::tm tm{};
  gmtime_r(&loaded, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return Json{{"label", d.label()},
              {"loaded_at", buf},
              {"entities", d.screener().entities().size()},
              {"names", d.screener().indexed_names()}};
}

}  // namespace

Result<std::vector<ApiKey>> ParseApiKeys(std::string_view text, std::string_view origin) {
  std::vector<ApiKey> keys;
  size_t line_no = 0;
  for (std::string_view line : base::Split(text, "\n")) {
    ++line_no;
    for (std::string_view item : base::Split(line, ",")) {
      item = base::Trim(item);
      if (item.empty() || item[0] == '#') break;
      std::vector<std::string_view> parts = base::Split(item, ":");
      std::string where = std::string(origin) + ":" + std::to_string(line_no);
      if (parts.size() < 2 || parts.size() > 3 || base::Trim(parts[0]).empty()) {
        return Status::InvalidArgument(where + ": an API key is ID:SECRET or ID:SECRET:admin");
      }
      std::string_view secret = base::Trim(parts[1]);
      if (secret.size() < 16) {
        return Status::InvalidArgument(where + ": the secret of key \"" +
                                       std::string(base::Trim(parts[0])) +
                                       "\" is shorter than 16 characters");
      }
      ApiKey key;
      key.id = std::string(base::Trim(parts[0]));
      key.secret_sha256 = base::Sha256Hex(secret);
      if (parts.size() == 3) {
        if (base::Trim(parts[2]) != "admin") {
          return Status::InvalidArgument(where + ": the third field may only be \"admin\"");
        }
        key.admin = true;
      }
      for (const ApiKey& k : keys) {
        if (k.id == key.id) {
          return Status::InvalidArgument(where + ": key id \"" + key.id + "\" appears twice");
        }
      }
      keys.push_back(std::move(key));
    }
  }
  return keys;
}

const std::vector<RouteInfo>& Server::Routes() {
  static const std::vector<RouteInfo> routes = {
      {"POST", "/v1/screen", "Screen one party, or a batch of parties, against the lists"},
      {"GET", "/v1/search", "Screen one name given as URL parameters (the quick form)"},
      {"GET", "/v1/entities/{source}/{source_id}", "The whole listed entity"},
      {"GET", "/v1/lists", "Loaded sources with as-of dates, file hashes and counts"},
      {"POST", "/v1/admin/reload", "Load the snapshot again and swap it in without downtime", true,
       true},
      {"GET", "/v1/customers", "Stored customers (needs the store: serve --data-dir)"},
      {"POST", "/v1/customers",
       "Import (upsert by id) customers; full=true marks the missing removed"},
      {"GET", "/v1/alerts", "Alerts raised by rescreening, newest first"},
      {"POST", "/v1/alerts/{id}/decision", "Decide an alert: true-match or false-positive"},
      {"GET", "/v1/digest", "The business-day digest: what changed and which customers it touches"},
      {"POST", "/v1/shipments/screen",
       "One verdict per shipment: parties, ownership, goods, route"},
      {"GET", "/healthz", "Liveness: 200 while a snapshot is loaded", false},
      {"GET", "/metrics", "Prometheus metrics"},
      {"GET", "/openapi.json", "This document"},
  };
  return routes;
}

Server::Server(ServerOptions options, DatasetLoader loader)
    : impl_(std::make_unique<Impl>()), options_(std::move(options)), loader_(std::move(loader)) {}

Server::~Server() { Stop(); }

std::shared_ptr<const service::Dataset> Server::dataset() const {
  std::lock_guard<std::mutex> lock(mu_);
  return dataset_;
}

Status Server::Reload() {
  std::lock_guard<std::mutex> reload(reload_mu_);
  auto loaded = loader_();
  if (!loaded.ok()) {
    metrics_.RecordReload(false);
    return loaded.status();
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    dataset_ = std::move(*loaded);
  }
  metrics_.RecordReload(true);
  return Status::Ok();
}

void Server::Stop() {
  if (impl_ && impl_->http.is_running()) impl_->http.stop();
}

void Server::Run() { impl_->http.listen_after_bind(); }

Status Server::Start() {
  {
    auto loaded = loader_();
    if (!loaded.ok()) return loaded.status();
    std::lock_guard<std::mutex> lock(mu_);
    dataset_ = std::move(*loaded);
  }
  httplib::Server& http = impl_->http;
  int threads = options_.threads > 0
                    ? options_.threads
                    : static_cast<int>(std::max(16u, 4 * std::thread::hardware_concurrency()));
  http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  http.set_payload_max_length(options_.max_body_bytes);
  http.set_keep_alive_max_count(100000);
  http.set_keep_alive_timeout(10);
  http.set_read_timeout(10, 0);
  http.set_write_timeout(10, 0);
  http.set_tcp_nodelay(true);

  const ServerOptions& opt = options_;

  // Authentication and per-request state, before routing.
  http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
    tls_request = RequestState{Clock::now(), true, "unmatched", ""};
    if (!options_.cors_origin.empty()) {
      res.set_header("Access-Control-Allow-Origin", options_.cors_origin);
      res.set_header("Vary", "Origin");
    }
    if (options_.keys.empty() || req.path == "/healthz")
      return httplib::Server::HandlerResponse::Unhandled;
    std::string presented = PresentedKey(req);
    if (!presented.empty()) {
      std::string digest = base::Sha256Hex(presented);
      for (const ApiKey& key : options_.keys) {
        if (ConstantTimeEquals(digest, key.secret_sha256)) {
          tls_request.key_id = key.id;
          if (base::StartsWith(req.path, "/v1/admin/") && !key.admin) {
            SendError(res, 403, "forbidden", "this API key may not call admin routes");
            return httplib::Server::HandlerResponse::Handled;
          }
          return httplib::Server::HandlerResponse::Unhandled;
        }
      }
    }
    res.set_header("WWW-Authenticate", "Bearer");
    SendError(res, 401, "unauthorized",
              presented.empty() ? "an API key is required (Authorization: Bearer KEY or "
                                  "X-API-Key: KEY)"
                                : "the API key is not valid");
    return httplib::Server::HandlerResponse::Handled;
  });

  // A JSON body for errors raised inside cpp-httplib (404 route, 413 body too large, 400).
  http.set_error_handler(httplib::Server::HandlerWithResponse([this](const httplib::Request& req,
                                                                     httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message;
    if (res.status == 404) {
      message = "no route " + req.method + " " + req.path + " (see /openapi.json)";
    } else if (res.status == 413) {
      message =
          "the request body is larger than " + std::to_string(options_.max_body_bytes) + " bytes";
    } else {
      message = "HTTP " + std::to_string(res.status);
    }
    SendError(res, res.status, StatusCodeName(res.status), message);
    return httplib::Server::HandlerResponse::Handled;
  }));

  // Metrics and the structured request log, after each response.
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    double seconds = tls_request.started
                         ? std::chrono::duration<double>(Clock::now() - tls_request.start).count()
                         : 0;
    std::string route = tls_request.started ? tls_request.route : "unmatched";
    metrics_.Record(route, res.status, seconds);
    if (options_.request_log) {
      Json line{{"time", NowIso()},
                {"method", req.method},
                {"route", route},
                {"status", res.status},
                {"latency_ms", std::round(seconds * 1e6) / 1e3},
                {"bytes_out", res.body.size()}};
      if (!tls_request.key_id.empty()) line["key_id"] = tls_request.key_id;
      std::string text = Dump(line);
      std::lock_guard<std::mutex> lock(log_mu_);
      options_.request_log(text);
    }
    tls_request.started = false;
  });

  // Screens one validated request and returns {"hits": [...]}.
  auto screen_one = [](const service::Dataset& d, const service::ScreenRequest& r,
                       Json* out) -> Status {
    INTERDICT_ASSIGN_OR_RETURN(std::vector<Hit> hits, d.screener().Screen(r.query, r.options));
    Json arr = Json::array();
    for (const Hit& h : hits) arr.push_back(engine::HitToJson(h, r.explain));
    (*out)["hits"] = std::move(arr);
    return Status::Ok();
  };

  http.Post("/v1/screen", [this, &opt, screen_one](const httplib::Request& req,
                                                   httplib::Response& res) {
    tls_request.route = "/v1/screen";
    std::shared_ptr<const service::Dataset> d = dataset();
    nlohmann::json body = nlohmann::json::parse(req.body, nullptr, /*allow_exceptions=*/false);
    if (body.is_discarded())
      return SendError(res, 400, "bad_request", "the body is not valid JSON");
    if (!body.is_object()) {
      return SendError(res, 400, "bad_request", "the body must be a JSON object");
    }
    Json out;
    out["snapshot"] = DatasetSummary(*d);
    auto queries = body.find("queries");
    if (queries == body.end()) {
      auto r = service::ScreenRequestFromJson(body, opt.limits, opt.defaults, "");
      if (!r.ok()) return SendError(res, 400, "bad_request", r.status().message());
      if (auto it = body.find("id"); it != body.end()) out["id"] = *it;
      Status s = screen_one(*d, *r, &out);
      if (!s.ok()) return SendError(res, 400, "bad_request", s.message());
      return SendJson(res, 200, out);
    }
    // A batch: {"queries": [...], "threshold": .., "limit": .., "explain": ..} where the
    // top-level fields are defaults for every query.
    ScreenOptions defaults = opt.defaults;
    nlohmann::json shared = nlohmann::json::object();
    for (auto it = body.begin(); it != body.end(); ++it) {
      if (it.key() == "queries") continue;
      if (it.key() != "threshold" && it.key() != "limit" && it.key() != "explain" &&
          it.key() != "lists") {
        return SendError(res, 400, "bad_request",
                         it.key() +
                             ": unknown field next to \"queries\" (threshold, limit, "
                             "explain, lists)");
      }
      shared[it.key()] = it.value();
    }
    if (!queries->is_array()) {
      return SendError(res, 400, "bad_request", "queries: must be an array of query objects");
    }
    if (queries->empty()) return SendError(res, 400, "bad_request", "queries: is empty");
    if (queries->size() > opt.max_batch) {
      return SendError(res, 413, "batch_too_large",
                       "queries: " + std::to_string(queries->size()) + " queries, at most " +
                           std::to_string(opt.max_batch) + " per request");
    }
    std::vector<service::ScreenRequest> requests;
    requests.reserve(queries->size());
    for (size_t i = 0; i < queries->size(); ++i) {
      nlohmann::json q = (*queries)[i];
      if (q.is_object()) {
        for (auto it = shared.begin(); it != shared.end(); ++it) {
          if (!q.contains(it.key())) q[it.key()] = it.value();
        }
      }
      auto r = service::ScreenRequestFromJson(q, opt.limits, defaults,
                                              "queries[" + std::to_string(i) + "]");
      if (!r.ok()) return SendError(res, 400, "bad_request", r.status().message());
      requests.push_back(std::move(*r));
    }
    Json results = Json::array();
    for (size_t i = 0; i < requests.size(); ++i) {
      Json item;
      item["index"] = i;
      if (auto it = (*queries)[i].find("id"); it != (*queries)[i].end()) item["id"] = *it;
      Status s = screen_one(*d, requests[i], &item);
      if (!s.ok()) {
        return SendError(res, 400, "bad_request",
                         "queries[" + std::to_string(i) + "].name: " + std::string(s.message()));
      }
      results.push_back(std::move(item));
    }
    out["results"] = std::move(results);
    SendJson(res, 200, out);
  });

  http.Get(
      "/v1/search", [this, &opt, screen_one](const httplib::Request& req, httplib::Response& res) {
        tls_request.route = "/v1/search";
        std::shared_ptr<const service::Dataset> d = dataset();
        nlohmann::json q = nlohmann::json::object();
        for (const auto& [key, value] : req.params) {
          if (key == "q" || key == "name") {
            q["name"] = value;
          } else if (key == "kind" || key == "dob" || key == "country" || key == "explain") {
            q[key] = value;
          } else if (key == "id") {
            q["ids"].push_back(value);
          } else if (key == "lists") {
            for (std::string_view code : base::SplitTrimmed(value, ",")) {
              q["lists"].push_back(std::string(code));
            }
          } else if (key == "limit") {
            char* end = nullptr;
            long v = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0') {
              return SendError(res, 400, "bad_request", "limit: must be an integer");
            }
            q["limit"] = v;
          } else if (key == "threshold") {
            char* end = nullptr;
            double v = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !std::isfinite(v)) {
              return SendError(res, 400, "bad_request", "threshold: must be a number");
            }
            q["threshold"] = v;
          } else {
            return SendError(res, 400, "bad_request",
                             key +
                                 ": unknown parameter (q, kind, dob, country, id, lists, limit, "
                                 "threshold, explain)");
          }
        }
        if (!q.contains("name")) return SendError(res, 400, "bad_request", "q: required");
        auto r = service::ScreenRequestFromJson(q, opt.limits, opt.defaults, "");
        if (!r.ok()) {
          std::string message(r.status().message());
          if (base::StartsWith(message, "name:")) message = "q:" + message.substr(5);
          return SendError(res, 400, "bad_request", message);
        }
        Json out;
        out["snapshot"] = DatasetSummary(*d);
        Status s = screen_one(*d, *r, &out);
        if (!s.ok()) return SendError(res, 400, "bad_request", "q: " + std::string(s.message()));
        SendJson(res, 200, out);
      });

  http.Get("/v1/entities/([^/]+)/(.+)", [this](const httplib::Request& req,
                                               httplib::Response& res) {
    tls_request.route = "/v1/entities/{source}/{source_id}";
    std::shared_ptr<const service::Dataset> d = dataset();
    std::string code = req.matches[1];
    std::string id = req.matches[2];
    ListSource source = ListSourceFromCode(code);
    if (source == ListSource::kUnknown) {
      return SendError(
          res, 404, "not_found",
          "unknown source \"" + code + "\" (ofac_sdn ofac_nonsdn us_csl un eu uk_ofsi inhouse)");
    }
    std::vector<const Entity*> found = d->Find(source, id);
    if (found.empty()) {
      return SendError(res, 404, "not_found", "no entity " + code + "/" + id + " in the snapshot");
    }
    Json j = model::EntityToJson(*found.front());
    if (found.size() > 1) {
      // The US CSL reuses one id across its sub-lists: the other listings come along.
      Json others = Json::array();
      for (size_t i = 1; i < found.size(); ++i) others.push_back(model::EntityToJson(*found[i]));
      j["other_listings"] = std::move(others);
    }
    SendJson(res, 200, j);
  });

  http.Get("/v1/lists", [this](const httplib::Request&, httplib::Response& res) {
    tls_request.route = "/v1/lists";
    std::shared_ptr<const service::Dataset> d = dataset();
    SendJson(res, 200, Json{{"snapshot", DatasetSummary(*d)}, {"sources", SourcesToJson(*d)}});
  });

  http.Post("/v1/admin/reload", [this](const httplib::Request&, httplib::Response& res) {
    tls_request.route = "/v1/admin/reload";
    if (options_.keys.empty()) {
      return SendError(res, 403, "forbidden",
                       "admin routes need an API key with the admin flag (or send SIGHUP)");
    }
    auto start = Clock::now();
    Status s = Reload();
    if (!s.ok()) {
      return SendError(res, 500, "reload_failed",
                       "the new snapshot did not load; the previous one keeps serving: " +
                           std::string(s.message()));
    }
    std::shared_ptr<const service::Dataset> d = dataset();
    SendJson(res, 200,
             Json{{"reloaded", true},
                  {"seconds", std::chrono::duration<double>(Clock::now() - start).count()},
                  {"snapshot", DatasetSummary(*d)}});
  });

  http.Get("/healthz", [this](const httplib::Request&, httplib::Response& res) {
    tls_request.route = "/healthz";
    std::shared_ptr<const service::Dataset> d = dataset();
    SendJson(res, 200, Json{{"status", "ok"}, {"snapshot", DatasetSummary(*d)}});
  });

  http.Get("/metrics", [this](const httplib::Request&, httplib::Response& res) {
    tls_request.route = "/metrics";
    std::shared_ptr<const service::Dataset> d = dataset();
    std::string g;
    g += "# HELP interdict_entities_loaded Listed entities in the serving snapshot.\n";
    g += "# TYPE interdict_entities_loaded gauge\n";
    for (const snapshot::LoadedSource& s : d->sources()) {
      g += "interdict_entities_loaded{source=\"" + std::string(ListSourceCode(s.version.source)) +
           "\"} " + std::to_string(s.entities) + "\n";
    }
    g += "# HELP interdict_snapshot_age_seconds Age of each source's as-of date.\n";
    g += "# TYPE interdict_snapshot_age_seconds gauge\n";
    for (const snapshot::LoadedSource& s : d->sources()) {
      double age = AgeSeconds(s.version.as_of);
      if (age >= 0) {
        g += "interdict_snapshot_age_seconds{source=\"" +
             std::string(ListSourceCode(s.version.source)) + "\"} " +
             std::to_string(static_cast<long long>(age)) + "\n";
      }
    }
    g += "# HELP interdict_snapshot_loaded_timestamp_seconds When the serving snapshot was "
         "loaded (Unix time).\n";
    g += "# TYPE interdict_snapshot_loaded_timestamp_seconds gauge\n";
    g += "interdict_snapshot_loaded_timestamp_seconds " +
         std::to_string(
             std::chrono::duration_cast<std::chrono::seconds>(d->loaded_at().time_since_epoch())
                 .count()) +
         "\n";
    res.status = 200;
    res.set_content(metrics_.Render(g), "text/plain; version=0.0.4");
  });

  AddDailyAndTradeRoutes(*impl_);

  http.Get("/openapi.json", [](const httplib::Request&, httplib::Response& res) {
    tls_request.route = "/openapi.json";
    SendJson(res, 200, OpenApi());
  });

  if (opt.port == 0) {
    port_ = http.bind_to_any_port(opt.host);
    if (port_ <= 0) return Status::Unavailable("cannot bind " + opt.host + " to a free port");
  } else {
    if (!http.bind_to_port(opt.host, opt.port)) {
      return Status::Unavailable("cannot bind " + opt.host + ":" + std::to_string(opt.port) +
                                 " (in use, or not a local address)");
    }
    port_ = opt.port;
  }
  return Status::Ok();
}

}  // namespace interdict::server
