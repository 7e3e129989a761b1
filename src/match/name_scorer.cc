#include "match/name_scorer.h"

#include <algorithm>
#include <cmath>

#include "match/string_metrics.h"

namespace interdict::match {
namespace {

bool IsVowelLike(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y' || c == 'w';
}

double Blend(std::string_view a, std::string_view b) {
  return 0.5 * JaroWinkler(a, b) + 0.5 * OsaSimilarity(a, b);
}

bool Informative(const NameToken& t) { return t.role != TokenRole::kParticle; }

}  // namespace

std::string_view TokenMatchKindName(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kExact:
      return "exact";
    case TokenMatchKind::kSpelling:
      return "spelling";
    case TokenMatchKind::kSkeleton:
      return "skeleton";
    case TokenMatchKind::kFuzzy:
      return "fuzzy";
    case TokenMatchKind::kInitial:
      return "initial";
  }
  return "fuzzy";
}

std::string ConsonantSkeleton(std::string_view word) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    // Digraphs for one Arabic consonant (kh, sh, th, dh, gh) keep their first letter.
    if (c == 'h' && i > 0 &&
        (word[i - 1] == 'k' || word[i - 1] == 's' || word[i - 1] == 't' || word[i - 1] == 'd' ||
         word[i - 1] == 'g')) {
      continue;
    }
    if (i > 0 && IsVowelLike(c)) continue;
    if (!out.empty() && out.back() == c) continue;
    out.push_back(c);
  }
  return out;
}

double TokenSimilarity(const NameToken& a, const NameToken& b, bool abjad, bool person,
                       const ScorerConfig& config, TokenMatchKind* kind) {
  *kind = TokenMatchKind::kExact;
  if (a.text == b.text) return 1.0;
  if (a.role == TokenRole::kParticle || b.role == TokenRole::kParticle) return 0.0;
  if (a.role == TokenRole::kNumber || b.role == TokenRole::kNumber) return 0.0;
  if (a.role == TokenRole::kInitial || b.role == TokenRole::kInitial) {
    if (!person && a.role != b.role) return 0.0;
    *kind = TokenMatchKind::kInitial;
    return a.text[0] == b.text[0] ? config.initial_match : 0.0;
  }
  if (!a.key.empty() && a.key == b.key) {
    *kind = TokenMatchKind::kSpelling;
    return config.spelling_match;
  }
  *kind = TokenMatchKind::kFuzzy;
  double s = Blend(a.text, b.text);
  if (a.key != a.text || b.key != b.text) s = std::max(s, 0.98 * Blend(a.key, b.key));
  if (abjad) {
    std::string sa = ConsonantSkeleton(a.text), sb = ConsonantSkeleton(b.text);
    if (sa.size() >= 2 && sa == sb && config.abjad_skeleton > s) {
      *kind = TokenMatchKind::kSkeleton;
      s = config.abjad_skeleton;
    }
  }
  return s >= config.token_floor ? s : 0.0;
}

NameScorer::NameScorer(NormalizedName query, EntityKind kind, ScorerConfig config)
    : query_(std::move(query)), query_compact_(query_.Compact()), kind_(kind), config_(config) {}

NameScore NameScorer::Explain(const NormalizedName& cand) const {
  NameScore out;
  if (query_.Empty() || cand.Empty()) return out;
  const bool person = kind_ == EntityKind::kPerson;
  const bool abjad = query_.abjad || cand.abjad;
  const auto& qt = query_.tokens;
  const auto& ct = cand.tokens;

  // Candidate pairs above the floor, best first; then greedy one-to-one assignment.
  struct Edge {
    double sim;
    int q, c;
    TokenMatchKind kind;
  };
  Edge edges_stack[64];
  std::vector<Edge> edges_heap;
  Edge* edges = edges_stack;
  size_t n_edges = 0;
  if (qt.size() * ct.size() > 64) {
    edges_heap.resize(qt.size() * ct.size());
    edges = edges_heap.data();
  }
  for (size_t i = 0; i < qt.size(); ++i) {
    for (size_t j = 0; j < ct.size(); ++j) {
      TokenMatchKind kind;
      double s = TokenSimilarity(qt[i], ct[j], abjad, person, config_, &kind);
      if (s > 0) edges[n_edges++] = Edge{s, static_cast<int>(i), static_cast<int>(j), kind};
    }
  }
  std::sort(edges, edges + n_edges, [](const Edge& a, const Edge& b) {
    if (a.sim != b.sim) return a.sim > b.sim;
    if (a.q != b.q) return a.q < b.q;
    return a.c < b.c;
  });
  // Tokens past the 64th never align (NormalizeName keeps at most kMaxTokens anyway).
  bool q_done[64] = {}, c_done[64] = {};
  double num = 0, den = 0;
  for (size_t e = 0; e < n_edges; ++e) {
    const Edge& edge = edges[e];
    if (edge.q >= 64 || edge.c >= 64 || q_done[edge.q] || c_done[edge.c]) continue;
    q_done[edge.q] = c_done[edge.c] = true;
    double w = 0.5 * (qt[static_cast<size_t>(edge.q)].weight + ct[static_cast<size_t>(edge.c)].weight);
    num += w * std::pow(edge.sim, config_.similarity_power);
    den += w;
    out.pairs.push_back(TokenPair{edge.q, edge.c, edge.sim, edge.kind});
  }
  double unmatched_q = 0, unmatched_c = 0;
  for (size_t i = 0; i < qt.size(); ++i) {
    if (i < 64 && q_done[i]) continue;
    out.unmatched_query.push_back(static_cast<int>(i));
    if (Informative(qt[i])) unmatched_q += qt[i].weight;
  }
  for (size_t j = 0; j < ct.size(); ++j) {
    if (j < 64 && c_done[j]) continue;
    out.unmatched_candidate.push_back(static_cast<int>(j));
    if (Informative(ct[j])) unmatched_c += ct[j].weight;
  }
  const double extra = person ? config_.extra_weight_person : config_.extra_weight_other;
  const double substituted = std::min(unmatched_q, unmatched_c);
  den += config_.conflict_weight * 2 * substituted +
         extra * (std::max(unmatched_q, unmatched_c) - substituted);
  out.token_score = den > 0 ? num / den : 0.0;

  // Compact view: joined or split words.
  std::string cand_compact = cand.Compact();
  if (!query_compact_.empty() && !cand_compact.empty()) {
    double cs = Blend(query_compact_, cand_compact);
    if (cs >= config_.compact_floor) out.compact_score = cs;
  }
  out.score = out.token_score;
  if (out.compact_score > out.score) {
    out.score = out.compact_score;
    out.used_compact = true;
  }

  // Legal forms: a conflict lowers the score a little; absence on one side is no conflict.
  if (!query_.legal_form.empty() && !cand.legal_form.empty() &&
      query_.legal_form != cand.legal_form) {
    out.legal_form_factor = query_.legal_family == cand.legal_family
                                ? config_.legal_form_variant
                                : config_.legal_family_conflict;
    out.score *= out.legal_form_factor;
  }
  out.score = std::clamp(out.score, 0.0, 1.0);
  return out;
}

}  // namespace interdict::match
