#include "match/string_metrics.h"

#include <random>
#include <string>

#include <gtest/gtest.h>

#include "match/reference/metrics_reference.h"

namespace interdict::match {
namespace {

TEST(JaroWinklerTest, KnownValues) {
  EXPECT_NEAR(Jaro("martha", "marhta"), 0.944444, 1e-5);
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961111, 1e-5);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 1e-5);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813333, 1e-5);
  EXPECT_DOUBLE_EQ(JaroWinkler("", ""), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("a", ""), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
}

TEST(JaroWinklerTest, PrefixBonusStopsAtFourChars) {
  // Same Jaro, longer common prefix beyond 4 adds nothing.
  double four = JaroWinkler("abcdxyz1", "abcdxyz2");
  double jaro = Jaro("abcdxyz1", "abcdxyz2");
  EXPECT_NEAR(four, jaro + 0.4 * (1 - jaro), 1e-12);
}

TEST(OsaTest, KnownValues) {
  EXPECT_EQ(OsaDistance("scholz", "schloz"), 1u);
  EXPECT_EQ(OsaDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(OsaDistance("ca", "abc"), 3u);  // OSA, not unrestricted Damerau (2)
  EXPECT_EQ(OsaDistance("", "abc"), 3u);
  EXPECT_EQ(OsaDistance("same", "same"), 0u);
  EXPECT_EQ(OsaDistance("kitten", "sitting", 1), 2u);  // early exit: > max
  EXPECT_DOUBLE_EQ(OsaSimilarity("abcd", "abce"), 0.75);
}

std::string RandomString(std::mt19937& rng, size_t max_len) {
  std::uniform_int_distribution<size_t> len(0, max_len);
  std::uniform_int_distribution<int> ch(0, 4);  // small alphabet: many matches/transpositions
  std::string s(len(rng), 'a');
  for (char& c : s) c = static_cast<char>('a' + ch(rng));
  return s;
}

TEST(StringMetricsPropertyTest, AgreesWithReferenceAndInvariantsHold) {
  const uint32_t seed = 20261126;
  std::mt19937 rng(seed);
  for (int iter = 0; iter < 20000; ++iter) {
    std::string a = RandomString(rng, iter % 10 == 0 ? 90 : 12);
    std::string b = RandomString(rng, iter % 10 == 0 ? 90 : 12);
    SCOPED_TRACE("seed " + std::to_string(seed) + " iter " + std::to_string(iter) + " a=" + a +
                 " b=" + b);
    double jw = JaroWinkler(a, b);
    ASSERT_NEAR(jw, reference::JaroWinkler(a, b), 1e-12);
    ASSERT_GE(jw, 0.0);
    ASSERT_LE(jw, 1.0);
    ASSERT_NEAR(Jaro(a, b), Jaro(b, a), 1e-12);
    ASSERT_DOUBLE_EQ(JaroWinkler(a, a), 1.0);
    size_t d = OsaDistance(a, b);
    ASSERT_EQ(d, reference::Osa(a, b));
    ASSERT_EQ(d, OsaDistance(b, a));
    // A cutoff never changes a distance within it.
    for (size_t cutoff : {size_t{0}, size_t{1}, size_t{3}}) {
      size_t bounded = OsaDistance(a, b, cutoff);
      if (d <= cutoff) {
        ASSERT_EQ(bounded, d);
      } else {
        ASSERT_EQ(bounded, cutoff + 1);
      }
    }
    double sim = OsaSimilarity(a, b);
    ASSERT_GE(sim, 0.0);
    ASSERT_LE(sim, 1.0);
  }
}

// Jaro has a bit-parallel path up to 64 characters and a plain one beyond: both give exactly
// the reference's value (same matches, same transpositions, same arithmetic), also across
// the boundary and on the window edges.
TEST(StringMetricsPropertyTest, JaroEqualsReferenceExactlyAroundSixtyFourCharacters) {
  const uint32_t seed = 20261127;
  std::mt19937 rng(seed);
  std::uniform_int_distribution<size_t> len(0, 70);
  std::uniform_int_distribution<int> ch(0, 2);
  for (int iter = 0; iter < 5000; ++iter) {
    std::string a(len(rng), 'a'), b(len(rng), 'a');
    for (char& c : a) c = static_cast<char>('a' + ch(rng));
    for (char& c : b) c = static_cast<char>('a' + ch(rng));
    SCOPED_TRACE("seed " + std::to_string(seed) + " iter " + std::to_string(iter) + " a=" + a +
                 " b=" + b);
    ASSERT_EQ(Jaro(a, b), reference::Jaro(a, b));
    ASSERT_EQ(Jaro(b, a), reference::Jaro(b, a));
  }
  const std::string x64(64, 'x'), x65(65, 'x');
  EXPECT_EQ(Jaro(x64, x64), 1.0);
  EXPECT_EQ(Jaro(x64, x65), reference::Jaro(x64, x65));
  const std::string high = "\xff\x80";  // bytes above 127 index the mask table too
  EXPECT_EQ(Jaro(high + "a", "a" + high), reference::Jaro(high + "a", "a" + high));
}

}  // namespace
}  // namespace interdict::match
