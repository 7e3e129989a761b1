// File: daily/fetch.h
//
// Downloading the official list files: a Fetcher interface (so tests and offline runs can
// swap in local bytes) and the libcurl implementation `interdict sync` uses by default:
// HTTPS with TLS verification on, connect and total timeouts, retries with exponential
// backoff on network errors and 5xx/429, a size limit, and conditional GET (ETag /
// Last-Modified) so an unchanged file is not downloaded again.
//
//   std::unique_ptr<Fetcher> f = daily::NewCurlFetcher();
//   Result<FetchResult> r = f->Fetch("https://.../consolidated.xml", FetchOptions{}, nullptr);
//   if (r.ok() && !r->not_modified) Parse(r->body);
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "interdict/status.h"

namespace interdict::daily {

struct FetchOptions {
  long connect_timeout_seconds = 30;
  long timeout_seconds = 900;       // whole transfer
  long low_speed_seconds = 60;      // abort when below 1 KiB/s for this long
  int retries = 3;                  // extra attempts after the first
  int backoff_ms = 2000;            // first retry delay; doubles each time
  uint64_t max_bytes = 1ull << 30;  // refuse bodies larger than this (1 GiB)
  // Conditional GET: the validators of the copy we already have ("" = none).
  std::string if_none_match;      // ETag
  std::string if_modified_since;  // Last-Modified (HTTP date)
};

struct FetchResult {
  bool not_modified = false;  // 304: the copy we have is current; body is empty
  long http_status = 0;
  std::string body;
  std::string etag;
  std::string last_modified;
  std::string last_modified_date;  // Last-Modified as an ISO date ("2024-05-03"), or ""
  std::string effective_url;       // after redirects
  int attempts = 0;
};

// Called with bytes received so far and the expected total (0 when unknown).
using ProgressFn = std::function<void(uint64_t received, uint64_t total)>;

// Thread-compatible: one Fetch() at a time per Fetcher.
class Fetcher {
 public:
  virtual ~Fetcher() = default;
  // Errors: kUnavailable for network failures, timeouts and HTTP errors (after the retries;
  // the message names the URL, the HTTP status or curl error, and the attempts), kDataLoss
  // for a body over max_bytes or shorter than its Content-Length.
  virtual Result<FetchResult> Fetch(const std::string& url, const FetchOptions& options,
                                    const ProgressFn& progress) = 0;
};

// The libcurl fetcher (TLS peer and host verification on; HTTPS and HTTP only; follows up
// to 5 redirects). Calls curl_global_init once per process.
std::unique_ptr<Fetcher> NewCurlFetcher();

}  // namespace interdict::daily
