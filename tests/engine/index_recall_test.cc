// The candidate index must not lose matches: on seeded queries (listed names with one typo,
// reordered words, or an extra word, plus unlisted names), every brute-force hit at the
// default threshold (every listed name scored) must also be found through the index, up to
// the documented tolerance (docs/match.md#candidates-index), and each miss is printed.
#include <random>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "interdict/screener.h"

#include "snapshot/loader.h"
#include "snapshot/manifest.h"
#include "testing/files.h"

namespace interdict {
namespace {

std::unique_ptr<Screener> BuildFromUnList() {
  auto m = snapshot::ReadManifest(testing::DataPath("manifest.json"));
  EXPECT_TRUE(m.ok());
  snapshot::LoadOptions only;
  only.only = {ListSource::kUn, ListSource::kOfacNonSdn};  // small: brute force stays cheap
  auto snap = snapshot::LoadSnapshot(*m, only);
  EXPECT_TRUE(snap.ok()) << snap.status().ToString();
  auto s = Screener::Create(std::move(snap->entities));
  EXPECT_TRUE(s.ok());
  return std::move(*s);
}

std::string Vary(const std::string& name, std::mt19937& rng) {
  std::string s = name;
  switch (rng() % 4) {
    case 0:
      return s;
    case 1:
      if (s.size() > 5) {
        size_t p = 1 + rng() % (s.size() - 2);
        if (s[p] != ' ') s[p] = static_cast<char>('a' + rng() % 26);
      }
      return s;
    case 2: {
      std::istringstream in(s);
      std::vector<std::string> words;
      std::string w;
      while (in >> w) words.push_back(w);
      std::shuffle(words.begin(), words.end(), rng);
      std::string out;
      for (const std::string& x : words) out += (out.empty() ? "" : " ") + x;
      return out;
    }
    default:
      return s + " Trading";
  }
}

TEST(IndexRecallTest, IndexFindsWhatBruteForceFinds) {
  std::unique_ptr<Screener> screener = BuildFromUnList();
  ASSERT_NE(screener, nullptr);
  const uint32_t seed = 1126;
  std::mt19937 rng(seed);
  const auto& entities = screener->entities();
  size_t brute_hits = 0, found = 0;
  std::string misses;
  ScreenOptions options;
  options.limit = 0;
  for (int i = 0; i < 60; ++i) {
    Query q;
    const Entity& e = entities[rng() % entities.size()];
    const Name& n = e.names[rng() % e.names.size()];
    q.name = i % 5 == 4 ? "Harbor Logistics " + std::to_string(i) : Vary(n.full, rng);
    auto brute = screener->ScreenExhaustive(q, options);
    auto fast = screener->Screen(q, options);
    if (!brute.ok()) continue;  // e.g. a name made only of titles
    ASSERT_TRUE(fast.ok());
    std::set<const Entity*> got;
    for (const Hit& h : *fast) got.insert(h.entity);
    for (const Hit& h : *brute) {
      ++brute_hits;
      if (got.count(h.entity)) {
        ++found;
      } else {
        misses += "\n  \"" + q.name + "\" -> " + h.entity->source_id + " " + h.matched->full + " " +
                  std::to_string(h.score) + " {" + h.explanation.Summary() + "}";
      }
    }
  }
  ASSERT_GT(brute_hits, 30u);
  double recall = static_cast<double>(found) / static_cast<double>(brute_hits);
  EXPECT_GE(recall, 0.995) << "seed " << seed << ": " << found << " of " << brute_hits << misses;
  if (!misses.empty()) std::cout << "index misses (seed " << seed << "):" << misses << "\n";
}

}  // namespace
}  // namespace interdict
