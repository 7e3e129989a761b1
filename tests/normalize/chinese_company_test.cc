#include "normalize/chinese_company.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "normalize/romanize.h"

namespace interdict::normalize {
namespace {

std::string HanRun(std::u32string_view run, internal::HanRunContext context = {}) {
  std::string out;
  internal::RomanizeHanRun(run, context, &out);
  return out;
}

TEST(ChineseCompanyTest, PlaceTradeNameIndustryLegalForm) {
  EXPECT_EQ(Romanize("深圳市某某电子有限公司"), "shenzhen moumou electronics co ltd");
  EXPECT_EQ(HanRun(U"深圳市某某电子有限公司"), " shenzhen moumou electronics co ltd");
}

TEST(ChineseCompanyTest, RealisticCompanyNames) {
  EXPECT_EQ(Romanize("华为技术有限公司"), "huawei technology co ltd");
  EXPECT_EQ(Romanize("东莞市某某精密机械有限公司"), "dongguan moumou precision machinery co ltd");
  EXPECT_EQ(Romanize("香港某某国际贸易有限公司"), "hong kong moumou international trading co ltd");
  EXPECT_EQ(Romanize("北京某某科技有限公司"), "beijing moumou technology co ltd");
  EXPECT_EQ(Romanize("上海某某半导体设备股份有限公司"),
            "shanghai moumou semiconductor equipment co ltd");
  EXPECT_EQ(Romanize("中兴通讯股份有限公司"), "zhongxing communication co ltd");
  EXPECT_EQ(Romanize("广东省深圳市某某供应链管理有限公司"),
            "guangdong shenzhen moumou supply chain management co ltd");
  EXPECT_EQ(Romanize("厦门某某进出口有限责任公司"), "xiamen moumou import export co ltd");
}

TEST(ChineseCompanyTest, MeetsTheEnglishNameOfTheCompany) {
  // watchman cascade-name-pairs.csv: a native-vs-English pair.
  EXPECT_EQ(Romanize("沧澜远洋航运有限公司"), Romanize("Canglan Ocean Shipping Co., Ltd."));
  EXPECT_EQ(Romanize("深圳市某某电子有限公司"), Romanize("SHENZHEN MOUMOU ELECTRONICS CO., LTD."));
}

TEST(ChineseCompanyTest, TraditionalCharacters) {
  EXPECT_EQ(Romanize("香港某某國際貿易有限公司"), "hong kong moumou international trading co ltd");
  EXPECT_EQ(Romanize("臺灣某某電子股份有限公司"), "taiwan moumou electronics co ltd");
}

TEST(ChineseCompanyTest, GroupsBranchesAndBrackets) {
  EXPECT_EQ(Romanize("某某集团有限公司"), "moumou group co ltd");
  EXPECT_EQ(Romanize("某某有限公司深圳分公司"), "moumou co ltd shenzhen branch");
  EXPECT_EQ(Romanize("深圳市某某（集团）有限公司"), "shenzhen moumou group co ltd");
  EXPECT_EQ(Romanize("某某电子厂"), "moumou electronics factory");
}

TEST(ChineseCompanyTest, PlaceSuffixesAndDistricts) {
  EXPECT_EQ(Romanize("北京"), "beijing");
  EXPECT_EQ(Romanize("北京市"), "beijing");
  EXPECT_EQ(Romanize("新疆维吾尔自治区"), "xinjiang");
  EXPECT_EQ(Romanize("香港特别行政区"), "hong kong");
  EXPECT_EQ(Romanize("深圳市南山区某某科技有限公司"), "shenzhen nanshan moumou technology co ltd");
  // Places count only where a registered name puts them: here 中山 is part of a person name.
  EXPECT_EQ(Romanize("孙中山"), "sun zhongshan");
}

TEST(ChineseCompanyTest, PersonNames) {
  EXPECT_EQ(Romanize("习近平"), "xi jinping");
  EXPECT_EQ(Romanize("李克强"), "li keqiang");
  EXPECT_EQ(Romanize("王毅"), "wang yi");
  EXPECT_EQ(Romanize("欧阳娜娜"), "ouyang nana");  // Two-character family name.
  EXPECT_EQ(Romanize("曾国藩"), "zeng guofan");    // Family-name reading of 曾.
  EXPECT_EQ(Romanize("王建设"), "wang jianshe");   // A given name that is also a word.
}

TEST(ChineseCompanyTest, ForeignNamesNextToAMiddleDotAreOneWordEach) {
  EXPECT_EQ(Romanize("本·拉登"), "ben ladeng");
  EXPECT_EQ(HanRun(U"拉登", {.foreign_name = true}), " ladeng");
}

TEST(ChineseCompanyTest, JapaneseLegalFormsAndNoPersonRule) {
  EXPECT_EQ(Romanize("トヨタ自動車株式会社"), "toyota zidongche kabushiki kaisha");
  EXPECT_EQ(HanRun(U"高市早苗", {.japanese = true}), " gaoshizaomiao");
}

TEST(ChineseCompanyTest, LongRunsOfUnknownCharactersAreOneWord) {
  EXPECT_EQ(HanRun(U"某某某某某某"), " moumoumoumoumoumou");
  EXPECT_EQ(HanRun(U""), "");
  EXPECT_EQ(HanRun(U"某"), " mou");
}

}  // namespace
}  // namespace interdict::normalize
