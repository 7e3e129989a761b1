#include "snapshot/manifest.h"

#include <gtest/gtest.h>

#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::snapshot {
namespace {

using ::interdict::testing::StatusIs;

TEST(ManifestTest, ParsesSourcesFilesAndDefaults) {
  auto m = ParseManifest(R"({"sources":[
      {"source":"un","format":"un_xml","as_of":"2026-02-27",
       "files":[{"path":"lists/un/consolidated.xml.gz","sha256":"ab","size":12}],
       "licence":"L"},
      {"source":"inhouse","format":"inhouse_csv","files":["mine.csv"]}]})",
                         "/data");
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  ASSERT_EQ(m->sources.size(), 2u);
  EXPECT_EQ(m->base_dir, "/data");
  EXPECT_EQ(m->sources[0].source, ListSource::kUn);
  EXPECT_EQ(m->sources[0].format, lists::ListFormat::kUnXml);
  EXPECT_EQ(m->sources[0].files[0].sha256, "ab");
  EXPECT_EQ(m->sources[0].files[0].size, 12u);
  EXPECT_EQ(m->sources[1].files[0].path, "mine.csv");
}

TEST(ManifestTest, ErrorsNameTheField) {
  EXPECT_THAT(ParseManifest("{", "").status(),
              StatusIs(StatusCode::kInvalidArgument, "not valid JSON"));
  EXPECT_THAT(
      ParseManifest(R"({"sources":[{"source":"mars","format":"un_xml","files":["a"]}]})", "")
          .status(),
      StatusIs(StatusCode::kInvalidArgument, "sources[0].source: unknown source \"mars\""));
  EXPECT_THAT(
      ParseManifest(R"({"sources":[{"source":"un","format":"pdf","files":["a"]}]})", "").status(),
      StatusIs(StatusCode::kInvalidArgument, "sources[0].format"));
  EXPECT_THAT(
      ParseManifest(R"({"sources":[{"source":"un","format":"un_xml","files":[]}]})", "").status(),
      StatusIs(StatusCode::kInvalidArgument, "sources[0].files"));
  EXPECT_THAT(ParseManifest(R"({"sources":[{"source":"un","format":"un_xml","files":["a"]},
                                           {"source":"un","format":"un_xml","files":["b"]}]})",
                            "")
                  .status(),
              StatusIs(StatusCode::kInvalidArgument, "listed twice"));
}

TEST(ManifestTest, BundledManifestIsValid) {
  auto m = ReadManifest(testing::DataPath("manifest.json"));
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->sources.size(), 5u);
  for (const SourceSpec& s : m->sources) {
    EXPECT_FALSE(s.as_of.empty());
    EXPECT_FALSE(s.licence.empty());
    for (const FileSpec& f : s.files) {
      EXPECT_EQ(f.sha256.size(), 64u) << f.path;
      EXPECT_TRUE(testing::FileExists(testing::DataPath(f.path))) << f.path;
    }
  }
}

TEST(ManifestTest, MissingManifestIsNotFoundNamingThePath) {
  EXPECT_THAT(ReadManifest("/nonexistent/manifest.json").status(),
              StatusIs(StatusCode::kNotFound, "/nonexistent/manifest.json"));
}

}  // namespace
}  // namespace interdict::snapshot
