// Parsing benchmarks over the bundled snapshot (data/manifest.json).
//
//   build/release/bench/lists_bench                      # every source and the whole load
//   build/release/bench/lists_bench --benchmark_filter=Snapshot
//
// Targets (issue 2): all bundled lists parsed in under 2 s in total, peak RSS under 500 MB.
// Each benchmark checks its entity count once before timing (a fast parser that drops records
// must not look good).
#include <cstdio>
#include <cstdlib>
#include <string>

#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include "lists/registry.h"
#include "snapshot/file_io.h"
#include "snapshot/loader.h"
#include "snapshot/manifest.h"

namespace interdict {
namespace {

const snapshot::Manifest& BundledManifest() {
  static const snapshot::Manifest* manifest = [] {
    auto m = snapshot::ReadManifest(std::string(INTERDICT_DATA_DIR) + "/manifest.json");
    if (!m.ok()) {
      std::fprintf(stderr, "%s\n", m.status().ToString().c_str());
      std::exit(1);
    }
    return new snapshot::Manifest(std::move(*m));
  }();
  return *manifest;
}

double PeakRssMb() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_maxrss) / 1024.0;
}

// Parses one source from already-decompressed bytes (I/O excluded).
void BM_Parse(benchmark::State& state, ListSource source) {
  const snapshot::Manifest& m = BundledManifest();
  const snapshot::SourceSpec* spec = nullptr;
  for (const auto& s : m.sources) {
    if (s.source == source) spec = &s;
  }
  if (spec == nullptr) {
    state.SkipWithError("source not in manifest");
    return;
  }
  std::vector<std::string> contents;
  std::vector<InputFile> inputs;
  size_t bytes = 0;
  for (const auto& f : spec->files) {
    auto data = snapshot::ReadListFile(snapshot::JoinPath(m.base_dir, f.path));
    if (!data.ok()) {
      state.SkipWithError(data.status().ToString().c_str());
      return;
    }
    contents.push_back(std::move(*data));
  }
  for (size_t i = 0; i < contents.size(); ++i) {
    inputs.push_back(InputFile{snapshot::PublishedName(spec->files[i].path), contents[i]});
    bytes += contents[i].size();
  }
  auto first = lists::ParseList(spec->format, spec->source, inputs);
  if (!first.ok() || first->entities.empty()) {
    state.SkipWithError(first.ok() ? "no entities" : first.status().ToString().c_str());
    return;
  }
  size_t entities = first->entities.size();
  for (auto _ : state) {
    auto parsed = lists::ParseList(spec->format, spec->source, inputs);
    if (!parsed.ok() || parsed->entities.size() != entities) {
      state.SkipWithError("parse result changed between runs");
      return;
    }
    benchmark::DoNotOptimize(parsed->entities.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * entities));
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK_CAPTURE(BM_Parse, ofac_sdn, ListSource::kOfacSdn)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Parse, ofac_nonsdn, ListSource::kOfacNonSdn)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Parse, us_csl, ListSource::kUsCsl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Parse, un, ListSource::kUn)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Parse, uk_ofsi, ListSource::kUkOfsi)->Unit(benchmark::kMillisecond);

// The whole bundled snapshot as `interdict lists` loads it: read, gunzip, verify SHA-256,
// parse; Arg = threads (1 = sequential, 0 = all cores).
void BM_LoadSnapshot_Bundled(benchmark::State& state) {
  const snapshot::Manifest& m = BundledManifest();
  snapshot::LoadOptions options;
  options.threads = static_cast<int>(state.range(0));
  size_t entities = 0;
  for (auto _ : state) {
    auto snap = snapshot::LoadSnapshot(m, options);
    if (!snap.ok()) {
      state.SkipWithError(snap.status().ToString().c_str());
      return;
    }
    entities = snap->entities.size();
    benchmark::DoNotOptimize(snap->entities.data());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * entities));
  state.counters["entities"] = static_cast<double>(entities);
  state.counters["peak_rss_mb"] = PeakRssMb();
}
BENCHMARK(BM_LoadSnapshot_Bundled)->Arg(1)->Arg(0)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace interdict

BENCHMARK_MAIN();
