#include "daily/rescreen.h"

#include <set>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "daily/daily_testing.h"
#include "daily/digest.h"
#include "daily/stored_digest.h"
#include "daily/sync.h"
#include "store/store.h"
#include "testing/files.h"
#include "testing/golden.h"

namespace interdict::daily {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::UnorderedElementsAre;

store::Customer C(std::string id, std::string name, EntityKind kind, std::string dob = "",
                  std::string country = "") {
  return store::Customer{std::move(id),  std::move(name),    kind,
                         std::move(dob), std::move(country), {}};
}

// Spelling variants of names OFAC designated on 24 Feb 2023, one of a name listed long before,
// and realistic names that are on no list.
std::vector<store::Customer> DemoCustomers() {
  return {
      C("C-1001", "Andrei Masalovich", EntityKind::kPerson, "1961-03-15", "RU"),
      C("C-1002", "Alina Nazarova", EntityKind::kPerson, "1984", "RU"),
      C("C-1003", "Evgenia Tyurikova", EntityKind::kPerson),
      C("C-1004", "Hadlerko Limited", EntityKind::kOrganization),
      C("C-2001", "Maria Gonzalez Lopez", EntityKind::kPerson, "1979", "ES"),
      C("C-2002", "Acme Widgets Ltd", EntityKind::kOrganization),
      C("C-2003", "Johann Schneider", EntityKind::kPerson, "1965", "DE"),
      C("C-2004", "Nordic Timber Trading AB", EntityKind::kOrganization),
      C("C-3001", "Banco Nacional de Cuba", EntityKind::kOrganization),
  };
}

std::unique_ptr<store::Store> StoreWithDay(const std::string& day) {
  auto s = store::Store::OpenInMemory();
  EXPECT_TRUE(s.ok());
  SyncRequest r;
  r.from_dir = interdict::testing::DataPath("history/" + day);
  auto rep = Sync(**s, r, nullptr, nullptr);
  EXPECT_TRUE(rep.ok() && rep->committed);
  return std::move(*s);
}

void SyncDay(store::Store& s, const std::string& day) {
  SyncRequest r;
  r.from_dir = interdict::testing::DataPath("history/" + day);
  auto rep = Sync(s, r, nullptr, nullptr);
  ASSERT_TRUE(rep.ok() && rep->committed);
}

std::set<std::string> OpenAlertCustomers(store::Store& s) {
  store::AlertFilter f;
  f.status = store::AlertStatus::kOpen;
  auto alerts = s.ListAlerts(f);
  EXPECT_TRUE(alerts.ok());
  std::set<std::string> out;
  for (const store::Alert& a : *alerts) out.insert(a.match.customer_id);
  return out;
}

TEST(RescreenTest, NeedsASnapshot) {
  auto s = store::Store::OpenInMemory();
  ASSERT_TRUE(s.ok());
  EXPECT_THAT(Rescreen(**s, {}).status(),
              interdict::testing::StatusIs(StatusCode::kFailedPrecondition, "sync"));
}

TEST(RescreenTest, ScreenCustomersAgreesAcrossThreadCounts) {
  std::vector<Entity> day = testing::LoadSdnDay(testing::BundledDay("2023-02-24"));
  auto screener = Screener::Create(day);
  ASSERT_TRUE(screener.ok());
  std::vector<store::Customer> customers = DemoCustomers();
  customers.push_back(C("C-BAD", "LLC", EntityKind::kOrganization));  // only a legal form
  std::vector<size_t> reference;
  for (int threads : {1, 2, 3}) {
    ScreenParams p;
    p.threads = threads;
    ScreenStats stats;
    auto m = ScreenCustomers(**screener, customers, p, &stats);
    ASSERT_TRUE(m.ok());
    EXPECT_EQ(stats.screened, customers.size() - 1);
    EXPECT_EQ(stats.skipped, 1u);
    ASSERT_EQ(stats.skip_reasons.size(), 1u);
    EXPECT_THAT(stats.skip_reasons[0], HasSubstr("C-BAD"));
    std::vector<size_t> got;
    for (const CustomerMatch& cm : *m) got.push_back(cm.customer);
    if (reference.empty()) reference = got;
    EXPECT_EQ(got, reference) << threads << " threads";
  }
  EXPECT_FALSE(reference.empty());
  ScreenParams bad;
  bad.threshold = 1.5;
  EXPECT_EQ(ScreenCustomers(**screener, customers, bad, nullptr).status().code(),
            StatusCode::kInvalidArgument);
}

// A customer whose name ends in an alias marker ("... ex", "... aka") made the name-variant
// split read past the end of the name: the exception ended the whole run (std::terminate in
// a worker thread). Now the name is screened like any other.
TEST(RescreenTest, Issue5NameEndingInAnAliasMarkerDoesNotStopTheRun) {
  std::vector<Entity> day = testing::LoadSdnDay(testing::BundledDay("2023-02-24"));
  auto screener = Screener::Create(day);
  ASSERT_TRUE(screener.ok());
  std::vector<store::Customer> customers = {
      C("C-1", "Banco Nacional de Cuba ex", EntityKind::kOrganization),
      C("C-2", "Nordic Timber aka", EntityKind::kOrganization),
      C("C-3", "Banco Nacional de Cuba formerly", EntityKind::kOrganization),
  };
  ScreenParams p;
  p.threads = 2;
  ScreenStats stats;
  auto m = ScreenCustomers(**screener, customers, p, &stats);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(stats.screened, 3u);
  std::set<size_t> hit;
  for (const CustomerMatch& cm : *m) hit.insert(cm.customer);
  EXPECT_EQ(hit.count(0), 1u);  // Banco Nacional de Cuba is listed
  EXPECT_EQ(hit.count(1), 0u);
}

// The daily cycle on the real 24 Feb 2023 action: a first full screening, then the sync of
// the next day, then a delta re-screening that alerts exactly the customers who are spelling
// variants of the newly designated names.
TEST(RescreenTest, DailyCycleOnTheRussiaAction) {
  auto s = StoreWithDay("2023-02-22");
  auto imported = s->ImportCustomers(DemoCustomers(), store::ImportOptions{});
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();

  auto first = Rescreen(*s, {});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->full);
  EXPECT_EQ(first->reason, "first re-screening");
  EXPECT_EQ(OpenAlertCustomers(*s), std::set<std::string>{"C-3001"});  // listed since 1990s

  SyncDay(*s, "2023-02-24");
  auto second = Rescreen(*s, {});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_FALSE(second->full);
  EXPECT_EQ(second->delta_entities, 256u);  // 252 added + 4 changed
  EXPECT_EQ(second->customers_full, 0u);
  EXPECT_EQ(second->alerts_raised, 4u);
  EXPECT_EQ(OpenAlertCustomers(*s),
            (std::set<std::string>{"C-1001", "C-1002", "C-1003", "C-1004", "C-3001"}));

  // Nothing new: no alert is raised again.
  auto third = Rescreen(*s, {});
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->delta_entities, 0u);
  EXPECT_EQ(third->alerts_raised, 0u);
  // A full run finds the same pairs: all duplicates.
  RescreenOptions full;
  full.full = true;
  auto fourth = Rescreen(*s, full);
  ASSERT_TRUE(fourth.ok());
  EXPECT_EQ(fourth->alerts_raised, 0u);
  EXPECT_EQ(fourth->alerts_duplicate, 5u);

  // The digest names exactly those customers.
  auto digest = LoadDigest(*s, DigestRequest{});
  ASSERT_TRUE(digest.ok()) << digest.status().ToString();
  std::vector<std::string> affected;
  for (const AffectedCustomer& c : (*digest)->input.customers) affected.push_back(c.customer_id);
  EXPECT_THAT(affected, ElementsAre("C-1001", "C-1002", "C-1003", "C-1004"));
  EXPECT_EQ((*digest)->delta.added.size(), 252u);
  std::string md = RenderDigest((*digest)->input, DigestFormat::kMarkdown);
  EXPECT_THAT(md, HasSubstr("| OFAC SDN | RUSSIA-EO14024 | 250 | 3 |"));
  EXPECT_THAT(md, HasSubstr("Andrei Masalovich"));

  // A false-positive decision suppresses the pair on later full runs; a new customer is
  // screened against the whole snapshot on the next delta run.
  auto alerts = s->ListAlerts(store::AlertFilter{});
  ASSERT_TRUE(alerts.ok());
  store::AlertId c1004 = 0;
  for (const store::Alert& a : *alerts) {
    if (a.match.customer_id == "C-1004") c1004 = a.id;
  }
  ASSERT_NE(c1004, 0);
  ASSERT_TRUE(
      s->DecideAlert(c1004, store::Decision::kFalsePositive, "other company", "tester").ok());
  auto fifth = Rescreen(*s, full);
  ASSERT_TRUE(fifth.ok());
  EXPECT_EQ(fifth->alerts_suppressed, 1u);
  EXPECT_EQ(fifth->alerts_raised, 0u);

  std::vector<store::Customer> more = {C("C-1005", "Ulan Ilishkin", EntityKind::kPerson)};
  ASSERT_TRUE(s->ImportCustomers(more, store::ImportOptions{}).ok());
  auto sixth = Rescreen(*s, {});
  ASSERT_TRUE(sixth.ok());
  EXPECT_EQ(sixth->customers_full, 1u);
  EXPECT_EQ(sixth->alerts_raised, 1u);
}

}  // namespace
}  // namespace interdict::daily
