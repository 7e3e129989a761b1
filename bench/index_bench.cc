// Microbenchmarks of the index module: building a CandidateIndex and looking keys up.
//
//   build/bench/index_bench
#include <random>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "index/candidate_index.h"

namespace interdict {
namespace {

// `names` names of 40 keys each, drawn from a vocabulary of names * 5 keys (the bundled lists
// have ~45 keys per name and ~5 distinct keys per name), seeded.
std::vector<std::vector<std::string>> MakeKeys(size_t names) {
  std::mt19937 rng(20261127);
  const size_t vocabulary = names * 5;
  std::vector<std::vector<std::string>> out(names);
  for (std::vector<std::string>& keys : out) {
    for (int k = 0; k < 40; ++k) keys.push_back("k:" + std::to_string(rng() % vocabulary) + "w");
  }
  return out;
}

void BM_IndexBuild(benchmark::State& state) {
  const auto keys = MakeKeys(static_cast<size_t>(state.range(0)));
  size_t pairs = 0;
  for (auto _ : state) {
    index::IndexBuilder builder;
    for (size_t n = 0; n < keys.size(); ++n) {
      for (const std::string& k : keys[n]) builder.Add(static_cast<uint32_t>(n), k);
    }
    auto idx = std::move(builder).Finish();
    pairs = keys.size() * keys[0].size();
    benchmark::DoNotOptimize(idx->postings());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * pairs));  // keys added
}
BENCHMARK(BM_IndexBuild)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Half the lookups hit a key, half miss.
void BM_IndexPostings(benchmark::State& state) {
  const auto keys = MakeKeys(static_cast<size_t>(state.range(0)));
  index::IndexBuilder builder;
  for (size_t n = 0; n < keys.size(); ++n) {
    for (const std::string& k : keys[n]) builder.Add(static_cast<uint32_t>(n), k);
  }
  auto idx = std::move(builder).Finish();
  std::vector<std::string> lookups;
  for (size_t n = 0; n < 1000; ++n) {
    lookups.push_back(keys[n * 7 % keys.size()][n % 40]);
    lookups.push_back("k:" + std::to_string(n) + "x");
  }
  if (idx->Postings(lookups[0]).empty() || !idx->Postings(lookups[1]).empty()) {
    state.SkipWithError("unexpected postings");
  }
  for (auto _ : state) {
    for (const std::string& k : lookups) benchmark::DoNotOptimize(idx->Postings(k).size);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * lookups.size()));
}
BENCHMARK(BM_IndexPostings)->Arg(10000)->Arg(100000);

}  // namespace
}  // namespace interdict

BENCHMARK_MAIN();
