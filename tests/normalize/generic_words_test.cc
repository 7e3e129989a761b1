#include "normalize/generic_words.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "normalize/name.h"

namespace interdict::normalize {
namespace {

std::string Texts(std::string_view name) {
  std::string out;
  for (const NameToken& t : NormalizeName(name, EntityKind::kOrganization).tokens) {
    out += (out.empty() ? "" : " ") + t.text;
  }
  return out;
}

TEST(GenericWordsTest, TranslationsMeetOnCanonicalEnglish) {
  EXPECT_EQ(Texts("Tsiklauri Gvino LLC"), Texts("Tsiklauri Wine LLC"));
  EXPECT_EQ(Texts("Compañía Minera Huallacocha S.A.C."), Texts("Cía. Minera Huallacocha SAC"));
  // "company" at the start is then peeled off like any legal form at an edge.
  EXPECT_EQ(Texts("Compañía Minera Huallacocha"), "mining huallacocha");
  EXPECT_EQ(Texts("האחים חדאד חומרי בניין בע\"מ"), "brothers chdd materials building");
  EXPECT_EQ(Texts("Kardemir Ticaret ve Sanayi"), "kardemir trading ve industries");
  EXPECT_EQ(Texts("Торговый дом Ромашка"), "trading house romashka");
  EXPECT_EQ(Texts("Hein Myat Trading Co., Ltd."), "hein myat trading");
}

TEST(GenericWordsTest, HebrewWithPrefixesAndPhrases) {
  EXPECT_EQ(Texts("שטרן מזון כשר בע\"מ"), "shtrn foods kshr");
  EXPECT_EQ(Texts("אלמקייס סחר ושיווק בע\"מ"), "almkys trading and marketing");
  EXPECT_EQ(Texts("נחמיאס תוצרת טרייה בע\"מ"), "nchmis produce fresh");
  EXPECT_EQ(Texts("גרינשפן מוצרי נייר בע״מ"), "grinshfn products paper");
  // English words are never rewritten.
  EXPECT_EQ(Texts("Grinshpan Paper Products Ltd"), "grinshpan paper products");
}

TEST(GenericWordsTest, DifferentTradesStayDifferent) {
  EXPECT_NE(Texts("Jadranska Plovba d.o.o."), Texts("Jadranska Ribolov d.o.o."));
  EXPECT_NE(Texts("בן טובים תעשיות בע״מ"), Texts("Ben Tovim Holdings Ltd"));
}

TEST(GenericWordsTest, LatinSpellingsOfForeignWordsAreNotRewrittenBySyllables) {
  // Romanized Burmese and Hebrew entries apply only to names written in those scripts.
  std::vector<std::string> words = {"kone", "thwe", "ye"};
  internal::FoldGenericWords(&words, /*from_non_latin=*/false);
  EXPECT_EQ(words, (std::vector<std::string>{"kone", "thwe", "ye"}));
  internal::FoldGenericWords(&words, /*from_non_latin=*/true);
  EXPECT_EQ(words, (std::vector<std::string>{"trading"}));
}

TEST(GenericWordsTest, PersonsAndOneWordNamesAreLeftAlone) {
  EXPECT_EQ(Texts("Industries"), "industries");
  std::string person;
  for (const NameToken& t : NormalizeName("Maria Papel", EntityKind::kPerson).tokens) {
    person += t.text + " ";
  }
  EXPECT_EQ(person, "maria papel ");
}

}  // namespace
}  // namespace interdict::normalize
