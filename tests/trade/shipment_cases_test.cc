// Runs the readable shipment cases in tests/trade/cases/*.json (format: cases/README.md)
// against the bundled snapshot, the bundled control tables and testdata/ownership.csv.
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <dirent.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing/files.h"
#include "trade/files.h"
#include "trade/shipment_json.h"
#include "trade/shipment_screener.h"
#include "trade_testing.h"

namespace interdict::trade {
namespace {

const ShipmentScreener& CaseScreener() {
  static const ShipmentScreener* screener = [] {
    auto* graph = new OwnershipGraph();
    Status s = LoadOwnershipFile(
        testing::TradePath("testdata/ownership.csv"),
        MakeResolver(testing::BundledScreener(), testing::BundledIndex(), kDefaultThreshold),
        graph);
    EXPECT_TRUE(s.ok()) << s.ToString();
    graph->Solve({});
    auto ss =
        ShipmentScreener::Create(testing::BundledScreener(), testing::BundledTables(), graph, {});
    EXPECT_TRUE(ss.ok()) << ss.status().ToString();
    return ss->release();
  }();
  return *screener;
}

std::vector<std::string> CaseFiles() {
  std::vector<std::string> files;
  std::string dir = testing::TradePath("cases");
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 5 && name.substr(name.size() - 5) == ".json") files.push_back(name);
    }
    closedir(d);
  }
  std::sort(files.begin(), files.end());
  return files;
}

class ShipmentCaseTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ShipmentCaseTest, MatchesExpectation) {
  std::string path = testing::TradePath("cases/" + GetParam());
  nlohmann::json doc =
      nlohmann::json::parse(interdict::testing::ReadFileOrDie(path), nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << path << ": not JSON";
  ASSERT_TRUE(doc.contains("expect") && doc.contains("shipment")) << path;
  const nlohmann::json& expect = doc["expect"];
  SCOPED_TRACE(doc.value("case", GetParam()));

  Result<Verdict> verdict = Status::Internal("not run");
  Result<Shipment> shipment = ShipmentFromJson(doc["shipment"], GetParam());
  if (shipment.ok()) verdict = CaseScreener().Assess(*shipment);
  const Status& error = shipment.ok() ? verdict.status() : shipment.status();

  if (expect.contains("error")) {
    ASSERT_FALSE(error.ok()) << "expected an error";
    EXPECT_EQ(error.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(error.message().find(expect["error"].get<std::string>()), std::string::npos)
        << error.message();
    return;
  }
  ASSERT_TRUE(error.ok()) << error.ToString();
  std::string dump = VerdictToJson(*verdict).dump(2);
  EXPECT_EQ(DecisionName(verdict->decision), expect["verdict"].get<std::string>()) << dump;
  std::set<std::string> fired;
  for (const Reason& r : verdict->reasons) fired.insert(r.rule);
  for (const auto& rule : expect.value("rules", nlohmann::json::array())) {
    EXPECT_TRUE(fired.count(rule.get<std::string>())) << "rule " << rule << " did not fire\n"
                                                      << dump;
  }
  for (const auto& rule : expect.value("absent_rules", nlohmann::json::array())) {
    EXPECT_FALSE(fired.count(rule.get<std::string>())) << "rule " << rule << " fired\n" << dump;
  }
  if (expect.contains("message")) {
    std::string want = expect["message"].get<std::string>();
    bool found =
        std::any_of(verdict->reasons.begin(), verdict->reasons.end(),
                    [&](const Reason& r) { return r.message.find(want) != std::string::npos; });
    EXPECT_TRUE(found) << "no reason message contains \"" << want << "\"\n" << dump;
  }
  if (expect.contains("detail")) {
    std::string want = expect["detail"].get<std::string>();
    bool found = false;
    for (const Reason& r : verdict->reasons) {
      for (const std::string& d : r.details) found = found || d.find(want) != std::string::npos;
    }
    EXPECT_TRUE(found) << "no reason detail contains \"" << want << "\"\n" << dump;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, ShipmentCaseTest, ::testing::ValuesIn(CaseFiles()),
                         [](const ::testing::TestParamInfo<std::string>& param) {
                           std::string name = param.param.substr(0, param.param.size() - 5);
                           for (char& c : name) {
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return name;
                         });

TEST(ShipmentCasesTest, HttpBodyGivesOneVerdictOrAList) {
  auto one = nlohmann::json::parse(
      R"({"id":"A","parties":[{"role":"consignee","name":"Ala-Too Industrial Supply LLC"}],
          "goods":[{"hs_code":"8482.10"}],"route":{"destination":"KG"}})");
  Result<nlohmann::ordered_json> j = AssessShipmentsJson(CaseScreener(), one);
  ASSERT_TRUE(j.ok()) << j.status().ToString();
  EXPECT_EQ((*j)["verdict"], "review");
  nlohmann::json list = {{"shipments", {one, one}}};
  j = AssessShipmentsJson(CaseScreener(), list);
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["verdicts"].size(), 2u);
  list["shipments"][1]["parties"][0]["role"] = "buyer";
  EXPECT_EQ(AssessShipmentsJson(CaseScreener(), list).status().message().substr(0, 40),
            "body: shipments[1]: parties[0].role: unk");
  one["route"]["destination"] = "Narnia";
  EXPECT_NE(AssessShipmentsJson(CaseScreener(), one)
                .status()
                .message()
                .find("route.destination: unknown country \"Narnia\""),
            std::string::npos);
}

TEST(ShipmentCasesTest, EveryCaseFileIsFound) { EXPECT_GE(CaseFiles().size(), 17u); }

}  // namespace
}  // namespace interdict::trade
