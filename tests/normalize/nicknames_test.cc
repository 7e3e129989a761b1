#include "normalize/nicknames.h"

#include <gtest/gtest.h>

namespace interdict::normalize {
namespace {

TEST(NicknamesTest, ShortFormsMeetTheirFullName) {
  EXPECT_TRUE(SameGivenName("bill", "william"));
  EXPECT_TRUE(SameGivenName("william", "bill"));
  EXPECT_TRUE(SameGivenName("bibi", "benjamin"));
  EXPECT_TRUE(SameGivenName("sasha", "aleksandr"));
  EXPECT_TRUE(SameGivenName("volodymyr", "vova"));
  // Two short forms of one name meet too.
  EXPECT_TRUE(SameGivenName("bill", "will"));
}

TEST(NicknamesTest, DifferentNamesAndEqualWordsDoNotCount) {
  EXPECT_FALSE(SameGivenName("boris", "benjamin"));
  EXPECT_FALSE(SameGivenName("william", "william"));  // equal: not a nickname match
  EXPECT_FALSE(SameGivenName("smith", "william"));
  EXPECT_FALSE(SameGivenName("", "bill"));
}

TEST(NicknamesTest, AWordMayBelongToSeveralNames) {
  // "alex" shortens both Alexander and Aleksey; those two are not the same name.
  EXPECT_TRUE(SameGivenName("alex", "alexander"));
  EXPECT_TRUE(SameGivenName("alex", "aleksey"));
  EXPECT_FALSE(SameGivenName("alexander", "aleksey"));
  EXPECT_TRUE(IsKnownGivenName("sasha"));
  EXPECT_FALSE(IsKnownGivenName("putin"));
}

}  // namespace
}  // namespace interdict::normalize
