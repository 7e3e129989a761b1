#include "match/name_scorer.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "normalize/name.h"

namespace interdict::match {
namespace {

NormalizedName Make(std::initializer_list<const char*> words, std::string legal = "",
                    std::string family = "") {
  NormalizedName n;
  for (const char* w : words) {
    NameToken t;
    t.text = w;
    t.key = w;
    if (t.text.size() == 1) t.role = TokenRole::kInitial;
    if (t.text == "al" || t.text == "bin") t.role = TokenRole::kParticle;
    if (std::isdigit(static_cast<unsigned char>(t.text[0]))) t.role = TokenRole::kNumber;
    n.tokens.push_back(t);
  }
  n.legal_form = legal;
  n.legal_family = family.empty() ? legal : family;
  return n;
}

double Score(const NormalizedName& a, const NormalizedName& b, EntityKind k) {
  return NameScorer(a, k).Score(b);
}

NormalizedName WithKeys(NormalizedName n, std::initializer_list<const char*> keys, bool abjad) {
  size_t i = 0;
  for (const char* k : keys) n.tokens[i++].key = k;
  n.romanized = abjad;
  n.abjad = abjad;
  return n;
}

// Unpointed Hebrew hides whether ב פ כ read b/v, p/f, k/ch: ארבל אקספרס is "arvl aksfrs".
TEST(NameScorerTest, HebrewBegadkefatLettersMeetEitherReading) {
  auto hebrew = WithKeys(Make({"arvl", "aksfrs"}), {"arvl", "aksfrs"}, true);
  auto latin = WithKeys(Make({"arbel", "express"}), {"arbl", "aksprs"}, false);
  EXPECT_GE(Score(hebrew, latin, EntityKind::kVessel), 0.86);
  auto carmel = WithKeys(Make({"hdr", "hchrml"}), {"hdr", "hcrml"}, true);
  auto latin_carmel = WithKeys(Make({"hadar", "hacarmel"}), {"hdr", "hkrml"}, false);
  EXPECT_GE(Score(carmel, latin_carmel, EntityKind::kVessel), 0.86);
  // Another consonant is still another word.
  auto other = WithKeys(Make({"arbel", "expert"}), {"arbl", "aksprt"}, false);
  EXPECT_LT(Score(hebrew, other, EntityKind::kVessel), 0.86);
}

// Burmese syllables are short: "moe" and "myo" share only the consonant m.
TEST(NameScorerTest, OneConsonantSkeletonIsNoCrossScriptMatch) {
  auto burmese = WithKeys(Make({"moe", "zaw", "electrical"}), {"ma", "zu", "alktrkl"}, false);
  burmese.romanized = true;
  auto latin = WithKeys(Make({"myo", "zaw", "electrical"}), {"mu", "zu", "alktrkl"}, false);
  EXPECT_LT(Score(burmese, latin, EntityKind::kOrganization), 0.86);
}

TEST(NameScorerTest, IdenticalNamesScoreOne) {
  auto a = Make({"vladimir", "putin"});
  EXPECT_DOUBLE_EQ(Score(a, a, EntityKind::kPerson), 1.0);
}

TEST(NameScorerTest, WordOrderDoesNotMatter) {
  EXPECT_DOUBLE_EQ(
      Score(Make({"putin", "vladimir"}), Make({"vladimir", "putin"}), EntityKind::kPerson), 1.0);
}

TEST(NameScorerTest, SubstitutedPartCostsMoreThanExtraPart) {
  auto listed = Make({"ali", "saddam", "hussein", "tikriti"});
  double substituted =
      Score(Make({"ali", "saddam", "hussein", "rawi"}), listed, EntityKind::kPerson);
  double extra = Score(Make({"ali", "saddam", "hussein"}), listed, EntityKind::kPerson);
  EXPECT_LT(substituted, 0.75);
  EXPECT_GT(extra, 0.85);
}

TEST(NameScorerTest, ExtraWordsCostMoreForCompaniesThanPersons) {
  auto a = Make({"kisumu", "lakeside", "motors"});
  auto b = Make({"kisumu", "lakeside", "motors", "spares"});
  EXPECT_LT(Score(a, b, EntityKind::kOrganization), Score(a, b, EntityKind::kPerson));
}

TEST(NameScorerTest, LegalFormAloneNeverMatches) {
  EXPECT_EQ(Score(Make({}, "llc"), Make({"emma"}, "llc"), EntityKind::kOrganization), 0.0);
}

TEST(NameScorerTest, LegalFormConflictLowersScoreSlightly) {
  double same = Score(Make({"deutsche", "bank"}, "ag", "stock"),
                      Make({"deutsche", "bank"}, "ag", "stock"), EntityKind::kOrganization);
  double family = Score(Make({"deutsche", "bank"}, "ag", "stock"),
                        Make({"deutsche", "bank"}, "gmbh", "limited"), EntityKind::kOrganization);
  double one_side = Score(Make({"deutsche", "bank"}, "ag", "stock"), Make({"deutsche", "bank"}),
                          EntityKind::kOrganization);
  EXPECT_DOUBLE_EQ(same, 1.0);
  EXPECT_DOUBLE_EQ(one_side, 1.0);
  EXPECT_LT(family, 0.95);
  EXPECT_GT(family, 0.8);
  // "Company" / "Corporation" translate any form: no conflict beyond a variant.
  double generic = Score(Make({"homs", "refinery"}, "corp", "generic"),
                         Make({"homs", "refinery"}, "co", "generic"), EntityKind::kOrganization);
  EXPECT_GT(generic, 0.95);
}

double ScoreNames(const char* a, const char* b, EntityKind kind) {
  return NameScorer(normalize::NormalizeName(a, kind), kind)
      .Score(normalize::NormalizeName(b, kind));
}

TEST(NameScorerTest, ShortFormsOfGivenNamesMatchForPersons) {
  EXPECT_GE(ScoreNames("Bibi Netanyahu", "Benjamin Netanyahu", EntityKind::kPerson), 0.86);
  EXPECT_GE(ScoreNames("Bill Gates", "William Gates", EntityKind::kPerson), 0.86);
  EXPECT_GE(ScoreNames("Sasha Ivanov", "Aleksandr Ivanov", EntityKind::kPerson), 0.86);
  // Another given name is still another person.
  EXPECT_LT(ScoreNames("Boris Netanyahu", "Benjamin Netanyahu", EntityKind::kPerson), 0.86);
  // Not for companies: "Bill Trading" is not "William Trading".
  NameScorer org(normalize::NormalizeName("Bill Gates", EntityKind::kOrganization),
                 EntityKind::kOrganization);
  NameScore r = org.Explain(normalize::NormalizeName("William Gates", EntityKind::kOrganization));
  for (const TokenPair& p : r.pairs) EXPECT_NE(p.kind, TokenMatchKind::kNickname);
  NameScorer person(normalize::NormalizeName("Bill Gates", EntityKind::kPerson),
                    EntityKind::kPerson);
  NameScore why = person.Explain(normalize::NormalizeName("William Gates", EntityKind::kPerson));
  bool nickname = false;
  for (const TokenPair& p : why.pairs) nickname = nickname || p.kind == TokenMatchKind::kNickname;
  EXPECT_TRUE(nickname);
  EXPECT_EQ(TokenMatchKindName(TokenMatchKind::kNickname), "nickname");
}

TEST(NameScorerTest, SplitParticlesMeetTheJoinedSpelling) {
  EXPECT_GE(ScoreNames("vanderbilt corp", "van der bilt corp", EntityKind::kOrganization), 0.95);
  EXPECT_GE(ScoreNames("Ludwig van Beethoven", "Ludwig Vanbeethoven", EntityKind::kPerson), 0.86);
}

TEST(NameScorerTest, NumberWordsMeetDigits) {
  EXPECT_DOUBLE_EQ(ScoreNames("Brigade Forty-Four", "Brigade 44", EntityKind::kOrganization), 1.0);
  EXPECT_DOUBLE_EQ(ScoreNames("Brigade Fourty 4", "Brigade 44", EntityKind::kOrganization), 1.0);
  EXPECT_LT(ScoreNames("Brigade Forty-Five", "Brigade 44", EntityKind::kOrganization), 0.86);
}

TEST(NameScorerTest, JoinedWordsMatchThroughCompactView) {
  NameScorer s(Make({"jandaniel", "bothma"}), EntityKind::kPerson);
  NameScore r = s.Explain(Make({"jan", "daniel", "bothma"}));
  EXPECT_GT(r.score, 0.9);
}

TEST(NameScorerTest, InitialsMatchFirstLettersOfPersonNames) {
  double s = Score(Make({"j", "smith"}), Make({"john", "smith"}), EntityKind::kPerson);
  EXPECT_GT(s, 0.7);
  EXPECT_LT(s, 1.0);
  EXPECT_EQ(Score(Make({"x"}), Make({"john"}), EntityKind::kPerson), 0.0);
}

TEST(NameScorerTest, ExplainReportsAlignmentAndUnmatched) {
  NameScorer s(Make({"ali", "saddam", "rawi"}), EntityKind::kPerson);
  NameScore r = s.Explain(Make({"ali", "saddam", "tikriti"}));
  EXPECT_EQ(r.pairs.size(), 2u);
  EXPECT_EQ(r.unmatched_query.size(), 1u);
  EXPECT_EQ(r.unmatched_candidate.size(), 1u);
}

TEST(ConsonantSkeletonTest, DropsVowelsAfterTheFirstLetter) {
  EXPECT_EQ(ConsonantSkeleton("muhammad"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("mohamed"), "mhmd");
  EXPECT_EQ(ConsonantSkeleton("khaled"), "kld");
  EXPECT_EQ(ConsonantSkeleton("khald"), "kld");
  EXPECT_EQ(ConsonantSkeleton("abdallah"), "abdlh");
}

// Property test: scores in [0,1], symmetric, identity scores 1, for random token names.
TEST(NameScorerPropertyTest, BoundedSymmetricAndReflexive) {
  const uint32_t seed = 7;
  std::mt19937 rng(seed);
  const char* vocab[] = {"ali",    "hassan",  "hasan", "omar",   "umar", "bin", "al", "trading",
                         "petrov", "petrova", "ivan",  "ivanov", "a",    "b",   "7",  "x"};
  auto random_name = [&]() {
    NormalizedName n;
    size_t len = 1 + rng() % 4;
    for (size_t i = 0; i < len; ++i) {
      NameToken t;
      t.text = vocab[rng() % std::size(vocab)];
      t.key = t.text;
      if (t.text.size() == 1 && !std::isdigit(static_cast<unsigned char>(t.text[0]))) {
        t.role = TokenRole::kInitial;
      }
      if (t.text == "al" || t.text == "bin") t.role = TokenRole::kParticle;
      if (t.text == "7") t.role = TokenRole::kNumber;
      t.weight = (rng() % 10 + 1) / 10.0f;
      n.tokens.push_back(t);
    }
    return n;
  };
  for (int i = 0; i < 5000; ++i) {
    SCOPED_TRACE("seed " + std::to_string(seed) + " iteration " + std::to_string(i));
    NormalizedName a = random_name(), b = random_name();
    for (EntityKind k : {EntityKind::kPerson, EntityKind::kOrganization}) {
      double ab = Score(a, b, k), ba = Score(b, a, k);
      ASSERT_GE(ab, 0.0);
      ASSERT_LE(ab, 1.0);
      ASSERT_NEAR(ab, ba, 1e-9);
      if (!a.Empty()) {
        ASSERT_NEAR(Score(a, a, k), 1.0, 1e-9);
      }
    }
  }
}

}  // namespace
}  // namespace interdict::match

namespace interdict::match {
namespace {

TEST(NameScorerTest, NationalLegalFormsOfDifferentCountriesConflict) {
  const auto org = EntityKind::kOrganization;
  EXPECT_LT(ScoreNames("Tessaline Trade OOO", "Tessaline Trade Ltda.", org), 0.86);
  EXPECT_LT(ScoreNames("Altamura Ferrostampi S.r.l.", "Altamura Ferrostampi Pte. Ltd.", org), 0.86);
  // Translations and forms of one legal system stay matches.
  EXPECT_GE(ScoreNames("Tessaline Trade OOO", "Tessaline Trade LLC", org), 0.95);
  EXPECT_GE(ScoreNames("OAO Gazprom", "Gazprom PAO", org), 0.95);
  EXPECT_GE(ScoreNames("Deutsche Bank AG", "Deutsche Bank GmbH", org), 0.86);
  EXPECT_EQ(normalize::NormalizeName("Romashka OOO", org).legal_jurisdiction, "cis");
  EXPECT_EQ(normalize::NormalizeName("Romashka LLC", org).legal_jurisdiction, "");
}

TEST(NameScorerTest, AHullNumberSetsSisterShipsApart) {
  const auto vessel = EntityKind::kVessel;
  EXPECT_LT(ScoreNames("Gulf Sunbird", "Gulf Sunbird II", vessel), 0.86);
  EXPECT_LT(ScoreNames("Snow Storm 1", "Snow Storm 2", vessel), 0.86);
  EXPECT_DOUBLE_EQ(ScoreNames("Gulf Sunbird II", "GULF SUNBIRD II", vessel), 1.0);
}

TEST(NameScorerTest, OneWordListedPersonNeedsMoreThanOneSharedWordWhenCapped) {
  const auto person = EntityKind::kPerson;
  ScorerConfig screening;
  screening.one_word_listed_cap = 0.80;
  auto score = [&](const char* query, const char* listed, const ScorerConfig& config) {
    return NameScorer(normalize::NormalizeName(query, person), person, config)
        .Score(normalize::NormalizeName(listed, person));
  };
  EXPECT_LE(score("John Martin", "MARTIN", screening), 0.80);
  EXPECT_LE(score("Fatima Costa", "ABU FATIMA", screening), 0.80);
  // The other direction, and the default (symmetric) configuration, are not capped.
  EXPECT_GT(score("Martin", "John Martin", screening), 0.80);
  EXPECT_GT(score("John Martin", "MARTIN", ScorerConfig{}), 0.80);
  EXPECT_DOUBLE_EQ(score("Martin", "MARTIN", screening), 1.0);
}

TEST(NameScorerTest, HanHomophonesAreDifferentPersons) {
  const auto person = EntityKind::kPerson;
  // 石 and 市 are both "shi": pinyin agrees, the characters do not.
  NameScorer s(normalize::NormalizeName("高石早苗", person), person);
  NameScore r = s.Explain(normalize::NormalizeName("高市早苗", person));
  EXPECT_LT(r.score, 0.86);
  EXPECT_TRUE(r.han_characters_differ);
  // Traditional and Simplified forms of one name are the same characters.
  EXPECT_DOUBLE_EQ(ScoreNames("張偉", "张伟", person), 1.0);
  // Han against its pinyin is not affected.
  EXPECT_GE(ScoreNames("张伟", "Zhang Wei", person), 0.95);
}

TEST(NameScorerTest, AbbreviationsStandForLongWordsOnly) {
  const auto org = EntityKind::kOrganization;
  EXPECT_GE(ScoreNames("Tecelagem Serra Azulina Ind. e Com. Ltda",
                       "Tecelagem Serra Azulina Industria e Comercio Ltda", org),
            0.86);
  // A short name is not the abbreviation of a longer one ("Tan Wei" is not "Wei Tanaka").
  EXPECT_LT(ScoreNames("Wei Tanaka", "Tan Wei", org), 0.86);
}

TEST(NameScorerTest, TwoConsonantSkeletonsAreWeakEvidence) {
  // "sofia"/"sifi" and "moreau"/"amari" share only two consonants each.
  EXPECT_LT(ScoreNames("Sofia Moreau", "سيفي عماري", EntityKind::kPerson), 0.86);
  // Longer skeletons still carry Arabic-script names to their Latin spellings.
  EXPECT_GE(ScoreNames("Mohammed bin Salman", "محمد بن سلمان", EntityKind::kPerson), 0.86);
}

}  // namespace
}  // namespace interdict::match
