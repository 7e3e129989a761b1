#include "index/candidate_index.h"

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace interdict::index {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<uint32_t> Ids(CandidateIndex::Span span) { return {span.begin(), span.end()}; }

TEST(CandidateIndexTest, PostingsAreSortedAndDistinct) {
  IndexBuilder builder;
  builder.Add(0, "k:shoygu");
  builder.Add(0, "k:shoygu");  // the same pair twice
  builder.Add(0, "d:shygu");
  builder.Add(3, "k:shoygu");
  builder.Add(7, "k:shoygu");
  builder.Add(7, "k:shoygu");
  std::unique_ptr<const CandidateIndex> idx = std::move(builder).Finish();
  EXPECT_THAT(Ids(idx->Postings("k:shoygu")), ElementsAre(0, 3, 7));
  EXPECT_THAT(Ids(idx->Postings("d:shygu")), ElementsAre(0));
  EXPECT_EQ(idx->keys(), 2u);
  EXPECT_EQ(idx->postings(), 4u);
  EXPECT_EQ(idx->names(), 8u);
}

TEST(CandidateIndexTest, AbsentKeysHaveNoPostings) {
  IndexBuilder builder;
  builder.Add(1, "k:ab");
  std::unique_ptr<const CandidateIndex> idx = std::move(builder).Finish();
  EXPECT_THAT(Ids(idx->Postings("k:a")), IsEmpty());
  EXPECT_THAT(Ids(idx->Postings("k:abc")), IsEmpty());
  EXPECT_THAT(Ids(idx->Postings("")), IsEmpty());
  EXPECT_TRUE(idx->Postings("k:ba").empty());

  std::unique_ptr<const CandidateIndex> empty = IndexBuilder().Finish();
  EXPECT_TRUE(empty->Postings("k:ab").empty());
  EXPECT_EQ(empty->keys(), 0u);
}

TEST(CandidateIndexTest, EmptyKeyAndKeysWithZeroBytesAreKeys) {
  IndexBuilder builder;
  builder.Add(2, "");
  builder.Add(4, std::string_view("a\0b", 3));
  std::unique_ptr<const CandidateIndex> idx = std::move(builder).Finish();
  EXPECT_THAT(Ids(idx->Postings("")), ElementsAre(2));
  EXPECT_THAT(Ids(idx->Postings(std::string_view("a\0b", 3))), ElementsAre(4));
  EXPECT_TRUE(idx->Postings(std::string_view("a\0c", 3)).empty());
}

// Against a std::map model, over enough keys to grow the table many times and with short
// keys that share prefixes (the engine's deletion variants look like that).
TEST(CandidateIndexTest, MatchesAMapModel) {
  const uint32_t seed = 20261127;
  std::mt19937 rng(seed);
  std::map<std::string, std::set<uint32_t>> model;
  IndexBuilder builder;
  for (uint32_t name = 0; name < 5000; ++name) {
    const int keys = static_cast<int>(rng() % 12);
    for (int k = 0; k < keys; ++k) {
      std::string key = "k:";
      const size_t length = 1 + rng() % 9;
      for (size_t c = 0; c < length; ++c) key.push_back(static_cast<char>('a' + rng() % 4));
      builder.Add(name, key);
      model[key].insert(name);
    }
  }
  std::unique_ptr<const CandidateIndex> idx = std::move(builder).Finish();
  ASSERT_EQ(idx->keys(), model.size()) << "seed " << seed;
  size_t postings = 0;
  for (const auto& [key, names] : model) {
    EXPECT_EQ(Ids(idx->Postings(key)), std::vector<uint32_t>(names.begin(), names.end()))
        << key << " seed " << seed;
    postings += names.size();
  }
  EXPECT_EQ(idx->postings(), postings);
  EXPECT_TRUE(idx->Postings("k:e").empty());           // no key has an 'e'
  EXPECT_TRUE(idx->Postings("k:aaaaaaaaaa").empty());  // longer than any key
}

TEST(CandidateIndexTest, HashIsTheOnePostingsUses) {
  IndexBuilder builder;
  builder.Add(5, "s:mhmd", KeyHash("s:mhmd"));
  std::unique_ptr<const CandidateIndex> idx = std::move(builder).Finish();
  EXPECT_THAT(Ids(idx->Postings("s:mhmd", KeyHash("s:mhmd"))), ElementsAre(5));
  EXPECT_THAT(Ids(idx->Postings("s:mhmd")), ElementsAre(5));
}

}  // namespace
}  // namespace interdict::index
