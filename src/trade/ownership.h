// File: trade/ownership.h
//
// OFAC's 50 percent rule over an ownership graph: an entity owned 50% or more in the
// aggregate, directly or indirectly, by one or more blocked persons is itself blocked, and
// its own holdings then count as a blocked person's (OFAC, "Revised Guidance on Entities
// Owned by Persons Whose Property and Interests in Property Are Blocked", 13 Aug 2014).
//
//   OwnershipGraph g;
//   INTERDICT_RETURN_IF_ERROR(g.AddCsv(InputFile{"owners.csv", bytes}, resolver));
//   g.Solve(options);
//   OwnershipFinding f = g.Assess(*g.FindNode("Volga Trade LLC"));
//   if (f.blocked) ... f.steps ...   // "TIMCHENKO, Gennady Nikolayevich [ofac_sdn:16666] owns 30%"
//
// The graph CSV has the columns owner, owned, percent (docs/trade.md#ownership). Parties are
// list references ("ofac_sdn:16666") or names; a name is resolved through the Screener and the
// score is kept. Cycles are fine: blocked status is a least fixpoint. Thread-compatible: build
// and Solve() once, then Assess() from many threads.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interdict/entity.h"
#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::trade {

// What a party label stands for on the loaded lists.
struct Resolution {
  const Entity* entity = nullptr;  // nullptr: not listed
  double score = 0;                // 1 for a list reference; the Screener's score for a name
  std::string how;                 // "reference", "name", "" (not listed)
};
// Resolves a label (a list reference or a name). An error rejects the label (for example a
// reference to an entity that is not loaded, or a name with no informative word).
using Resolver = std::function<Result<Resolution>(std::string_view label)>;

struct OwnershipOptions {
  // Lists whose entries are blocked persons for the rule (OFAC's rule concerns the SDN list).
  std::vector<ListSource> blocking_sources = {ListSource::kOfacSdn};
  double block_percent = 50;  // aggregate blocked ownership at which an entity is blocked
  // Look-through paths are followed this deep and dropped below this effective percent.
  int max_depth = 8;
  double min_effective_percent = 0.01;
};

// One blocked owner's direct holding in the subject.
struct BlockedHolding {
  std::string owner;      // label as written
  std::string reference;  // "ofac_sdn:16666" when listed, "" when blocked by the rule
  double percent = 0;
  bool listed = false;  // listed itself (else blocked through its own owners)
  double resolution_score = 1;
};

struct OwnershipFinding {
  std::string subject;
  bool listed_blocked = false;  // the subject itself is a listed blocked person
  bool blocked = false;         // by listing or by the 50% rule
  double blocked_percent = 0;   // sum of direct holdings of blocked owners
  std::vector<BlockedHolding> holdings;
  // Effective (multiplied-through) interest of listed blocked persons along every ownership
  // path, whether or not the intermediates are blocked; shows minority interests too.
  double look_through_percent = 0;
  // Readable explanation, root causes first: "TIMCHENKO, Gennady [ofac_sdn:16666] is listed
  // (ofac_sdn)", "HOLDCO owns 60% of VOLGA: 60% blocked ownership >= 50%: blocked", ...
  std::vector<std::string> steps;
  // The weakest name-resolution score the finding relies on (1 when only references).
  double weakest_resolution = 1;
};

class OwnershipGraph {
 public:
  // Parses an ownership CSV (header with owner, owned, percent; any order; extra columns
  // ignored) and adds its edges, resolving each new label with `resolve`. Errors
  // (kInvalidArgument, naming the file and line): empty or binary file, bad UTF-8, missing
  // column, empty owner or owned, a percent that is not a number in (0, 100] (a trailing
  // "%" is fine), an entity owning itself, the same owner and owned twice, owners of one
  // entity adding up to more than 100%, and resolver errors. A failed file adds nothing.
  Status AddCsv(const InputFile& file, const Resolver& resolve);

  // Adds one edge (labels resolved as in AddCsv). Errors as in AddCsv, naming `where`.
  Status AddEdge(std::string_view owner, std::string_view owned, double percent,
                 const std::string& where, const Resolver& resolve);

  // Computes who is blocked (the least fixpoint over the graph, so cycles terminate) and
  // the look-through interests. Call after the last Add, before Assess.
  void Solve(const OwnershipOptions& options);

  // The node of a label (list reference or name, compared ignoring case and spacing), or of
  // an entity; nullopt when the graph does not know it.
  std::optional<size_t> FindNode(std::string_view label) const;
  std::optional<size_t> FindEntity(const Entity* entity) const;

  // REQUIRES: Solve() ran and node < size().
  OwnershipFinding Assess(size_t node) const;

  // Combines a party's owners stated outside the graph (each a label with a percent, each
  // resolved with `resolve` or found in the graph) with what the graph says of `node`
  // (nullopt when the party is not in the graph). Errors: the resolver's.
  Result<OwnershipFinding> AssessWithOwners(
      std::string_view subject, std::optional<size_t> node,
      const std::vector<std::pair<std::string, double>>& owners, const Resolver& resolve) const;

  size_t size() const { return nodes_.size(); }
  size_t edges() const { return edges_.size(); }
  const std::string& label(size_t node) const { return nodes_[node].label; }
  const Resolution& resolution(size_t node) const { return nodes_[node].resolution; }
  bool blocked(size_t node) const { return nodes_[node].blocked; }

 private:
  struct Edge {
    size_t owner = 0;
    size_t owned = 0;
    double percent = 0;
    std::string where;
  };
  struct Node {
    std::string label;
    Resolution resolution;
    std::vector<size_t> owners;  // edge indexes where this node is owned
    bool listed_blocked = false;
    bool blocked = false;
    int round = -1;  // fixpoint round in which it became blocked (0 = listed)
    double blocked_percent = 0;
    double look_through = 0;
    double weakest_resolution = 1;
  };

  static std::string Key(std::string_view label);
  Result<size_t> NodeFor(std::string_view label, const Resolver& resolve);
  std::string Describe(size_t node) const;
  void Explain(size_t node, std::vector<std::string>* steps, std::vector<bool>* seen) const;
  // Sum over ownership paths from listed blocked persons to `node` of the product of the
  // percents (cycle-free paths, bounded by max_depth and min_effective_percent). Appends up to
  // a few paths as text to *paths when it is not null.
  double LookThrough(size_t node, int depth, double factor, std::vector<bool>* on_path,
                     std::vector<size_t>* path, std::vector<std::string>* paths) const;

  OwnershipOptions options_;
  std::vector<Node> nodes_;
  std::vector<Edge> edges_;
  std::unordered_map<std::string, size_t> by_key_;
  std::unordered_map<const Entity*, size_t> by_entity_;
};

// True when `entity` is on one of `options.blocking_sources` (the CSL's copies of SDN entries
// count as ofac_sdn).
bool IsBlockingEntity(const Entity& entity, const OwnershipOptions& options);

}  // namespace interdict::trade
