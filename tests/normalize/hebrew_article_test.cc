// The Hebrew article ה, a prefix in Hebrew script, against its Latin spellings.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "normalize/name.h"

namespace interdict::normalize {
namespace {

std::string Texts(std::string_view name, EntityKind kind = EntityKind::kOrganization) {
  std::string out;
  for (const NameToken& t : NormalizeName(name, kind).tokens) {
    out += (out.empty() ? "" : " ") + t.text;
  }
  return out;
}

TEST(HebrewArticleTest, HyphenatedArticleJoinsItsWord) {
  EXPECT_EQ(Texts("Givat Ha-Rakafot Mishtalot Ltd"), "givat harakafot mishtalot");
  EXPECT_EQ(Texts("Givat HaRakafot"), "givat harakafot");
  EXPECT_EQ(Texts("HA-CARMEL"), "hacarmel");
  // Only "ha-" at the start of a word, before a letter.
  EXPECT_EQ(Texts("Aloha-Tech"), "aloha technology");
  EXPECT_EQ(Texts("Ha- Noi"), "ha noi");
  EXPECT_EQ(Texts("ha-"), "ha");
  // Persons keep their hyphenated given names as written (Korean "Ha-na").
  EXPECT_EQ(Texts("Kim Ha-na", EntityKind::kPerson), "kim ha na");
}

TEST(HebrewArticleTest, SpellingKeysMeetTheHebrewWord) {
  NormalizedName hebrew = NormalizeName("הרקפות", EntityKind::kOrganization);
  NormalizedName latin = NormalizeName("Ha-Rakafot", EntityKind::kOrganization);
  ASSERT_EQ(hebrew.tokens.size(), 1u);
  ASSERT_EQ(latin.tokens.size(), 1u);
  EXPECT_EQ(hebrew.tokens[0].key, latin.tokens[0].key);
}

}  // namespace
}  // namespace interdict::normalize
