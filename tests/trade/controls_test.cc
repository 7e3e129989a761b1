// The control tables: the bundled CSVs, user extensions and hostile files.
#include "trade/controls.h"

#include <cstdlib>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/files.h"
#include "testing/golden.h"
#include "trade/files.h"
#include "trade_testing.h"

namespace interdict::trade {
namespace {

using ::interdict::testing::StatusIs;

TEST(ControlTablesTest, BundledTablesLoad) {
  const ControlTables& t = testing::BundledTables();
  EXPECT_EQ(t.chpl().size(), 50u);
  EXPECT_EQ(t.diversion().size(), 19u);
  EXPECT_EQ(t.embargo().size(), 6u);
  EXPECT_GE(t.terms().size(), 100u);
  const ChplItem* ic = t.FindChpl("854231");
  ASSERT_NE(ic, nullptr);
  EXPECT_EQ(ic->tier, ChplTier::kTier1);
  EXPECT_EQ(ic->source.ToString(), "chpl.csv:2");
  const ChplItem* bearing = t.FindChpl("848210");
  ASSERT_NE(bearing, nullptr);
  EXPECT_EQ(bearing->tier, ChplTier::kTier3B);
  EXPECT_EQ(t.FindChpl("940330"), nullptr);  // office furniture
  ASSERT_NE(t.FindDiversion("KG"), nullptr);
  EXPECT_EQ(t.FindDiversion("DE"), nullptr);
  ASSERT_NE(t.FindEmbargo("RU"), nullptr);
  EXPECT_NE(t.FindEmbargo("RU")->basis.find("833/2014"), std::string::npos);
  // Every tier occurs; each term with an hs6 took its tier from the CHPL row.
  std::set<ChplTier> tiers;
  for (const auto& [hs6, item] : t.chpl()) tiers.insert(item.tier);
  EXPECT_EQ(tiers.size(), 6u);
  for (const GoodsTerm& g : t.terms()) {
    if (!g.hs6.empty()) {
      EXPECT_EQ(g.tier, t.FindChpl(g.hs6)->tier) << g.term;
    }
  }
  // English, Russian and Chinese at least.
  std::set<std::string> languages;
  for (const GoodsTerm& g : t.terms()) languages.insert(g.language);
  for (const char* lang : {"en", "ru", "zh"}) EXPECT_TRUE(languages.count(lang)) << lang;
}

TEST(ControlTablesTest, LaterRowsOverrideAndExtend) {
  ControlTables t = testing::BundledTables();
  ASSERT_TRUE(
      t.Add(ControlTable::kChpl, InputFile{"mine.csv",
                                           "description,tier,hs6\n"
                                           "\"Ball bearings (our policy: tier 1)\",1,848210\n"
                                           "Night-vision monoculars,3B,900510\n"})
          .ok());
  EXPECT_EQ(t.chpl().size(), 51u);
  EXPECT_EQ(t.FindChpl("848210")->tier, ChplTier::kTier1);
  EXPECT_EQ(t.FindChpl("848210")->source.ToString(), "mine.csv:2");
  ASSERT_TRUE(t.Add(ControlTable::kDiversion,
                    InputFile{"hubs.csv", "iso2,country,basis\nMN,Mongolia,internal policy\n"})
                  .ok());
  EXPECT_NE(t.FindDiversion("MN"), nullptr);
  ASSERT_TRUE(t.Add(ControlTable::kEmbargo,
                    InputFile{"emb.csv", "iso2,country,basis\n,Venezuela,internal policy\n"})
                  .ok());
  EXPECT_NE(t.FindEmbargo("VE"), nullptr);  // resolved from the country name
  EXPECT_TRUE(t.Validate().ok());
}

Status AddChpl(std::string_view bytes) {
  ControlTables t;
  return t.Add(ControlTable::kChpl, InputFile{"bad.csv", bytes});
}

TEST(ControlTablesTest, HostileFilesAreRefusedWithFileAndLine) {
  EXPECT_THAT(AddChpl(""), StatusIs(StatusCode::kDataLoss, "bad.csv: empty file"));
  EXPECT_THAT(AddChpl("  \n \n"), StatusIs(StatusCode::kDataLoss, "empty file"));
  EXPECT_THAT(AddChpl(std::string("hs6,tier\0\x01\x02\x03", 12)),
              StatusIs(StatusCode::kDataLoss, "bad.csv: binary data"));
  EXPECT_THAT(AddChpl("code,tier,description\n854231,1,x\n"),
              StatusIs(StatusCode::kDataLoss, "bad.csv: line 1: header lacks column \"hs6\""));
  EXPECT_THAT(AddChpl("hs6,tier,description\n854231,1,ok\n8542.31,1,x\n"),
              StatusIs(StatusCode::kDataLoss, "bad.csv: line 3: hs6 \"8542.31\" is not 6 digits"));
  EXPECT_THAT(AddChpl("hs6,tier,description\n854231,5,x\n"),
              StatusIs(StatusCode::kDataLoss, "line 2: tier \"5\" is not one of"));
  EXPECT_THAT(AddChpl("hs6,tier,description\n854231,1,\"unterminated\n"),
              StatusIs(StatusCode::kDataLoss, "bad.csv"));
  EXPECT_THAT(AddChpl("hs6,tier,description\n854231,1,caf\xC3\n"),
              StatusIs(StatusCode::kDataLoss, "bad.csv: line 2: invalid UTF-8"));
  ControlTables t;
  EXPECT_THAT(t.Add(ControlTable::kDiversion,
                    InputFile{"hubs.csv", "iso2,country,basis\nZZ,Narnia,fiction\n"}),
              StatusIs(StatusCode::kDataLoss, "hubs.csv: line 2: unknown country \"ZZ\""));
  EXPECT_THAT(t.Add(ControlTable::kGoodsTerms,
                    InputFile{"terms.csv", "term,language,hs6,tier,category\n ,en,,1,x\n"}),
              StatusIs(StatusCode::kDataLoss, "terms.csv: line 2: empty term"));
  EXPECT_THAT(t.Add(ControlTable::kGoodsTerms,
                    InputFile{"terms.csv", "term,language,hs6,tier,category\nwidget,en,,,x\n"}),
              StatusIs(StatusCode::kDataLoss, "needs an hs6 or a tier"));
  // A refused file adds nothing.
  EXPECT_TRUE(t.diversion().empty());
  EXPECT_TRUE(t.terms().empty());
}

TEST(ControlTablesTest, TermNamingACodeOffTheChplFailsValidation) {
  ControlTables t;
  ASSERT_TRUE(
      t.Add(ControlTable::kChpl, InputFile{"chpl.csv", "hs6,tier,description\n854231,1,x\n"}).ok());
  ASSERT_TRUE(t.Add(ControlTable::kGoodsTerms,
                    InputFile{"terms.csv",
                              "term,language,hs6,tier,category\nmicrocontroller,en,854231,,ic\n"
                              "desk,en,940330,,furniture\n"})
                  .ok());
  EXPECT_THAT(t.Validate(), StatusIs(StatusCode::kDataLoss,
                                     "terms.csv: line 3: term \"desk\": hs6 940330 is not on the "
                                     "CHPL table"));
}

TEST(ControlTablesTest, LoadFromDirectoryWithExtraFiles) {
  std::string dir = ::testing::TempDir() + "/trade_controls_extra";
  std::string mkdir = "mkdir -p " + dir;
  ASSERT_EQ(std::system(mkdir.c_str()), 0);
  interdict::testing::WriteFileOrDie(dir + "/embargo_extra.csv",
                                     "iso2,country,basis\nVE,Venezuela,internal policy\n");
  interdict::testing::WriteFileOrDie(dir + "/mine.csv", "iso2,country,basis\nMN,Mongolia,p\n");
  std::string goods = interdict::testing::DataPath("goods");
  auto t = LoadControlTables(goods, {dir + "/embargo_extra.csv", "diversion=" + dir + "/mine.csv"});
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_NE(t->FindEmbargo("VE"), nullptr);
  EXPECT_NE(t->FindDiversion("MN"), nullptr);
  EXPECT_EQ(t->files().size(), 6u);
  EXPECT_THAT(LoadControlTables(goods, {dir + "/mine.csv"}).status(),
              StatusIs(StatusCode::kInvalidArgument, "cannot tell the table"));
  EXPECT_THAT(LoadControlTables(goods, {"widgets=" + dir + "/mine.csv"}).status(),
              StatusIs(StatusCode::kInvalidArgument, "unknown table \"widgets\""));
  EXPECT_THAT(LoadControlTables(dir, {}).status(), StatusIs(StatusCode::kNotFound, "chpl.csv"));
  EXPECT_THAT(LoadControlTables(goods, {"chpl=" + dir + "/nope.csv"}).status(),
              StatusIs(StatusCode::kNotFound, "nope.csv"));
}

}  // namespace
}  // namespace interdict::trade
