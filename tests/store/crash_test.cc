// Crash safety: a child process imports customers, commits snapshots, raises alerts and
// decides them in a loop and is killed with SIGKILL at random points. After every kill the
// store must open, pass integrity_check and audit verification, and hold only whole
// snapshots; re-running the same work must then finish with exactly the state of an
// uninterrupted run.
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <tuple>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/store.h"
#include "store/store_test_util.h"

namespace interdict::store {
namespace {

using namespace testing_util;  // NOLINT(google-build-using-namespace): test helpers

constexpr int kSteps = 6;
constexpr int kCustomers = 300;
constexpr int kEntities = 3000;

std::vector<Customer> CustomersOfStep(int step) {
  std::vector<Customer> out;
  for (int i = 0; i < kCustomers; ++i) {
    if ((i + step) % 17 == 0) continue;  // missing today: removed by the full import
    Customer c;
    c.id = "C" + std::to_string(i);
    c.name = "Customer " + std::to_string(i);
    if (i % (step + 2) == 0) c.dob = std::to_string(1950 + step);
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Entity> EntitiesOfStep(int step) {
  std::vector<Entity> out;
  for (int i = 0; i < kEntities; ++i) {
    Entity e = MakeEntity(ListSource::kOfacSdn, std::to_string(i), "ENTITY " + std::to_string(i));
    if (i % (step + 3) == 0) e.programs.push_back("STEP-" + std::to_string(step));
    e.provenance.locator = "line " + std::to_string(i + step);
    out.push_back(std::move(e));
  }
  return out;
}

// The work, idempotent step by step: running it again after a crash completes it.
Status RunWork(const std::string& dir) {
  INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<Store> store, Store::Open(dir));
  for (int step = 0; step < kSteps; ++step) {
    std::vector<Customer> customers = CustomersOfStep(step);
    INTERDICT_RETURN_IF_ERROR(
        store->ImportCustomers(customers, {.full = true, .actor = "worker"}).status());

    const std::string label = "step-" + std::to_string(step);
    INTERDICT_ASSIGN_OR_RETURN(std::vector<SnapshotInfo> snaps, store->ListSnapshots());
    SnapshotId id = 0;
    for (const SnapshotInfo& s : snaps) {
      if (s.label == label) id = s.id;
    }
    std::vector<Entity> entities = EntitiesOfStep(step);
    if (id == 0) {
      NewSnapshot ns;
      ns.label = label;
      ns.actor = "worker";
      ns.sources = {MakeSource(ListSource::kOfacSdn)};
      INTERDICT_ASSIGN_OR_RETURN(id, store->CommitSnapshot(ns, entities, {}));
    }

    std::vector<NewAlert> alerts;
    for (int i = 0; i < kCustomers; i += 10) {
      if ((i + step) % 17 == 0) continue;
      const Customer* c = nullptr;
      for (const Customer& x : customers) {
        if (x.id == "C" + std::to_string(i)) c = &x;
      }
      NewAlert a;
      a.customer_id = c->id;
      a.source = ListSource::kOfacSdn;
      a.source_id = std::to_string(i);
      a.entity_hash = EntityContentHash(entities[i]);
      a.customer_hash = CustomerContentHash(*c);
      a.snapshot_id = id;
      a.score = 0.9;
      a.matched_name = entities[i].names[0].full;
      alerts.push_back(std::move(a));
    }
    INTERDICT_RETURN_IF_ERROR(store->RaiseAlerts(alerts, "worker").status());

    INTERDICT_ASSIGN_OR_RETURN(std::vector<Alert> open,
                               store->ListAlerts({.status = AlertStatus::kOpen}));
    for (const Alert& a : open) {
      int n = std::stoi(a.match.customer_id.substr(1));
      Decision d = n % 20 == 0 ? Decision::kFalsePositive : Decision::kTrueMatch;
      if (n % 30 == 0) continue;  // some stay open
      INTERDICT_RETURN_IF_ERROR(store->DecideAlert(a.id, d, "step " + std::to_string(step), "bot"));
    }
  }
  return Status::Ok();
}

// Everything that must be the same after an interrupted-then-completed run and an
// uninterrupted one (ids and times may differ).
struct FinalState {
  std::set<std::string> snapshots;  // label + entity count
  std::set<std::tuple<std::string, std::string, bool>> customers;
  std::set<std::string> alerts;  // customer|entity|hashes|status|decision
  std::set<std::string> suppressions;
  bool operator==(const FinalState&) const = default;
};

FinalState ReadState(Store& store) {
  FinalState s;
  auto snaps = store.ListSnapshots();
  EXPECT_TRUE(snaps.ok());
  for (const SnapshotInfo& i : *snaps) {
    EXPECT_TRUE(s.snapshots.insert(i.label + "/" + std::to_string(i.entity_count)).second)
        << "snapshot " << i.label << " committed twice";
  }
  auto customers = store.ListCustomers({.include_removed = true});
  EXPECT_TRUE(customers.ok());
  for (const StoredCustomer& c : *customers) {
    s.customers.insert({c.customer.id, c.content_hash, c.removed});
  }
  auto alerts = store.ListAlerts({});
  EXPECT_TRUE(alerts.ok());
  for (const Alert& a : *alerts) {
    EXPECT_TRUE(s.alerts
                    .insert(a.match.customer_id + "|" + a.match.source_id + "|" +
                            a.match.entity_hash + "|" + a.match.customer_hash + "|" +
                            std::string(AlertStatusName(a.status)) + "|" +
                            std::string(DecisionName(a.decision)))
                    .second)
        << "alert raised twice for " << a.match.customer_id;
  }
  auto sup = store.ListSuppressions(true);
  EXPECT_TRUE(sup.ok());
  for (const Suppression& x : *sup) {
    s.suppressions.insert(x.customer_id + "|" + x.source_id + "|" + x.entity_hash + "|" +
                          x.customer_hash);
  }
  return s;
}

// The store after a kill: opens, is intact, its audit chain verifies, and every snapshot
// is whole.
void CheckConsistent(const std::string& dir, int round) {
  SCOPED_TRACE("after kill round " + std::to_string(round));
  auto store = Store::Open(dir);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE((*store)->CheckIntegrity().ok());
  auto v = (*store)->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason << " at " << v->first_bad_seq;
  auto snaps = (*store)->ListSnapshots();
  ASSERT_TRUE(snaps.ok());
  for (const SnapshotInfo& s : *snaps) {
    EXPECT_EQ(s.entity_count, static_cast<uint64_t>(kEntities)) << s.label;
    auto e = (*store)->LoadEntities(s.id, {});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    EXPECT_EQ(e->size(), static_cast<size_t>(kEntities));
  }
  auto customers = (*store)->ListCustomers({.include_removed = true});
  ASSERT_TRUE(customers.ok());
  EXPECT_TRUE(customers->empty() || customers->size() >= static_cast<size_t>(kCustomers) - 18);
  // Every false-positive decision has its suppression (same transaction).
  auto alerts = (*store)->ListAlerts({.status = AlertStatus::kDecided});
  auto sup = (*store)->ListSuppressions(true);
  ASSERT_TRUE(alerts.ok() && sup.ok());
  std::set<AlertId> suppressed;
  for (const Suppression& x : *sup) suppressed.insert(x.alert_id);
  for (const Alert& a : *alerts) {
    EXPECT_EQ(a.decision == Decision::kFalsePositive, suppressed.count(a.id) == 1) << a.id;
  }
}

TEST(StoreCrashTest, KilledAtRandomPointsLeavesAConsistentStoreAndRerunCompletes) {
  const unsigned seed = std::random_device{}();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 rng(seed);

  TempDir reference_dir;
  Status ref = RunWork(reference_dir.Sub("data"));
  ASSERT_TRUE(ref.ok()) << ref.ToString();
  auto reference_store = Store::Open(reference_dir.Sub("data"));
  ASSERT_TRUE(reference_store.ok());
  const FinalState reference = ReadState(**reference_store);
  ASSERT_EQ(reference.snapshots.size(), static_cast<size_t>(kSteps));

  // How long an uninterrupted run takes, to spread the kills over it.
  TempDir timing_dir;
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_TRUE(RunWork(timing_dir.Sub("data")).ok());
  const int run_ms =
      std::max<int>(20, static_cast<int>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                             std::chrono::steady_clock::now() - t0)
                                             .count()));

  TempDir dir;
  const std::string data = dir.Sub("data");
  int killed = 0;
  for (int round = 0; round < 8; ++round) {
    const int delay_ms = std::uniform_int_distribution<int>(1, run_ms)(rng);
    std::fflush(nullptr);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      Status s = RunWork(data);
      _exit(s.ok() ? 0 : 1);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (kill(pid, SIGKILL) == 0) ++killed;
    int status = 0;
    waitpid(pid, &status, 0);
    if (WIFEXITED(status)) {
      EXPECT_EQ(WEXITSTATUS(status), 0) << "the worker failed";
    }
    CheckConsistent(data, round);
    if (HasFatalFailure()) return;
  }
  EXPECT_GT(killed, 0);

  // Re-running the same work completes it: the state equals the uninterrupted run's.
  Status done = RunWork(data);
  ASSERT_TRUE(done.ok()) << done.ToString();
  auto store = Store::Open(data);
  ASSERT_TRUE(store.ok());
  FinalState after = ReadState(**store);
  EXPECT_EQ(after.snapshots, reference.snapshots);
  EXPECT_EQ(after.customers, reference.customers);
  EXPECT_EQ(after.alerts, reference.alerts);
  EXPECT_EQ(after.suppressions, reference.suppressions);
  auto v = (*store)->VerifyAudit();
  ASSERT_TRUE(v.ok());
  EXPECT_TRUE(v->ok) << v->reason;
}

}  // namespace
}  // namespace interdict::store
