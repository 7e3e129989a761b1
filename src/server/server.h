// File: server/server.h
//
// The HTTP/1.1 JSON API (`interdict serve`): a thin shell over the Screener, on Debian's
// cpp-httplib. Routes are versioned under /v1 and listed in one table (Routes()) from which
// both the router and GET /openapi.json are built, so the document cannot drift from the
// code.
//
//   server::ServerOptions o;  o.port = 8080;
//   server::Server s(o, [] { return service::Dataset::Load("data", {}); });
//   INTERDICT_RETURN_IF_ERROR(s.Start());   // loads the lists, binds the port
//   s.Run();                                // blocks until Stop()
//
// Reload without downtime: Reload() (SIGHUP or POST /v1/admin/reload) builds a new Dataset
// while requests keep being served by the old one, then swaps the pointer; requests in flight
// keep their own std::shared_ptr and finish on the old one. A failed load leaves the old one
// serving and returns why.
//
// Thread-safe: every method may be called from any thread.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "interdict/status.h"

#include "server/metrics.h"
#include "service/dataset.h"
#include "service/query_json.h"
#include "store/store.h"
#include "trade/controls.h"

namespace interdict::server {

struct ApiKey {
  std::string id;             // shown in logs and metrics, never the secret
  std::string secret_sha256;  // hex SHA-256 of the secret
  bool admin = false;         // may call /v1/admin/*
};

// Parses API keys, one per line or comma-separated: "ID:SECRET" or "ID:SECRET:admin";
// blank lines and lines starting with '#' are skipped. Secrets must be at least 16
// characters. `origin` names the file or variable in errors.
Result<std::vector<ApiKey>> ParseApiKeys(std::string_view text, std::string_view origin);

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback by default
  int port = 8080;                 // 0 = any free port (see Server::port())
  int threads = 0;                 // worker threads; 0 = max(16, 4 x cores)
  std::vector<ApiKey> keys;        // empty = no authentication
  size_t max_body_bytes = 1u << 20;
  size_t max_batch = 1000;  // queries per POST /v1/screen
  service::RequestLimits limits;
  ScreenOptions defaults;   // threshold and limit when a query gives none
  std::string cors_origin;  // "" = no CORS headers (the default)
  // Receives one JSON line (without newline) per request, from the worker threads, one
  // call at a time; empty = no request log.
  std::function<void(const std::string& line)> request_log;

  // Optional: the store behind /v1/customers, /v1/alerts and /v1/digest (503 without it),
  // and the goods and route tables behind /v1/shipments/screen (503 without them).
  std::shared_ptr<store::Store> store;
  std::shared_ptr<const trade::ControlTables> controls;
};

using DatasetLoader = std::function<Result<std::shared_ptr<const service::Dataset>>()>;

struct RouteInfo {
  std::string method;  // "GET", "POST"
  std::string path;    // OpenAPI form: "/v1/entities/{source}/{source_id}"
  std::string summary;
  bool needs_key = true;  // when keys are configured
  bool admin = false;
};

class Server {
 public:
  Server(ServerOptions options, DatasetLoader loader);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Loads the first dataset and binds the address. Errors: the load's, or kUnavailable
  // when the address cannot be bound.
  Status Start();
  // Serves until Stop(). Call after Start().
  void Run();
  void Stop();
  int port() const { return port_; }

  // Synchronous reload; on failure the current dataset keeps serving.
  Status Reload();
  std::shared_ptr<const service::Dataset> dataset() const;
  const Metrics& metrics() const { return metrics_; }

  // Every route the server answers, for the OpenAPI document and its test.
  static const std::vector<RouteInfo>& Routes();
  // The OpenAPI 3.0 document served at /openapi.json.
  static nlohmann::ordered_json OpenApi();

 private:
  struct Impl;
  // The routes over the store and the trade tables (store_routes.cc).
  void AddDailyAndTradeRoutes(Impl& impl);

  std::unique_ptr<Impl> impl_;
  ServerOptions options_;
  DatasetLoader loader_;
  Metrics metrics_;
  mutable std::mutex mu_;  // guards dataset_
  std::shared_ptr<const service::Dataset> dataset_;
  std::mutex reload_mu_;  // one reload at a time
  std::mutex log_mu_;     // one request-log call at a time
  int port_ = 0;
};

}  // namespace interdict::server
