// HS codes as written on invoices, and CHPL description terms in several languages.
#include "trade/goods.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/golden.h"
#include "trade_testing.h"

namespace interdict::trade {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;

std::string Hs6(std::string_view text) {
  Result<HsCode> code = ParseHsCode(text);
  EXPECT_TRUE(code.ok()) << text << ": " << code.status().ToString();
  return code.ok() ? code->hs6 : "";
}

TEST(HsCodeTest, InvoiceSpellingsReduceToHs6) {
  EXPECT_EQ(Hs6("854231"), "854231");
  EXPECT_EQ(Hs6("8542.31"), "854231");
  EXPECT_EQ(Hs6("8542 31 00"), "854231");
  EXPECT_EQ(Hs6("85423100 00"), "854231");
  EXPECT_EQ(Hs6("8542.31.0000"), "854231");
  EXPECT_EQ(Hs6("8482.10.10"), "848210");
  EXPECT_EQ(Hs6(" 8482-10 "), "848210");
  EXPECT_EQ(Hs6("8542\xC2\xA0"
                "31"),
            "854231");  // no-break space
  Result<HsCode> ten = ParseHsCode("8542.31.0015");
  ASSERT_TRUE(ten.ok());
  EXPECT_EQ(ten->digits, "8542310015");
}

TEST(HsCodeTest, InvalidCodesAreReportedNotGuessed) {
  EXPECT_THAT(ParseHsCode("").status(), StatusIs(StatusCode::kInvalidArgument, "empty"));
  EXPECT_THAT(ParseHsCode(" . ").status(), StatusIs(StatusCode::kInvalidArgument, "empty"));
  EXPECT_THAT(ParseHsCode("8542").status(), StatusIs(StatusCode::kInvalidArgument,
                                                     "4 digits (an HS code is 6, 8 or 10 digits; "
                                                     "a 4-digit heading is too coarse"));
  EXPECT_THAT(ParseHsCode("85423").status(), StatusIs(StatusCode::kInvalidArgument, "5 digits"));
  EXPECT_THAT(ParseHsCode("8542310").status(), StatusIs(StatusCode::kInvalidArgument, "7 digits"));
  EXPECT_THAT(ParseHsCode("854231000000").status(),
              StatusIs(StatusCode::kInvalidArgument, "12 digits"));
  EXPECT_THAT(ParseHsCode("85A2.31").status(),
              StatusIs(StatusCode::kInvalidArgument, "unexpected 'A'"));
  EXPECT_THAT(ParseHsCode("HS 8542.31").status(),
              StatusIs(StatusCode::kInvalidArgument, "unexpected 'H'"));
  EXPECT_THAT(ParseHsCode("8542,31").status(),
              StatusIs(StatusCode::kInvalidArgument, "unexpected ','"));
  EXPECT_THAT(ParseHsCode("7701.10").status(),
              StatusIs(StatusCode::kInvalidArgument, "chapter 77 is not an HS chapter"));
  EXPECT_THAT(ParseHsCode("9903.88.03").status(),
              StatusIs(StatusCode::kInvalidArgument, "chapter 99"));
  EXPECT_THAT(ParseHsCode("001122").status(), StatusIs(StatusCode::kInvalidArgument, "chapter 00"));
  EXPECT_THAT(ParseHsCode("8542\xFF"
                          "31")
                  .status(),
              StatusIs(StatusCode::kInvalidArgument, "byte 255"));
  EXPECT_THAT(ParseHsCode(std::string("8542\0"
                                      "31",
                                      7))
                  .status(),
              StatusIs(StatusCode::kInvalidArgument, "byte 0"));
}

std::vector<std::string> Matched(std::string_view description) {
  std::vector<std::string> out;
  for (const TermMatch& m : MatchGoodsTerms(testing::BundledTables(), description)) {
    out.push_back(m.matched + "=" + m.term->language + "/" +
                  std::string(ChplTierName(m.term->tier)));
  }
  return out;
}

TEST(GoodsTermsTest, EnglishTermsMatchWordsAndPlurals) {
  EXPECT_THAT(Matched("Integrated circuits, microcontrollers STM32F405RGT6"),
              ElementsAre("integrated circuits=en/1", "microcontrollers=en/1"));
  EXPECT_THAT(Matched("Deep groove BALL BEARINGS 6204-2RS"), ElementsAre("ball bearings=en/3B"));
  EXPECT_THAT(Matched("FPGA dev board"), ElementsAre("fpga=en/1"));
  EXPECT_THAT(Matched("CNC lathe, 2 axis"), ElementsAre("cnc lathe=en/4B"));
  EXPECT_THAT(Matched("u-blox GNSS module NEO-M8N"), ElementsAre("gnss module=en/2"));
}

TEST(GoodsTermsTest, RussianAndChineseTerms) {
  EXPECT_THAT(Matched("Микросхемы интегральные"), ElementsAre("микросхемы=ru/1"));
  EXPECT_THAT(Matched("ПОДШИПНИКИ роликовые"), ElementsAre("подшипники=ru/3B"));
  EXPECT_THAT(Matched("навигационный приёмник ГЛОНАСС"),
              ElementsAre("навигационный приемник=ru/2", "глонасс=ru/2"));
  EXPECT_THAT(Matched("集成电路"), ElementsAre("集成电路=zh/1"));
  EXPECT_THAT(Matched("进口轴承一批"), ElementsAre("轴承=zh/3B"));  // inside a Chinese phrase
  EXPECT_THAT(Matched("Kugellager 6204"), ElementsAre("kugellager=de/3B"));
}

TEST(GoodsTermsTest, LongestMatchWinsAndWordStartsMatter) {
  // "滚珠轴承" (ball bearing, 848210) hides the generic "轴承" (bearing).
  std::vector<TermMatch> m = MatchGoodsTerms(testing::BundledTables(), "滚珠轴承");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].term->hs6, "848210");
  // "шарикоподшипник" is a term of its own; "подшипник" inside it is not at a word start.
  m = MatchGoodsTerms(testing::BundledTables(), "шарикоподшипники 6204");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].term->term, "шарикоподшипник");
  // Not at a word start: no match.
  EXPECT_THAT(Matched("Pretransistor"), ElementsAre());
  EXPECT_THAT(Matched("manual lathe, not numerically controlled"), ElementsAre());
  EXPECT_THAT(Matched("bearing the logo of the buyer"), ElementsAre());
}

TEST(GoodsTermsTest, OrdinaryGoodsAndHostileTextMatchNothing) {
  EXPECT_THAT(Matched("office desks, wooden; swivel office chairs"), ElementsAre());
  EXPECT_THAT(Matched(""), ElementsAre());
  EXPECT_THAT(Matched("\xFF\xFE\x00garbage"), ElementsAre());
  EXPECT_THAT(Matched(std::string(100000, 'x')), ElementsAre());
  // Full-width Latin folds to ASCII.
  EXPECT_THAT(Matched("ＦＰＧＡ"), ElementsAre("fpga=en/1"));
}

TEST(FoldForTermsTest, FoldsCaseAndPunctuation) {
  EXPECT_EQ(FoldForTerms("  Ball-Bearings,  6204 "), "ball bearings 6204");
  EXPECT_EQ(FoldForTerms("ПРИЁМНИК"), "приемник");
  EXPECT_EQ(FoldForTerms("CIRCUIT INTÉGRÉ"), "circuit intégré");
  EXPECT_EQ(FoldForTerms("集成电路，芯片"), "集成电路 芯片");
  EXPECT_EQ(FoldForTerms("a\xFF"
                         "b"),
            "a b");
}

}  // namespace
}  // namespace interdict::trade
