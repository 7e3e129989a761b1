#include "snapshot/loader.h"

#include <cstdio>
#include <string>

#include <gtest/gtest.h>

#include "snapshot/file_io.h"
#include "snapshot/manifest.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::snapshot {
namespace {

using ::interdict::testing::StatusIs;

TEST(LoaderTest, BundledSnapshotLoadsEverySourceWithExpectedCounts) {
  auto m = ReadManifest(testing::DataPath("manifest.json"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  auto snap = LoadSnapshot(*m, {});
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  ASSERT_EQ(snap->sources.size(), 5u);
  size_t total = 0;
  for (const LoadedSource& s : snap->sources) {
    total += s.entities;
    EXPECT_FALSE(s.version.as_of.empty()) << ListSourceCode(s.spec.source);
    for (const SourceFile& f : s.version.files) EXPECT_EQ(f.sha256.size(), 64u);
  }
  EXPECT_EQ(snap->sources[0].entities, 14965u);  // OFAC SDN, sdn.csv of 2024-05-03
  EXPECT_EQ(snap->sources[1].entities, 442u);    // OFAC non-SDN
  EXPECT_EQ(snap->sources[2].entities, 14160u);  // CSL records
  EXPECT_EQ(snap->sources[3].entities, 1003u);   // UN: 730 individuals + 273 entities
  EXPECT_EQ(snap->sources[4].entities, 4688u);   // UK OFSI Group IDs
  EXPECT_EQ(snap->entities.size(), total);
  EXPECT_EQ(snap->sources[3].by_kind[static_cast<size_t>(EntityKind::kPerson)], 730u);
}

TEST(LoaderTest, OnlySelectedSourcesLoadAndUnknownSourceIsNotFound) {
  auto m = ReadManifest(testing::DataPath("manifest.json"));
  ASSERT_TRUE(m.ok());
  LoadOptions only_un;
  only_un.only = {ListSource::kUn};
  auto snap = LoadSnapshot(*m, only_un);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  ASSERT_EQ(snap->sources.size(), 1u);
  EXPECT_EQ(snap->entities.size(), 1003u);
  LoadOptions eu;
  eu.only = {ListSource::kEu};
  EXPECT_THAT(LoadSnapshot(*m, eu).status(), StatusIs(StatusCode::kNotFound, "\"eu\""));
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/interdict_loader_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::system(("rm -rf " + path_).c_str()); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

constexpr char kInHouse[] =
    "id,name,kind\nX1,Acme Widgets Ltd,organization\nX2,Ivan Petrov,person\n";

TEST(LoaderTest, ShaMismatchRefusesTheWholeLoadNamingTheFile) {
  TempDir dir;
  testing::WriteFileOrDie(dir.path() + "/mine.csv", kInHouse);
  auto m = ParseManifest(R"({"sources":[{"source":"inhouse","format":"inhouse_csv",
      "files":[{"path":"mine.csv","sha256":"0000000000000000000000000000000000000000000000000000000000000000"}]}]})",
                         dir.path());
  ASSERT_TRUE(m.ok());
  EXPECT_THAT(LoadSnapshot(*m, {}).status(), StatusIs(StatusCode::kDataLoss, "mine.csv: SHA-256"));
  LoadOptions no_check;
  no_check.verify_sha256 = false;
  auto snap = LoadSnapshot(*m, no_check);
  ASSERT_TRUE(snap.ok()) << snap.status().ToString();
  EXPECT_EQ(snap->entities.size(), 2u);
}

TEST(LoaderTest, MissingOrCorruptFileFailsWithTheSourceNamed) {
  TempDir dir;
  auto missing = ParseManifest(
      R"({"sources":[{"source":"inhouse","format":"inhouse_csv","files":["nope.csv"]}]})",
      dir.path());
  ASSERT_TRUE(missing.ok());
  EXPECT_THAT(LoadSnapshot(*missing, {}).status(), StatusIs(StatusCode::kNotFound, "inhouse:"));

  // A gzip file cut in half.
  std::string gz = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd";
  testing::WriteFileOrDie(dir.path() + "/cut.csv.gz", gz);
  auto cut = ParseManifest(
      R"({"sources":[{"source":"inhouse","format":"inhouse_csv","files":["cut.csv.gz"]}]})",
      dir.path());
  ASSERT_TRUE(cut.ok());
  EXPECT_THAT(LoadSnapshot(*cut, {}).status(), StatusIs(StatusCode::kDataLoss, "cut.csv.gz"));
}

TEST(LoaderTest, OneBadSourceMeansNoSnapshotAtAll) {
  TempDir dir;
  testing::WriteFileOrDie(dir.path() + "/mine.csv", kInHouse);
  testing::WriteFileOrDie(dir.path() + "/un.xml", "<CONSOLIDATED_LIST><INDIVIDUALS>");
  auto m = ParseManifest(R"({"sources":[
      {"source":"inhouse","format":"inhouse_csv","files":["mine.csv"]},
      {"source":"un","format":"un_xml","files":["un.xml"]}]})",
                         dir.path());
  ASSERT_TRUE(m.ok());
  auto snap = LoadSnapshot(*m, {});
  EXPECT_THAT(snap.status(), StatusIs(StatusCode::kDataLoss, "un: un_xml: un.xml"));
}

}  // namespace
}  // namespace interdict::snapshot
