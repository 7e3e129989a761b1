#include "daily/sync.h"

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daily/daily_testing.h"
#include "snapshot/file_io.h"
#include "store/store.h"
#include "testing/files.h"

namespace interdict::daily {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

std::unique_ptr<store::Store> NewStore() {
  auto s = store::Store::OpenInMemory();
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  return std::move(*s);
}

std::string Day(const std::string& day) { return interdict::testing::DataPath("history/" + day); }

std::string SdnBytes(const std::string& day) {
  auto b = snapshot::ReadListFile(testing::BundledDay(day));
  EXPECT_TRUE(b.ok());
  return *b;
}

// A folder holding one sdn.csv with `bytes`.
std::string DirWith(const std::string& name, const std::string& bytes) {
  std::string dir = testing::FreshDir(name);
  interdict::testing::WriteFileOrDie(dir + "/sdn.csv", bytes);
  return dir;
}

Result<SyncReport> SyncFrom(store::Store& s, const std::string& dir, bool strict = false) {
  SyncRequest r;
  r.from_dir = dir;
  r.strict = strict;
  std::ostringstream progress;
  return Sync(s, r, nullptr, &progress);
}

store::SnapshotId ActiveId(store::Store& s) {
  auto a = s.ActiveSnapshot();
  EXPECT_TRUE(a.ok());
  return (a.ok() && *a) ? (*a)->id : 0;
}

TEST(SyncTest, OfficialSourcesHaveHttpsUrlsAndParsersFormats) {
  ASSERT_EQ(OfficialSources().size(), 6u);
  for (const OfficialSource& s : OfficialSources()) {
    ASSERT_FALSE(s.files.empty());
    for (const OfficialFile& f : s.files) {
      EXPECT_THAT(std::string(f.url), ::testing::StartsWith("https://")) << f.name;
    }
    EXPECT_EQ(FindOfficialSource(s.source), &s);
  }
  EXPECT_EQ(FindOfficialSource(ListSource::kInHouse), nullptr);
}

TEST(SyncTest, GoodSetBecomesTheActiveSnapshotWithTheFolderDateAsOf) {
  auto s = NewStore();
  auto r = SyncFrom(*s, Day("2023-02-22"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->committed);
  EXPECT_TRUE(r->ok());
  ASSERT_EQ(r->sources.size(), 1u);
  EXPECT_EQ(r->sources[0].state, SourceState::kUpdated);
  EXPECT_EQ(r->sources[0].entities, 11595u);
  EXPECT_EQ(r->sources[0].version.as_of, "2023-02-22");
  EXPECT_EQ(r->sources[0].version.files[0].sha256,
            "1332c52e725ad6a8664d38a803576b10c1ea35fb5b3715bc7ab8c5277f59e951");
  EXPECT_EQ(ActiveId(*s), r->snapshot_id);
  auto entities = s->LoadEntities(r->snapshot_id, {});
  ASSERT_TRUE(entities.ok());
  EXPECT_EQ(entities->size(), 11595u);
  // The same files again: nothing new is committed.
  auto again = SyncFrom(*s, Day("2023-02-22"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->committed);
  EXPECT_TRUE(again->unchanged);
  EXPECT_EQ(again->sources[0].state, SourceState::kUnchanged);
  EXPECT_EQ(ActiveId(*s), r->snapshot_id);
  auto all = s->ListSnapshots();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 1u);
  // The audit trail records both syncs.
  auto audit = s->ReadAudit({});
  ASSERT_TRUE(audit.ok());
  size_t syncs = 0;
  for (const store::AuditRecord& a : *audit) syncs += a.action == "sync";
  EXPECT_EQ(syncs, 2u);
}

TEST(SyncTest, TruncatedFileOnFirstSyncCommitsNothing) {
  auto s = NewStore();
  std::string bytes = SdnBytes("2023-02-22");
  // Cut inside a quoted field: the parser refuses the whole file.
  size_t cut = bytes.find(",\"", bytes.size() / 2);
  std::string dir = DirWith("trunc1", bytes.substr(0, cut + 4));
  auto r = SyncFrom(*s, dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->committed);
  EXPECT_FALSE(r->ok());
  ASSERT_EQ(r->sources.size(), 1u);
  EXPECT_EQ(r->sources[0].state, SourceState::kFailed);
  EXPECT_THAT(r->sources[0].error, HasSubstr("parse:"));
  EXPECT_THAT(r->sources[0].error, HasSubstr("sdn.csv"));
  EXPECT_THAT(r->message, HasSubstr("ofac_sdn"));
  EXPECT_EQ(ActiveId(*s), 0);
  fs::remove_all(dir);
}

TEST(SyncTest, MalformedFileKeepsTheLastGoodVersionMarkedStale) {
  auto s = NewStore();
  auto first = SyncFrom(*s, Day("2023-02-22"));
  ASSERT_TRUE(first.ok() && first->committed);
  struct Case {
    std::string name;
    std::string bytes;
    std::string error;
  };
  std::string good = SdnBytes("2023-02-24");
  std::vector<Case> cases = {
      {"truncated", good.substr(0, good.find(",\"", good.size() / 3) + 4), "parse:"},
      {"wrong_format", "<?xml version=\"1.0\"?><CONSOLIDATED_LIST></CONSOLIDATED_LIST>\n",
       "parse:"},
      {"binary", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\x01\x02\x00\xff", 14),
       "sdn.csv"},
      {"empty", "", "sdn.csv"},
      {"bad_utf8_header", "ent_num,SDN_Name\n\xff\xfe\n", "parse:"},
      // Cut at a line boundary: parses, but holds a fraction of the entities.
      {"short", good.substr(0, good.find('\n', good.size() / 10) + 1), "check:"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    std::string dir = DirWith("bad_" + c.name, c.bytes);
    store::SnapshotId before = ActiveId(*s);
    auto strict = SyncFrom(*s, dir, /*strict=*/true);
    ASSERT_TRUE(strict.ok()) << strict.status().ToString();
    EXPECT_FALSE(strict->committed);
    EXPECT_EQ(ActiveId(*s), before);

    auto r = SyncFrom(*s, dir);
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    ASSERT_EQ(r->sources.size(), 1u);
    EXPECT_EQ(r->sources[0].state, SourceState::kStale);
    EXPECT_THAT(r->sources[0].error, HasSubstr(c.error));
    EXPECT_FALSE(r->ok());
    // The new snapshot keeps yesterday's entities, marked stale with the reason.
    ASSERT_TRUE(r->committed);
    auto info = s->GetSnapshot(r->snapshot_id);
    ASSERT_TRUE(info.ok());
    ASSERT_EQ(info->sources.size(), 1u);
    EXPECT_TRUE(info->sources[0].stale);
    EXPECT_EQ(info->sources[0].stale_reason, r->sources[0].error);
    EXPECT_EQ(info->sources[0].version.files[0].sha256, first->sources[0].version.files[0].sha256);
    EXPECT_EQ(info->entity_count, 11595u);
    fs::remove_all(dir);
  }
}

TEST(SyncTest, BadRequests) {
  auto s = NewStore();
  SyncRequest both;
  both.from_dir = Day("2023-02-22");
  both.files = {{"ofac_sdn", testing::BundledDay("2023-02-22")}};
  EXPECT_EQ(Sync(*s, both, nullptr, nullptr).status().code(), StatusCode::kInvalidArgument);
  SyncRequest unknown;
  unknown.files = {{"nowhere", "x.csv"}};
  EXPECT_THAT(Sync(*s, unknown, nullptr, nullptr).status().message(), HasSubstr("nowhere"));
  std::string empty_dir = testing::FreshDir("empty");
  SyncRequest nothing;
  nothing.from_dir = empty_dir;
  EXPECT_THAT(Sync(*s, nothing, nullptr, nullptr).status().message(),
              HasSubstr("no official list file"));
  SyncRequest missing;
  missing.files = {{"ofac_sdn", empty_dir + "/missing.csv"}};
  auto r = Sync(*s, missing, nullptr, nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->sources[0].state, SourceState::kFailed);
  EXPECT_THAT(r->sources[0].error, HasSubstr("missing.csv"));
  fs::remove_all(empty_dir);
}

TEST(SyncTest, FileFlagAndCarriedSources) {
  auto s = NewStore();
  SyncRequest one;
  one.files = {{"ofac_sdn", testing::BundledDay("2023-02-22")}};
  auto a = Sync(*s, one, nullptr, nullptr);
  ASSERT_TRUE(a.ok() && a->committed);
  // A UN file alone: the SDN list is carried over unchanged (not stale).
  SyncRequest un;
  un.files = {{"un", interdict::testing::DataPath("lists/un/consolidated.xml.gz")}};
  auto b = Sync(*s, un, nullptr, nullptr);
  ASSERT_TRUE(b.ok()) << b.status().ToString();
  ASSERT_TRUE(b->committed) << b->message;
  EXPECT_TRUE(b->ok());
  ASSERT_EQ(b->sources.size(), 2u);
  EXPECT_EQ(b->sources[0].source, ListSource::kUn);
  EXPECT_EQ(b->sources[1].state, SourceState::kCarried);
  auto info = s->GetSnapshot(b->snapshot_id);
  ASSERT_TRUE(info.ok());
  EXPECT_GT(info->entity_count, 11595u);
}

// Serves URLs from a map; anything else fails like a network error.
class FakeFetcher : public Fetcher {
 public:
  std::map<std::string, std::string> bodies;
  std::map<std::string, std::string> etags;
  std::vector<std::string> seen_if_none_match;
  Result<FetchResult> Fetch(const std::string& url, const FetchOptions& options,
                            const ProgressFn& progress) override {
    seen_if_none_match.push_back(options.if_none_match);
    auto it = bodies.find(url);
    if (it == bodies.end()) return Status::Unavailable(url + ": Could not resolve host");
    FetchResult r;
    r.http_status = 200;
    if (!options.if_none_match.empty() && options.if_none_match == etags[url]) {
      r.not_modified = true;
      r.http_status = 304;
      r.etag = etags[url];
      return r;
    }
    r.body = it->second;
    r.etag = etags[url];
    if (progress) progress(r.body.size(), r.body.size());
    return r;
  }
};

TEST(SyncTest, DownloadsWithConditionalGetAndStaleOnFailure) {
  auto s = NewStore();
  FakeFetcher f;
  const OfficialSource* sdn = FindOfficialSource(ListSource::kOfacSdn);
  f.bodies[std::string(sdn->files[0].url)] = SdnBytes("2023-02-22");
  for (size_t i = 1; i < sdn->files.size(); ++i) f.bodies[std::string(sdn->files[i].url)] = "";
  for (auto& [url, body] : f.bodies) f.etags[url] = "\"v1\"";
  SyncRequest req;
  req.only = {ListSource::kOfacSdn};
  std::ostringstream progress;
  auto a = Sync(*s, req, &f, &progress);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  ASSERT_TRUE(a->committed) << a->message;
  EXPECT_EQ(a->sources[0].entities, 11595u);
  EXPECT_THAT(progress.str(), HasSubstr("downloading https://sanctionslistservice"));

  // Second run: the server answers 304 to our ETag: unchanged, nothing committed.
  auto b = Sync(*s, req, &f, nullptr);
  ASSERT_TRUE(b.ok());
  EXPECT_TRUE(b->unchanged);
  EXPECT_EQ(f.seen_if_none_match.back(), "\"v1\"");

  // Third run: the server is down: yesterday's version is kept, marked stale, and the
  // message names the source and the address.
  f.bodies.clear();
  auto c = Sync(*s, req, &f, nullptr);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->sources[0].state, SourceState::kStale);
  EXPECT_THAT(c->sources[0].error, HasSubstr("download sdn.csv"));
  EXPECT_THAT(c->sources[0].error, HasSubstr("Could not resolve host"));
  EXPECT_THAT(SyncReportJson(*c), HasSubstr("\"state\":\"stale\""));
}

TEST(SyncTest, FirstSyncWithoutNetworkSeedsFromTheBundledData) {
  auto s = NewStore();
  FakeFetcher offline;
  SyncRequest req;
  req.only = {ListSource::kUn};
  req.seed_manifest = interdict::testing::DataPath("manifest.json");
  auto r = Sync(*s, req, &offline, nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->committed) << r->message;
  EXPECT_EQ(r->sources[0].state, SourceState::kStale);
  EXPECT_THAT(r->sources[0].error, HasSubstr("bundled copy as of"));
  EXPECT_GT(r->sources[0].entities, 900u);
}

}  // namespace
}  // namespace interdict::daily
