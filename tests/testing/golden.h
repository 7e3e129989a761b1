// File: testing/golden.h
//
// Golden-file checks for parsers and matchers, and Status matchers.
//
//   Result<ParsedList> list = ParseUnXml(file);
//   ASSERT_TRUE(list.ok()) << list.status().ToString();
//   testing::ExpectGolden(*list, testing::TestPath("lists/un/testdata/small.golden.jsonl"));
//   EXPECT_THAT(ParseUnXml(bad).status(), testing::StatusIs(StatusCode::kDataLoss, "line 3"));
//
// INTERDICT_UPDATE_GOLDEN=1 in the environment rewrites goldens instead of comparing them;
// review the diff before committing.
#pragma once

#include <string>

#include <gmock/gmock.h>

#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::testing {

// The canonical JSONL form of a parse: a {"version": ...} line (file names and digests,
// as_of), one line per entity (model::EntityToJson), then one per diagnostic.
std::string ParsedListToJsonl(const ParsedList& list);

// Compares `actual` with the golden file line by line, reporting the first differing line;
// or rewrites the file under INTERDICT_UPDATE_GOLDEN=1.
void ExpectGoldenText(const std::string& actual, const std::string& golden_path);
void ExpectGolden(const ParsedList& list, const std::string& golden_path);

// Matches a Status (or Result's status()) with `code` whose message contains `substring`.
MATCHER_P2(StatusIs, code, substring,
           std::string("status ") + std::string(StatusCodeName(code)) + " containing \"" +
               std::string(substring) + "\"") {
  const Status& s = arg;
  if (s.code() != code) {
    *result_listener << "got " << s.ToString();
    return false;
  }
  if (s.message().find(substring) == std::string_view::npos) {
    *result_listener << "message is \"" << s.message() << "\"";
    return false;
  }
  return true;
}

}  // namespace interdict::testing
