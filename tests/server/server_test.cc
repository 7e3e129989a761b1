// Integration tests: the real server on a loopback port, spoken to over HTTP.

#include "server/server.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "server/un_snapshot.h"

namespace interdict::server {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

constexpr char kAdminSecret[] = "admin-secret-0123456789";
constexpr char kUserSecret[] = "user-secret-0123456789";

// Each server builds its own Dataset from the UN list (server/un_snapshot.h).
Result<std::shared_ptr<const service::Dataset>> LoadUn(std::string label) {
  return service::Dataset::FromEntities(UnSnapshot().entities, UnSnapshot().sources,
                                        std::move(label));
}

// A started server on a free loopback port, serving in a background thread.
class Running {
 public:
  explicit Running(ServerOptions options, DatasetLoader loader = nullptr) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.request_log = [this](const std::string& line) {
      std::lock_guard<std::mutex> lock(log_mu_);
      log_ += line + "\n";
    };
    if (!loader) {
      loader = [this] { return LoadUn("un #" + std::to_string(++loads_)); };
    }
    server_ = std::make_unique<Server>(options, loader);
    Status s = server_->Start();
    if (!s.ok()) throw std::runtime_error(std::string(s.message()));
    thread_ = std::thread([this] { server_->Run(); });
    // listen_after_bind() starts accepting at once; wait until it answers.
    httplib::Client probe("127.0.0.1", server_->port());
    for (int i = 0; i < 200 && !probe.Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  ~Running() {
    server_->Stop();
    thread_.join();
  }
  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", server_->port());
    c.set_read_timeout(60, 0);
    return c;
  }
  Server& server() { return *server_; }
  std::string log() const {
    std::lock_guard<std::mutex> lock(log_mu_);
    return log_;
  }

 private:
  mutable std::mutex log_mu_;
  std::string log_;
  std::atomic<int> loads_{0};
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

Json Body(const httplib::Result& r) { return Json::parse(r->body); }

std::string ErrorMessage(const httplib::Result& r) {
  return Body(r)["error"]["message"].get<std::string>();
}

ServerOptions WithKeys() {
  ServerOptions o;
  auto keys =
      ParseApiKeys(std::string("ops:") + kAdminSecret + ":admin\napp:" + kUserSecret, "test");
  if (!keys.ok()) throw std::runtime_error(std::string(keys.status().message()));
  o.keys = *keys;
  return o;
}

TEST(Server, SearchFindsAListedEntityWithItsExplanation) {
  Running s{ServerOptions{}};
  auto r =
      s.Client().Get("/v1/search?q=Korea%20Mining%20Development%20Trading%20Corp&kind=company");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  Json j = Body(r);
  ASSERT_FALSE(j["hits"].empty());
  EXPECT_EQ(j["hits"][0]["source"], "un");
  EXPECT_EQ(j["hits"][0]["source_id"], "690735");
  EXPECT_EQ(j["hits"][0]["name"], "KOREA MINING DEVELOPMENT TRADING CORPORATION");
  EXPECT_TRUE(j["hits"][0]["explanation"].contains("summary"));
  EXPECT_EQ(j["snapshot"]["entities"], UnSnapshot().entities.size());
  // No CORS header unless configured.
  EXPECT_FALSE(r->has_header("Access-Control-Allow-Origin"));

  auto full = s.Client().Get("/v1/search?q=Korea%20Mining%20Development%20Trading&explain=full");
  ASSERT_TRUE(full);
  EXPECT_TRUE(Body(full)["hits"][0]["explanation"].contains("alignment"));
}

TEST(Server, SearchParameterErrorsAre400WithAJsonBody) {
  Running s{ServerOptions{}};
  httplib::Client c = s.Client();
  struct Case {
    const char* path;
    const char* message;
  } cases[] = {
      {"/v1/search", "q: required"},
      {"/v1/search?q=", "q: name is empty"},
      {"/v1/search?q=x&kind=dragon", "kind: unknown kind"},
      {"/v1/search?q=x&limit=ten", "limit: must be an integer"},
      {"/v1/search?q=x&limit=1000", "limit: must be an integer from 1 to 100"},
      {"/v1/search?q=x&threshold=2", "threshold: must be a number in [0, 1]"},
      {"/v1/search?q=x&lists=ofac", "lists: unknown list"},
      {"/v1/search?q=x&colour=red", "colour: unknown parameter"},
      {"/v1/search?q=LLC", "q: name has no informative word"},
  };
  for (const Case& k : cases) {
    auto r = c.Get(k.path);
    ASSERT_TRUE(r) << k.path;
    EXPECT_EQ(r->status, 400) << k.path;
    EXPECT_EQ(Body(r)["error"]["code"], "bad_request") << k.path;
    EXPECT_THAT(ErrorMessage(r), HasSubstr(k.message)) << k.path;
  }
  std::string long_name(1001, 'a');
  auto r = c.Get(("/v1/search?q=" + long_name).c_str());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 400);
  EXPECT_THAT(ErrorMessage(r), HasSubstr("longer than 1000 bytes"));
}

TEST(Server, ScreenOneQueryAndABatch) {
  Running s{ServerOptions{}};
  httplib::Client c = s.Client();
  auto one = c.Post("/v1/screen",
                    R"({"name": "KOREA MINING DEVELOPMENT TRADING CORPORATION", "id": "c-1",
                        "kind": "organization", "limit": 1})",
                    "application/json");
  ASSERT_TRUE(one);
  EXPECT_EQ(one->status, 200);
  Json j = Body(one);
  EXPECT_EQ(j["id"], "c-1");
  ASSERT_EQ(j["hits"].size(), 1u);
  EXPECT_EQ(j["hits"][0]["source_id"], "690735");

  auto batch = c.Post("/v1/screen",
                      R"({"queries": [{"name": "Korea Mining Development Trading", "id": 1},
                                      {"name": "Emma Schmidt", "kind": "person", "id": 2}],
                          "threshold": 0.9, "limit": 2})",
                      "application/json");
  ASSERT_TRUE(batch);
  EXPECT_EQ(batch->status, 200);
  Json b = Body(batch);
  ASSERT_EQ(b["results"].size(), 2u);
  EXPECT_EQ(b["results"][0]["index"], 0);
  EXPECT_EQ(b["results"][0]["id"], 1);
  EXPECT_FALSE(b["results"][0]["hits"].empty());
  EXPECT_LE(b["results"][0]["hits"].size(), 2u);
  EXPECT_TRUE(b["results"][1]["hits"].empty());
}

TEST(Server, ScreenBodyErrors) {
  ServerOptions o;
  o.max_body_bytes = 4096;
  o.max_batch = 3;
  Running s{o};
  httplib::Client c = s.Client();
  struct Case {
    std::string body;
    int status;
    const char* message;
  } cases[] = {
      {"{not json", 400, "not valid JSON"},
      {"[1]", 400, "must be a JSON object"},
      {R"({"name": 5})", 400, "name: must be a string, not number"},
      {R"({"name": "a", "limit": "5"})", 400, "limit: must be an integer"},
      {R"({"queries": {}})", 400, "queries: must be an array"},
      {R"({"queries": []})", 400, "queries: is empty"},
      {R"({"queries": [{"name": "a"}, {"nam": "b"}]})", 400, "queries[1].nam: unknown field"},
      {R"({"queries": [{"name": "a"}], "colour": 1})", 400, "colour: unknown field"},
      {R"({"queries": [{"name":"a"},{"name":"b"},{"name":"c"},{"name":"d"}]})", 413,
       "4 queries, at most 3"},
      {"{\"name\": \"" + std::string(5000, 'a') + "\"}", 413, "larger than 4096 bytes"},
  };
  for (const Case& k : cases) {
    auto r = c.Post("/v1/screen", k.body, "application/json");
    ASSERT_TRUE(r) << k.body;
    EXPECT_EQ(r->status, k.status) << k.body;
    EXPECT_THAT(ErrorMessage(r), HasSubstr(k.message)) << k.body.substr(0, 80);
  }
}

TEST(Server, EntitiesListsHealthMetricsAndNotFound) {
  Running s{ServerOptions{}};
  httplib::Client c = s.Client();
  auto e = c.Get("/v1/entities/un/690735");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, 200);
  EXPECT_EQ(Body(e)["names"][0]["full"], "KOREA MINING DEVELOPMENT TRADING CORPORATION");
  EXPECT_EQ(c.Get("/v1/entities/un/0")->status, 404);
  auto bad_source = c.Get("/v1/entities/nowhere/1");
  EXPECT_EQ(bad_source->status, 404);
  EXPECT_THAT(ErrorMessage(bad_source), HasSubstr("unknown source \"nowhere\""));

  auto lists = c.Get("/v1/lists");
  ASSERT_TRUE(lists);
  Json l = Body(lists);
  ASSERT_EQ(l["sources"].size(), 1u);
  EXPECT_EQ(l["sources"][0]["source"], "un");
  EXPECT_EQ(l["sources"][0]["entities"], UnSnapshot().entities.size());
  EXPECT_EQ(l["sources"][0]["files"][0]["sha256"].get<std::string>().size(), 64u);
  EXPECT_FALSE(l["sources"][0]["as_of"].get<std::string>().empty());

  EXPECT_EQ(Body(c.Get("/healthz"))["status"], "ok");
  auto missing = c.Get("/v2/screen");
  EXPECT_EQ(missing->status, 404);
  EXPECT_THAT(ErrorMessage(missing), HasSubstr("no route GET /v2/screen"));

  // A request is counted after its response is written (httplib's logger), so the count of
  // the request just before may land a moment after this read on a loaded machine: read
  // again until it is there (at most 2 s).
  auto metrics = c.Get("/metrics");
  for (int attempt = 0;
       attempt < 100 && metrics &&
       metrics->body.find("route=\"unmatched\",code=\"404\"} 1") == std::string::npos;
       ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    metrics = c.Get("/metrics");
  }
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->get_header_value("Content-Type"), HasSubstr("text/plain"));
  EXPECT_THAT(metrics->body,
              HasSubstr("interdict_http_requests_total{route=\"/v1/lists\",code=\"200\"} 1"));
  EXPECT_THAT(metrics->body,
              HasSubstr("interdict_http_requests_total{route=\"unmatched\",code=\"404\"} 1"));
  EXPECT_THAT(metrics->body, HasSubstr("interdict_http_request_duration_seconds_bucket{route=\"/v1/"
                                       "entities/{source}/{source_id}\",le=\"+Inf\"} 3"));
  EXPECT_THAT(metrics->body, HasSubstr("interdict_entities_loaded{source=\"un\"} " +
                                       std::to_string(UnSnapshot().entities.size())));
  EXPECT_THAT(metrics->body, HasSubstr("interdict_snapshot_age_seconds{source=\"un\"}"));
}

TEST(Server, OpenApiDocumentsEveryRouteAndEveryDocumentedRouteAnswers) {
  Running s{ServerOptions{}};
  httplib::Client c = s.Client();
  auto r = c.Get("/openapi.json");
  ASSERT_TRUE(r);
  Json doc = Body(r);
  EXPECT_EQ(doc["openapi"], "3.0.3");
  size_t operations = 0;
  for (const RouteInfo& route : Server::Routes()) {
    std::string method = route.method == "GET" ? "get" : "post";
    ASSERT_TRUE(doc["paths"].contains(route.path)) << route.path;
    const Json& op = doc["paths"][route.path][method];
    ASSERT_TRUE(op.is_object()) << route.method << " " << route.path;
    EXPECT_TRUE(op["responses"].contains("200")) << route.path;
  }
  // And the other way: every documented operation is routed (not "no route").
  for (auto& [path, methods] : doc["paths"].items()) {
    std::string concrete = path;
    for (auto [from, to] : {std::pair<std::string, std::string>{"{source}", "un"},
                            {"{source_id}", "690735"},
                            {"{id}", "1"}}) {
      if (size_t at = concrete.find(from); at != std::string::npos)
        concrete.replace(at, from.size(), to);
    }
    for (auto& [method, op] : methods.items()) {
      ++operations;
      auto res = method == "get" ? c.Get(concrete.c_str())
                                 : c.Post(concrete.c_str(), "{}", "application/json");
      ASSERT_TRUE(res) << path;
      if (res->status == 404) {
        EXPECT_THAT(res->body, ::testing::Not(HasSubstr("no route"))) << path;
      }
    }
  }
  EXPECT_EQ(operations, Server::Routes().size());
}

TEST(Server, ApiKeysGuardEveryRouteButHealthz) {
  Running s{WithKeys()};
  httplib::Client c = s.Client();
  for (const char* path :
       {"/v1/search?q=Korea", "/v1/lists", "/metrics", "/openapi.json", "/v1/entities/un/690735"}) {
    auto r = c.Get(path);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 401) << path;
    EXPECT_EQ(r->get_header_value("WWW-Authenticate"), "Bearer");
    EXPECT_THAT(r->body, ::testing::Not(HasSubstr("KOREA"))) << path;
  }
  EXPECT_EQ(c.Post("/v1/screen", R"({"name":"Korea Mining"})", "application/json")->status, 401);
  EXPECT_EQ(c.Get("/healthz")->status, 200);

  httplib::Headers wrong = {{"Authorization", "Bearer not-the-right-secret-at-all"}};
  auto r = c.Get("/v1/lists", wrong);
  EXPECT_EQ(r->status, 401);
  EXPECT_THAT(ErrorMessage(r), HasSubstr("not valid"));

  httplib::Headers bearer = {{"Authorization", std::string("Bearer ") + kUserSecret}};
  httplib::Headers header = {{"X-API-Key", kUserSecret}};
  EXPECT_EQ(c.Get("/v1/search?q=Korea%20Mining%20Development", bearer)->status, 200);
  EXPECT_EQ(c.Get("/v1/lists", header)->status, 200);
  // A user key may not reload; the admin key may.
  EXPECT_EQ(c.Post("/v1/admin/reload", header, "", "application/json")->status, 403);
  httplib::Headers admin = {{"X-API-Key", kAdminSecret}};
  auto reload = c.Post("/v1/admin/reload", admin, "", "application/json");
  ASSERT_TRUE(reload);
  EXPECT_EQ(reload->status, 200);
  EXPECT_EQ(Body(reload)["snapshot"]["label"], "un #2");

  // The request log: one JSON line per request with the key id, never the query. The line is
  // written just after the response is sent, so give the last one a moment.
  for (int i = 0; i < 100 && s.log().find("\"key_id\":\"ops\"") == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::string log = s.log();
  EXPECT_THAT(log, HasSubstr("\"key_id\":\"app\""));
  EXPECT_THAT(log, HasSubstr("\"key_id\":\"ops\""));
  EXPECT_THAT(log, ::testing::Not(HasSubstr("Korea")));
  EXPECT_THAT(log, ::testing::Not(HasSubstr(kUserSecret)));
  std::istringstream lines(log);
  std::string line;
  size_t n = 0;
  while (std::getline(lines, line)) {
    Json j = Json::parse(line);
    EXPECT_TRUE(j.contains("time") && j.contains("route") && j.contains("status") &&
                j.contains("latency_ms"));
    ++n;
  }
  EXPECT_GE(n, 12u);
}

TEST(Server, AdminReloadNeedsKeysAndCorsIsOptIn) {
  ServerOptions o;
  o.cors_origin = "https://analyst.example";
  Running s{o};
  httplib::Client c = s.Client();
  auto r = c.Post("/v1/admin/reload", "", "application/json");
  EXPECT_EQ(r->status, 403);
  EXPECT_THAT(ErrorMessage(r), HasSubstr("API key"));
  EXPECT_EQ(c.Get("/healthz")->get_header_value("Access-Control-Allow-Origin"),
            "https://analyst.example");
}

TEST(ParseApiKeys, FormatsAndErrors) {
  auto keys = ParseApiKeys(
      "# comment\nops:0123456789abcdef:admin\n\napp:0123456789abcdefgh, "
      "ci:0123456789abcdefXY",
      "keys.txt");
  ASSERT_TRUE(keys.ok()) << keys.status().message();
  ASSERT_EQ(keys->size(), 3u);
  EXPECT_EQ((*keys)[0].id, "ops");
  EXPECT_TRUE((*keys)[0].admin);
  EXPECT_FALSE((*keys)[1].admin);
  EXPECT_EQ((*keys)[0].secret_sha256.size(), 64u);
  EXPECT_THAT(std::string(ParseApiKeys("a:short", "keys.txt").status().message()),
              HasSubstr("keys.txt:1: the secret of key \"a\" is shorter than 16"));
  EXPECT_THAT(std::string(ParseApiKeys("\nnocolon", "k").status().message()), HasSubstr("k:2"));
  EXPECT_THAT(std::string(ParseApiKeys("a:0123456789abcdef:root", "k").status().message()),
              HasSubstr("only be \"admin\""));
  EXPECT_THAT(
      std::string(ParseApiKeys("a:0123456789abcdef\na:0123456789abcdefg", "k").status().message()),
      HasSubstr("appears twice"));
}

TEST(Server, ReloadDuringConcurrentRequestsLosesNothing) {
  std::atomic<bool> fail_next{false};
  std::atomic<int> loads{0};
  Running s{ServerOptions{}, [&]() -> Result<std::shared_ptr<const service::Dataset>> {
              if (fail_next.exchange(false)) {
                return Status::DataLoss("un.xml: truncated at line 12");
              }
              return LoadUn("un #" + std::to_string(++loads));
            }};
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, failed{0};
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      httplib::Client c = s.Client();
      while (!stop) {
        auto r = t % 2 == 0
                     ? c.Get("/v1/search?q=Korea%20Mining%20Development%20Trading")
                     : c.Post("/v1/screen", R"({"name": "Korea Mining Development Trading"})",
                              "application/json");
        if (r && r->status == 200 && !Json::parse(r->body)["hits"].empty()) {
          ++ok;
        } else {
          ++failed;
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  EXPECT_TRUE(s.server().Reload().ok());
  EXPECT_EQ(s.server().dataset()->label(), "un #2");
  // A failing load keeps the old snapshot serving and says why.
  fail_next = true;
  Status bad = s.server().Reload();
  EXPECT_THAT(std::string(bad.message()), HasSubstr("un.xml: truncated at line 12"));
  EXPECT_EQ(s.server().dataset()->label(), "un #2");
  EXPECT_TRUE(s.server().Reload().ok());
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  stop = true;
  for (std::thread& t : clients) t.join();
  EXPECT_EQ(failed, 0);
  EXPECT_GT(ok, 20);
  EXPECT_EQ(s.server().dataset()->label(), "un #3");
  EXPECT_THAT(s.server().metrics().Render(""),
              HasSubstr("interdict_reloads_total{result=\"failed\"} 1"));
}

}  // namespace
}  // namespace interdict::server
