// Microbenchmarks of the match module: string metrics and the name scorer.
//
//   build/bench/match_bench
#include <string>

#include <benchmark/benchmark.h>

#include "match/name_scorer.h"
#include "match/string_metrics.h"
#include "normalize/name.h"

namespace interdict {
namespace {

void BM_JaroWinkler(benchmark::State& state) {
  std::string a(static_cast<size_t>(state.range(0)), 'a'), b = a;
  for (size_t i = 0; i < a.size(); i += 3) b[i] = 'b';
  double check = match::JaroWinkler(a, b);
  if (!(check > 0 && check < 1)) state.SkipWithError("unexpected similarity");
  for (auto _ : state) benchmark::DoNotOptimize(match::JaroWinkler(a, b));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JaroWinkler)->Arg(6)->Arg(12)->Arg(40);

void BM_OsaDistance(benchmark::State& state) {
  std::string a(static_cast<size_t>(state.range(0)), 'a'), b = a;
  for (size_t i = 0; i < a.size(); i += 4) b[i] = 'b';
  for (auto _ : state) benchmark::DoNotOptimize(match::OsaDistance(a, b));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_OsaDistance)->Arg(6)->Arg(12)->Arg(40);

void BM_NameScorer_Person(benchmark::State& state) {
  NormalizedName q = normalize::NormalizeName("Sergey Kuzhugetovich Shoygu", EntityKind::kPerson);
  NormalizedName c = normalize::NormalizeName("SHOIGU, Sergei Kuzhugetovich", EntityKind::kPerson);
  match::NameScorer scorer(q, EntityKind::kPerson);
  if (scorer.Score(c) < 0.9) state.SkipWithError("expected a match");
  for (auto _ : state) benchmark::DoNotOptimize(scorer.Score(c));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NameScorer_Person);

void BM_NormalizeName_Latin(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(normalize::NormalizeName("OOO Torgovy Dom Sergei Shoigu Trading",
                                                      EntityKind::kOrganization));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeName_Latin);

void BM_NormalizeName_Cyrillic(benchmark::State& state) {
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        normalize::NormalizeName("Сергей Кужугетович Шойгу", EntityKind::kPerson));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalizeName_Cyrillic);

}  // namespace
}  // namespace interdict

BENCHMARK_MAIN();
