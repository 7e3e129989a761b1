// File: match/name_scorer.h
//
// Scores how likely two names denote the same party, in [0,1], and explains the score.
// Works on normalized names (normalize::NormalizeName): tokens are aligned one to one by
// similarity regardless of order; matched tokens count by their similarity and weight; an
// unmatched token counts against the score, heavily when the other side also has an
// unmatched token (a substituted name part: "AL-RAWI" for "AL-TIKRITI") and lightly when it
// is only extra (a middle name or patronymic the other side omits). A second, compact view
// (all tokens joined) catches joined or split words ("SiemensAG", "Jan Daniel"/"JanDaniel").
// Legal forms never match on their own and differ only by a small penalty.
//
//   match::NameScorer scorer(query, EntityKind::kPerson);   // once per query
//   double s = scorer.Score(candidate);                      // per candidate
//   match::NameScore why = scorer.Explain(candidate);        // for hits
//
// Thread-compatible: Score() and Explain() are const and may run concurrently.
#pragma once

#include <string>
#include <vector>

#include "interdict/entity.h"

#include "model/name_tokens.h"

namespace interdict::match {

// Tunable constants of the name scorer; defaults were chosen on the DEV evaluation sets
// (docs/match.md) and are the documented behaviour.
struct ScorerConfig {
  double token_floor = 0.76;         // token similarity below this is no match at all
  double spelling_match = 0.95;      // texts differ but spelling-folded keys agree
  double abjad_skeleton = 0.92;      // consonant skeletons agree (Arabic/Hebrew-script names)
  double abjad_short_skeleton = 0.88;  // the same, for skeletons of two consonants
  double initial_match = 0.72;       // "a" against "ahmad" in a person name
  double abbreviation_match = 0.88;  // "ind" against "industria" (not for persons)
  double acronym_match = 0.90;       // "PLA" against "People's Liberation Army"
  double nickname_match = 0.90;      // "bill" against "william" in a person name
  double patronymic_swap = 0.5;      // factor for a token aligned across "bin" (father vs son)
  // When everything that matched is common (total weight below this) and either side has
  // other words, the score is capped at common_only_cap: "Mohammed" alone is not "Mohammed Ali".
  double common_only_weight = 0.5;
  double common_only_cap = 0.78;
  // Cap for a person listed under one word when the screened name has other words ("MARTIN"
  // vs "John Martin"). 1 (off) by default, which keeps Score() symmetric; the Screener sets
  // 0.80 (docs/match.md).
  double one_word_listed_cap = 1.0;
  bool acronym_both_ways = true;        // false: only a query that is the acronym (screening)
  double similarity_power = 1.5;        // matched tokens count as similarity^power
  double extra_weight_person = 0.15;    // an extra name part on one side (persons)
  double extra_weight_other = 0.65;     // an extra word on one side (organizations, vessels)
  double conflict_weight = 1.0;         // each unmatched token when both sides have some
  // An unmatched number in a vessel name: sister ships differ only by it ("Gulf Sunbird II").
  double vessel_number_conflict = 2.5;
  double compact_floor = 0.92;          // compact view counts only from this similarity
  double legal_family_conflict = 0.90;  // "AG" vs "GmbH"
  double legal_form_variant = 0.97;     // "LLC" vs "Ltd" (same family)
  // National forms of different countries ("OOO" vs "Ltda.", "S.r.l." vs "Pte. Ltd."): the
  // same name registered in another country is another company.
  double legal_jurisdiction_conflict = 0.85;
};

enum class TokenMatchKind : uint8_t {
  kExact,
  kSpelling,
  kSkeleton,
  kFuzzy,
  kInitial,
  kAbbreviation,
  kNickname
};
std::string_view TokenMatchKindName(TokenMatchKind kind);  // "exact", "spelling", ...

struct TokenPair {
  int query = -1;      // index into the query's tokens
  int candidate = -1;  // index into the candidate's tokens
  double similarity = 0;
  TokenMatchKind kind = TokenMatchKind::kExact;
};

struct NameScore {
  double score = 0;          // final score in [0,1]
  double token_score = 0;    // the aligned-token view
  double compact_score = 0;  // the joined view (0 when below compact_floor)
  double legal_form_factor = 1;
  std::vector<TokenPair> pairs;
  std::vector<int> unmatched_query;
  std::vector<int> unmatched_candidate;
  bool used_compact = false;
  bool used_acronym = false;
  bool han_characters_differ = false;  // capped by HanSimilarity (both names in Han)

  // Back to the default value, keeping the vectors' capacity (for a reused NameScore).
  void Reset();
};

// Similarity of two single tokens in [0,1] and how it was reached (exported for tests and
// the index's recall checks).
// `abjad`: one side was written in Arabic or Hebrew script; `cross_script`: exactly one side
// was romanized from a non-Latin script.
double TokenSimilarity(const NameToken& a, const NameToken& b, bool abjad, bool person,
                       const ScorerConfig& config, TokenMatchKind* kind, bool cross_script = false);

// Consonant skeleton of a romanized word: first letter kept, later vowels and glides
// (a e i o u y w) dropped, the h of kh/sh/th/dh/gh dropped, repeated letters collapsed
// ("muhammad" -> "mhmd", "khaled" -> "kld"). Arabic script writes no short vowels, so
// skeletons are how its romanizations meet Latin spellings.
std::string ConsonantSkeleton(std::string_view word);

// Per-query memo of token similarities, keyed by candidate token id (NameToken::id) and query
// token index: the same listed words ("mohammed", "trading") recur across many candidates.
// Thread-compatible: one per thread, Begin() per query and scorer.
class TokenSimCache {
 public:
  static constexpr size_t kSlots = 8;  // query tokens past the 8th are not cached
  void Begin(size_t vocabulary);
  // True and fills *sim/*kind when (id, query_index) was stored since Begin().
  bool Lookup(uint32_t id, size_t query_index, double* sim, TokenMatchKind* kind);
  void Store(uint32_t id, size_t query_index, double sim, TokenMatchKind kind);

 private:
  std::vector<uint32_t> epoch_;
  std::vector<float> sims_;
  std::vector<uint8_t> kinds_;
  uint32_t current_ = 0;
};

class NameScorer {
 public:
  // Keeps a copy of `query`. `kind` is the kind both sides are compared as (the query's
  // kind, or kUnknown).
  NameScorer(NormalizedName query, EntityKind kind, ScorerConfig config = {});

  double Score(const NormalizedName& candidate) const { return Explain(candidate).score; }
  NameScore Explain(const NormalizedName& candidate) const { return Explain(candidate, nullptr); }
  // Same result; token similarities of plain (non-romanized) candidates go through `cache`.
  NameScore Explain(const NormalizedName& candidate, TokenSimCache* cache) const;
  // Same result in `*out`, whose vectors are reused: no allocation per candidate once they
  // have grown. `cache` may be null.
  void Explain(const NormalizedName& candidate, TokenSimCache* cache, NameScore* out) const;

  const NormalizedName& query() const { return query_; }

 private:
  NormalizedName query_;
  std::string query_compact_;
  std::vector<int> query_segments_;  // see BinSegments in name_scorer.cc
  bool query_empty_ = true;
  EntityKind kind_;
  ScorerConfig config_;
};

}  // namespace interdict::match
