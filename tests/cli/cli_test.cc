// The `interdict` command line, run in-process: exit codes, output shapes, error messages.
#include "cli/cli.h"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "testing/files.h"
#include "testing/run_cli.h"

namespace interdict::cli {
namespace {

using Output = testing::CliOutput;

Output RunArgs(std::vector<std::string> args) { return testing::RunCli(std::move(args)); }

TEST(CliTest, ListsJsonReportsEverySource) {
  Output o = RunArgs({"lists", "--data", testing::DataPath(""), "--json"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  auto j = nlohmann::json::parse(o.out);
  ASSERT_EQ(j["sources"].size(), 5u);
  EXPECT_EQ(j["sources"][0]["source"], "ofac_sdn");
  EXPECT_EQ(j["sources"][0]["entities"], 14965);
  EXPECT_EQ(j["sources"][3]["by_kind"]["person"], 730);
  EXPECT_EQ(j["total_entities"], 35258);
}

TEST(CliTest, ListsTableAndUnknownSource) {
  Output o = RunArgs({"lists", "--data", testing::DataPath(""), "--source", "un"});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  EXPECT_NE(o.out.find("2026-02-27"), std::string::npos);
  EXPECT_NE(o.out.find("consolidated.xml"), std::string::npos);
  Output bad = RunArgs({"lists", "--data", testing::DataPath(""), "--source", "mars"});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_NE(bad.err.find("unknown source \"mars\""), std::string::npos);
}

TEST(CliTest, ParseNamesTheFileOnError) {
  std::string path = "/tmp/interdict_cli_bad.xml";
  testing::WriteFileOrDie(path, "<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>");
  Output o = RunArgs({"parse", "--format", "un_xml", path});
  EXPECT_EQ(o.code, kExitUsage);
  EXPECT_NE(o.err.find("interdict_cli_bad.xml"), std::string::npos) << o.err;
  Output fmt = RunArgs({"parse", "--format", "pdf", path});
  EXPECT_EQ(fmt.code, kExitUsage);
  EXPECT_NE(fmt.err.find("unknown format"), std::string::npos);
}

TEST(CliTest, ScreenExitCodesAndJson) {
  std::string data = testing::DataPath("");
  Output hit = RunArgs({"screen", "Sergey Shoygu", "--kind", "person", "--data", data, "--json"});
  ASSERT_EQ(hit.code, kExitFindings) << hit.err;
  auto j = nlohmann::json::parse(hit.out);
  ASSERT_FALSE(j["hits"].empty());
  bool found = false;
  for (const auto& h : j["hits"]) {
    if (h["source"] == "ofac_sdn" && h["source_id"] == "35173") {
      found = true;
      EXPECT_GE(h["score"].get<double>(), 0.9);
      EXPECT_EQ(h["programs"][0], "RUSSIA-EO14024");
      EXPECT_FALSE(h["explanation"]["alignment"].empty());
    }
  }
  EXPECT_TRUE(found) << hit.out;
  Output bad = RunArgs({"screen", "LLC", "--data", data});
  EXPECT_EQ(bad.code, kExitUsage);
  EXPECT_NE(bad.err.find("no informative word"), std::string::npos) << bad.err;
  Output kind = RunArgs({"screen", "X", "--kind", "planet", "--data", data});
  EXPECT_EQ(kind.code, kExitUsage);
}

TEST(CliTest, ScreenWithoutHitsExitsZero) {
  Output none = RunArgs({"screen", "Zyxwvut Qponmlk", "--data", testing::DataPath("")});
  EXPECT_EQ(none.code, kExitOk) << none.err;
  EXPECT_NE(none.out.find("No potential match"), std::string::npos);
}

TEST(CliTest, ComparePairsWritesOneJsonLinePerPair) {
  std::string path = "/tmp/interdict_cli_pairs.csv";
  testing::WriteFileOrDie(path,
                          "name1,name2,schema\n"
                          "Vladimir Putin,\"PUTIN, Vladimir\",Person\n"
                          "OAO Gazprom,Gazprom JSC,Company\n"
                          "Angelo Cruz,Angela Merkel,Person\n"
                          ",Empty,Person\n");
  Output o = RunArgs({"compare", "--pairs", path, "--data", testing::DataPath("")});
  ASSERT_EQ(o.code, kExitOk) << o.err;
  std::istringstream lines(o.out);
  std::vector<nlohmann::json> rows;
  std::string line;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_TRUE(rows[0]["match"].get<bool>());
  EXPECT_TRUE(rows[1]["match"].get<bool>());
  EXPECT_FALSE(rows[2]["match"].get<bool>());
  EXPECT_TRUE(rows[3].contains("error"));
  EXPECT_TRUE(rows[0].contains("threshold"));
  EXPECT_TRUE(rows[0].contains("score"));
}

}  // namespace
}  // namespace interdict::cli
