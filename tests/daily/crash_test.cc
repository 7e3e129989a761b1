// Crash safety of the daily commands (issue 5): "kill -9 at any point during sync, rescreen
// or decide leaves a consistent store; running the command again completes the work".
//
// The daily cycle runs on reduced copies of two real OFAC days, 2023-02-22 and 2023-02-24
// (every entry the 24 Feb 2023 action added or changed plus every 8th other entry), and 3,000
// generated customers, some of them spelling variants of listed names:
//
//   sync 22 Feb -> rescreen (full) -> decide -> sync 24 Feb -> rescreen (delta) -> decide
//
// An uninterrupted run gives the reference state after each phase. Then each phase runs in a
// forked child that is killed with SIGKILL after a random delay, once or twice. After every
// kill the store must open, pass integrity_check and audit verification, hold every
// snapshot whole with the old or the new one active, hold no alert the uninterrupted run
// does not raise, lose none it had, and never record rescreen progress its alerts lack. Then
// the phase runs again and the state must equal the reference exactly (snapshots, active
// content, alerts with their decisions, suppressions, rescreen progress).
//
// The delays are drawn from a seed printed on failure; INTERDICT_CRASH_SEED=<n> replays it.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "interdict/screener.h"

#include "daily/daily_testing.h"
#include "daily/delta.h"
#include "daily/rescreen.h"
#include "daily/sync.h"
#include "snapshot/file_io.h"
#include "store/store.h"
#include "testing/files.h"

namespace interdict::daily {
namespace {

constexpr size_t kCustomers = 3000;
#if defined(__SANITIZE_ADDRESS__)
constexpr int kChains = 1;  // sanitizer builds run every phase 5-10x slower
#else
constexpr int kChains = 2;
#endif

enum class Phase { kSyncBefore, kRescreenFull, kDecideFirst, kSyncAfter, kRescreenDelta, kDecide };
constexpr Phase kPhases[] = {Phase::kSyncBefore, Phase::kRescreenFull,  Phase::kDecideFirst,
                             Phase::kSyncAfter,  Phase::kRescreenDelta, Phase::kDecide};

std::string PhaseName(Phase p) {
  switch (p) {
    case Phase::kSyncBefore:
      return "sync 2023-02-22";
    case Phase::kRescreenFull:
      return "rescreen (first, full)";
    case Phase::kDecideFirst:
      return "decide (first)";
    case Phase::kSyncAfter:
      return "sync 2023-02-24";
    case Phase::kRescreenDelta:
      return "rescreen (delta)";
    case Phase::kDecide:
      return "decide";
  }
  return "?";
}

// The inputs shared by every run: two reduced history days and the customers.
struct World {
  std::string before_dir;  // <tmp>/2023-02-22/sdn.csv
  std::string after_dir;   // <tmp>/2023-02-24/sdn.csv
  size_t touched = 0;      // entries added or changed between the two days
  std::vector<store::Customer> customers;
};

// sdn.csv holds one record per line ("<ent_num>,..."); the last line is OFAC's 0x1A byte.
std::map<std::string, std::string> LinesByEntNum(const std::string& csv, std::string* trailer) {
  std::map<std::string, std::string> out;
  std::istringstream in(csv);
  std::string line;
  while (std::getline(in, line)) {
    size_t comma = line.find(',');
    if (comma == std::string::npos || comma == 0 || line[0] < '0' || line[0] > '9') {
      *trailer += line;
      continue;
    }
    out[line.substr(0, comma)] = line;
  }
  return out;
}

// A spelling variant of a listed name, as a clerk or a transliteration writes it.
std::string Variant(std::string name, std::mt19937& rng) {
  if (name.size() < 8) return name;
  size_t p = 2 + rng() % (name.size() - 4);
  switch (rng() % 3) {
    case 0:
      name.erase(p, 1);
      break;
    case 1:
      name.insert(p, 1, name[p]);
      break;
    default:
      std::swap(name[p], name[p + 1]);
  }
  return name;
}

std::vector<store::Customer> MakeCustomers(const std::vector<Entity>& added,
                                           const std::vector<Entity>& other) {
  constexpr std::string_view kGiven[] = {"Anna",  "Bruno", "Clara", "Dmitri", "Elena",
                                         "Farid", "Greta", "Hiro",  "Ines",   "Jonas"};
  constexpr std::string_view kFamily[] = {"Albrecht", "Bergmann", "Castillo", "Dufresne",
                                          "Eklund",   "Fontaine", "Gallagher"};
  constexpr std::string_view kWords[] = {"Harbor", "Summit", "Pioneer", "Meadow",
                                         "Copper", "Willow", "Beacon"};
  std::mt19937 rng(20230224);
  std::vector<store::Customer> out;
  for (size_t i = 0; i < kCustomers; ++i) {
    store::Customer c;
    c.id = "C" + std::to_string(i);
    if (i % 40 == 0 && !added.empty()) {  // newly designated on 24 Feb
      const Entity& e = added[(i / 40) % added.size()];
      c.name = Variant(e.primary_name().full, rng);
      c.kind = e.kind;
    } else if (i % 40 == 20 && !other.empty()) {  // listed before
      const Entity& e = other[(i / 40 * 7) % other.size()];
      c.name = Variant(e.primary_name().full, rng);
      c.kind = e.kind;
    } else if (i % 3 == 0) {
      c.name = std::string(kWords[rng() % std::size(kWords)]) + " " +
               std::string(kWords[rng() % std::size(kWords)]) + " Trading Ltd";
      c.kind = EntityKind::kOrganization;
    } else {
      c.name = std::string(kGiven[rng() % std::size(kGiven)]) + " " +
               std::string(kFamily[rng() % std::size(kFamily)]);
      c.kind = EntityKind::kPerson;
      c.dob = std::to_string(1950 + rng() % 50);
    }
    out.push_back(std::move(c));
  }
  return out;
}

const World& GetWorld() {
  static const World* world = [] {
    auto* w = new World();
    std::string root = testing::FreshDir("crash_world");
    auto before = snapshot::ReadListFile(testing::BundledDay("2023-02-22"));
    auto after = snapshot::ReadListFile(testing::BundledDay("2023-02-24"));
    EXPECT_TRUE(before.ok() && after.ok());
    if (!before.ok() || !after.ok()) return w;
    std::string trailer_before, trailer_after;
    std::map<std::string, std::string> b = LinesByEntNum(*before, &trailer_before);
    std::map<std::string, std::string> a = LinesByEntNum(*after, &trailer_after);
    std::set<std::string> keep;
    for (const auto& [id, line] : a) {
      auto it = b.find(id);
      if (it == b.end() || it->second != line) keep.insert(id);
    }
    for (const auto& [id, line] : b) {
      if (a.count(id) == 0) keep.insert(id);
    }
    w->touched = keep.size();
    for (const auto& [id, line] : a) {
      if (std::stoul(id) % 8 == 0) keep.insert(id);
    }
    auto write = [&](const std::map<std::string, std::string>& lines, const std::string& trailer,
                     const std::string& day) {
      std::string out;
      for (const auto& [id, line] : lines) {
        if (keep.count(id)) out += line + "\n";
      }
      out += trailer;
      std::string dir = root + "/" + day;
      std::filesystem::create_directories(dir);
      interdict::testing::WriteFileOrDie(dir + "/sdn.csv", out);
      return dir;
    };
    w->before_dir = write(b, trailer_before, "2023-02-22");
    w->after_dir = write(a, trailer_after, "2023-02-24");

    std::vector<Entity> day1 = testing::LoadSdnDay(w->before_dir + "/sdn.csv");
    std::vector<Entity> day2 = testing::LoadSdnDay(w->after_dir + "/sdn.csv");
    Delta delta = ComputeDelta(day1, day2);
    std::vector<Entity> added;
    for (const Entity* e : delta.added) added.push_back(*e);
    w->customers = MakeCustomers(added, day1);
    return w;
  }();
  return *world;
}

// The decision rule of the test's analyst: every third customer is a false positive.
store::Decision DecisionFor(const std::string& customer_id) {
  return std::stoul(customer_id.substr(1)) % 3 == 0 ? store::Decision::kFalsePositive
                                                    : store::Decision::kTrueMatch;
}

// One phase, as the command does it, on the store in `dir`. Idempotent as a whole: running
// it again after it was killed completes its work.
Status RunPhase(const World& w, Phase phase, const std::string& dir) {
  INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::Store::Open(dir));
  switch (phase) {
    case Phase::kSyncBefore:
    case Phase::kSyncAfter: {
      SyncRequest req;
      req.from_dir = phase == Phase::kSyncBefore ? w.before_dir : w.after_dir;
      INTERDICT_ASSIGN_OR_RETURN(SyncReport r, Sync(*s, req, nullptr, nullptr));
      if (!r.committed && !r.unchanged) return Status::Internal("sync: " + r.message);
      return Status::Ok();
    }
    case Phase::kRescreenFull:
    case Phase::kRescreenDelta: {
      RescreenOptions options;
      options.screen.threads = 2;
      return Rescreen(*s, options).status();
    }
    case Phase::kDecideFirst:
    case Phase::kDecide: {
      store::AlertFilter open;
      open.status = store::AlertStatus::kOpen;
      INTERDICT_ASSIGN_OR_RETURN(std::vector<store::Alert> alerts, s->ListAlerts(open));
      std::sort(alerts.begin(), alerts.end(),
                [](const store::Alert& x, const store::Alert& y) { return x.id < y.id; });
      for (const store::Alert& a : alerts) {
        INTERDICT_RETURN_IF_ERROR(
            s->DecideAlert(a.id, DecisionFor(a.match.customer_id), "crash test", "analyst"));
      }
      return Status::Ok();
    }
  }
  return Status::Internal("unknown phase");
}

// What must be equal after an interrupted-then-completed run and an uninterrupted one.
struct State {
  std::vector<std::string> snapshots;  // "label|entities|active", oldest first
  std::set<std::string> active;        // "source_id|content hash" of the active snapshot
  // "customer|source|source_id|entity hash|customer hash" -> "status|decision|snapshot|score"
  std::map<std::string, std::string> alerts;
  std::set<std::string> suppressions;  // the pair and hashes
  std::string last_snapshot, last_revision;
  bool operator==(const State&) const = default;
};

std::string AlertIdentity(const store::NewAlert& m) {
  return m.customer_id + "|" + std::string(ListSourceCode(m.source)) + "|" + m.source_id + "|" +
         m.entity_hash + "|" + m.customer_hash;
}

State ReadState(store::Store& s) {
  State st;
  auto snaps = s.ListSnapshots();
  EXPECT_TRUE(snaps.ok());
  if (snaps.ok()) {
    for (const store::SnapshotInfo& i : *snaps) {
      st.snapshots.push_back(i.label + "|" + std::to_string(i.entity_count) + "|" +
                             (i.active ? "active" : ""));
    }
  }
  auto active = s.ActiveSnapshot();
  EXPECT_TRUE(active.ok());
  if (active.ok() && *active) {
    auto index = s.EntityIndex((*active)->id);
    EXPECT_TRUE(index.ok());
    if (index.ok()) {
      for (const store::EntityKey& k : *index) st.active.insert(k.source_id + "|" + k.content_hash);
    }
  }
  auto alerts = s.ListAlerts(store::AlertFilter{});
  EXPECT_TRUE(alerts.ok());
  if (alerts.ok()) {
    for (const store::Alert& a : *alerts) {
      char score[16];
      std::snprintf(score, sizeof score, "%.4f", a.match.score);
      std::string value = std::string(store::AlertStatusName(a.status)) + "|" +
                          std::string(store::DecisionName(a.decision)) + "|" +
                          std::to_string(a.match.snapshot_id) + "|" + score;
      bool inserted = st.alerts.emplace(AlertIdentity(a.match), value).second;
      EXPECT_TRUE(inserted) << "alert raised twice: " << AlertIdentity(a.match);
    }
  }
  auto sup = s.ListSuppressions(/*include_revoked=*/true);
  EXPECT_TRUE(sup.ok());
  if (sup.ok()) {
    for (const store::Suppression& x : *sup) {
      st.suppressions.insert(x.customer_id + "|" + x.source_id + "|" + x.entity_hash + "|" +
                             x.customer_hash);
    }
  }
  auto last = s.GetSetting(kLastRescreenSnapshotKey);
  auto rev = s.GetSetting(kLastRescreenCustomerRevisionKey);
  EXPECT_TRUE(last.ok() && rev.ok());
  if (last.ok() && *last) st.last_snapshot = **last;
  if (rev.ok() && *rev) st.last_revision = **rev;
  return st;
}

State ReadStateAt(const std::string& dir) {
  auto s = store::Store::Open(dir);
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return State{};
  return ReadState(**s);
}

std::set<std::string> Identities(const State& s) {
  std::set<std::string> out;
  for (const auto& [id, value] : s.alerts) out.insert(id);
  return out;
}

// What a store killed during a phase must look like, between the state before the phase and
// the state after it.
void CheckAfterKill(const std::string& dir, const State& before, const State& after) {
  auto opened = store::Store::Open(dir);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  store::Store& s = **opened;
  Status integrity = s.CheckIntegrity();
  EXPECT_TRUE(integrity.ok()) << integrity.ToString();
  auto audit = s.VerifyAudit();
  ASSERT_TRUE(audit.ok()) << audit.status().ToString();
  EXPECT_TRUE(audit->ok) << audit->reason << " at seq " << audit->first_bad_seq;

  // Every snapshot is whole, and the sync happened in full or not at all.
  auto snaps = s.ListSnapshots();
  ASSERT_TRUE(snaps.ok());
  for (const store::SnapshotInfo& info : *snaps) {
    auto entities = s.LoadEntities(info.id, {});
    ASSERT_TRUE(entities.ok()) << entities.status().ToString();
    EXPECT_EQ(entities->size(), info.entity_count) << "snapshot #" << info.id;
  }
  State now = ReadState(s);
  EXPECT_TRUE(now.snapshots == before.snapshots || now.snapshots == after.snapshots)
      << "snapshots neither before nor after the phase: "
      << ::testing::PrintToString(now.snapshots);
  EXPECT_TRUE(now.active == before.active || now.active == after.active)
      << "the active snapshot is neither the old nor the new one (" << now.active.size()
      << " entities)";

  // Alerts: none lost, none an uninterrupted run does not raise, each decided as before the
  // phase or as after it; a false-positive decision always has its suppression.
  for (const auto& [id, value] : before.alerts) {
    EXPECT_EQ(now.alerts.count(id), 1u) << "alert lost: " << id;
  }
  for (const auto& [id, value] : now.alerts) {
    auto a = after.alerts.find(id);
    if (a == after.alerts.end()) {
      ADD_FAILURE() << "alert an uninterrupted run does not raise: " << id;
      continue;
    }
    auto b = before.alerts.find(id);
    EXPECT_TRUE(value == a->second || (b != before.alerts.end() && value == b->second))
        << id << " is " << value << "; expected " << a->second;
  }
  for (const std::string& x : now.suppressions) {
    EXPECT_EQ(after.suppressions.count(x), 1u) << "suppression " << x;
  }
  for (const std::string& x : before.suppressions) {
    EXPECT_EQ(now.suppressions.count(x), 1u) << "suppression lost: " << x;
  }
  auto decided = s.ListAlerts(store::AlertFilter{.status = store::AlertStatus::kDecided});
  auto sup = s.ListSuppressions(true);
  ASSERT_TRUE(decided.ok() && sup.ok());
  std::set<store::AlertId> suppressed;
  for (const store::Suppression& x : *sup) suppressed.insert(x.alert_id);
  for (const store::Alert& a : *decided) {
    EXPECT_EQ(a.decision == store::Decision::kFalsePositive, suppressed.count(a.id) == 1)
        << "alert " << a.id;
  }

  // Rescreen progress is never recorded ahead of its alerts: once the store says the new
  // snapshot was screened, every alert of that screening is there.
  if (before.last_snapshot != after.last_snapshot && now.last_snapshot == after.last_snapshot) {
    EXPECT_EQ(Identities(now), Identities(after)) << "progress recorded before the alerts";
  }
}

uint32_t CrashSeed() {
  if (const char* env = std::getenv("INTERDICT_CRASH_SEED")) {
    return static_cast<uint32_t>(std::strtoul(env, nullptr, 10));
  }
  return std::random_device{}();
}

Status ImportCustomers(const World& w, const std::string& dir) {
  INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> s, store::Store::Open(dir));
  store::ImportOptions options;
  options.full = true;
  options.actor = "crash test";
  return s->ImportCustomers(w.customers, options).status();
}

TEST(DailyCrashTest, KilledAtRandomPointsLeavesAConsistentStoreAndRerunCompletes) {
  const World& w = GetWorld();
  ASSERT_FALSE(w.customers.empty());
  ASSERT_GE(w.touched, 250u);  // the 24 Feb action

  // Warm up what a forked child inherits (the pinyin table the first Screener builds, ~1 s),
  // so the reference durations are those of the children.
  {
    std::vector<Entity> one = testing::LoadSdnDay(w.before_dir + "/sdn.csv");
    one.resize(1);
    ASSERT_TRUE(Screener::Create(std::move(one)).ok());
  }
  // The reference: every phase uninterrupted, each in a forked child like the runs that get
  // killed (so its duration, over which the kills are spread, is theirs).
  const std::string ref_dir = testing::FreshDir("crash_reference");
  ASSERT_TRUE(ImportCustomers(w, ref_dir).ok());
  std::vector<State> ref = {ReadStateAt(ref_dir)};
  std::vector<int64_t> phase_us;
  for (Phase p : kPhases) {
    auto t0 = std::chrono::steady_clock::now();
    std::fflush(nullptr);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) _exit(RunPhase(w, p, ref_dir).ok() ? 0 : 1);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    phase_us.push_back(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
            .count());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      Status s = RunPhase(w, p, ref_dir);  // again in this process, for the message
      FAIL() << PhaseName(p) << " failed: " << s.ToString();
    }
    ref.push_back(ReadStateAt(ref_dir));
  }
  // The reference does real work in every phase.
  EXPECT_EQ(ref[1].snapshots.size(), 1u);
  EXPECT_GT(ref[2].alerts.size(), 20u);
  EXPECT_GT(ref[3].suppressions.size(), 5u);
  EXPECT_EQ(ref[4].snapshots.size(), 2u);
  EXPECT_NE(ref[4].active, ref[3].active);
  EXPECT_GT(ref[5].alerts.size(), ref[4].alerts.size() + 20);
  EXPECT_NE(ref[5].last_snapshot, ref[4].last_snapshot);
  EXPECT_GT(ref[6].suppressions.size(), ref[5].suppressions.size());
  for (const auto& [id, value] : ref[6].alerts) EXPECT_EQ(value.rfind("decided|", 0), 0u) << id;

  const uint32_t seed = CrashSeed();
  SCOPED_TRACE("INTERDICT_CRASH_SEED=" + std::to_string(seed));
  std::mt19937 rng(seed);
  int kills = 0, finished = 0;
  for (int chain = 0; chain < kChains; ++chain) {
    const std::string dir = testing::FreshDir("crash_chain_" + std::to_string(chain));
    ASSERT_TRUE(ImportCustomers(w, dir).ok());
    for (size_t p = 0; p < std::size(kPhases); ++p) {
      const int attempts = 1 + static_cast<int>(rng() % 2);
      for (int attempt = 0; attempt < attempts; ++attempt) {
        // Within the reference duration; a child slower than the reference is killed later
        // in its work, a faster one may finish first (then the kill finds it done).
        const int64_t delay_us =
            std::uniform_int_distribution<int64_t>(0, std::max<int64_t>(1000, phase_us[p]))(rng);
        SCOPED_TRACE("chain " + std::to_string(chain) + ", " + PhaseName(kPhases[p]) +
                     ", attempt " + std::to_string(attempt) + ", killed after " +
                     std::to_string(delay_us) + " us");
        std::fflush(nullptr);
        pid_t pid = fork();
        ASSERT_GE(pid, 0);
        if (pid == 0) _exit(RunPhase(w, kPhases[p], dir).ok() ? 0 : 1);
        std::this_thread::sleep_for(std::chrono::microseconds(delay_us));
        kill(pid, SIGKILL);
        int status = 0;
        ASSERT_EQ(waitpid(pid, &status, 0), pid);
        if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
          ++kills;
        } else {
          ++finished;
          EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "the phase failed";
        }
        CheckAfterKill(dir, ref[p], ref[p + 1]);
        if (HasFatalFailure()) return;
      }
      // The command again completes the work.
      Status again = RunPhase(w, kPhases[p], dir);
      ASSERT_TRUE(again.ok()) << PhaseName(kPhases[p]) << ": " << again.ToString();
      State now = ReadStateAt(dir);
      EXPECT_EQ(now.snapshots, ref[p + 1].snapshots) << PhaseName(kPhases[p]);
      EXPECT_TRUE(now.active == ref[p + 1].active) << PhaseName(kPhases[p]);
      EXPECT_EQ(now.alerts, ref[p + 1].alerts) << PhaseName(kPhases[p]);
      EXPECT_EQ(now.suppressions, ref[p + 1].suppressions) << PhaseName(kPhases[p]);
      EXPECT_EQ(now.last_snapshot, ref[p + 1].last_snapshot) << PhaseName(kPhases[p]);
      EXPECT_EQ(now.last_revision, ref[p + 1].last_revision) << PhaseName(kPhases[p]);
      if (HasFailure()) return;
    }
  }
  std::printf("crash test: phases of the reference run (us):");
  for (int64_t us : phase_us) std::printf(" %lld", static_cast<long long>(us));
  std::printf("; %d runs killed, %d finished before the kill\n", kills, finished);
  // Most attempts must really be killed mid-way for the test to mean anything.
  EXPECT_GE(kills * 3, (kills + finished) * 2)
      << kills << " killed, " << finished << " finished first";
}

// A rescreen stores what it covered in two settings, one write each. Killed between them (the
// snapshot stored, the customer revision not), the next run must not read the missing revision
// as "no customer changed since": customers imported in between are screened.
TEST(DailyCrashTest, Issue5KilledBetweenTheTwoProgressWritesStillScreensNewCustomers) {
  const World& w = GetWorld();
  auto s = store::Store::OpenInMemory();
  ASSERT_TRUE(s.ok());
  SyncRequest req;
  req.from_dir = w.after_dir;
  auto synced = Sync(**s, req, nullptr, nullptr);
  ASSERT_TRUE(synced.ok() && synced->committed);
  std::vector<store::Customer> first = {{"C-1", "Clara Bergmann", EntityKind::kPerson, "", "", {}}};
  ASSERT_TRUE((*s)->ImportCustomers(first, store::ImportOptions{}).ok());
  // The first run screened C-1 (no match) and was killed after its first progress write.
  ASSERT_TRUE((*s)->PutSetting(kLastRescreenSnapshotKey, std::to_string(synced->snapshot_id)).ok());

  std::vector<Entity> listed = testing::LoadSdnDay(w.after_dir + "/sdn.csv");
  ASSERT_FALSE(listed.empty());
  std::vector<store::Customer> second = {
      {"C-2", listed[0].primary_name().full, listed[0].kind, "", "", {}}};
  ASSERT_TRUE((*s)->ImportCustomers(second, store::ImportOptions{}).ok());
  auto r = Rescreen(**s, RescreenOptions{});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(r->full) << r->reason;
  EXPECT_GE(r->alerts_raised, 1u);
  auto alerts = (*s)->ListAlerts(store::AlertFilter{});
  ASSERT_TRUE(alerts.ok());
  std::set<std::string> pairs;
  for (const store::Alert& a : *alerts) pairs.insert(a.match.customer_id + "/" + a.match.source_id);
  EXPECT_EQ(pairs.count("C-2/" + listed[0].source_id), 1u) << ::testing::PrintToString(pairs);
}

}  // namespace
}  // namespace interdict::daily
