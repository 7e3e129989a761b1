#include "model/script.h"

#include <gtest/gtest.h>

namespace interdict::model {
namespace {

TEST(ScriptTest, DetectsEachListScript) {
  EXPECT_EQ(DetectScript("Sergei SHOIGU"), Script::kLatin);
  EXPECT_EQ(DetectScript("Сергей Шойгу"), Script::kCyrillic);
  EXPECT_EQ(DetectScript("深圳市电子有限公司"), Script::kHan);
  EXPECT_EQ(DetectScript("محمد"), Script::kArabic);
  EXPECT_EQ(DetectScript("トヨタ自動車"), Script::kKana);
  EXPECT_EQ(DetectScript("김정은"), Script::kHangul);
  EXPECT_EQ(DetectScript("Müller-Lüdenscheidt"), Script::kLatin);
  EXPECT_EQ(DetectScript("123 - ..."), Script::kUnknown);
}

TEST(ScriptTest, LookAlikeCyrillicInsideLatinIsMixed) {
  // "АLFA" with a Cyrillic А (U+0410).
  EXPECT_EQ(DetectScript("\xD0\x90LFA"), Script::kMixed);
}

}  // namespace
}  // namespace interdict::model
