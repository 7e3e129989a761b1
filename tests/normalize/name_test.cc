#include "normalize/name.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace interdict::normalize {
namespace {

std::vector<std::string> Texts(const NormalizedName& n) {
  std::vector<std::string> out;
  for (const NameToken& t : n.tokens) out.push_back(t.text);
  return out;
}

using V = std::vector<std::string>;

TEST(NormalizeNameTest, LegalFormsFoldAndNeverCountAsWords) {
  NormalizedName a = NormalizeName("OAO Gazprom", EntityKind::kOrganization);
  NormalizedName b = NormalizeName("Gazprom JSC", EntityKind::kOrganization);
  EXPECT_EQ(Texts(a), V{"gazprom"});
  EXPECT_EQ(a.legal_form, "jsc");
  EXPECT_EQ(b.legal_form, "jsc");
  NormalizedName c = NormalizeName("Limited Liability Company Romashka", EntityKind::kOrganization);
  EXPECT_EQ(Texts(c), V{"romashka"});
  EXPECT_EQ(c.legal_form, "llc");
  EXPECT_EQ(NormalizeName("ООО Ромашка", EntityKind::kOrganization).legal_form, "llc");
  EXPECT_EQ(NormalizeName("Siemens Aktiengesellschaft", EntityKind::kOrganization).legal_form,
            "ag");
  // A legal form alone is not a name.
  EXPECT_TRUE(NormalizeName("LLC", EntityKind::kOrganization).Empty());
}

TEST(NormalizeNameTest, EnglishNumberWordsBecomeDigits) {
  NormalizedName a = NormalizeName("Brigade Forty-Four", EntityKind::kOrganization);
  EXPECT_EQ(Texts(a), (V{"brigade", "44"}));
  EXPECT_EQ(a.tokens[1].role, TokenRole::kNumber);
  EXPECT_EQ(Texts(NormalizeName("Brigade Fourty 4", EntityKind::kOrganization)),
            (V{"brigade", "44"}));
  EXPECT_EQ(Texts(NormalizeName("Two Hundred and Twelve Holdings", EntityKind::kOrganization)),
            (V{"212", "holdings"}));
  EXPECT_EQ(Texts(NormalizeName("Seven Seas Shipping", EntityKind::kVessel)),
            (V{"7", "seas", "shipping"}));
  // A lone "hundred" is a word; persons keep their words.
  EXPECT_EQ(Texts(NormalizeName("Hundred Acres", EntityKind::kOrganization)),
            (V{"hundred", "acres"}));
  EXPECT_EQ(Texts(NormalizeName("Ten Eyck", EntityKind::kPerson))[0], "ten");
}

TEST(NormalizeNameTest, PercentSignIsAWord) {
  EXPECT_EQ(Texts(NormalizeName("3%ers", EntityKind::kOrganization)), (V{"3", "percent", "ers"}));
  EXPECT_EQ(Texts(NormalizeName("Three Percenters", EntityKind::kOrganization)),
            (V{"3", "percenters"}));
}

TEST(NormalizeNameTest, DigitsWrittenForLettersInsideWords) {
  EXPECT_EQ(Texts(NormalizeName("I9or Sech1n", EntityKind::kPerson)), (V{"igor", "sechin"}));
  // Digits at the edge of a word, or words of codes, stay as they are.
  EXPECT_EQ(Texts(NormalizeName("A320 Leasing", EntityKind::kOrganization))[0], "a320");
  EXPECT_EQ(Texts(NormalizeName("3M Company", EntityKind::kOrganization))[0], "3m");
  EXPECT_EQ(Texts(NormalizeName("B2B", EntityKind::kOrganization))[0], "b2b");
  EXPECT_EQ(Texts(NormalizeName("R2ivers", EntityKind::kOrganization))[0], "r2ivers");
}

TEST(NormalizeNameTest, InitialsThatSpellATitleAreStillAName) {
  // "M.M.E. AG" (a listed alias) read without a kind: "mme" is not "Madame".
  EXPECT_EQ(Texts(NormalizeName("M.M.E. AG", EntityKind::kUnknown)), V{"mme"});
  EXPECT_TRUE(NormalizeName("Mme", EntityKind::kUnknown).Empty());
  EXPECT_EQ(Texts(NormalizeName("Mme Curie", EntityKind::kPerson)), V{"curie"});
}

TEST(NormalizeNameTest, PersonsHaveNoLegalForm) {
  // "Chao" (Ukrainian ЧАО), "Pat" (ПАТ) and "Ao" are legal forms of companies, not of people.
  NormalizedName p = NormalizeName("WEI, Chao", EntityKind::kPerson);
  EXPECT_EQ(Texts(p), (V{"chao", "wei"}));
  EXPECT_TRUE(p.legal_form.empty());
  EXPECT_EQ(Texts(NormalizeName("Pat Smith", EntityKind::kPerson)), (V{"pat", "smith"}));
  EXPECT_EQ(NormalizeName("Chao Wei", EntityKind::kOrganization).legal_form, "jsc");
}

TEST(NormalizeNameTest, HanCharactersOfPersonNamesAreKeptSimplified) {
  EXPECT_EQ(NormalizeName("張偉", EntityKind::kPerson).han, "张伟");
  EXPECT_EQ(NormalizeName("高市早苗", EntityKind::kPerson).han, "高市早苗");
  EXPECT_EQ(NormalizeName("深圳市电子有限公司", EntityKind::kOrganization).han, "");
  EXPECT_EQ(NormalizeName("Zhang Wei", EntityKind::kPerson).han, "");
}

TEST(NormalizeNameTest, KnownGivenNamesAreMarkedForPersons) {
  NormalizedName p = NormalizeName("Bill Gates", EntityKind::kPerson);
  ASSERT_EQ(p.tokens.size(), 2u);
  EXPECT_TRUE(p.tokens[0].given_name);
  EXPECT_FALSE(p.tokens[1].given_name);
  EXPECT_FALSE(NormalizeName("Bill Trading", EntityKind::kOrganization).tokens[0].given_name);
}

TEST(NormalizeNameTest, InitialsMergeForOrganizationsNotPersons) {
  EXPECT_EQ(Texts(NormalizeName("A.B.C. Company", EntityKind::kOrganization)), V{"abc"});
  NormalizedName p = NormalizeName("Thomas A. Lind", EntityKind::kPerson);
  ASSERT_EQ(p.tokens.size(), 3u);
  EXPECT_EQ(p.tokens[1].role, TokenRole::kInitial);
}

TEST(NormalizeNameTest, HonorificsDroppedForPersons) {
  EXPECT_EQ(Texts(NormalizeName("Shaikh Isa Bin Tarif", EntityKind::kPerson)),
            (V{"isa", "bin", "tarif"}));
  EXPECT_EQ(Texts(NormalizeName("Monsieur Ilie Bolojan", EntityKind::kPerson)),
            (V{"ilie", "bolojan"}));
}

TEST(NormalizeNameTest, ArabicCompoundsAndParticles) {
  EXPECT_EQ(Texts(NormalizeName("Abd al-Aziz al-Nuristani", EntityKind::kPerson)),
            (V{"abdaziz", "al", "nuristani"}));
  EXPECT_EQ(Texts(NormalizeName("Abdul Aziz Nooristani", EntityKind::kPerson)),
            (V{"abdaziz", "nooristani"}));
  EXPECT_EQ(Texts(NormalizeName("Abdulaziz", EntityKind::kPerson)), V{"abdaziz"});
  EXPECT_EQ(Texts(NormalizeName("Abdullah", EntityKind::kPerson)), V{"abdallah"});
  NormalizedName n = NormalizeName("Mohammed ibn Salman", EntityKind::kPerson);
  ASSERT_EQ(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[1].text, "bin");
  EXPECT_EQ(n.tokens[1].role, TokenRole::kParticle);
}

TEST(NormalizeNameTest, AbbreviationsNumbersAndPunctuation) {
  EXPECT_EQ(Texts(NormalizeName("First Bank Int'l", EntityKind::kOrganization)),
            (V{"first", "bank", "international"}));
  NormalizedName n = NormalizeName("Snow Storm 2", EntityKind::kVessel);
  ASSERT_EQ(n.tokens.size(), 3u);
  EXPECT_EQ(n.tokens[2].role, TokenRole::kNumber);
}

TEST(NormalizeNameTest, NonLatinIsRomanizedAndFlagged) {
  NormalizedName n = NormalizeName("Сергей Шойгу", EntityKind::kPerson);
  EXPECT_TRUE(n.romanized);
  EXPECT_EQ(n.tokens.size(), 2u);
  EXPECT_TRUE(NormalizeName("خالد محمود", EntityKind::kPerson).abjad);
}

TEST(NormalizeNameTest, HostileInputNeverCrashes) {
  EXPECT_TRUE(NormalizeName("", EntityKind::kUnknown).tokens.empty());
  EXPECT_TRUE(NormalizeName("   ", EntityKind::kPerson).Empty());
  EXPECT_LE(NormalizeName(std::string(5000, 'a') + " b c d", EntityKind::kPerson).tokens.size(),
            kMaxTokens);
  std::string many;
  for (int i = 0; i < 200; ++i) many += "w" + std::to_string(i) + " ";
  EXPECT_EQ(NormalizeName(many, EntityKind::kOrganization).tokens.size(), kMaxTokens);
  NormalizeName(std::string("bad \xFF\xFE utf8"), EntityKind::kPerson);
}

}  // namespace
}  // namespace interdict::normalize
