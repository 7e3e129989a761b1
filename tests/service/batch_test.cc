#include "service/batch.h"

#include <sstream>
#include <stdexcept>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "service/dataset.h"
#include "testing/files.h"

namespace interdict::service {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

// The UN list alone: small enough to build in a moment, real enough to hit.
const Screener& UnScreener() {
  static const std::shared_ptr<const Dataset> d = [] {
    auto loaded = Dataset::Load(INTERDICT_DATA_DIR, {ListSource::kUn});
    if (!loaded.ok()) throw std::runtime_error(std::string(loaded.status().message()));
    return *loaded;
  }();
  return d->screener();
}

struct BatchRun {
  Status status;
  BatchSummary summary;
  std::vector<Json> lines;
  std::string text;
  std::string errors;
};

BatchRun RunOn(const std::string& input, BatchOptions options = {}) {
  std::istringstream in(input);
  std::ostringstream out, err;
  BatchRun r;
  auto s = RunBatch(UnScreener(), in, "in.csv", out, options, &err, nullptr);
  r.status = s.ok() ? Status::Ok() : s.status();
  if (s.ok()) r.summary = *s;
  r.text = out.str();
  r.errors = err.str();
  if (options.output == BatchOutput::kJsonl) {
    std::istringstream lines(r.text);
    std::string line;
    while (std::getline(lines, line)) r.lines.push_back(Json::parse(line));
  }
  return r;
}

TEST(Batch, CsvRowsComeOutInOrderWithHitsAndTheInputEchoed) {
  BatchRun r = RunOn(
      "customer_id,Full_Name,type,country\n"
      "c1,KOREA MINING DEVELOPMENT TRADING CORPORATION,company,KP\n"
      "c2,Emma Schmidt,person,DE\n"
      "c3,\"Usama bin Laden, Hamza\",person,\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.lines.size(), 3u);
  EXPECT_EQ(r.summary.rows, 3u);
  EXPECT_EQ(r.summary.rows_with_hits, 2u);
  EXPECT_EQ(r.lines[0]["row"], 1);
  EXPECT_EQ(r.lines[0]["line"], 2);
  EXPECT_EQ(r.lines[0]["input"]["customer_id"], "c1");
  const Json& hit = r.lines[0]["hits"][0];
  EXPECT_EQ(hit["source"], "un");
  EXPECT_EQ(hit["source_id"], "690735");
  EXPECT_EQ(hit["kind"], "organization");
  EXPECT_EQ(hit["programs"][0], "DPRK");
  EXPECT_GE(hit["score"].get<double>(), kDefaultThreshold);
  EXPECT_TRUE(hit["explanation"].contains("summary"));
  EXPECT_TRUE(r.lines[1]["hits"].empty());
  EXPECT_EQ(r.lines[2]["input"]["Full_Name"], "Usama bin Laden, Hamza");
  EXPECT_FALSE(r.lines[2]["hits"].empty());
}

TEST(Batch, JsonLinesInputWithIdsArrays) {
  BatchOptions o;
  o.top = 1;
  BatchRun r = RunOn(
      "{\"id\": 1, \"name\": \"Korea Mining Development Trading Corp\", \"ids\": [\"A1234567\"]}\n"
      "\n"
      "{\"id\": 2, \"full_name\": \"Nobody Inparticular\"}\n",
      o);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_EQ(r.lines[0]["input"]["id"], 1);
  EXPECT_EQ(r.lines[0]["hits"].size(), 1u);
  EXPECT_EQ(r.lines[1]["line"], 3);
  EXPECT_TRUE(r.lines[1]["hits"].empty());
}

TEST(Batch, MalformedRowsAreReportedWithTheirLineAndSkipped) {
  BatchRun r = RunOn(
      "name,kind\n"
      ",person\n"                      // line 2: no name
      "Ivan \xC3\x28 Petrov,person\n"  // line 3: invalid UTF-8
      "Good Name,dragon\n"             // line 4: unknown kind
      "a,b,c\n"                        // line 5: too many fields
      "LLC,organization\n"             // line 6: only a legal form
      "KOREA MINING DEVELOPMENT TRADING CORPORATION,\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(r.summary.rows, 6u);
  EXPECT_EQ(r.summary.errors, 5u);
  EXPECT_EQ(r.summary.rows_with_hits, 1u);
  EXPECT_THAT(r.errors, HasSubstr("in.csv:2: missing name"));
  EXPECT_THAT(r.errors, HasSubstr("in.csv:3: name is not valid UTF-8"));
  EXPECT_THAT(r.errors, HasSubstr("in.csv:4: unknown kind \"dragon\""));
  EXPECT_THAT(r.errors, HasSubstr("in.csv:5: 3 fields, but the header has 2"));
  EXPECT_THAT(r.errors, HasSubstr("in.csv:6: name has no informative word"));
  ASSERT_EQ(r.lines.size(), 6u);
  for (size_t i = 0; i < 5; ++i) EXPECT_TRUE(r.lines[i].contains("error")) << i;
  // The invalid byte is replaced in the JSON echo, never a crash or a broken line.
  EXPECT_THAT(r.lines[1]["input"]["name"].get<std::string>(), HasSubstr("Ivan"));
}

TEST(Batch, StrictStopsAtTheFirstMalformedRow) {
  BatchOptions o;
  o.strict = true;
  BatchRun r = RunOn("name\nKOREA MINING DEVELOPMENT TRADING CORPORATION\n\n  \nLLC\nEmma\n", o);
  ASSERT_FALSE(r.status.ok());
  EXPECT_EQ(r.status.code(), StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(r.status.message()), HasSubstr("in.csv:5: name has no informative"));
  EXPECT_EQ(r.lines.size(), 1u);  // the row before it was written
}

TEST(Batch, FileLevelErrorsFailTheRun) {
  EXPECT_THAT(std::string(RunOn("").status.message()), HasSubstr("empty input"));
  EXPECT_THAT(std::string(RunOn("id,country\n1,RU\n").status.message()),
              HasSubstr("no name column (use --name-col; header: id, country)"));
  BatchOptions o;
  o.kind_col = "entity_kind";
  EXPECT_THAT(std::string(RunOn("name,kind\nx,person\n", o).status.message()),
              HasSubstr("--kind-col \"entity_kind\" is not a column"));
  BatchRun open_quote = RunOn("name\n\"Never closed\n");
  EXPECT_THAT(std::string(open_quote.status.message()),
              HasSubstr("in.csv:2: a quoted field is never closed"));
  BatchRun not_json = RunOn("{\"name\": \"Maria Lopez\"}\n{broken\n[1]\n");
  ASSERT_TRUE(not_json.status.ok());
  EXPECT_EQ(not_json.summary.errors, 2u);
  EXPECT_THAT(not_json.errors, HasSubstr("in.csv:2: not a valid JSON line"));
  EXPECT_THAT(not_json.errors, HasSubstr("in.csv:3: a JSON line must be an object"));
}

TEST(Batch, QuotedNewlinesBomAndCrlf) {
  BatchRun r = RunOn(
      "\xEF\xBB\xBFname,note\r\n"
      "\"KOREA MINING DEVELOPMENT\nTRADING CORPORATION\",\"two\nlines\"\r\n"
      "Emma,x\r\n");
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  ASSERT_EQ(r.lines.size(), 2u);
  EXPECT_FALSE(r.lines[0]["hits"].empty());
  EXPECT_EQ(r.lines[0]["input"]["note"], "two\nlines");
  EXPECT_EQ(r.lines[1]["line"], 5);  // the first record spans lines 2 to 4
}

TEST(Batch, ManyThreadsGiveTheSameOutputAsOne) {
  // 2,000 rows of real UN names, spelled as listed and varied, screened with small chunks
  // so that many chunks are in flight out of order.
  std::string input = "name\n";
  const std::vector<Entity>& entities = UnScreener().entities();
  for (size_t i = 0; i < 2000; ++i) {
    std::string name = entities[(i * 7) % entities.size()].primary_name().full;
    if (i % 3 == 1) name = "Unlisted " + std::to_string(i) + " Trading";
    if (name.find('"') != std::string::npos || name.find(',') != std::string::npos) {
      name = "\"" + name + "\"";
    }
    input += name + "\n";
  }
  BatchOptions one;
  one.threads = 1;
  one.chunk_rows = 7;
  BatchOptions many = one;
  many.threads = 4;
  BatchRun a = RunOn(input, one);
  BatchRun b = RunOn(input, many);
  ASSERT_TRUE(a.status.ok());
  EXPECT_EQ(a.summary.rows, 2000u);
  EXPECT_GT(a.summary.rows_with_hits, 1000u);
  EXPECT_EQ(a.text, b.text);
}

TEST(Batch, CsvOutputFlattensTheBestHit) {
  BatchOptions o;
  o.output = BatchOutput::kCsv;
  BatchRun r =
      RunOn("id,name\n7,KOREA MINING DEVELOPMENT TRADING CORPORATION\n8,\"Emma, Schmidt\"\n", o);
  ASSERT_TRUE(r.status.ok());
  std::istringstream lines(r.text);
  std::string header, first, second;
  std::getline(lines, header);
  std::getline(lines, first);
  std::getline(lines, second);
  EXPECT_EQ(header,
            "row,line,id,name,hit_count,best_score,best_source,best_source_id,best_name,"
            "best_matched_name,best_kind,best_programs,error");
  EXPECT_THAT(first, ::testing::StartsWith("1,2,7,KOREA MINING DEVELOPMENT TRADING CORPORATION,"));
  EXPECT_THAT(first, HasSubstr(",un,690735,"));
  EXPECT_EQ(second, "2,3,8,\"Emma, Schmidt\",0,,,,,,,,");
}

TEST(Batch, RejectsBadOptions) {
  BatchOptions o;
  o.threshold = 2;
  EXPECT_FALSE(RunOn("name\nx\n", o).status.ok());
  o = BatchOptions{};
  o.top = 0;
  EXPECT_FALSE(RunOn("name\nx\n", o).status.ok());
}

}  // namespace
}  // namespace interdict::service
