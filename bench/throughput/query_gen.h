// File: bench/throughput/query_gen.h
//
// A seeded generator of realistic screening queries from the listed names: true variants
// (typos, reordered words, dropped or added words, changed legal forms, case and
// punctuation noise) and names that are not listed. Used by interdict_throughput.
//
//   QueryGenerator gen(entities, /*seed=*/42);
//   GeneratedQuery q = gen.Next();   // q.query.name, q.variant ("typo"), q.expected (or null)
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "interdict/entity.h"
#include "interdict/screener.h"

namespace interdict::bench {

struct GeneratedQuery {
  Query query;
  std::string variant;               // "exact", "typo", "reorder", "drop_word", "legal_form", ...
  const Entity* expected = nullptr;  // the entity the variant came from; null for unlisted names
};

class QueryGenerator {
 public:
  // `listed_share` of queries are variants of listed names, the rest unlisted names.
  QueryGenerator(const std::vector<Entity>& entities, uint64_t seed, double listed_share = 0.5);
  GeneratedQuery Next();

 private:
  std::string Typo(const std::string& s);
  std::string Unlisted();

  const std::vector<Entity>& entities_;
  std::mt19937_64 rng_;
  double listed_share_;
};

}  // namespace interdict::bench
