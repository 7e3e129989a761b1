// `interdict shipment` and `interdict ownership` end to end: output, JSON and exit codes.
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "cli/cli.h"
#include "testing/files.h"
#include "trade/trade_testing.h"

namespace interdict::trade {
namespace {

using ::testing::HasSubstr;

struct RunResult {
  int code = -1;
  std::string out, err;
};

RunResult RunCli(std::vector<std::string> args) {
  args.insert(args.begin(), "interdict");
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out, err;
  RunResult r;
  r.code = cli::Run(static_cast<int>(argv.size()), argv.data(), out, err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

std::string Case(const std::string& name) { return testing::TradePath("cases/" + name); }

// The case files hold {"case", "expect", "shipment"}: write the shipments alone.
std::string ShipmentsFile(const std::vector<std::string>& cases, const std::string& name) {
  std::string jsonl;
  for (const std::string& c : cases) {
    auto doc = nlohmann::json::parse(interdict::testing::ReadFileOrDie(Case(c)));
    jsonl += doc["shipment"].dump() + "\n";
  }
  std::string path = ::testing::TempDir() + "/" + name;
  interdict::testing::WriteFileOrDie(path, jsonl);
  return path;
}

TEST(ShipmentCommandTest, InputErrorsExitTwoNamingTheField) {
  std::string bad = ShipmentsFile({"malformed_unknown_role.json"}, "bad_role.jsonl");
  RunResult r = RunCli({"shipment", bad});
  EXPECT_EQ(r.code, cli::kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("bad_role.jsonl: parties[1].role: unknown role \"buyer\""));
  r = RunCli({"shipment", "/nonexistent/shipments.json"});
  EXPECT_EQ(r.code, cli::kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("/nonexistent/shipments.json"));
  std::string table = ::testing::TempDir() + "/chpl_bad.csv";
  interdict::testing::WriteFileOrDie(table, "hs6,tier,description\n8542,1,x\n");
  std::string ok = ShipmentsFile({"office_furniture_germany.json"}, "ok.jsonl");
  r = RunCli({"shipment", ok, "--controls", table});
  EXPECT_EQ(r.code, cli::kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("chpl_bad.csv: line 2: hs6 \"8542\" is not 6 digits"));
}

TEST(ShipmentCommandTest, VerdictsAndExitCodes) {
  std::string clear = ShipmentsFile({"office_furniture_germany.json"}, "clear.jsonl");
  RunResult r = RunCli({"shipment", clear, "--json"});
  EXPECT_EQ(r.code, cli::kExitOk) << r.err;
  auto j = nlohmann::json::parse(r.out, nullptr, false);
  ASSERT_FALSE(j.is_discarded()) << r.out;
  EXPECT_EQ(j["verdict"], "clear");
  EXPECT_EQ(j["shipment_id"], "DE-5521");

  std::string mixed =
      ShipmentsFile({"hk_entity_list_integrated_circuits.json", "kyrgyzstan_ball_bearings.json",
                     "office_furniture_germany.json"},
                    "mixed.jsonl");
  r = RunCli({"shipment", mixed});
  EXPECT_EQ(r.code, cli::kExitFindings) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Shipment INV-2024-0417: BLOCK"));
  EXPECT_THAT(r.out, HasSubstr("party.listed.blocking"));
  EXPECT_THAT(r.out, HasSubstr("Shipment KG-0093: REVIEW"));
  EXPECT_THAT(r.out, HasSubstr("Shipment DE-5521: CLEAR"));
  EXPECT_THAT(r.out, HasSubstr("3 shipments: 1 block, 1 review, 1 clear"));
}

TEST(ShipmentCommandTest, OwnershipCommandExplainsTheChain) {
  RunResult r = RunCli({"ownership", testing::TradePath("testdata/ownership.csv"), "--entity",
                        "Amber Logistics SIA"});
  EXPECT_EQ(r.code, cli::kExitFindings) << r.err;
  EXPECT_THAT(r.out, HasSubstr("BLOCKED  Amber Logistics SIA"));
  EXPECT_THAT(r.out, HasSubstr("Vostok Holding Ltd is owned ROTENBERG, Arkady Romanovich 60%"));
  r = RunCli({"ownership", testing::TradePath("testdata/ownership.csv"), "--entity", "Nobody Ltd"});
  EXPECT_EQ(r.code, cli::kExitUsage);
  EXPECT_THAT(r.err, HasSubstr("\"Nobody Ltd\" is not in the graph"));
}

}  // namespace
}  // namespace interdict::trade
