// File: server/http_util.h
//
// Internal to src/server: per-request state and the JSON response helpers shared by the
// route files (server.cc, store_routes.cc). Not part of any public API.
#pragma once

#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <string_view>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "interdict/status.h"

#include "server/server.h"

namespace interdict::server::internal {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

// Per-request state kept on the worker thread: cpp-httplib runs the pre-routing handler,
// the route handler, the error handler and the logger of one request on one thread.
struct RequestState {
  Clock::time_point start;
  bool started = false;
  std::string route = "unmatched";
  std::string key_id;
};
inline thread_local RequestState tls_request;

inline std::string NowIso() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms.count()));
  return buf;
}

inline std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

inline void SendJson(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(Dump(body), "application/json");
}

// Every error body: {"error": {"code": "...", "message": "..."}}.
inline void SendError(httplib::Response& res, int status, std::string_view code,
                      std::string_view message) {
  SendJson(res, status, Json{{"error", Json{{"code", code}, {"message", message}}}});
}

inline std::string_view StatusCodeName(int status) {
  switch (status) {
    case 400:
      return "bad_request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not_found";
    case 405:
      return "method_not_allowed";
    case 413:
      return "payload_too_large";
    case 414:
      return "uri_too_long";
    case 409:
      return "conflict";
    case 500:
      return "internal";
    case 503:
      return "unavailable";
    default:
      return "error";
  }
}

// A status code for a library Status: kInvalidArgument 400, kNotFound 404,
// kFailedPrecondition 409, kUnavailable 503, anything else 500.
inline int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kInvalidArgument:
    case StatusCode::kDataLoss:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

inline void SendStatus(httplib::Response& res, const Status& status) {
  int http = HttpStatusFor(status.code());
  SendError(res, http, StatusCodeName(http), status.message());
}

}  // namespace interdict::server::internal

namespace interdict::server {

struct Server::Impl {
  httplib::Server http;
};

}  // namespace interdict::server
