// The query-side shortcuts of the Screener (issue 5 follow-up: delta re-screening speed) must
// not change any result: the key filter never turns away a listed key, and names without
// variants take a fast path with exactly the full pass's answer.
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "engine/screener_impl.h"
#include "normalize/name.h"

namespace interdict::engine {
namespace {

using V = std::vector<std::string>;

std::string RandomKey(std::mt19937& rng) {
  static constexpr char kPrefixes[][3] = {"k:", "d:", "e:", "r:", "s:", "a:", "p:", "x:", "i:"};
  std::string key = kPrefixes[rng() % std::size(kPrefixes)];
  const size_t length = 1 + rng() % 14;
  for (size_t i = 0; i < length; ++i) key.push_back(static_cast<char>('a' + rng() % 26));
  return key;
}

TEST(KeyFilterTest, NeverTurnsAwayAnAddedKeyAndRejectsMostOthers) {
  const unsigned seed = 20230224;
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);
  constexpr size_t kNames = 2000;
  std::set<std::string> added;
  while (added.size() < kNames * 20) added.insert(RandomKey(rng));  // 20 distinct keys a name
  KeyFilter filter;
  filter.Reset(kNames);
  for (const std::string& k : added) filter.Add(KeyFilter::Hash(k));
  for (const std::string& k : added) ASSERT_TRUE(filter.MayContain(k)) << k;
  size_t absent = 0, passed = 0;
  while (absent < 100000) {
    std::string k = RandomKey(rng);
    if (added.count(k)) continue;
    ++absent;
    passed += filter.MayContain(k) ? 1 : 0;
  }
  EXPECT_LT(passed, absent / 10) << passed << " of " << absent << " absent keys passed";
}

TEST(KeyFilterTest, AnEmptyFilterPassesEverything) {
  KeyFilter filter;
  EXPECT_TRUE(filter.MayContain("k:anything"));
  filter.Reset(0);
  EXPECT_FALSE(filter.MayContain("k:anything"));
  filter.Add(KeyFilter::Hash("k:anything"));
  EXPECT_TRUE(filter.MayContain("k:anything"));
}

// Every key of every name of a small list passes the filter the Screener builds: screening
// the list's own names finds each of them.
TEST(KeyFilterTest, ScreenerFindsEveryListedNameThroughTheFilter) {
  std::vector<Entity> entities;
  const char* names[] = {"Aeroflot Cargo Ltd",   "IVANOV, Ivan Petrovich", "Банк Россия",
                         "Mohammed Abd al-Aziz", "Kalliopi Dawn",          "北京华为技术有限公司"};
  for (size_t i = 0; i < std::size(names); ++i) {
    Entity e;
    e.source = ListSource::kOfacSdn;
    e.source_id = std::to_string(i + 1);
    e.kind = i == 1 || i == 3 ? EntityKind::kPerson : EntityKind::kOrganization;
    Name n;
    n.full = names[i];
    e.names.push_back(n);
    entities.push_back(std::move(e));
  }
  auto screener = ScreenerImpl::Build(entities);
  ASSERT_TRUE(screener.ok());
  for (size_t i = 0; i < std::size(names); ++i) {
    Query q;
    q.name = names[i];
    auto hits = (*screener)->Screen(q, ScreenOptions{});
    ASSERT_TRUE(hits.ok()) << names[i];
    ASSERT_FALSE(hits->empty()) << names[i];
    EXPECT_EQ((*hits)[0].entity->source_id, std::to_string(i + 1)) << names[i];
  }
}

TEST(NameVariantsFastPathTest, PlainNamesAreOnlyThemselvesWhitespaceCollapsed) {
  EXPECT_EQ(NameVariants("Alexandra Exports"), (V{"Alexandra Exports"}));
  EXPECT_EQ(NameVariants("  Alpha   Beta\t"), (V{"Alpha Beta"}));
  EXPECT_EQ(NameVariants("Alpha\tBeta"), (V{"Alpha Beta"}));
  EXPECT_EQ(NameVariants("\xC2\xA0"
                         "Alpha Beta"),
            (V{"Alpha Beta"}));
  EXPECT_EQ(NameVariants(" \t "), (V{}));
  EXPECT_EQ(NameVariants("Nex Akamai Fkaro Exon"), (V{"Nex Akamai Fkaro Exon"}));
}

TEST(NameVariantsFastPathTest, MarkersInAnyCaseAndAtTheEdgesStillSplit) {
  EXPECT_EQ(NameVariants("Alpha Trading A.K.A. Beta Shipping"),
            (V{"Alpha Trading A.K.A. Beta Shipping", "Alpha Trading", "Beta Shipping"}));
  EXPECT_EQ(NameVariants("ALPHA TRADING FKA BETA SHIPPING"),
            (V{"ALPHA TRADING FKA BETA SHIPPING", "ALPHA TRADING", "BETA SHIPPING"}));
  EXPECT_EQ(NameVariants("Alpha Trading\tex-Beta Shipping"),
            (V{"Alpha Trading ex-Beta Shipping"}));  // a tab is not the marker's space
  EXPECT_EQ(NameVariants("Alpha Trading  previously Beta Shipping"),
            (V{"Alpha Trading previously Beta Shipping", "Alpha Trading", "Beta Shipping"}));
  EXPECT_EQ(NameVariants("aka Beta Shipping"), (V{"aka Beta Shipping", "Beta Shipping"}));
  EXPECT_EQ(NameVariants("Beta Shipping ex"), (V{"Beta Shipping ex"}));
  EXPECT_EQ(NameVariants("Beta Shipping ex "), (V{"Beta Shipping ex"}));
}

// Screening a name with repeated or odd whitespace gives what the collapsed name gives.
TEST(NameVariantsFastPathTest, ScreeningIgnoresRepeatedWhitespace) {
  Entity e;
  e.source = ListSource::kOfacSdn;
  e.source_id = "1";
  e.kind = EntityKind::kOrganization;
  Name n;
  n.full = "Kalliopi Dawn Shipping";
  e.names.push_back(n);
  auto screener = ScreenerImpl::Build({e});
  ASSERT_TRUE(screener.ok());
  Query plain, spaced;
  plain.name = "Kalliopi Dawn Shippin";
  spaced.name = "Kalliopi \t Dawn   Shippin";
  auto a = (*screener)->Screen(plain, ScreenOptions{});
  auto b = (*screener)->Screen(spaced, ScreenOptions{});
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->size(), 1u);
  ASSERT_EQ(b->size(), 1u);
  EXPECT_EQ((*a)[0].score, (*b)[0].score);
}

}  // namespace
}  // namespace interdict::engine
