// `interdict batch` end to end through cli::Run: exit codes, files, stdin is covered by the
// library tests (tests/service/batch_test.cc).

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "cli/cli.h"
#include "testing/files.h"
#include "testing/run_cli.h"

namespace interdict::cli {
namespace {

using ::testing::HasSubstr;
namespace fs = std::filesystem;

using Output = testing::CliOutput;

Output RunArgs(std::vector<std::string> args) { return testing::RunCli(std::move(args)); }

// A data directory holding only the bundled UN list (quick to load), with its own manifest.
class BatchCli : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() /
                        ("interdict_batch_cli_" + std::to_string(::getpid())));
    fs::create_directories(*dir_ / "lists/un");
    fs::copy_file(testing::DataPath("lists/un/consolidated.xml.gz"),
                  *dir_ / "lists/un/consolidated.xml.gz", fs::copy_options::overwrite_existing);
    nlohmann::json m =
        nlohmann::json::parse(testing::ReadFileOrDie(testing::DataPath("manifest.json")));
    nlohmann::json only = nlohmann::json::array();
    for (const auto& s : m["sources"]) {
      if (s["source"] == "un") only.push_back(s);
    }
    m["sources"] = only;
    testing::WriteFileOrDie((*dir_ / "manifest.json").string(), m.dump(1));
  }
  static void TearDownTestSuite() {
    fs::remove_all(*dir_);
    delete dir_;
  }
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = (*dir_ / name).string();
    testing::WriteFileOrDie(path, text);
    return path;
  }
  static std::string Data() { return dir_->string(); }
  static fs::path* dir_;
};
fs::path* BatchCli::dir_ = nullptr;

TEST_F(BatchCli, ExitCodesTellHitsFromNoHitsFromErrors) {
  std::string hits =
      Write("hits.csv", "id,name\n1,KOREA MINING DEVELOPMENT TRADING CORPORATION\n2,\n");
  std::string out_path = (*dir_ / "out.jsonl").string();
  Output o = RunArgs({"batch", hits, "-o", out_path, "--data", Data()});
  EXPECT_EQ(o.code, kExitFindings) << o.err;
  EXPECT_THAT(o.err, HasSubstr("hits.csv:3: missing name (skipped)"));
  EXPECT_THAT(o.err, HasSubstr("2 rows, 1 with hits"));
  std::string written = testing::ReadFileOrDie(out_path);
  EXPECT_THAT(written, HasSubstr("\"source_id\":\"690735\""));
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 2);

  std::string none = Write("none.csv", "name\nZyxwvut Qponmlk\n");
  Output n = RunArgs({"batch", none, "--data", Data(), "-q", "--format", "csv"});
  EXPECT_EQ(n.code, kExitOk) << n.err;
  EXPECT_EQ(n.err, "");
  EXPECT_THAT(n.out, HasSubstr("1,2,Zyxwvut Qponmlk,0,"));

  Output strict = RunArgs({"batch", hits, "--strict", "-q", "--data", Data()});
  EXPECT_EQ(strict.code, kExitUsage);
  EXPECT_THAT(strict.err, HasSubstr("hits.csv:3: missing name"));

  Output no_col = RunArgs({"batch", Write("nocol.csv", "id\n1\n"), "--data", Data()});
  EXPECT_EQ(no_col.code, kExitUsage);
  EXPECT_THAT(no_col.err, HasSubstr("no name column"));

  Output missing = RunArgs({"batch", (*dir_ / "nope.csv").string(), "--data", Data()});
  EXPECT_EQ(missing.code, kExitUsage);
  EXPECT_THAT(missing.err, HasSubstr("cannot open"));

  Output format = RunArgs({"batch", hits, "--format", "xml", "--data", Data()});
  EXPECT_EQ(format.code, kExitUsage);
  Output threshold = RunArgs({"batch", hits, "--threshold", "1.5", "--data", Data()});
  EXPECT_EQ(threshold.code, kExitUsage);
}

TEST_F(BatchCli, HelpDocumentsTheFlags) {
  Output o = RunArgs({"batch", "--help"});
  EXPECT_EQ(o.code, kExitOk);
  for (const char* flag :
       {"--name-col", "--kind-col", "--dob-col", "--country-col", "--id-col", "--top",
        "--threshold", "--threads", "--lists", "--strict", "--quiet", "--format"}) {
    EXPECT_THAT(o.out, HasSubstr(flag));
  }
  Output serve = RunArgs({"serve", "--help"});
  EXPECT_EQ(serve.code, kExitOk);
  for (const char* flag : {"--host", "--port", "--api-keys", "--max-body-bytes", "--max-batch",
                           "--cors-origin", "--request-log"}) {
    EXPECT_THAT(serve.out, HasSubstr(flag));
  }
}

}  // namespace
}  // namespace interdict::cli
