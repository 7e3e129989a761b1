// The store and trade routes over HTTP: customers, alerts and decisions, the digest, and
// shipments, on an in-memory store and the bundled goods tables.

#include <stdexcept>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>

#include "server/server.h"
#include "server/un_snapshot.h"
#include "store/store.h"
#include "trade/files.h"

namespace interdict::server {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

const snapshot::Snapshot& Un() { return UnSnapshot(); }

class StoreRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = store::Store::OpenInMemory();
    ASSERT_TRUE(db.ok()) << db.status().message();
    db_ = std::shared_ptr<store::Store>(std::move(*db));
    auto tables = trade::LoadControlTables(std::string(INTERDICT_DATA_DIR) + "/goods", {});
    ASSERT_TRUE(tables.ok()) << tables.status().message();
    ServerOptions o;
    o.port = 0;
    o.store = db_;
    o.controls = std::make_shared<const trade::ControlTables>(std::move(*tables));
    server_ = std::make_unique<Server>(
        o, [] { return service::Dataset::FromEntities(Un().entities, Un().sources, "un"); });
    ASSERT_TRUE(server_->Start().ok());
    thread_ = std::thread([this] { server_->Run(); });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(60, 0);
    for (int i = 0; i < 200 && !client_->Get("/healthz"); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  void TearDown() override {
    server_->Stop();
    thread_.join();
  }

  // Commits a snapshot of the UN list, without the entities whose index is in `skip`.
  store::SnapshotId Commit(const std::string& label, size_t skip_from, size_t skip_to) {
    std::vector<Entity> entities;
    for (size_t i = 0; i < Un().entities.size(); ++i) {
      if (i < skip_from || i >= skip_to) entities.push_back(Un().entities[i]);
    }
    store::NewSnapshot snap;
    snap.label = label;
    snap.actor = "test";
    store::SnapshotSource source;
    source.version = Un().sources[0].version;
    snap.sources.push_back(source);
    auto id = db_->CommitSnapshot(snap, entities, {});
    if (!id.ok()) throw std::runtime_error(std::string(id.status().message()));
    return *id;
  }

  std::shared_ptr<store::Store> db_;
  std::unique_ptr<Server> server_;
  std::thread thread_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(StoreRoutes, CustomersImportAndList) {
  auto r = client_->Post("/v1/customers",
                         R"({"customers": [{"id": "C-1", "name": "Ivan Petrov", "kind": "person",
                                            "dob": "1970", "country": "RU"},
                                           {"id": 2, "name": "Acme Trading LLC"}]})",
                         "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json report = Json::parse(r->body);
  EXPECT_EQ(report["inserted"], 2);
  EXPECT_EQ(report["rows"], 2);

  auto list = client_->Get("/v1/customers");
  ASSERT_EQ(list->status, 200);
  Json customers = Json::parse(list->body)["customers"];
  ASSERT_EQ(customers.size(), 2u);
  EXPECT_EQ(customers[0]["id"], "2");
  EXPECT_EQ(customers[1]["name"], "Ivan Petrov");
  EXPECT_EQ(customers[1]["kind"], "person");
  EXPECT_EQ(customers[1]["status"], "active");

  // A full import marks the missing customer removed; it stays listable.
  auto full = client_->Post(
      "/v1/customers", R"({"full": true, "customers": [{"id": "2", "name": "Acme Trading LLC"}]})",
      "application/json");
  ASSERT_EQ(full->status, 200) << full->body;
  EXPECT_EQ(Json::parse(full->body)["removed"], 1);
  EXPECT_EQ(Json::parse(client_->Get("/v1/customers")->body)["customers"].size(), 1u);
  EXPECT_EQ(
      Json::parse(client_->Get("/v1/customers?include_removed=true")->body)["customers"].size(),
      2u);

  // Invalid input imports nothing and names each problem.
  auto bad = client_->Post("/v1/customers", R"([{"id": "3", "name": "Ok Name"}, {"id": "4"}])",
                           "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("line 2"));
  EXPECT_EQ(Json::parse(client_->Get("/v1/customers?include_removed=1")->body)["customers"].size(),
            2u);
  EXPECT_EQ(client_->Post("/v1/customers", "{}", "application/json")->status, 400);
  EXPECT_EQ(
      client_->Post("/v1/customers", R"({"customers": [], "x": 1})", "application/json")->status,
      400);
  EXPECT_EQ(client_->Get("/v1/customers?limit=-1")->status, 400);
  EXPECT_EQ(client_->Get("/v1/customers?colour=red")->status, 400);
}

TEST_F(StoreRoutes, AlertsListAndDecide) {
  store::SnapshotId snap = Commit("day 1", 0, 0);
  const Entity& e = Un().entities[0];
  store::Customer c{"C-9", e.primary_name().full};
  ASSERT_TRUE(db_->ImportCustomers(std::vector<store::Customer>{c}, {}).ok());
  store::NewAlert alert;
  alert.customer_id = "C-9";
  alert.source = e.source;
  alert.source_id = e.source_id;
  alert.entity_hash = store::EntityContentHash(e);
  alert.customer_hash = store::CustomerContentHash(c);
  alert.snapshot_id = snap;
  alert.score = 0.97;
  alert.matched_name = e.primary_name().full;
  auto raised = db_->RaiseAlerts(std::vector<store::NewAlert>{alert}, "test");
  ASSERT_TRUE(raised.ok()) << raised.status().message();
  store::AlertId id = (*raised)[0].alert_id;

  Json open = Json::parse(client_->Get("/v1/alerts?status=open")->body)["alerts"];
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0]["customer_id"], "C-9");
  EXPECT_EQ(open[0]["source_id"], e.source_id);

  std::string path = "/v1/alerts/" + std::to_string(id) + "/decision";
  auto no_by = client_->Post(path, R"({"as": "false-positive"})", "application/json");
  EXPECT_EQ(no_by->status, 400);
  EXPECT_THAT(no_by->body, HasSubstr("by: required"));
  EXPECT_EQ(client_->Post(path, R"({"as": "maybe", "by": "ana"})", "application/json")->status,
            400);
  EXPECT_EQ(client_->Post(path, R"({"as": "true-match", "by": 5})", "application/json")->status,
            400);
  auto decided =
      client_->Post(path, R"({"as": "false-positive", "note": "different DOB", "by": "ana"})",
                    "application/json");
  ASSERT_EQ(decided->status, 200) << decided->body;
  Json d = Json::parse(decided->body);
  EXPECT_EQ(d["decision"], "false-positive");
  EXPECT_EQ(d["decided_by"], "ana");
  EXPECT_TRUE(Json::parse(client_->Get("/v1/alerts?status=open")->body)["alerts"].empty());
  EXPECT_EQ(Json::parse(client_->Get("/v1/alerts?status=decided")->body)["alerts"].size(), 1u);
  // Deciding twice is a conflict; an unknown alert is 404.
  auto again = client_->Post(path, R"({"as": "true-match", "by": "bo"})", "application/json");
  EXPECT_GE(again->status, 400);
  EXPECT_EQ(client_
                ->Post("/v1/alerts/999999/decision", R"({"as": "true-match", "by": "bo"})",
                       "application/json")
                ->status,
            404);
  EXPECT_EQ(client_->Get("/v1/alerts?status=closed")->status, 400);
}

TEST_F(StoreRoutes, DigestBetweenTwoSnapshots) {
  auto none = client_->Get("/v1/digest");
  EXPECT_EQ(none->status, 409);  // no snapshot yet
  EXPECT_THAT(none->body, HasSubstr("snapshot"));
  Commit("day 1", 0, 3);  // the first three entities are designated on day 2
  Commit("day 2", 0, 0);
  auto r = client_->Get("/v1/digest");
  ASSERT_EQ(r->status, 200) << r->body;
  EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
  std::string body = r->body;
  EXPECT_THAT(body, HasSubstr(Un().entities[0].source_id));
  auto html = client_->Get("/v1/digest?format=html");
  ASSERT_EQ(html->status, 200);
  EXPECT_THAT(html->get_header_value("Content-Type"), HasSubstr("text/html"));
  EXPECT_THAT(html->body, HasSubstr("<html"));
  EXPECT_EQ(client_->Get("/v1/digest?format=pdf")->status, 400);
  EXPECT_EQ(client_->Get("/v1/digest?since=yesterday-ish")->status, 400);
}

TEST_F(StoreRoutes, ShipmentVerdicts) {
  auto r = client_->Post("/v1/shipments/screen", R"({
      "id": "KG-1",
      "parties": [{"role": "shipper", "name": "Lagertechnik Sauerland GmbH", "country": "DE"},
                  {"role": "consignee", "name": "Ala-Too Industrial Supply LLC", "country": "KG"}],
      "goods": [{"hs_code": "8482 10 10", "description": "Deep groove ball bearings"}],
      "route": {"origin": "DE", "destination": "Kyrgyzstan"}})",
                         "application/json");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  Json v = Json::parse(r->body);
  EXPECT_EQ(v["verdict"], "review");
  EXPECT_THAT(r->body, HasSubstr("goods.chpl.hs"));

  auto bad = client_->Post("/v1/shipments/screen",
                           R"({"id": "X", "parties": [{"role": "captain", "name": "A B"}]})",
                           "application/json");
  EXPECT_EQ(bad->status, 400);
  EXPECT_THAT(bad->body, HasSubstr("role"));
}

TEST(StoreRoutesOff, AnswerServiceUnavailableWithoutAStore) {
  ServerOptions o;
  o.port = 0;
  Server s(o, [] { return service::Dataset::FromEntities(Un().entities, Un().sources, "un"); });
  ASSERT_TRUE(s.Start().ok());
  std::thread t([&s] { s.Run(); });
  httplib::Client c("127.0.0.1", s.port());
  for (int i = 0; i < 200 && !c.Get("/healthz"); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  for (const char* path : {"/v1/customers", "/v1/alerts", "/v1/digest"}) {
    auto r = c.Get(path);
    EXPECT_EQ(r->status, 503) << path;
    EXPECT_THAT(r->body, HasSubstr("--data-dir")) << path;
  }
  EXPECT_EQ(c.Post("/v1/shipments/screen", "{}", "application/json")->status, 503);
  s.Stop();
  t.join();
}

}  // namespace
}  // namespace interdict::server
