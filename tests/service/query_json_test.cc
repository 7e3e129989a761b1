#include "service/query_json.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/golden.h"

namespace interdict::service {
namespace {

using ::testing::HasSubstr;
using Json = nlohmann::json;

Result<ScreenRequest> Parse(std::string_view text, std::string_view path = "") {
  return ScreenRequestFromJson(Json::parse(text), RequestLimits{}, ScreenOptions{}, path);
}

TEST(ScreenRequestFromJson, ReadsEveryField) {
  auto r = Parse(R"({"name": "Sergei Shoigu", "kind": "Person", "dob": "1955",
                     "country": "RU", "ids": ["passport:123"], "lists": ["ofac_sdn", "uk_ofsi"],
                     "limit": 3, "threshold": 0.9, "explain": "full", "id": "cust-7"})");
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->query.name, "Sergei Shoigu");
  EXPECT_EQ(r->query.kind, EntityKind::kPerson);
  EXPECT_EQ(r->query.dob, "1955");
  EXPECT_EQ(r->query.country, "RU");
  EXPECT_THAT(r->query.ids, ::testing::ElementsAre("passport:123"));
  EXPECT_THAT(r->query.lists, ::testing::ElementsAre(ListSource::kOfacSdn, ListSource::kUkOfsi));
  EXPECT_EQ(r->options.limit, 3u);
  EXPECT_DOUBLE_EQ(r->options.threshold, 0.9);
  EXPECT_EQ(r->explain, engine::ExplainLevel::kFull);
}

TEST(ScreenRequestFromJson, DefaultsComeFromTheCaller) {
  ScreenOptions defaults;
  defaults.threshold = 0.75;
  defaults.limit = 4;
  auto r = ScreenRequestFromJson(Json::parse(R"({"name": "x y"})"), RequestLimits{}, defaults, "");
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->options.threshold, 0.75);
  EXPECT_EQ(r->options.limit, 4u);
  EXPECT_EQ(r->query.kind, EntityKind::kUnknown);
}

TEST(ScreenRequestFromJson, ErrorsNameTheField) {
  struct Case {
    const char* body;
    const char* message;
  } cases[] = {
      {R"({})", "queries[2].name: required"},
      {R"({"name": 5})", "queries[2].name: must be a string, not number"},
      {R"({"name": "   "})", "queries[2].name: name is empty"},
      {R"({"name": "a", "kind": "dragon"})", "queries[2].kind: unknown kind \"dragon\""},
      {R"({"name": "a", "kind": 1})", "queries[2].kind: must be a string"},
      {R"({"name": "a", "limit": 0})", "queries[2].limit: must be an integer from 1 to 100"},
      {R"({"name": "a", "limit": 1.5})", "queries[2].limit: must be an integer"},
      {R"({"name": "a", "limit": 101})", "queries[2].limit"},
      {R"({"name": "a", "threshold": 1.5})", "queries[2].threshold: must be a number in [0, 1]"},
      {R"({"name": "a", "threshold": "high"})", "queries[2].threshold"},
      {R"({"name": "a", "ids": [1]})", "queries[2].ids[0]: must be a string, not number"},
      {R"({"name": "a", "ids": {"x": 1}})", "queries[2].ids: must be an array of strings"},
      {R"({"name": "a", "lists": ["ofac"]})", "queries[2].lists: unknown list \"ofac\""},
      {R"({"name": "a", "treshold": 0.9})", "queries[2].treshold: unknown field"},
      {R"({"name": "a", "explain": "verbose"})", "queries[2].explain"},
      {R"([1, 2])", "queries[2]: must be a JSON object, not array"},
  };
  for (const Case& c : cases) {
    auto r = Parse(c.body, "queries[2]");
    ASSERT_FALSE(r.ok()) << c.body;
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(r.status().message()), HasSubstr(c.message)) << c.body;
  }
}

TEST(ScreenRequestFromJson, RejectsOversizedAndInvalidUtf8Names) {
  Json j;
  j["name"] = std::string(kMaxNameBytes + 1, 'a');
  auto r = ScreenRequestFromJson(j, RequestLimits{}, ScreenOptions{}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("longer than 1000 bytes"));
  // nlohmann refuses to parse invalid UTF-8 from text, but a caller can build it in memory.
  j["name"] = std::string("Ivan \xC3\x28 Petrov");
  r = ScreenRequestFromJson(j, RequestLimits{}, ScreenOptions{}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("not valid UTF-8"));
  j["name"] = "ok name";
  j["ids"] = std::vector<std::string>(21, "A1");
  r = ScreenRequestFromJson(j, RequestLimits{}, ScreenOptions{}, "");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(std::string(r.status().message()), HasSubstr("ids: more than 20 items"));
}

TEST(KindFromText, AcceptsCommonSpellingsAndSchemaNames) {
  EXPECT_EQ(*KindFromText("Individual"), EntityKind::kPerson);
  EXPECT_EQ(*KindFromText("Company"), EntityKind::kOrganization);
  EXPECT_EQ(*KindFromText("LegalEntity"), EntityKind::kOrganization);
  EXPECT_EQ(*KindFromText(" vessel "), EntityKind::kVessel);
  EXPECT_EQ(*KindFromText("Airplane"), EntityKind::kAircraft);
  EXPECT_EQ(*KindFromText(""), EntityKind::kUnknown);
  EXPECT_FALSE(KindFromText("ship owner").ok());
}

TEST(SplitIds, SplitsOnSemicolonsAndBars) {
  EXPECT_THAT(SplitIds(" A123 ; IMO 9123456|| x "),
              ::testing::ElementsAre("A123", "IMO 9123456", "x"));
  EXPECT_TRUE(SplitIds("  ").empty());
}

}  // namespace
}  // namespace interdict::service
