#include "interdict/screener.h"

#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "snapshot/loader.h"
#include "snapshot/manifest.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict {
namespace {

using ::interdict::testing::StatusIs;

const Screener& UnScreener() {
  static const Screener* screener = [] {
    auto m = snapshot::ReadManifest(testing::DataPath("manifest.json"));
    snapshot::LoadOptions only;
    only.only = {ListSource::kUn};
    auto snap = snapshot::LoadSnapshot(*m, only);
    EXPECT_TRUE(snap.ok()) << snap.status().ToString();
    return Screener::Create(std::move(snap->entities))->release();
  }();
  return *screener;
}

TEST(ScreenerTest, BadInputIsAClearErrorNeverACrash) {
  const Screener& s = UnScreener();
  Query q;
  q.name = std::string(1001, 'a');
  EXPECT_THAT(s.Screen(q, {}).status(), StatusIs(StatusCode::kInvalidArgument, "longer than 1000"));
  q.name = "Ali \xC3\x28 Hassan";
  EXPECT_THAT(s.Screen(q, {}).status(), StatusIs(StatusCode::kInvalidArgument, "not valid UTF-8"));
  q.name = " \t ";
  EXPECT_THAT(s.Screen(q, {}).status(), StatusIs(StatusCode::kInvalidArgument, "empty"));
  q.name = "Gesellschaft mit beschränkter Haftung";
  EXPECT_THAT(s.Screen(q, {}).status(), StatusIs(StatusCode::kInvalidArgument, "no informative"));
  q.name = "Ali Hassan";
  q.dob = "yesterday";
  EXPECT_THAT(s.Screen(q, {}).status(), StatusIs(StatusCode::kInvalidArgument, "dob"));
  q.dob.clear();
  q.country = "Atlantis";
  EXPECT_THAT(s.Screen(q, {}).status(), StatusIs(StatusCode::kInvalidArgument, "country"));
  q.country.clear();
  ScreenOptions bad;
  bad.threshold = 1.5;
  EXPECT_THAT(s.Screen(q, bad).status(), StatusIs(StatusCode::kInvalidArgument, "threshold"));
  EXPECT_THAT(s.Compare("", "x", EntityKind::kPerson).status(),
              StatusIs(StatusCode::kInvalidArgument, "first name"));
}

TEST(ScreenerTest, HitsCarryProvenanceAndExplanation) {
  const Screener& s = UnScreener();
  Query q;
  q.name = "Eric Badege";  // UN DATAID 6907993, CDi.001
  q.kind = EntityKind::kPerson;
  auto hits = s.Screen(q, {});
  ASSERT_TRUE(hits.ok());
  ASSERT_FALSE(hits->empty());
  const Hit& h = hits->front();
  EXPECT_EQ(h.entity->source, ListSource::kUn);
  EXPECT_EQ(h.entity->source_id, "6907993");
  EXPECT_EQ(h.entity->reference, "CDi.001");
  EXPECT_GE(h.score, 0.95);
  EXPECT_EQ(h.explanation.alignment.size(), 2u);
  EXPECT_FALSE(h.explanation.Summary().empty());
}

TEST(ScreenerTest, ConcurrentScreensAgreeWithSequentialOnes) {
  const Screener& s = UnScreener();
  const std::vector<std::string> names = {"Eric Badege",        "Hassan Ghul", "Al Qaida",
                                          "Abdul Rahman Yasin", "Kim Jong Un", "Bank Melli"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& n : names) {
    Query q;
    q.name = n;
    std::vector<std::string> ids;
    auto hits = s.Screen(q, {});
    for (const Hit& h : *hits) ids.push_back(h.entity->source_id);
    expected.push_back(ids);
  }
  std::vector<std::thread> threads;
  std::vector<int> mismatches(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t]() {
      for (int round = 0; round < 20; ++round) {
        for (size_t i = 0; i < names.size(); ++i) {
          Query q;
          q.name = names[i];
          std::vector<std::string> ids;
          auto hits = s.Screen(q, {});
          for (const Hit& h : *hits) ids.push_back(h.entity->source_id);
          if (ids != expected[i]) ++mismatches[static_cast<size_t>(t)];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
}  // namespace interdict
