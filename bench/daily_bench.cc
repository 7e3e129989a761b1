// daily_bench: re-screening speed. Generates N customers (default 1,000,000; seeded): about
// 2% spelling variants of names on the 2023-02-24 SDN list (a letter dropped, doubled or
// swapped, given and family name reversed) and the rest realistic unlisted names from
// first/last name pools, then times
//   delta: every customer against the 256 entities added or changed on 2023-02-24;
//   full:  every customer against the whole 2023-02-24 list (11,847 entities).
//
//   daily_bench [--customers N] [--threads T] [--skip-full]
//
// Prints wall and CPU seconds, customers/s and the number of potential matches for each.
// Before timing, checks on a sample that the delta run finds every hit the full run finds on
// a delta entity.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <sys/resource.h>

#include "interdict/screener.h"

#include "daily/delta.h"
#include "daily/rescreen.h"
#include "lists/registry.h"
#include "snapshot/file_io.h"

namespace interdict::daily {
namespace {

std::vector<Entity> LoadDay(const std::string& day) {
  std::string path = std::string(INTERDICT_DATA_DIR) + "/history/" + day + "/sdn.csv.gz";
  auto bytes = snapshot::ReadListFile(path);
  if (!bytes.ok()) {
    std::fprintf(stderr, "daily_bench: %s\n", bytes.status().ToString().c_str());
    std::exit(2);
  }
  InputFile files[] = {{"sdn.csv", *bytes}};
  auto parsed = lists::ParseList(lists::ListFormat::kOfacCsv, ListSource::kOfacSdn, files);
  if (!parsed.ok()) {
    std::fprintf(stderr, "daily_bench: %s\n", parsed.status().ToString().c_str());
    std::exit(2);
  }
  return std::move(parsed->entities);
}

constexpr std::string_view kGiven[] = {
    "James",  "Mary",  "John",   "Patricia", "Robert", "Jennifer", "Michael", "Linda",
    "David",  "Sarah", "Daniel", "Laura",    "Thomas", "Emma",     "Lukas",   "Sofia",
    "Mateo",  "Lucia", "Hugo",   "Chloe",    "Kenji",  "Yuki",     "Priya",   "Arjun",
    "Fatima", "Omar",  "Mehmet", "Elif",     "Pieter", "Anke",     "Lars",    "Ingrid",
    "Carlos", "Ana",   "Joao",   "Beatriz",  "Wei",    "Mei",      "Tomasz",  "Agnieszka",
    "Olivia", "Liam",  "Noah",   "Amelia",   "Grace",  "Oliver",   "Isabel",  "Diego"};
constexpr std::string_view kFamily[] = {
    "Smith",    "Johnson",   "Williams", "Brown",    "Jones",    "Garcia",   "Miller",  "Davis",
    "Martinez", "Lopez",     "Wilson",   "Anderson", "Taylor",   "Moore",    "Jackson", "Martin",
    "Schmidt",  "Schneider", "Fischer",  "Weber",    "Dubois",   "Lefebvre", "Rossi",   "Russo",
    "Bianchi",  "Tanaka",    "Suzuki",   "Sato",     "Sharma",   "Patel",    "Gupta",   "Yilmaz",
    "Kaya",     "Demir",     "de Vries", "Jansen",   "Nielsen",  "Hansen",   "Silva",   "Santos",
    "Oliveira", "Chen",      "Wang",     "Nowak",    "Kowalski", "O'Brien",  "Murphy",  "Kelly"};
constexpr std::string_view kCompanyWords[] = {
    "Atlantic", "Northern", "Global",   "Green",   "Blue",      "Harbor",   "Summit",
    "Pioneer",  "Golden",   "Silver",   "River",   "Mountain",  "Coastal",  "United",
    "Textiles", "Seafood",  "Timber",   "Foods",   "Logistics", "Software", "Pharma",
    "Motors",   "Trading",  "Holdings", "Systems", "Energy",    "Farms",    "Design"};
constexpr std::string_view kLegal[] = {"Ltd", "LLC", "Inc", "GmbH", "SA", "BV", "AB", "Pty Ltd"};

// A spelling variant of `name`: one edit a data-entry clerk or a transliteration makes.
std::string Variant(std::string name, std::mt19937& rng) {
  if (name.size() < 6) return name;
  std::uniform_int_distribution<size_t> pos(1, name.size() - 2);
  size_t p = pos(rng);
  switch (rng() % 4) {
    case 0:
      name.erase(p, 1);
      break;
    case 1:
      name.insert(p, 1, name[p]);
      break;
    case 2:
      std::swap(name[p], name[p + 1]);
      break;
    default: {
      size_t comma = name.find(", ");
      if (comma != std::string::npos) name = name.substr(comma + 2) + " " + name.substr(0, comma);
    }
  }
  return name;
}

std::vector<store::Customer> Generate(size_t n, const std::vector<Entity>& listed, uint32_t seed) {
  std::mt19937 rng(seed);
  std::vector<store::Customer> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    store::Customer c;
    c.id = "C" + std::to_string(i);
    uint32_t r = rng() % 100;
    if (r < 2) {
      const Entity& e = listed[rng() % listed.size()];
      c.name = Variant(e.primary_name().full, rng);
      c.kind = e.kind;
    } else if (r < 75) {
      c.name = std::string(kGiven[rng() % std::size(kGiven)]) + " " +
               std::string(kFamily[rng() % std::size(kFamily)]);
      c.kind = EntityKind::kPerson;
      c.dob = std::to_string(1940 + rng() % 65);
    } else {
      c.name = std::string(kCompanyWords[rng() % std::size(kCompanyWords)]) + " " +
               std::string(kCompanyWords[rng() % std::size(kCompanyWords)]) + " " +
               std::string(kLegal[rng() % std::size(kLegal)]);
      c.kind = EntityKind::kOrganization;
    }
    out.push_back(std::move(c));
  }
  return out;
}

// User + system CPU seconds of the process so far: on a shared machine the wall time depends
// on the load, the CPU time much less.
double CpuSeconds() {
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

double Run(const char* what, const Screener& screener, std::span<const store::Customer> customers,
           int threads) {
  ScreenParams p;
  p.threads = threads;
  ScreenStats stats;
  const double cpu_start = CpuSeconds();
  auto start = std::chrono::steady_clock::now();
  auto matches = ScreenCustomers(screener, customers, p, &stats);
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = CpuSeconds() - cpu_start;
  if (!matches.ok()) {
    std::fprintf(stderr, "daily_bench: %s\n", matches.status().ToString().c_str());
    std::exit(2);
  }
  std::printf(
      "%-6s %9zu customers x %6zu entities: %7.2f s  %9.0f customers/s  %zu matches, "
      "%zu skipped  (%.2f s CPU)\n",
      what, customers.size(), screener.entities().size(), s,
      static_cast<double>(customers.size()) / s, matches->size(), stats.skipped, cpu);
  std::fflush(stdout);
  return s;
}

int Main(int argc, char** argv) {
  size_t n = 1'000'000;
  int threads = 0;
  bool skip_full = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--customers" && i + 1 < argc)
      n = std::strtoull(argv[++i], nullptr, 10);
    else if (a == "--threads" && i + 1 < argc)
      threads = std::atoi(argv[++i]);
    else if (a == "--skip-full")
      skip_full = true;
    else {
      std::fprintf(stderr, "usage: daily_bench [--customers N] [--threads T] [--skip-full]\n");
      return 2;
    }
  }
  std::vector<Entity> before = LoadDay("2023-02-22");
  std::vector<Entity> after = LoadDay("2023-02-24");
  Delta delta = ComputeDelta(before, after);
  std::vector<Entity> touched;
  for (const Entity* e : delta.added) touched.push_back(*e);
  for (const EntityChange& c : delta.changed) touched.push_back(*c.after);
  std::vector<store::Customer> customers = Generate(n, after, 20230224);
  auto delta_screener = Screener::Create(touched);
  auto full_screener = Screener::Create(after);
  if (!delta_screener.ok() || !full_screener.ok()) return 2;

  // Precondition: on a sample, the delta run finds every full-run hit on a delta entity.
  std::set<std::string> delta_keys;
  for (const Entity& e : touched) delta_keys.insert(e.source_id);
  std::vector<store::Customer> sample(customers.begin(),
                                      customers.begin() + std::min<size_t>(20000, n));
  for (const store::Customer& e : Generate(200, touched, 7)) sample.push_back(e);
  ScreenParams p;
  p.threads = threads;
  p.limit = 0;
  auto d = ScreenCustomers(**delta_screener, sample, p, nullptr);
  auto f = ScreenCustomers(**full_screener, sample, p, nullptr);
  std::set<std::pair<size_t, std::string>> got, want;
  for (const CustomerMatch& m : *d) got.insert({m.customer, m.hit.entity->source_id});
  for (const CustomerMatch& m : *f) {
    if (delta_keys.count(m.hit.entity->source_id))
      want.insert({m.customer, m.hit.entity->source_id});
  }
  size_t missed = 0;
  for (const auto& w : want) missed += got.count(w) == 0;
  std::printf(
      "check  %zu sample customers: %zu delta hits, %zu full-run hits on delta entities, "
      "%zu missed\n",
      sample.size(), got.size(), want.size(), missed);
  if (missed > 0) return 1;

  double delta_s = Run("delta", **delta_screener, customers, threads);
  std::printf("       target < 10 s: %s\n", delta_s < 10 ? "met" : "NOT met");
  if (!skip_full) {
    double full_s = Run("full", **full_screener, customers, threads);
    std::printf("       target < 120 s: %s\n", full_s < 120 ? "met" : "NOT met");
  }
  return 0;
}

}  // namespace
}  // namespace interdict::daily

int main(int argc, char** argv) { return interdict::daily::Main(argc, argv); }
