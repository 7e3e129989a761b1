// The Store contract, run against both an in-memory and a file-backed SQLite database.
#include "store/store.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "model/entity_json.h"
#include "store/sqlite_store.h"
#include "store/store_test_util.h"
#include "testing/golden.h"

namespace interdict::store {
namespace {

using ::interdict::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace testing_util;  // NOLINT(google-build-using-namespace): test helpers

enum class Backend { kMemory, kFile };

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.clock = SteppingClock();
    auto opened = GetParam() == Backend::kMemory ? Store::OpenInMemory(options)
                                                 : Store::Open(dir_.Sub("data"), options);
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(*opened);
  }

  SnapshotId Commit(const std::vector<Entity>& entities, std::vector<SnapshotSource> sources,
                    bool activate = true, std::string label = "") {
    NewSnapshot snap;
    snap.label = std::move(label);
    snap.actor = "test";
    snap.sources = std::move(sources);
    auto id = store_->CommitSnapshot(snap, entities, {.activate = activate});
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : 0;
  }

  std::vector<std::string> AuditActions() {
    auto records = store_->ReadAudit({});
    EXPECT_TRUE(records.ok());
    std::vector<std::string> actions;
    for (const AuditRecord& r : *records) actions.push_back(r.action);
    return actions;
  }

  NewAlert AlertFor(const std::string& customer, const Entity& e, const Customer& c,
                    SnapshotId snap) {
    NewAlert a;
    a.customer_id = customer;
    a.source = e.source;
    a.source_id = e.source_id;
    a.entity_hash = EntityContentHash(e);
    a.customer_hash = CustomerContentHash(c);
    a.snapshot_id = snap;
    a.score = 0.91;
    a.matched_name = e.names[0].full;
    a.explanation_json = R"({"name_score":0.91})";
    return a;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::kMemory, Backend::kFile),
                         [](const auto& param_info) {
                           return param_info.param == Backend::kMemory ? "Memory" : "File";
                         });

// --- Snapshots ---------------------------------------------------------------------------

TEST_P(StoreTest, SnapshotRoundTripsEntitiesWithProvenanceSorted) {
  Entity a = MakeEntity(ListSource::kUn, "200", "ALPHA");
  Entity b = MakeEntity(ListSource::kOfacSdn, "36", "BRAVO");
  Entity c = MakeEntity(ListSource::kOfacSdn, "12", "CHARLIE");
  c.provenance.locator = "line 99";
  SnapshotId id =
      Commit({a, b, c}, {MakeSource(ListSource::kOfacSdn), MakeSource(ListSource::kUn)});
  ASSERT_GT(id, 0);

  auto loaded = store_->LoadEntities(id, {});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  ASSERT_EQ(loaded->size(), 3u);
  // ofac_sdn before un; "12" before "36" (byte order of source code, then source_id).
  EXPECT_EQ(model::EntityToJson((*loaded)[0]).dump(), model::EntityToJson(c).dump());
  EXPECT_EQ(model::EntityToJson((*loaded)[1]).dump(), model::EntityToJson(b).dump());
  EXPECT_EQ(model::EntityToJson((*loaded)[2]).dump(), model::EntityToJson(a).dump());

  const ListSource only[] = {ListSource::kUn};
  auto just_un = store_->LoadEntities(id, only);
  ASSERT_TRUE(just_un.ok());
  ASSERT_EQ(just_un->size(), 1u);
  EXPECT_EQ((*just_un)[0].source_id, "200");

  auto one = store_->LoadEntity(id, ListSource::kOfacSdn, "12");
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->provenance.locator, "line 99");
  EXPECT_THAT(store_->LoadEntity(id, ListSource::kOfacSdn, "99").status(),
              StatusIs(StatusCode::kNotFound, "ofac_sdn:99"));

  auto active = store_->ActiveSnapshot();
  ASSERT_TRUE(active.ok() && active->has_value());
  EXPECT_EQ((*active)->id, id);
  EXPECT_EQ((*active)->entity_count, 3u);
  ASSERT_EQ((*active)->sources.size(), 2u);
  EXPECT_EQ((*active)->sources[0].version.source, ListSource::kOfacSdn);
  EXPECT_EQ((*active)->sources[0].entity_count, 2u);
  EXPECT_EQ((*active)->sources[0].version.files[0].sha256, "ab");
  EXPECT_EQ((*active)->sources[1].entity_count, 1u);
}

TEST_P(StoreTest, EntityIndexKeysByContentHashIgnoringProvenance) {
  Entity a = MakeEntity(ListSource::kOfacSdn, "1", "ALPHA");
  Entity b = MakeEntity(ListSource::kOfacSdn, "2", "BRAVO");
  SnapshotId s1 = Commit({a, b}, {MakeSource(ListSource::kOfacSdn)});
  a.provenance.locator = "line 500";       // moved in the file: same content
  b.programs.push_back("RUSSIA-EO14024");  // really changed
  SnapshotId s2 = Commit({a, b}, {MakeSource(ListSource::kOfacSdn)});

  auto i1 = store_->EntityIndex(s1);
  auto i2 = store_->EntityIndex(s2);
  ASSERT_TRUE(i1.ok() && i2.ok());
  ASSERT_EQ(i1->size(), 2u);
  EXPECT_EQ((*i1)[0].content_hash, (*i2)[0].content_hash);
  EXPECT_NE((*i1)[1].content_hash, (*i2)[1].content_hash);
  EXPECT_EQ((*i2)[1].content_hash, EntityContentHash(b));
  EXPECT_EQ((*i1)[0].source_id, "1");
  EXPECT_THAT(store_->EntityIndex(99).status(), StatusIs(StatusCode::kNotFound, "99"));
}

TEST_P(StoreTest, CommitIsAllOrNothing) {
  Entity a = MakeEntity(ListSource::kOfacSdn, "1", "ALPHA");
  NewSnapshot snap;
  snap.actor = "test";
  snap.sources = {MakeSource(ListSource::kOfacSdn)};
  std::vector<Entity> dup = {a, a};
  EXPECT_THAT(store_->CommitSnapshot(snap, dup, {.disambiguate_duplicate_keys = false}).status(),
              StatusIs(StatusCode::kInvalidArgument, "ofac_sdn:1 given twice"));
  std::vector<Entity> stray = {MakeEntity(ListSource::kUn, "9", "X")};
  EXPECT_THAT(store_->CommitSnapshot(snap, stray, {}).status(),
              StatusIs(StatusCode::kInvalidArgument, "belongs to no declared source"));
  std::vector<Entity> no_id = {MakeEntity(ListSource::kOfacSdn, "", "X")};
  EXPECT_THAT(store_->CommitSnapshot(snap, no_id, {}).status(),
              StatusIs(StatusCode::kInvalidArgument, "empty source_id"));
  snap.sources.push_back(MakeSource(ListSource::kOfacSdn));
  EXPECT_THAT(store_->CommitSnapshot(snap, {}, {}).status(),
              StatusIs(StatusCode::kInvalidArgument, "declared twice"));

  auto list = store_->ListSnapshots();
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
  auto active = store_->ActiveSnapshot();
  ASSERT_TRUE(active.ok());
  EXPECT_FALSE(active->has_value());
  EXPECT_TRUE(AuditActions().empty());
}

TEST_P(StoreTest, DuplicateKeysAreMadeUniqueDeterministically) {
  // The US CSL gives one _id to an entity's records on two sub-lists.
  Entity sdn = MakeEntity(ListSource::kUsCsl, "34616", "ARIMERO HOLDING LIMITED");
  sdn.list_name = "Specially Designated Nationals (SDN) - Treasury Department";
  Entity cap = sdn;
  cap.list_name = "Capta List (CAP) - Treasury Department";
  Entity other = MakeEntity(ListSource::kUsCsl, "1", "OTHER");
  // Input order must not matter; an identical duplicate is stored once.
  std::vector<Entity> day1 = {sdn, other, cap, cap};
  std::vector<Entity> day2 = {cap, other, sdn};
  SnapshotId s1 = Commit(day1, {MakeSource(ListSource::kUsCsl)});
  SnapshotId s2 = Commit(day2, {MakeSource(ListSource::kUsCsl)});
  auto i1 = store_->EntityIndex(s1);
  auto i2 = store_->EntityIndex(s2);
  ASSERT_TRUE(i1.ok() && i2.ok());
  EXPECT_EQ(*i1, *i2);
  ASSERT_EQ(i1->size(), 3u);
  EXPECT_EQ((*i1)[1].source_id, "34616");
  EXPECT_EQ((*i1)[2].source_id, "34616~2");
  auto cap_back = store_->LoadEntity(s1, ListSource::kUsCsl, "34616");
  auto sdn_back = store_->LoadEntity(s1, ListSource::kUsCsl, "34616~2");
  ASSERT_TRUE(cap_back.ok() && sdn_back.ok());
  EXPECT_EQ(cap_back->list_name, cap.list_name);  // "Capta" sorts before "Specially"
  EXPECT_EQ(sdn_back->list_name, sdn.list_name);
  EXPECT_EQ(sdn_back->source_id, "34616~2");
}

TEST_P(StoreTest, StaleSourceCarriesItsLastGoodVersion) {
  Entity sdn1 = MakeEntity(ListSource::kOfacSdn, "1", "ALPHA");
  Entity un1 = MakeEntity(ListSource::kUn, "7", "UNITY");
  SnapshotId s1 =
      Commit({sdn1, un1}, {MakeSource(ListSource::kOfacSdn), MakeSource(ListSource::kUn)});

  Entity sdn2 = MakeEntity(ListSource::kOfacSdn, "2", "BRAVO");
  SnapshotSource stale = MakeSource(ListSource::kUn, "2024-05-02");
  stale.stale = true;
  stale.stale_reason = "un: download failed: HTTP 503";
  stale.carried_from = s1;
  SnapshotId s2 = Commit({sdn1, sdn2}, {MakeSource(ListSource::kOfacSdn, "2024-05-04"), stale});

  auto loaded = store_->LoadEntities(s2, {});
  ASSERT_TRUE(loaded.ok());
  ASSERT_EQ(loaded->size(), 3u);
  EXPECT_EQ((*loaded)[2].source, ListSource::kUn);
  EXPECT_EQ((*loaded)[2].source_id, "7");
  auto info = store_->GetSnapshot(s2);
  ASSERT_TRUE(info.ok());
  EXPECT_TRUE(info->sources[1].stale);
  EXPECT_EQ(info->sources[1].stale_reason, "un: download failed: HTTP 503");
  EXPECT_EQ(info->sources[1].carried_from, s1);
  EXPECT_EQ(info->sources[1].entity_count, 1u);
  EXPECT_FALSE(info->sources[0].stale);

  // Entities may not be given for a carried source, and the origin must exist.
  NewSnapshot bad;
  bad.sources = {stale};
  std::vector<Entity> given = {un1};
  EXPECT_THAT(store_->CommitSnapshot(bad, given, {}).status(),
              StatusIs(StatusCode::kInvalidArgument, "carried over"));
  bad.sources[0].carried_from = 77;
  EXPECT_THAT(store_->CommitSnapshot(bad, {}, {}).status(),
              StatusIs(StatusCode::kNotFound, "snapshot 77"));
}

TEST_P(StoreTest, ActivationSwitchesOnlyWhenAsked) {
  SnapshotId s1 = Commit({MakeEntity(ListSource::kUn, "1", "A")}, {MakeSource(ListSource::kUn)});
  SnapshotId s2 =
      Commit({MakeEntity(ListSource::kUn, "1", "B")}, {MakeSource(ListSource::kUn)}, false);
  auto active = store_->ActiveSnapshot();
  ASSERT_TRUE(active.ok() && active->has_value());
  EXPECT_EQ((*active)->id, s1);
  ASSERT_TRUE(store_->ActivateSnapshot(s2, "ops").ok());
  active = store_->ActiveSnapshot();
  EXPECT_EQ((*active)->id, s2);
  EXPECT_THAT(store_->ActivateSnapshot(42, "ops"), StatusIs(StatusCode::kNotFound, "42"));
  auto list = store_->ListSnapshots();
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 2u);
  EXPECT_FALSE((*list)[0].active);
  EXPECT_TRUE((*list)[1].active);
  EXPECT_THAT(AuditActions(), ElementsAre("snapshot", "snapshot", "snapshot_activate"));
}

TEST_P(StoreTest, RetentionKeepsNewestActiveAndAlerted) {
  std::vector<SnapshotId> ids;
  for (int i = 0; i < 5; ++i) {
    ids.push_back(Commit({MakeEntity(ListSource::kUn, "1", "NAME " + std::to_string(i)),
                          MakeEntity(ListSource::kUn, "2", "SHARED")},
                         {MakeSource(ListSource::kUn)}));
  }
  ASSERT_TRUE(store_->ActivateSnapshot(ids[2], "ops").ok());
  Customer c{.id = "C1", .name = "NAME 0"};
  std::vector<NewAlert> alerts = {
      AlertFor("C1", MakeEntity(ListSource::kUn, "1", "NAME 0"), c, ids[0])};
  ASSERT_TRUE(store_->RaiseAlerts(alerts, "rescreen").ok());

  auto deleted = store_->PruneSnapshots(1, "ops");
  ASSERT_TRUE(deleted.ok()) << deleted.status().ToString();
  EXPECT_THAT(*deleted, ElementsAre(ids[1], ids[3]));
  auto list = store_->ListSnapshots();
  ASSERT_TRUE(list.ok());
  std::vector<SnapshotId> left;
  for (const SnapshotInfo& s : *list) left.push_back(s.id);
  EXPECT_THAT(left, ElementsAre(ids[0], ids[2], ids[4]));
  // What remains still loads completely (shared contents were not collected).
  for (SnapshotId id : left) {
    auto e = store_->LoadEntities(id, {});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    EXPECT_EQ(e->size(), 2u);
  }
  EXPECT_THAT(store_->GetSnapshot(ids[1]).status(), StatusIs(StatusCode::kNotFound, ""));
  auto again = store_->PruneSnapshots(1, "ops");
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->empty());
  EXPECT_EQ(AuditActions().back(), "retention");
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

// --- Customers ---------------------------------------------------------------------------

TEST_P(StoreTest, CustomersUpsertByIdAndFullImportMarksRemoved) {
  std::vector<Customer> v1 = {
      {.id = "C1", .name = "Ivan Petrov", .kind = EntityKind::kPerson, .dob = "1970"},
      {.id = "C2", .name = "Acme Trading LLC", .kind = EntityKind::kOrganization},
      {.id = "C3", .name = "Maria Lopez", .country = "ES", .ids = {"passport:X1"}}};
  auto r1 = store_->ImportCustomers(v1, {.actor = "ops", .source_name = "c.csv"});
  ASSERT_TRUE(r1.ok()) << r1.status().ToString();
  EXPECT_EQ(r1->inserted, 3u);
  EXPECT_EQ(r1->revision, 1);

  auto same = store_->ImportCustomers(v1, {});
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->unchanged, 3u);
  EXPECT_EQ(same->revision, 1);  // nothing changed: no new revision

  std::vector<Customer> v2 = {v1[0], v1[1]};
  v2[0].dob = "1970-03-02";
  auto partial = store_->ImportCustomers(v2, {});
  ASSERT_TRUE(partial.ok());
  EXPECT_EQ(partial->updated, 1u);
  EXPECT_EQ(partial->unchanged, 1u);
  EXPECT_EQ(partial->removed, 0u);  // not a full import: C3 stays
  EXPECT_EQ(partial->revision, 2);
  auto changed = store_->ListCustomers({.changed_after_revision = 1});
  ASSERT_TRUE(changed.ok());
  ASSERT_EQ(changed->size(), 1u);
  EXPECT_EQ((*changed)[0].customer.id, "C1");
  EXPECT_EQ((*changed)[0].content_hash, CustomerContentHash(v2[0]));

  auto full = store_->ImportCustomers(v2, {.full = true});
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full->removed, 1u);
  auto live = store_->ListCustomers({});
  ASSERT_TRUE(live.ok());
  EXPECT_EQ(live->size(), 2u);
  auto c3 = store_->GetCustomer("C3");
  ASSERT_TRUE(c3.ok());
  EXPECT_TRUE(c3->removed);  // marked, not lost
  EXPECT_EQ(c3->customer.ids, std::vector<std::string>{"passport:X1"});
  EXPECT_EQ(c3->customer.country, "ES");

  auto back = store_->ImportCustomers(v1, {});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->restored, 1u);
  c3 = store_->GetCustomer("C3");
  EXPECT_FALSE(c3->removed);
  EXPECT_THAT(store_->GetCustomer("C9").status(), StatusIs(StatusCode::kNotFound, "C9"));
  auto rev = store_->CustomerRevision();
  ASSERT_TRUE(rev.ok());
  EXPECT_EQ(*rev, back->revision);
}

TEST_P(StoreTest, InvalidCustomerImportStoresNothing) {
  std::vector<Customer> bad = {{.id = "C1", .name = "A"}, {.id = "C1", .name = "B"}};
  EXPECT_THAT(store_->ImportCustomers(bad, {}).status(),
              StatusIs(StatusCode::kInvalidArgument, "C1 given twice"));
  std::vector<Customer> no_name = {{.id = "C1", .name = "A"}, {.id = "C2", .name = ""}};
  EXPECT_THAT(store_->ImportCustomers(no_name, {}).status(),
              StatusIs(StatusCode::kInvalidArgument, "C2 has an empty name"));
  auto all = store_->ListCustomers({.include_removed = true});
  ASSERT_TRUE(all.ok());
  EXPECT_TRUE(all->empty());
  EXPECT_TRUE(AuditActions().empty());
}

// --- Alerts, decisions, suppressions -----------------------------------------------------

TEST_P(StoreTest, AlertRaisedOncePerPairUntilEitherSideChanges) {
  Entity e = MakeEntity(ListSource::kOfacSdn, "36", "IVAN PETROV");
  Customer c{.id = "C1", .name = "Ivan Petrov"};
  SnapshotId s = Commit({e}, {MakeSource(ListSource::kOfacSdn)});

  std::vector<NewAlert> first = {AlertFor("C1", e, c, s), AlertFor("C1", e, c, s)};
  auto r = store_->RaiseAlerts(first, "rescreen");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)[0].outcome, RaiseOutcome::kRaised);
  EXPECT_EQ((*r)[1].outcome, RaiseOutcome::kDuplicate);  // also within one batch
  EXPECT_EQ((*r)[1].alert_id, (*r)[0].alert_id);

  Entity e2 = e;
  e2.remarks = "Linked To: X.";
  std::vector<NewAlert> changed = {AlertFor("C1", e2, c, s)};
  auto r2 = store_->RaiseAlerts(changed, "rescreen");
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ((*r2)[0].outcome, RaiseOutcome::kRaised);

  auto open = store_->ListAlerts({.status = AlertStatus::kOpen});
  ASSERT_TRUE(open.ok());
  EXPECT_EQ(open->size(), 2u);
  auto alert = store_->GetAlert((*r)[0].alert_id);
  ASSERT_TRUE(alert.ok());
  EXPECT_EQ(alert->match.customer_id, "C1");
  EXPECT_EQ(alert->match.source, ListSource::kOfacSdn);
  EXPECT_DOUBLE_EQ(alert->match.score, 0.91);
  EXPECT_EQ(alert->match.explanation_json, R"({"name_score":0.91})");
  EXPECT_EQ(alert->status, AlertStatus::kOpen);
}

TEST_P(StoreTest, FalsePositiveSuppressesUntilChangeOrRevocation) {
  Entity e = MakeEntity(ListSource::kOfacSdn, "36", "IVAN PETROV");
  Customer c{.id = "C1", .name = "Ivan Petrov"};
  SnapshotId s = Commit({e}, {MakeSource(ListSource::kOfacSdn)});
  std::vector<NewAlert> a = {AlertFor("C1", e, c, s)};
  auto r = store_->RaiseAlerts(a, "rescreen");
  ASSERT_TRUE(r.ok());
  const AlertId id = (*r)[0].alert_id;

  ASSERT_TRUE(store_->DecideAlert(id, Decision::kFalsePositive, "different DOB", "alice").ok());
  auto decided = store_->GetAlert(id);
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->status, AlertStatus::kDecided);
  EXPECT_EQ(decided->decision, Decision::kFalsePositive);
  EXPECT_EQ(decided->decided_by, "alice");
  EXPECT_EQ(decided->decision_note, "different DOB");

  auto sup = store_->ListSuppressions(false);
  ASSERT_TRUE(sup.ok());
  ASSERT_EQ(sup->size(), 1u);
  EXPECT_EQ((*sup)[0].alert_id, id);
  EXPECT_EQ((*sup)[0].customer_id, "C1");
  EXPECT_EQ((*sup)[0].created_by, "alice");

  auto again = store_->RaiseAlerts(a, "rescreen");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0].outcome, RaiseOutcome::kSuppressed);
  EXPECT_EQ((*again)[0].alert_id, id);

  // The customer changed: the suppression no longer covers it.
  Customer c2 = c;
  c2.dob = "1980";
  std::vector<NewAlert> changed = {AlertFor("C1", e, c2, s)};
  auto r2 = store_->RaiseAlerts(changed, "rescreen");
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ((*r2)[0].outcome, RaiseOutcome::kRaised);

  // Revoked: the same pair alerts again, and the revocation is visible.
  ASSERT_TRUE(store_->RevokeSuppression((*sup)[0].id, "bob", "reviewed again").ok());
  EXPECT_THAT(store_->RevokeSuppression((*sup)[0].id, "bob", ""),
              StatusIs(StatusCode::kFailedPrecondition, "already revoked"));
  EXPECT_THAT(store_->RevokeSuppression(999, "bob", ""), StatusIs(StatusCode::kNotFound, "999"));
  auto r3 = store_->RaiseAlerts(a, "rescreen");
  ASSERT_TRUE(r3.ok());
  EXPECT_EQ((*r3)[0].outcome, RaiseOutcome::kRaised);
  auto active_sup = store_->ListSuppressions(false);
  ASSERT_TRUE(active_sup.ok());
  EXPECT_TRUE(active_sup->empty());
  auto all_sup = store_->ListSuppressions(true);
  ASSERT_TRUE(all_sup.ok());
  ASSERT_EQ(all_sup->size(), 1u);
  EXPECT_TRUE((*all_sup)[0].revoked);
  EXPECT_EQ((*all_sup)[0].revoked_by, "bob");
  EXPECT_THAT(AuditActions(),
              ElementsAre("snapshot", "alert", "decision", "alert", "suppression_revoke", "alert"));
}

TEST_P(StoreTest, TrueMatchKeepsThePairFromAlertingAgain) {
  Entity e = MakeEntity(ListSource::kUn, "7", "OMAR");
  Customer c{.id = "C1", .name = "Omar"};
  std::vector<NewAlert> a = {AlertFor("C1", e, c, 1)};
  auto r = store_->RaiseAlerts(a, "rescreen");
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(store_->DecideAlert((*r)[0].alert_id, Decision::kTrueMatch, "", "alice").ok());
  auto again = store_->RaiseAlerts(a, "rescreen");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0].outcome, RaiseOutcome::kDuplicate);
  auto sup = store_->ListSuppressions(true);
  ASSERT_TRUE(sup.ok());
  EXPECT_TRUE(sup->empty());
  auto decided = store_->ListAlerts({.status = AlertStatus::kDecided});
  ASSERT_TRUE(decided.ok());
  EXPECT_EQ(decided->size(), 1u);
}

TEST_P(StoreTest, DecisionErrors) {
  Entity e = MakeEntity(ListSource::kUn, "7", "OMAR");
  std::vector<NewAlert> a = {AlertFor("C1", e, Customer{.id = "C1", .name = "Omar"}, 1)};
  auto r = store_->RaiseAlerts(a, "rescreen");
  ASSERT_TRUE(r.ok());
  const AlertId id = (*r)[0].alert_id;
  EXPECT_THAT(store_->DecideAlert(999, Decision::kTrueMatch, "", "a"),
              StatusIs(StatusCode::kNotFound, "alert 999"));
  EXPECT_THAT(store_->DecideAlert(id, Decision::kNone, "", "a"),
              StatusIs(StatusCode::kInvalidArgument, "true-match or false-positive"));
  EXPECT_THAT(store_->DecideAlert(id, Decision::kTrueMatch, "", ""),
              StatusIs(StatusCode::kInvalidArgument, "--by"));
  ASSERT_TRUE(store_->DecideAlert(id, Decision::kTrueMatch, "", "a").ok());
  EXPECT_THAT(store_->DecideAlert(id, Decision::kFalsePositive, "", "b"),
              StatusIs(StatusCode::kFailedPrecondition, "already decided (true-match by a)"));

  std::vector<NewAlert> bad = a;
  bad[0].explanation_json = "{nope";
  EXPECT_THAT(store_->RaiseAlerts(bad, "x").status(),
              StatusIs(StatusCode::kInvalidArgument, "explanation_json is not JSON"));
  bad = a;
  bad[0].entity_hash.clear();
  EXPECT_THAT(store_->RaiseAlerts(bad, "x").status(),
              StatusIs(StatusCode::kInvalidArgument, "entity_hash"));
  EXPECT_EQ(DecisionFromName("false-positive"), Decision::kFalsePositive);
  EXPECT_EQ(DecisionFromName("true_match"), Decision::kTrueMatch);
  EXPECT_EQ(DecisionFromName("maybe"), Decision::kNone);
}

// --- Audit -------------------------------------------------------------------------------

TEST_P(StoreTest, AuditChainVerifiesAndRangesSelectByTime) {
  std::vector<AuditEntry> entries = {{"sync", "sync", R"({"sources":["ofac_sdn"]})"},
                                     {"screen", "screening", R"({"query":"Ivan","hits":0})"},
                                     {"screen", "screening", ""}};
  ASSERT_TRUE(store_->AppendAudit(entries).ok());
  ASSERT_TRUE(store_->AppendAudit(std::vector<AuditEntry>{{"x", "sync", "{}"}}).ok());
  auto v = store_->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason;
  EXPECT_EQ(v->records, 4u);

  auto all = store_->ReadAudit({});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ((*all)[0].seq, 1);
  EXPECT_EQ((*all)[0].prev_hash, std::string(64, '0'));
  EXPECT_EQ((*all)[1].prev_hash, (*all)[0].hash);
  EXPECT_EQ((*all)[2].payload_json, "{}");
  EXPECT_EQ((*all)[0].hash, AuditRecordHash((*all)[0]));
  // The first batch shares one time (one transaction); the next call is a second later.
  EXPECT_EQ((*all)[0].time, (*all)[2].time);
  EXPECT_LT((*all)[2].time, (*all)[3].time);
  auto later = store_->ReadAudit({.from = (*all)[3].time});
  ASSERT_TRUE(later.ok());
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ((*later)[0].seq, 4);
  auto upto = store_->ReadAudit({.to = (*all)[0].time});
  ASSERT_TRUE(upto.ok());
  EXPECT_EQ(upto->size(), 3u);
  // Bounds without milliseconds or seconds cover their whole second or minute.
  const std::string second = (*all)[3].time.substr(0, 19);  // "2024-05-01T00:00:0X"
  auto same_second = store_->ReadAudit({.from = second, .to = second + "Z"});
  ASSERT_TRUE(same_second.ok()) << same_second.status().ToString();
  ASSERT_EQ(same_second->size(), 1u);
  EXPECT_EQ((*same_second)[0].seq, 4);
  auto minute = store_->ReadAudit({.from = "2024-05-01T00:00", .to = "2024-05-01T00:00"});
  ASSERT_TRUE(minute.ok());
  EXPECT_EQ(minute->size(), 4u);
  EXPECT_THAT(store_->ReadAudit({.from = "yesterday"}).status(),
              StatusIs(StatusCode::kInvalidArgument, "from: \"yesterday\" is not a date"));
  EXPECT_THAT(store_->ReadAudit({.to = "2024-05-01T25"}).status(),
              StatusIs(StatusCode::kInvalidArgument, "to: "));
  auto day = store_->ReadAudit({.from = "2024-05-01", .to = "2024-05-01"});
  ASSERT_TRUE(day.ok());
  EXPECT_EQ(day->size(), 4u);
  auto before = store_->ReadAudit({.to = "2024-04-30"});
  ASSERT_TRUE(before.ok());
  EXPECT_TRUE(before->empty());

  EXPECT_THAT(store_->AppendAudit(std::vector<AuditEntry>{{"x", "sync", "{bad"}}),
              StatusIs(StatusCode::kInvalidArgument, "not JSON"));
  EXPECT_THAT(store_->AppendAudit(std::vector<AuditEntry>{{"", "sync", "{}"}}),
              StatusIs(StatusCode::kInvalidArgument, "actor"));
}

TEST_P(StoreTest, SettingsPersistValues) {
  auto none = store_->GetSetting("rescreen.last_snapshot");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(store_->PutSetting("rescreen.last_snapshot", "3").ok());
  ASSERT_TRUE(store_->PutSetting("rescreen.last_snapshot", "4").ok());
  auto v = store_->GetSetting("rescreen.last_snapshot");
  ASSERT_TRUE(v.ok() && v->has_value());
  EXPECT_EQ(**v, "4");
}

TEST_P(StoreTest, SchemaIsAtTheCurrentVersionAndIntact) {
  auto v = store_->SchemaVersion();
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, kSchemaVersion);
  EXPECT_TRUE(store_->CheckIntegrity().ok());
}

}  // namespace
}  // namespace interdict::store
