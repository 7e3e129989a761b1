#include "daily/fetch.h"

#include <chrono>
#include <ctime>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include <curl/curl.h>

#include "base/text.h"

namespace interdict::daily {
namespace {

struct Transfer {
  std::string body;
  uint64_t max_bytes = 0;
  bool too_large = false;
  std::string etag;
  std::string last_modified;
  const ProgressFn* progress = nullptr;
};

size_t OnBody(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (t->body.size() + n > t->max_bytes) {
    t->too_large = true;
    return 0;  // aborts the transfer (CURLE_WRITE_ERROR)
  }
  t->body.append(data, n);
  return n;
}

size_t OnHeader(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * count);
  size_t colon = line.find(':');
  if (colon != std::string_view::npos) {
    std::string_view name = base::Trim(line.substr(0, colon));
    std::string_view value = base::Trim(line.substr(colon + 1));
    if (base::EqualsIgnoreCase(name, "etag")) t->etag = std::string(value);
    if (base::EqualsIgnoreCase(name, "last-modified")) t->last_modified = std::string(value);
  }
  return size * count;
}

int OnProgress(void* user, curl_off_t total, curl_off_t now, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  if (t->progress && *t->progress) {
    (*t->progress)(static_cast<uint64_t>(now), static_cast<uint64_t>(total));
  }
  return 0;
}

std::string HttpDateToIso(const std::string& http_date) {
  if (http_date.empty()) return "";
  time_t t = curl_getdate(http_date.c_str(), nullptr);
  if (t < 0) return "";
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

bool Retryable(CURLcode code, long http_status) {
  if (code == CURLE_OK) return http_status == 429 || http_status >= 500;
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT:
    case CURLE_OPERATION_TIMEDOUT:
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return true;
    default:
      return false;
  }
}

class CurlFetcher : public Fetcher {
 public:
  CurlFetcher() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  }

  Result<FetchResult> Fetch(const std::string& url, const FetchOptions& options,
                            const ProgressFn& progress) override {
    FetchResult result;
    std::string last_error;
    int delay_ms = options.backoff_ms;
    for (int attempt = 0; attempt <= options.retries; ++attempt) {
      if (attempt > 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
        delay_ms *= 2;
      }
      result.attempts = attempt + 1;
      Transfer t;
      t.max_bytes = options.max_bytes;
      t.progress = &progress;
      CURL* curl = curl_easy_init();
      if (curl == nullptr) return Status::Internal("curl_easy_init failed");
      char error[CURL_ERROR_SIZE] = {0};
      curl_slist* headers = nullptr;
      if (!options.if_none_match.empty()) {
        headers = curl_slist_append(headers, ("If-None-Match: " + options.if_none_match).c_str());
      }
      if (!options.if_modified_since.empty()) {
        headers =
            curl_slist_append(headers, ("If-Modified-Since: " + options.if_modified_since).c_str());
      }
      curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
      curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
      curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
      curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
#if LIBCURL_VERSION_NUM >= 0x075500
      curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
      curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#endif
      curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
      curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
      curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, options.connect_timeout_seconds);
      curl_easy_setopt(curl, CURLOPT_TIMEOUT, options.timeout_seconds);
      curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1024L);
      curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, options.low_speed_seconds);
      curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate when offered
      curl_easy_setopt(curl, CURLOPT_USERAGENT, "interdict-sync/0.1 (+sanctions list sync)");
      curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
      curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, OnBody);
      curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
      curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, OnHeader);
      curl_easy_setopt(curl, CURLOPT_HEADERDATA, &t);
      curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, OnProgress);
      curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &t);
      curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
      if (headers) curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
      CURLcode code = curl_easy_perform(curl);
      long status = 0;
      curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
      char* effective = nullptr;
      curl_easy_getinfo(curl, CURLINFO_EFFECTIVE_URL, &effective);
      curl_off_t expected = -1;
      curl_easy_getinfo(curl, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &expected);
      result.effective_url = effective ? effective : url;
      curl_slist_free_all(headers);
      curl_easy_cleanup(curl);

      result.http_status = status;
      if (t.too_large) {
        return Status::DataLoss(url + ": larger than the limit of " +
                                std::to_string(options.max_bytes) + " bytes");
      }
      if (code == CURLE_OK && status == 304) {
        result.not_modified = true;
        result.etag = t.etag.empty() ? options.if_none_match : t.etag;
        result.last_modified =
            t.last_modified.empty() ? options.if_modified_since : t.last_modified;
        return result;
      }
      if (code == CURLE_OK && status >= 200 && status < 300) {
        // Content-Length is of the encoded body when the server compressed it; check only
        // an identity transfer.
        if (expected > 0 && static_cast<uint64_t>(expected) > t.body.size()) {
          return Status::DataLoss(url + ": truncated: " + std::to_string(t.body.size()) + " of " +
                                  std::to_string(expected) + " bytes");
        }
        result.body = std::move(t.body);
        result.etag = std::move(t.etag);
        result.last_modified = std::move(t.last_modified);
        result.last_modified_date = HttpDateToIso(result.last_modified);
        return result;
      }
      last_error = code != CURLE_OK
                       ? std::string(curl_easy_strerror(code)) + (error[0] ? ": " : "") + error
                       : "HTTP " + std::to_string(status);
      if (!Retryable(code, status)) break;
    }
    return Status::Unavailable(url + ": " + last_error + " (after " +
                               std::to_string(result.attempts) + " attempt" +
                               (result.attempts == 1 ? "" : "s") + ")");
  }
};

}  // namespace

std::unique_ptr<Fetcher> NewCurlFetcher() { return std::make_unique<CurlFetcher>(); }

}  // namespace interdict::daily
