// Shipment screening throughput: a seeded file of 100,000 shipments (3-6 parties, 1-10 goods
// lines each; about one party in ten a listed name, the rest invented company and person
// names; a mix of CHPL and ordinary HS codes, descriptions with and without CHPL terms, and
// destinations including diversion hubs and embargoed countries) is written as JSON Lines,
// parsed, and assessed. items_per_second is shipments per second.
//
//   build-trade/bench/trade_bench --benchmark_filter=Assess
//   INTERDICT_TRADE_BENCH_SHIPMENTS=20000 build-trade/bench/trade_bench   # a quicker run
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "snapshot/loader.h"
#include "snapshot/manifest.h"
#include "trade/files.h"
#include "trade/goods.h"
#include "trade/shipment_json.h"
#include "trade/shipment_screener.h"

namespace interdict::trade {
namespace {

[[noreturn]] void Die(const Status& s) {
  std::cerr << "trade_bench: " << s.ToString() << "\n";
  std::exit(1);
}

struct World {
  std::unique_ptr<Screener> screener;
  ControlTables tables;
  std::unique_ptr<ShipmentScreener> shipments;
  std::string jsonl;             // the generated file
  std::vector<Shipment> parsed;  // the same, parsed once
};

size_t ShipmentCount() {
  const char* env = std::getenv("INTERDICT_TRADE_BENCH_SHIPMENTS");
  return env != nullptr ? std::strtoul(env, nullptr, 10) : 100000;
}

// Seeded shipments. Listed names are primary names of listed organizations and persons.
std::string Generate(const std::vector<Entity>& entities, size_t count, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto pick = [&](size_t n) { return static_cast<size_t>(rng() % n); };
  static const char* kWords[] = {"Amber", "Nordic",   "Pacific", "Delta",  "Horizon", "Summit",
                                 "Green", "Silver",   "Eastern", "Crown",  "Atlas",   "Vertex",
                                 "Lotus", "Granite",  "Harbor",  "Zenith", "Cedar",   "Falcon",
                                 "Orion", "Meridian", "Steppe",  "Baltic", "Sunrise", "Union"};
  static const char* kTrades[] = {"Trading",           "Logistics", "Components",
                                  "Industrial Supply", "Machinery", "Electronics",
                                  "Textiles",          "Foods",     "Shipping"};
  static const char* kForms[] = {"LLC", "Ltd", "GmbH", "Co., Ltd.", "FZE", "AB", "S.A.", "OOO"};
  static const char* kGiven[] = {"Anna", "Pavel", "Wei", "Maria", "Omar", "Lukas", "Aylin", "Jin"};
  static const char* kFamily[] = {"Kowalski", "Lindqvist", "Okafor", "Haddad",
                                  "Moreau",   "Tanaka",    "Novak",  "Castillo"};
  static const char* kCountries[] = {"DE", "US", "FR", "IT", "PL", "JP", "GB", "NL", "KG", "KZ",
                                     "AE", "HK", "CN", "TR", "AM", "GE", "IN", "RU", "IR", "SE"};
  static const char* kPlainHs[] = {"9403.30", "9401.30", "8413.70", "6203.42", "8708.99",
                                   "3926.90", "8471.30", "0901.21", "8431.49", "7318.15"};
  static const char* kPlainText[] = {"office desks",   "cotton trousers", "water pumps",
                                     "car parts",      "plastic parts",   "laptops",
                                     "roasted coffee", "crane parts",     "steel bolts"};
  static const char* kTermText[] = {
      "integrated circuits", "ball bearings 6204", "микросхемы", "подшипники", "集成电路",
      "GNSS module",         "CNC lathe"};
  static const char* kRoles[] = {"consignee",    "end_user",          "intermediate_consignee",
                                 "notify_party", "freight_forwarder", "bank"};
  std::vector<std::string> chpl = {"8542.31.0000", "8482.10", "8517.62", "8526.91.00",
                                   "8541.29",      "8458.11", "9013.80", "8534.00"};
  std::vector<const Entity*> listed;
  for (const Entity& e : entities) {
    if (e.kind == EntityKind::kOrganization || e.kind == EntityKind::kPerson) listed.push_back(&e);
  }
  auto name = [&]() -> std::string {
    if (pick(10) == 0) return listed[pick(listed.size())]->primary_name().full;
    if (pick(4) == 0) return std::string(kGiven[pick(8)]) + " " + kFamily[pick(8)];
    return std::string(kWords[pick(24)]) + " " + kWords[pick(24)] + " " + kTrades[pick(9)] + " " +
           kForms[pick(8)];
  };
  std::string out;
  for (size_t i = 0; i < count; ++i) {
    nlohmann::json s;
    s["id"] = "B" + std::to_string(i);
    nlohmann::json parties = nlohmann::json::array();
    parties.push_back({{"role", "shipper"}, {"name", name()}, {"country", kCountries[pick(8)]}});
    size_t n_parties = 3 + pick(4);
    for (size_t p = 1; p < n_parties; ++p) {
      parties.push_back({{"role", p == 1 ? "consignee" : kRoles[pick(6)]},
                         {"name", name()},
                         {"country", kCountries[pick(20)]}});
    }
    s["parties"] = std::move(parties);
    nlohmann::json goods = nlohmann::json::array();
    size_t n_lines = 1 + pick(10);
    for (size_t g = 0; g < n_lines; ++g) {
      size_t kind = pick(10);
      if (kind < 2) {
        goods.push_back(
            {{"hs_code", chpl[pick(chpl.size())]}, {"description", "electronic parts"}});
      } else if (kind < 3) {
        goods.push_back({{"description", kTermText[pick(7)]}, {"quantity", 1 + pick(1000)}});
      } else {
        size_t k = pick(9);
        goods.push_back({{"hs_code", kPlainHs[k]},
                         {"description", kPlainText[k]},
                         {"value", 100 + pick(100000)}});
      }
    }
    s["goods"] = std::move(goods);
    s["route"] = {{"origin", kCountries[pick(8)]}, {"destination", kCountries[pick(20)]}};
    if (pick(5) == 0) s["route"]["transit"] = {kCountries[pick(20)]};
    out += s.dump();
    out += '\n';
  }
  return out;
}

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    auto m = snapshot::ReadManifest(std::string(INTERDICT_DATA_DIR) + "/manifest.json");
    if (!m.ok()) Die(m.status());
    auto snap = snapshot::LoadSnapshot(*m, {});
    if (!snap.ok()) Die(snap.status());
    auto s = Screener::Create(std::move(snap->entities));
    if (!s.ok()) Die(s.status());
    w->screener = std::move(*s);
    auto t = LoadControlTables(std::string(INTERDICT_DATA_DIR) + "/goods", {});
    if (!t.ok()) Die(t.status());
    w->tables = std::move(*t);
    auto ss = ShipmentScreener::Create(*w->screener, w->tables, nullptr, {});
    if (!ss.ok()) Die(ss.status());
    w->shipments = std::move(*ss);
    w->jsonl = Generate(w->screener->entities(), ShipmentCount(), 20240503);
    auto parsed = ParseShipments(InputFile{"bench.jsonl", w->jsonl});
    if (!parsed.ok()) Die(parsed.status());
    w->parsed = std::move(*parsed);
    // Precondition: a known case gets its known verdict.
    auto known = ParseShipments(InputFile{
        "known.json",
        R"({"parties":[{"role":"consignee","name":"Centre Bright Electronics Company Limited"}],
            "goods":[{"hs_code":"8542.31"}],"route":{"destination":"HK"}})"});
    if (!known.ok()) Die(known.status());
    auto v = w->shipments->Assess(known->front());
    if (!v.ok() || v->decision != Decision::kBlock) {
      std::cerr << "trade_bench: the Entity List case did not block\n";
      std::exit(1);
    }
    return w;
  }();
  return *world;
}

void BM_Trade_ParseJsonl(benchmark::State& state) {
  World& w = TheWorld();
  for (auto _ : state) {
    auto parsed = ParseShipments(InputFile{"bench.jsonl", w.jsonl});
    benchmark::DoNotOptimize(parsed);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * w.parsed.size()));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * w.jsonl.size()));
}
BENCHMARK(BM_Trade_ParseJsonl)->Unit(benchmark::kMillisecond)->Iterations(1);

// Assesses every generated shipment on range(0) worker threads (shipment i on thread
// i mod threads); items_per_second is shipments per second of wall-clock time.
void BM_Trade_Assess(benchmark::State& state) {
  World& w = TheWorld();
  size_t threads = static_cast<size_t>(state.range(0));
  struct Tally {
    size_t counts[3] = {0, 0, 0};
    size_t parties = 0, lines = 0, errors = 0;
    std::string first_error;
  };
  std::vector<Tally> tallies(threads);
  for (auto _ : state) {
    tallies.assign(threads, Tally{});
    auto start = std::chrono::steady_clock::now();
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) {
      pool.emplace_back([&w, &tallies, t, threads] {
        Tally& mine = tallies[t];
        for (size_t i = t; i < w.parsed.size(); i += threads) {
          auto v = w.shipments->Assess(w.parsed[i]);
          if (!v.ok()) {
            if (mine.errors++ == 0) mine.first_error = v.status().ToString();
            continue;
          }
          ++mine.counts[static_cast<size_t>(v->decision)];
          mine.parties += w.parsed[i].parties.size();
          mine.lines += w.parsed[i].goods.size();
        }
      });
    }
    for (std::thread& th : pool) th.join();
    state.SetIterationTime(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  Tally total;
  for (const Tally& t : tallies) {
    for (int d = 0; d < 3; ++d) total.counts[d] += t.counts[d];
    total.parties += t.parties;
    total.lines += t.lines;
    total.errors += t.errors;
    if (total.first_error.empty()) total.first_error = t.first_error;
  }
  if (!total.first_error.empty()) {
    std::cerr << "trade_bench: " << total.errors << " shipments refused, e.g. " << total.first_error
              << "\n";
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * w.parsed.size()));
  state.counters["block"] = static_cast<double>(total.counts[2]);
  state.counters["review"] = static_cast<double>(total.counts[1]);
  state.counters["clear"] = static_cast<double>(total.counts[0]);
  state.counters["errors"] = static_cast<double>(total.errors);
  state.counters["parties"] = static_cast<double>(total.parties);
  state.counters["lines"] = static_cast<double>(total.lines);
}
BENCHMARK(BM_Trade_Assess)
    ->ArgName("threads")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseManualTime();

void BM_Trade_ParseHsCode(benchmark::State& state) {
  const char* codes[] = {"8542.31", "8542 31 00", "85423100 00", "9403.30", "8482.10.10"};
  if (!ParseHsCode(codes[0]).ok()) Die(Status::Internal("8542.31 did not parse"));
  size_t i = 0;
  for (auto _ : state) {
    auto code = ParseHsCode(codes[i++ % 5]);
    benchmark::DoNotOptimize(code);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Trade_ParseHsCode);

void BM_Trade_MatchGoodsTerms(benchmark::State& state) {
  const ControlTables& t = TheWorld().tables;
  const char* text[] = {"Deep groove ball bearings 6204-2RS, 20000 pcs", "Микросхемы интегральные",
                        "wooden office desks, 40 units", "集成电路 及 滚珠轴承"};
  if (MatchGoodsTerms(t, text[0]).empty()) Die(Status::Internal("no term in ball bearings"));
  size_t i = 0;
  for (auto _ : state) {
    auto m = MatchGoodsTerms(t, text[i++ % 4]);
    benchmark::DoNotOptimize(m);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Trade_MatchGoodsTerms);

}  // namespace
}  // namespace interdict::trade

BENCHMARK_MAIN();
