#include "throughput/query_gen.h"

#include <algorithm>
#include <sstream>

namespace interdict::bench {
namespace {

// Common given names and surnames from several regions, for unlisted names. Combined at
// random they make names that mostly do not exist on the lists (as most customers do not).
constexpr const char* kGiven[] = {
    "John",   "Maria", "Wei",    "Anna",  "Carlos", "Fatima", "Hans",   "Olga",
    "Pierre", "Yuki",  "Aisha",  "Luca",  "Sofia",  "Daniel", "Chen",   "Ivan",
    "Emma",   "Jose",  "Mei",    "Peter", "Laura",  "Ahmed",  "Elena",  "Jan",
    "Thomas", "Sarah", "Miguel", "Nadia", "Kenji",  "Ingrid", "Rafael", "Zara"};
constexpr const char* kFamily[] = {
    "Smith",     "Garcia",    "Mueller",  "Rossi",    "Dubois",    "Tanaka",  "Kowalski", "Silva",
    "Johansson", "Novak",     "Jensen",   "Martin",   "Lopez",     "Fischer", "Moreau",   "Bianchi",
    "Nakamura",  "Andersen",  "Horvat",   "Oliveira", "Lindqvist", "Weber",   "Fontaine", "Ricci",
    "Schmidt",   "Hernandez", "Yamamoto", "Kovac",    "Pereira",   "Berg",    "Wagner",   "Costa"};
constexpr const char* kCompanyWords[] = {"Northwind", "Bluefield", "Alpine",    "Harbor",
                                         "Meridian",  "Cedar",     "Granite",   "Silverline",
                                         "Sunrise",   "Oakridge",  "Pinnacle",  "Riverside",
                                         "Summit",    "Lakeside",  "Evergreen", "Redwood"};
constexpr const char* kCompanyKinds[] = {"Logistics", "Trading", "Foods",     "Textiles",
                                         "Software",  "Dental",  "Furniture", "Consulting"};
constexpr const char* kLegal[] = {"LLC", "Ltd", "GmbH", "Inc.", "S.A.", "Co., Ltd.", "AG", "OOO"};

std::vector<std::string> Words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::string JoinWords(const std::vector<std::string>& w) {
  std::string out;
  for (const std::string& x : w) out += (out.empty() ? "" : " ") + x;
  return out;
}

bool IsAscii(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

}  // namespace

QueryGenerator::QueryGenerator(const std::vector<Entity>& entities, uint64_t seed,
                               double listed_share)
    : entities_(entities), rng_(seed), listed_share_(listed_share) {}

std::string QueryGenerator::Typo(const std::string& s) {
  if (s.size() < 5) return s;
  std::string out = s;
  std::uniform_int_distribution<size_t> pos(1, s.size() - 2);
  size_t p = pos(rng_);
  if (out[p] == ' ' || out[p - 1] == ' ') return out;
  switch (rng_() % 4) {
    case 0:
      out[p] = static_cast<char>('a' + rng_() % 26);
      break;
    case 1:
      out.erase(p, 1);
      break;
    case 2:
      out.insert(p, 1, out[p]);
      break;
    default:
      std::swap(out[p], out[p - 1]);
      break;
  }
  return out;
}

std::string QueryGenerator::Unlisted() {
  if (rng_() % 2 == 0) {
    return std::string(kGiven[rng_() % std::size(kGiven)]) + " " +
           kFamily[rng_() % std::size(kFamily)];
  }
  return std::string(kCompanyWords[rng_() % std::size(kCompanyWords)]) + " " +
         kCompanyKinds[rng_() % std::size(kCompanyKinds)] + " " +
         kLegal[rng_() % std::size(kLegal)];
}

GeneratedQuery QueryGenerator::Next() {
  GeneratedQuery g;
  std::uniform_real_distribution<double> u(0, 1);
  if (entities_.empty() || u(rng_) >= listed_share_) {
    g.query.name = Unlisted();
    g.variant = "unlisted";
    return g;
  }
  const Entity* e = nullptr;
  const Name* n = nullptr;
  for (int attempt = 0; attempt < 20 && n == nullptr; ++attempt) {
    e = &entities_[rng_() % entities_.size()];
    const Name& cand = e->names[rng_() % e->names.size()];
    if (IsAscii(cand.full) && cand.full.size() >= 4) n = &cand;
  }
  if (n == nullptr) {
    g.query.name = Unlisted();
    g.variant = "unlisted";
    return g;
  }
  g.expected = e;
  g.query.kind = e->kind;
  std::vector<std::string> words = Words(n->full);
  for (std::string& w : words) {
    if (!w.empty() && w.back() == ',') w.pop_back();
  }
  switch (rng_() % 6) {
    case 0:
      g.variant = "exact";
      g.query.name = n->full;
      break;
    case 1:
      g.variant = "typo";
      g.query.name = Typo(JoinWords(words));
      break;
    case 2:
      g.variant = "reorder";
      std::shuffle(words.begin(), words.end(), rng_);
      g.query.name = JoinWords(words);
      break;
    case 3:
      g.variant = "drop_word";
      if (words.size() >= 3) words.erase(words.begin() + static_cast<long>(rng_() % words.size()));
      g.query.name = JoinWords(words);
      break;
    case 4:
      g.variant = "legal_form";
      words.push_back(kLegal[rng_() % std::size(kLegal)]);
      g.query.name = JoinWords(words);
      break;
    default: {
      g.variant = "case_punct";
      std::string s = JoinWords(words);
      for (char& c : s) {
        if (c >= 'A' && c <= 'Z' && rng_() % 2) c = static_cast<char>(c - 'A' + 'a');
      }
      g.query.name = s + ".";
      break;
    }
  }
  return g;
}

}  // namespace interdict::bench
