#include "daily/digest.h"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daily/daily_testing.h"
#include "daily/delta.h"
#include "daily/rescreen.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::daily {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

DigestSnapshot Snap(int64_t id, std::string created, std::string as_of) {
  DigestSnapshot s;
  s.id = id;
  s.created_at = std::move(created);
  s.label = "sync --from data/history/" + as_of;
  DigestSource src;
  src.version.source = ListSource::kOfacSdn;
  src.version.format = "ofac_csv";
  src.version.as_of = as_of;
  s.sources.push_back(src);
  return s;
}

// The real 2023-02-22 -> 2023-02-24 delta, and the customers a real screening of a few
// spelling variants (and unlisted names) against the new and changed entities finds.
class DigestGoldenTest : public ::testing::Test {
 protected:
  void SetUp() override {
    before_ = testing::LoadSdnDay(testing::BundledDay("2023-02-22"));
    after_ = testing::LoadSdnDay(testing::BundledDay("2023-02-24"));
    delta_ = ComputeDelta(before_, after_);
    std::vector<Entity> touched;
    for (const Entity* e : delta_.added) touched.push_back(*e);
    for (const EntityChange& c : delta_.changed) touched.push_back(*c.after);
    auto screener = Screener::Create(std::move(touched));
    ASSERT_TRUE(screener.ok());
    std::vector<store::Customer> customers = {
        {"C-1001", "Andrei Masalovich", EntityKind::kPerson, "1961", "RU", {}},
        {"C-1002", "Alina Nazarova", EntityKind::kPerson, "", "", {}},
        {"C-2001", "Maria Gonzalez Lopez", EntityKind::kPerson, "", "", {}},
        {"C-2002", "Acme <Widgets> & \"Sons\" Ltd", EntityKind::kOrganization, "", "", {}},
    };
    auto matches = ScreenCustomers(**screener, customers, ScreenParams{}, nullptr);
    ASSERT_TRUE(matches.ok());
    int64_t alert = 0;
    for (const CustomerMatch& m : *matches) {
      AffectedCustomer c;
      c.customer_id = customers[m.customer].id;
      c.customer_name = customers[m.customer].name;
      c.alert_id = ++alert;
      c.alert_status = "open";
      c.source = m.hit.entity->source;
      c.source_id = m.hit.entity->source_id;
      c.entity_name = m.hit.entity->primary_name().full;
      c.matched_name = m.hit.matched->full;
      c.score = m.hit.score;
      input_.customers.push_back(c);
    }
    input_.from = Snap(1, "2023-02-22T18:50:00.000Z", "2023-02-22");
    input_.to = Snap(2, "2023-02-24T18:50:00.000Z", "2023-02-24");
    input_.delta = &delta_;
    screener_ = std::move(*screener);
  }

  std::vector<Entity> before_, after_;
  Delta delta_;
  std::unique_ptr<Screener> screener_;
  DigestInput input_;
};

TEST_F(DigestGoldenTest, Markdown) {
  ASSERT_EQ(input_.customers.size(), 2u);
  std::string md = RenderDigest(input_, DigestFormat::kMarkdown);
  EXPECT_THAT(md, HasSubstr("252 new, 0 removed, 4 changed entities; 2 customer alert(s)."));
  interdict::testing::ExpectGoldenText(
      md, interdict::testing::TestPath("daily/testdata/digest_2023-02-24.md"));
}

TEST_F(DigestGoldenTest, Html) {
  input_.max_listed = 25;
  input_.customers.push_back(AffectedCustomer{"C-9", "<script>alert(1)</script>", 9, "open",
                                              ListSource::kOfacSdn, "1", "X & Y", "X", 0.9});
  std::string html = RenderDigest(input_, DigestFormat::kHtml);
  EXPECT_THAT(html, HasSubstr("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("<style>"));
  EXPECT_THAT(html, Not(HasSubstr("<script>")));
  EXPECT_THAT(html, HasSubstr("&lt;script&gt;alert(1)&lt;/script&gt;"));
  EXPECT_THAT(html, HasSubstr("... and 227 more new designations"));
  EXPECT_THAT(html, Not(HasSubstr("http://")));  // self-contained: no external resources
  interdict::testing::ExpectGoldenText(
      html, interdict::testing::TestPath("daily/testdata/digest_2023-02-24.html"));
}

TEST_F(DigestGoldenTest, Json) {
  input_.max_listed = 10;
  std::string json = RenderDigest(input_, DigestFormat::kJson);
  auto j = nlohmann::json::parse(json);
  EXPECT_EQ(j["summary"]["added"], 252);
  EXPECT_EQ(j["added"].size(), 10u);
  EXPECT_EQ(j["customers"].size(), 2u);
  interdict::testing::ExpectGoldenText(
      json, interdict::testing::TestPath("daily/testdata/digest_2023-02-24.json"));
}

TEST(DigestTest, FirstSnapshotAndEmptyDelta) {
  Delta empty;
  DigestInput in;
  in.delta = &empty;
  in.to.id = 1;
  std::string md = RenderDigest(in, DigestFormat::kMarkdown);
  EXPECT_THAT(md, HasSubstr("From nothing (no earlier snapshot) to snapshot #1."));
  EXPECT_THAT(md, HasSubstr("## New designations (0)"));
  EXPECT_THAT(md, HasSubstr("No customer alert was raised"));
}

TEST(DigestTest, StaleSourcesAndEscaping) {
  Entity e;
  e.source = ListSource::kUn;
  e.source_id = "7";
  e.names.push_back(Name{.full = "A | B *C* [D]"});
  std::vector<Entity> after = {e};
  Delta d = ComputeDelta({}, after);
  DigestInput in;
  in.delta = &d;
  DigestSource src;
  src.version.source = ListSource::kUn;
  src.stale = true;
  src.stale_reason = "download consolidated.xml: HTTP 503";
  in.to.sources.push_back(src);
  std::string md = RenderDigest(in, DigestFormat::kMarkdown);
  EXPECT_THAT(md, HasSubstr("STALE: download consolidated.xml: HTTP 503"));
  EXPECT_THAT(md, HasSubstr("A \\| B \\*C\\* \\[D\\]"));
  EXPECT_EQ(HtmlEscape("<a href=\"x\">O'Neil & co</a>"),
            "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
  EXPECT_EQ(DigestFormatFromName("md"), DigestFormat::kMarkdown);
  EXPECT_EQ(DigestFormatFromName("pdf"), std::nullopt);
}

}  // namespace
}  // namespace interdict::daily
