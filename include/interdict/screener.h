// File: interdict/screener.h
//
// Screening a party against the loaded lists. A Screener is built once from a snapshot's
// entities (names romanized and indexed at build time) and then answers queries from many
// threads: find every listed entity the party may be, ranked by a score in [0,1], each hit
// explained.
//
//   INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<Screener> s, Screener::Create(std::move(entities)));
//   Query q;  q.name = "Sergei Shoygu";  q.kind = EntityKind::kPerson;
//   INTERDICT_ASSIGN_OR_RETURN(std::vector<Hit> hits, s->Screen(q, ScreenOptions{}));
//   for (const Hit& h : hits) std::cout << h.entity->source_id << " " << h.score << "\n";
//
// Thread-safe: a built Screener is immutable; Screen() and Compare() may run concurrently.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"
#include "interdict/status.h"

namespace interdict {

// The documented default alert threshold: a hit scoring at or above it is a potential
// match. Chosen on the DEV evaluation sets as the F1-maximizing score (docs/match.md).
inline constexpr double kDefaultThreshold = 0.86;

// Longest accepted query name, in bytes of UTF-8.
inline constexpr size_t kMaxNameBytes = 1000;

struct Query {
  std::string name;                        // REQUIRED: any script
  EntityKind kind = EntityKind::kUnknown;  // person, organization, vessel, aircraft
  std::string dob;                         // "1955-05-16", "16 May 1955", "1955", ...
  std::string country;                     // ISO alpha-2/alpha-3 or a name
  std::vector<std::string> ids;            // "9123456", "IMO 9123456", "passport:A1234567"
  std::vector<ListSource> lists;           // restrict to these sources; empty = all
};

struct ScreenOptions {
  double threshold = kDefaultThreshold;
  size_t limit = 10;  // most hits returned (best first); 0 = no limit
};

struct TokenAlignmentNote {
  std::string query_token;
  std::string matched_token;
  double similarity = 0;
  std::string how;  // "exact", "spelling", "skeleton", "fuzzy", "initial"
};

// One piece of secondary evidence and how much it moved the score.
struct FeatureNote {
  std::string feature;  // "dob", "country", "kind", "identifier", "weak_alias"
  double contribution = 0;
  std::string detail;  // "query 1955 matches listed 1955-05-16"
};

struct Explanation {
  std::string query_normalized;    // romanized tokens of the query ("sergei shoygu")
  std::string matched_normalized;  // romanized tokens of the matched name
  bool query_transliterated = false;
  bool match_transliterated = false;
  std::vector<TokenAlignmentNote> alignment;
  std::vector<std::string> unmatched_query;
  std::vector<std::string> unmatched_match;
  double name_score = 0;
  double token_score = 0;
  double compact_score = 0;  // joined-words view, when it decided
  double legal_form_factor = 1;
  bool han_characters_differ = false;  // both written in Han; same pinyin, other characters
  std::vector<FeatureNote> features;

  // One line for tables: "shoygu~shoigu(spelling) sergei=sergei; dob +0.04".
  std::string Summary() const;
};

struct Hit {
  const Entity* entity = nullptr;  // owned by the Screener; valid while it lives
  const Name* matched = nullptr;   // the name or alias that matched
  double score = 0;                // final score in [0,1]
  Explanation explanation;
};

struct CompareResult {
  double score = 0;
  Explanation explanation;
};

class Screener {
 public:
  virtual ~Screener() = default;

  // Builds the index over `entities` (names normalized once here). Fails with
  // kInvalidArgument only when `entities` is empty.
  static Result<std::unique_ptr<Screener>> Create(std::vector<Entity> entities);

  // Errors (kInvalidArgument): empty or whitespace-only name, name longer than
  // kMaxNameBytes, invalid UTF-8, a name with no informative word (only a legal form or a
  // title), threshold outside [0,1].
  virtual Result<std::vector<Hit>> Screen(const Query& query,
                                          const ScreenOptions& options) const = 0;

  // Scores one pair of names as `kind` with the same scorer and token weights as Screen().
  // Same errors as Screen() for either name.
  virtual Result<CompareResult> Compare(std::string_view a, std::string_view b,
                                        EntityKind kind) const = 0;

  // Brute force: scores every listed name (no index). For recall checks and benchmarks.
  virtual Result<std::vector<Hit>> ScreenExhaustive(const Query& query,
                                                    const ScreenOptions& options) const = 0;

  virtual const std::vector<Entity>& entities() const = 0;
  virtual size_t indexed_names() const = 0;
};

}  // namespace interdict
