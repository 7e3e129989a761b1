// Store benchmarks (issue 5): the store's own costs on this machine.
//
//   build/bench/store_bench                                   # everything
//   build/bench/store_bench --benchmark_filter=ImportCustomers
//
// - ImportCustomers/1000000: a full import of 1,000,000 generated customers into a new
//   store (one transaction), then the same file again (every row unchanged).
// - CommitSnapshot_Bundled: the bundled lists (data/manifest.json, ~35k entities) committed
//   as a new snapshot: first into an empty store, then again (contents already stored).
// - LoadSnapshot_Bundled / EntityIndex_Bundled: reading that snapshot back.
// Each checks its result count before timing counts. Stores are file-backed (WAL,
// synchronous=FULL) in $TMPDIR.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include <benchmark/benchmark.h>

#include "snapshot/loader.h"
#include "snapshot/manifest.h"
#include "store/store.h"

namespace interdict::store {
namespace {

[[noreturn]] void Die(const Status& s) {
  std::fprintf(stderr, "store_bench: %s\n", s.ToString().c_str());
  std::exit(1);
}

std::string FreshDir(const std::string& name) {
  std::string dir = (std::filesystem::temp_directory_path() / ("interdict-bench-" + name)).string();
  std::filesystem::remove_all(dir);
  return dir;
}

// Seeded synthetic customers: person and company names from small syllable tables, a DOB
// for persons, a country and sometimes an identifier.
std::vector<Customer> GenerateCustomers(size_t n) {
  static const char* kSyl[] = {"al", "be", "ka", "mo",  "ri",  "sa", "to", "vi", "ne", "dra",
                               "ko", "li", "ma", "ser", "gei", "an", "na", "ya", "ol", "ga"};
  static const char* kCountries[] = {"US", "GB", "DE", "RU", "CN", "AE", "TR", "IN", "BR", "FR"};
  std::mt19937 rng(42);
  auto word = [&](int syllables) {
    std::string w;
    for (int i = 0; i < syllables; ++i) w += kSyl[rng() % 20];
    w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  std::vector<Customer> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Customer c;
    c.id = "C" + std::to_string(1000000 + i);
    if (rng() % 4 == 0) {
      c.kind = EntityKind::kOrganization;
      c.name = word(3) + " " + word(2) + " LLC";
    } else {
      c.kind = EntityKind::kPerson;
      c.name = word(2) + " " + word(3);
      c.dob = std::to_string(1940 + rng() % 60) + "-0" + std::to_string(1 + rng() % 9) + "-1" +
              std::to_string(rng() % 10);
    }
    c.country = kCountries[rng() % 10];
    if (rng() % 3 == 0) c.ids.push_back("passport:P" + std::to_string(rng() % 100000000));
    out.push_back(std::move(c));
  }
  return out;
}

void BM_ImportCustomers(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  std::vector<Customer> customers = GenerateCustomers(n);
  for (auto _ : state) {
    std::string dir = FreshDir("customers");
    auto store = Store::Open(dir);
    if (!store.ok()) Die(store.status());
    auto t0 = std::chrono::steady_clock::now();
    auto first = (*store)->ImportCustomers(customers, {.full = true});
    auto t1 = std::chrono::steady_clock::now();
    if (!first.ok()) Die(first.status());
    if (first->inserted != n) Die(Status::Internal("not every customer was inserted"));
    auto again = (*store)->ImportCustomers(customers, {.full = true});
    auto t2 = std::chrono::steady_clock::now();
    if (!again.ok()) Die(again.status());
    if (again->unchanged != n) Die(Status::Internal("re-import changed customers"));
    state.SetIterationTime(std::chrono::duration<double>(t1 - t0).count());
    state.counters["first_import_s"] = std::chrono::duration<double>(t1 - t0).count();
    state.counters["reimport_unchanged_s"] = std::chrono::duration<double>(t2 - t1).count();
    state.counters["db_MB"] =
        static_cast<double>(std::filesystem::file_size(dir + "/interdict.db")) / 1e6;
    store->reset();
    std::filesystem::remove_all(dir);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_ImportCustomers)
    ->Arg(100000)
    ->Arg(1000000)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kSecond);

struct Bundled {
  NewSnapshot snapshot;
  std::vector<Entity> entities;
};

const Bundled& BundledLists() {
  static const Bundled* bundled = [] {
    auto m = snapshot::ReadManifest(std::string(INTERDICT_DATA_DIR) + "/manifest.json");
    if (!m.ok()) Die(m.status());
    auto snap = snapshot::LoadSnapshot(*m, {});
    if (!snap.ok()) Die(snap.status());
    auto* b = new Bundled;
    b->snapshot.label = "bundled";
    b->snapshot.actor = "bench";
    for (const snapshot::LoadedSource& s : snap->sources) {
      SnapshotSource src;
      src.version = s.version;
      b->snapshot.sources.push_back(src);
    }
    b->entities = std::move(snap->entities);
    return b;
  }();
  return *bundled;
}

void BM_CommitSnapshot_Bundled(benchmark::State& state) {
  const Bundled& b = BundledLists();
  std::string dir = FreshDir("commit");
  auto store = Store::Open(dir);
  if (!store.ok()) Die(store.status());
  bool first = true;
  for (auto _ : state) {
    auto id = (*store)->CommitSnapshot(b.snapshot, b.entities, {});
    if (!id.ok()) Die(id.status());
    if (first) {
      auto info = (*store)->GetSnapshot(*id);
      if (!info.ok() || info->entity_count + 5 < b.entities.size()) {
        Die(Status::Internal("snapshot lost entities"));
      }
      first = false;
    }
  }
  state.counters["entities"] = static_cast<double>(b.entities.size());
  state.counters["db_MB_after"] =
      static_cast<double>(std::filesystem::file_size(dir + "/interdict.db")) / 1e6;
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * b.entities.size()));
  store->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_CommitSnapshot_Bundled)->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_LoadSnapshot_Bundled(benchmark::State& state) {
  const Bundled& b = BundledLists();
  std::string dir = FreshDir("load");
  auto store = Store::Open(dir);
  if (!store.ok()) Die(store.status());
  auto id = (*store)->CommitSnapshot(b.snapshot, b.entities, {});
  if (!id.ok()) Die(id.status());
  size_t n = 0;
  for (auto _ : state) {
    auto loaded = (*store)->LoadEntities(*id, {});
    if (!loaded.ok()) Die(loaded.status());
    n = loaded->size();
    if (n + 5 < b.entities.size()) Die(Status::Internal("loaded too few entities"));
    benchmark::DoNotOptimize(loaded->data());
  }
  state.counters["entities"] = static_cast<double>(n);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
  store->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_LoadSnapshot_Bundled)->Iterations(3)->Unit(benchmark::kMillisecond);

void BM_EntityIndex_Bundled(benchmark::State& state) {
  const Bundled& b = BundledLists();
  std::string dir = FreshDir("index");
  auto store = Store::Open(dir);
  if (!store.ok()) Die(store.status());
  auto id = (*store)->CommitSnapshot(b.snapshot, b.entities, {});
  if (!id.ok()) Die(id.status());
  for (auto _ : state) {
    auto index = (*store)->EntityIndex(*id);
    if (!index.ok()) Die(index.status());
    if (index->size() + 5 < b.entities.size()) Die(Status::Internal("index too small"));
    benchmark::DoNotOptimize(index->data());
  }
  store->reset();
  std::filesystem::remove_all(dir);
}
BENCHMARK(BM_EntityIndex_Bundled)->Iterations(5)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace interdict::store

BENCHMARK_MAIN();
