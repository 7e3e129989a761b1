// `interdict customers | alerts | audit`, run in-process against a temporary data directory.
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "store/store.h"
#include "store/store_test_util.h"
#include "testing/files.h"

namespace interdict::cli {
namespace {

using store::testing_util::RawSql;
using store::testing_util::TempDir;
using ::testing::HasSubstr;

struct Output {
  int code;
  std::string out, err;
};

class StoreCommandsTest : public ::testing::Test {
 protected:
  Output Run(std::vector<std::string> args) {
    args.insert(args.begin(), "interdict");
    args.push_back("--data-dir");
    args.push_back(data_);
    std::vector<const char*> argv;
    for (const std::string& a : args) argv.push_back(a.c_str());
    std::ostringstream out, err;
    int code = cli::Run(static_cast<int>(argv.size()), argv.data(), out, err);
    return {code, out.str(), err.str()};
  }

  // Two alerts raised the way rescreening does, through the store.
  void RaiseTwoAlerts() {
    auto s = store::Store::Open(data_);
    ASSERT_TRUE(s.ok());
    Entity e = store::testing_util::MakeEntity(ListSource::kOfacSdn, "36", "PETROV, Ivan");
    store::NewSnapshot snap;
    snap.actor = "test";
    snap.sources = {store::testing_util::MakeSource(ListSource::kOfacSdn)};
    std::vector<Entity> entities = {e};
    auto id = (*s)->CommitSnapshot(snap, entities, {});
    ASSERT_TRUE(id.ok());
    std::vector<store::NewAlert> alerts;
    for (const char* customer : {"C1", "C2"}) {
      auto c = (*s)->GetCustomer(customer);
      ASSERT_TRUE(c.ok());
      store::NewAlert a;
      a.customer_id = customer;
      a.source = e.source;
      a.source_id = e.source_id;
      a.entity_hash = store::EntityContentHash(e);
      a.customer_hash = c->content_hash;
      a.snapshot_id = *id;
      a.score = 0.93;
      a.matched_name = "PETROV, Ivan";
      a.explanation_json = R"({"name_score":0.93})";
      alerts.push_back(a);
    }
    ASSERT_TRUE((*s)->RaiseAlerts(alerts, "rescreen").ok());
  }

  void SetUp() override {
    csv_ = tmp_.Sub("customers.csv");
    testing::WriteFileOrDie(csv_,
                            "id,name,kind,dob,country,ids\n"
                            "C1,Ivan Petrov,person,1970,RU,passport:X1\n"
                            "C2,Ivan Petrof,person,,RU,\n"
                            "C3,\"Acme, Ltd\",company,,US,\n");
  }

  TempDir tmp_;
  std::string data_ = tmp_.Sub("data");
  std::string csv_;
};

TEST_F(StoreCommandsTest, ImportListAndFullImportMarksRemoved) {
  Output o = Run({"customers", "import", csv_, "--json"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  auto j = nlohmann::json::parse(o.out);
  EXPECT_EQ(j["inserted"], 3);
  EXPECT_EQ(j["revision"], 1);

  testing::WriteFileOrDie(csv_, "id,name\nC1,Ivan Petrov\nC2,Ivan Petrof\n,no id\n");
  o = Run({"customers", "import", csv_, "--full"});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_THAT(o.err, HasSubstr("customers.csv: line 4, column id: skipped: no customer id"));
  EXPECT_THAT(o.err, HasSubstr("refusing a --full import with 1 skipped row"));

  testing::WriteFileOrDie(csv_,
                          "id,name,kind,dob,country,ids\n"
                          "C1,Ivan Petrov,person,1970,RU,passport:X1\n");
  o = Run({"customers", "import", csv_, "--full"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_THAT(o.out, HasSubstr("1 unchanged, 0 restored, 2 marked removed"));
  o = Run({"customers", "list"});
  EXPECT_THAT(o.out, HasSubstr("1 customer(s)"));
  o = Run({"customers", "list", "--all", "--json"});
  EXPECT_THAT(o.out, HasSubstr("\"id\":\"C3\""));
  EXPECT_THAT(o.out, HasSubstr("\"removed\":true"));

  o = Run({"customers", "import", tmp_.Sub("missing.csv")});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_THAT(o.err, HasSubstr("cannot read"));
  testing::WriteFileOrDie(csv_, std::string("\x00\x01\x02garbage", 10));
  o = Run({"customers", "import", csv_});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_THAT(o.err, HasSubstr("customers.csv: line 1: binary data"));
}

TEST_F(StoreCommandsTest, AlertsListShowDecideAndSuppressions) {
  ASSERT_EQ(Run({"customers", "import", csv_}).code, kExitOk);
  RaiseTwoAlerts();

  Output o = Run({"alerts", "list", "--status", "open", "--json"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  auto j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["alerts"].size(), 2u);
  EXPECT_EQ(j["alerts"][0]["customer_id"], "C2");  // newest first
  EXPECT_EQ(j["alerts"][0]["explanation"]["name_score"], 0.93);

  o = Run({"alerts", "show", "1"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_THAT(o.out, HasSubstr("customer: C1  Ivan Petrov"));
  EXPECT_THAT(o.out, HasSubstr("listed:   ofac_sdn 36  PETROV, Ivan [person]"));
  EXPECT_THAT(o.out, HasSubstr("programs: SDGT"));

  o = Run({"alerts", "decide", "1", "--as", "false-positive", "--note", "DOB differs", "--by",
           "alice"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_THAT(o.out, HasSubstr("suppressed"));
  o = Run({"alerts", "decide", "1", "--as", "true-match", "--by", "bob"});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_THAT(o.err, HasSubstr("already decided"));
  o = Run({"alerts", "decide", "2", "--as", "perhaps", "--by", "bob"});
  EXPECT_EQ(o.code, kExitUsage);
  o = Run({"alerts", "decide", "2", "--as", "true-match"});  // --by is required
  EXPECT_EQ(o.code, kExitUsage);
  o = Run({"alerts", "show", "99"});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_THAT(o.err, HasSubstr("alert 99 does not exist"));

  o = Run({"alerts", "list", "--status", "decided"});
  EXPECT_THAT(o.out, HasSubstr("false-positive"));
  EXPECT_THAT(o.out, HasSubstr("1 alert(s)"));
  o = Run({"alerts", "list", "--status", "maybe"});
  EXPECT_EQ(o.code, kExitUsage);

  o = Run({"alerts", "suppressions", "--json"});
  j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["suppressions"].size(), 1u);
  EXPECT_EQ(j["suppressions"][0]["customer_id"], "C1");
  EXPECT_EQ(j["suppressions"][0]["created_by"], "alice");
  o = Run({"alerts", "suppressions", "--revoke", "1"});
  EXPECT_EQ(o.code, kExitUsage);  // who revokes is required
  o = Run({"alerts", "suppressions", "--revoke", "1", "--by", "bob", "--note", "re-check"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  o = Run({"alerts", "suppressions"});
  EXPECT_THAT(o.out, HasSubstr("0 suppression(s)"));
  o = Run({"alerts", "suppressions", "--all"});
  EXPECT_THAT(o.out, HasSubstr("[revoked by bob"));
}

TEST_F(StoreCommandsTest, AuditVerifyAndExportAndTamperDetection) {
  ASSERT_EQ(Run({"customers", "import", csv_}).code, kExitOk);
  RaiseTwoAlerts();
  ASSERT_EQ(Run({"alerts", "decide", "2", "--as", "true-match", "--by", "alice"}).code, kExitOk);

  Output o = Run({"audit", "verify"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_THAT(o.out, HasSubstr("intact: 5 records"));  // import, snapshot, 2 alerts, decision

  o = Run({"audit", "export", "--format", "json"});
  ASSERT_EQ(o.code, kExitOk);
  auto j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["records"].size(), 5u);
  EXPECT_EQ(j["records"][4]["action"], "decision");
  EXPECT_EQ(j["records"][4]["actor"], "alice");
  o = Run({"audit", "export", "--from", "2999-01-01"});
  EXPECT_EQ(o.out, "seq,time,actor,action,payload,prev_hash,hash\r\n");
  o = Run({"audit", "export", "--output", tmp_.Sub("audit.csv")});
  ASSERT_EQ(o.code, kExitOk);
  EXPECT_THAT(testing::ReadFileOrDie(tmp_.Sub("audit.csv")), HasSubstr(",decision,"));
  o = Run({"audit", "export", "--format", "xml"});
  EXPECT_EQ(o.code, kExitUsage);

  RawSql(data_ + "/interdict.db",
         "DROP TRIGGER audit_no_update; UPDATE audit SET actor = 'mallory' WHERE seq = 5");
  o = Run({"audit", "verify"});
  EXPECT_EQ(o.code, kExitFindings);
  EXPECT_THAT(o.out, HasSubstr("BROKEN at record 5: hash mismatch"));
}

}  // namespace
}  // namespace interdict::cli
