// File: server/metrics.h
//
// Request counters and latency histograms per route, rendered in the Prometheus text
// exposition format (version 0.0.4) for GET /metrics. Thread-safe.
//
//   metrics.Record("/v1/search", 200, 0.0008);
//   std::string text = metrics.Render(extra_gauges);
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace interdict::server {

class Metrics {
 public:
  // Upper bounds of the latency buckets, in seconds (plus +Inf).
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1,    5};

  void Record(const std::string& route, int status, double seconds);
  void RecordReload(bool ok);

  // Counters and histograms; `gauges` is appended as is (already in exposition format).
  std::string Render(const std::string& gauges) const;

  uint64_t requests() const;
  uint64_t errors() const;

 private:
  struct RouteStats {
    std::map<int, uint64_t> by_status;
    std::array<uint64_t, kBuckets.size() + 1> buckets{};  // the last one is +Inf
    double seconds_sum = 0;
    uint64_t count = 0;
  };
  mutable std::mutex mu_;
  std::map<std::string, RouteStats> routes_;
  uint64_t reloads_ok_ = 0;
  uint64_t reloads_failed_ = 0;
};

}  // namespace interdict::server
