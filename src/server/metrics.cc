#include "server/metrics.h"

#include <cstdio>

namespace interdict::server {
namespace {

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  RouteStats& r = routes_[route];
  ++r.by_status[status];
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  ++r.buckets[i];
  r.seconds_sum += seconds;
  ++r.count;
}

void Metrics::RecordReload(bool ok) {
  std::lock_guard<std::mutex> lock(mu_);
  ++(ok ? reloads_ok_ : reloads_failed_);
}

uint64_t Metrics::requests() const {
  std::lock_guard<std::mutex> lock(mu_);
  uint64_t n = 0;
  for (const auto& [route, r] : routes_) n += r.count;
  return n;
}

uint64_t Metrics::errors() const {
  std::lock_guard<std::mutex> lock(mu_);
  uint64_t n = 0;
  for (const auto& [route, r] : routes_) {
    for (const auto& [status, count] : r.by_status) {
      if (status >= 400) n += count;
    }
  }
  return n;
}

std::string Metrics::Render(const std::string& gauges) const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out += "# HELP interdict_http_requests_total HTTP requests by route and status code.\n";
  out += "# TYPE interdict_http_requests_total counter\n";
  for (const auto& [route, r] : routes_) {
    for (const auto& [status, count] : r.by_status) {
      out += "interdict_http_requests_total{route=\"" + route + "\",code=\"" +
             std::to_string(status) + "\"} " + std::to_string(count) + "\n";
    }
  }
  out += "# HELP interdict_http_errors_total HTTP responses with a 4xx or 5xx status.\n";
  out += "# TYPE interdict_http_errors_total counter\n";
  for (const auto& [route, r] : routes_) {
    uint64_t errors = 0;
    for (const auto& [status, count] : r.by_status) {
      if (status >= 400) errors += count;
    }
    out += "interdict_http_errors_total{route=\"" + route + "\"} " + std::to_string(errors) + "\n";
  }
  out += "# HELP interdict_http_request_duration_seconds Time from routing to response.\n";
  out += "# TYPE interdict_http_request_duration_seconds histogram\n";
  for (const auto& [route, r] : routes_) {
    uint64_t cumulative = 0;
    for (size_t i = 0; i <= kBuckets.size(); ++i) {
      cumulative += r.buckets[i];
      std::string le = i < kBuckets.size() ? Number(kBuckets[i]) : "+Inf";
      out += "interdict_http_request_duration_seconds_bucket{route=\"" + route + "\",le=\"" + le +
             "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "interdict_http_request_duration_seconds_sum{route=\"" + route + "\"} " +
           Number(r.seconds_sum) + "\n";
    out += "interdict_http_request_duration_seconds_count{route=\"" + route + "\"} " +
           std::to_string(r.count) + "\n";
  }
  out += "# HELP interdict_reloads_total Snapshot reloads by result.\n";
  out += "# TYPE interdict_reloads_total counter\n";
  out += "interdict_reloads_total{result=\"ok\"} " + std::to_string(reloads_ok_) + "\n";
  out += "interdict_reloads_total{result=\"failed\"} " + std::to_string(reloads_failed_) + "\n";
  out += gauges;
  return out;
}

}  // namespace interdict::server
