#include "normalize/burmese.h"

#include <random>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "base/text.h"
#include "normalize/name.h"
#include "normalize/romanize.h"

namespace interdict::normalize {
namespace {

std::string Texts(const NormalizedName& n) {
  std::string out;
  for (const NameToken& t : n.tokens) out += (out.empty() ? "" : " ") + t.text;
  return out;
}

TEST(BurmeseTest, SyllablesInTheConventionalNameSpelling) {
  EXPECT_EQ(Romanize("ရွှေ"), "shwe");
  EXPECT_EQ(Romanize("အောင်"), "aung");
  EXPECT_EQ(Romanize("ကျော်မြတ်နိုင်"), "kyaw myat naing");
  EXPECT_EQ(Romanize("လှိုင်"), "hlaing");
  EXPECT_EQ(Romanize("သီရိ"), "thi ri");
  EXPECT_EQ(Romanize("ဖြိုး"), "phyo");
  EXPECT_EQ(Romanize("ဝင်းနိုင်ဦး"), "win naing u");
  EXPECT_EQ(Romanize("ဟိန်း"), "hein");
  EXPECT_EQ(Romanize("ငွေမြို့"), "ngwe myo");
  EXPECT_EQ(Romanize("ဧရာ"), "aye ya");
  EXPECT_EQ(Romanize("ထွန်း"), "htun");
  EXPECT_EQ(Romanize("မိုးဇော်"), "moe zaw");
}

TEST(BurmeseTest, StackedConsonantsAndKinziCloseTheSyllableBefore) {
  EXPECT_EQ(Romanize("မင်္ဂလာ"), "min ga la");
  EXPECT_EQ(Romanize("ဟင်္သာ"), "hin tha");
  EXPECT_EQ(Romanize("တောင်ကြီး"), "taung gyi");  // ကြီး is written "gyi"
}

TEST(BurmeseTest, DigitsAndPunctuation) {
  EXPECT_EQ(Romanize("ငွေဟင်္သာ ၁၂"), "ngwe hin tha 12");
  EXPECT_EQ(Romanize("၀၁၂၃၄၅၆၇၈၉"), "0123456789");
  EXPECT_EQ(Romanize("ရွှေ၊ပုလဲ။"), "shwe pu le");
}

TEST(BurmeseTest, LegalFormsAndTradeWordsFold) {
  NormalizedName a = NormalizeName("ရွှေပုလဲ ကုန်သွယ်ရေး ကုမ္ပဏီလီမိတက်", EntityKind::kOrganization);
  EXPECT_EQ(Texts(a), "shwe pu le trading");
  EXPECT_EQ(a.legal_form, "ltd");
  NormalizedName b = NormalizeName("သဇင်လှိုင် လီမိတက်", EntityKind::kOrganization);
  EXPECT_EQ(Texts(b), "tha zin hlaing");
  EXPECT_EQ(b.legal_form, "ltd");
  EXPECT_EQ(Texts(NormalizeName("အောင်ကြယ် ဆန်စက်", EntityKind::kOrganization)), "aung kye rice mill");
}

TEST(BurmeseTest, HostileSequencesDoNotCrash) {
  // Lone medials, vowel signs and asat with no consonant, stacked virama at the end, stray
  // combining marks, a Mon letter.
  for (std::string_view s : {"ျြွှ", "ါာိီုူေဲံ့း်္", "က္", "က်", "္က", "ကျျျျွွှှ", "ဦ", "ဥ", "ဧ", "အ", "ဿ",
                             "\u1039\u103A", "က\u0301", "\u1050\u1051", "ရွှေ\xff\xfe", "ကုမ္ပဏီလီမိတက်"}) {
    std::string r = Romanize(s);
    for (char c : r) EXPECT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ');
    (void)NormalizeName(s, EntityKind::kOrganization);
  }
  std::string out;
  internal::RomanizeBurmeseRun(U"", &out);
  internal::RomanizeBurmeseRun(U"\u103B\u103A\u1039", &out);
  EXPECT_EQ(out, "  ");
}

TEST(BurmeseTest, RandomSequencesRomanizeToCleanAscii) {
  constexpr unsigned kSeed = 20261127;
  std::mt19937 rng(kSeed);
  std::uniform_int_distribution<int> cp(0x1000, 0x104F);
  std::uniform_int_distribution<int> len(1, 24);
  for (int n = 0; n < 2000; ++n) {
    std::string s;
    int l = len(rng);
    for (int k = 0; k < l; ++k) base::AppendUtf8(static_cast<char32_t>(cp(rng)), &s);
    std::string r = Romanize(s);
    for (char c : r) {
      ASSERT_TRUE((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ' ')
          << "seed " << kSeed << " case " << n;
    }
    (void)NormalizeName(s, EntityKind::kOrganization);
  }
}

}  // namespace
}  // namespace interdict::normalize
