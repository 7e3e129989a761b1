#include "match/token_weights.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace interdict::match {
namespace {

constexpr float kParticleWeight = 0.1f;
constexpr float kInitialWeight = 0.3f;
constexpr float kNumberWeight = 0.3f;
constexpr float kMinWordWeight = 0.2f;
constexpr float kPatronymicWeight = 0.4f;

// Generic words of organization names, weighted low even without a corpus.
constexpr std::string_view kGenericWords[] = {
    "trading",      "international", "group",       "holding",     "holdings",    "industries",
    "industrial",   "industry",      "enterprise",  "enterprises", "services",    "service",
    "general",      "global",        "national",    "investment",  "investments", "technology",
    "technologies", "import",        "export",      "logistics",   "company",     "corporation",
    "bank",         "shipping",      "commercial",  "development", "management",  "solutions",
    "systems",      "engineering",   "consulting",  "partners",    "resources",   "energy",
    "products",     "manufacturing", "electronics", "equipment",   "trade",       "business",
    "world",        "first",         "united",      "new",         "east",        "west",
    "north",        "south",         "middle",      "far",         "asia",        "europe",
};

}  // namespace

void TokenWeights::AddDocument(const NormalizedName& name) {
  ++documents_;
  std::unordered_set<std::string_view> seen;
  for (const NameToken& t : name.tokens) {
    if (t.role != TokenRole::kWord) continue;
    if (seen.insert(t.key).second) ++df_[t.key];
  }
}

void TokenWeights::Finish() {
  weight_.clear();
  if (documents_ == 0) return;
  // idf = ln(N / df); a word in a single name gets the most. Scale so that words in at most
  // ~1 in 2,000 names weigh 1, clamp below at kMinWordWeight.
  const double full = std::log(2000.0);
  for (const auto& [key, df] : df_) {
    double idf = std::log(static_cast<double>(documents_) / static_cast<double>(df));
    auto w = static_cast<float>(std::clamp(idf / full, static_cast<double>(kMinWordWeight), 1.0));
    if (w < 1.0f) weight_.emplace(key, w);
  }
  df_.clear();
}

float TokenWeights::Weight(const NameToken& token) const {
  switch (token.role) {
    case TokenRole::kParticle:
      return kParticleWeight;
    case TokenRole::kInitial:
      return kInitialWeight;
    case TokenRole::kNumber:
      return kNumberWeight;
    case TokenRole::kWord:
      break;
  }
  float w = 1.0f;
  if (documents_ > 0) {
    auto it = weight_.find(token.key);
    if (it != weight_.end()) w = it->second;
  }
  // East Slavic patronymics ("Kuzhugetovich", "Aleksandrovna") say little on their own and
  // are often left out by whoever writes the name.
  const std::string& t = token.text;
  auto ends = [&](std::string_view suffix) {
    return t.size() > suffix.size() + 3 &&
           t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  if (ends("ovich") || ends("evich") || ends("ovna") || ends("evna") || ends("ichna") ||
      ends("ovych") || ends("ivna")) {
    w = std::min(w, kPatronymicWeight);
  }
  if (documents_ > 0) return w;
  for (std::string_view g : kGenericWords) {
    if (token.text == g) return std::min(w, 0.35f);
  }
  return w;
}

void TokenWeights::Apply(NormalizedName* name) const {
  for (NameToken& t : name->tokens) t.weight = Weight(t);
}

}  // namespace interdict::match
