// File: trade/shipment_screener.h
//
// One verdict per shipment: every party screened against the lists (with the Screener), the
// parties' blocked ownership (OFAC 50% rule), the goods against the CHPL (HS code, or
// description terms as weaker evidence) and the route against the embargo and diversion
// tables. Each finding is a Reason with the rule it comes from (docs/trade.md#rules); the
// verdict is the strictest action among them.
//
//   INTERDICT_ASSIGN_OR_RETURN(auto ss, ShipmentScreener::Create(screener, tables, &graph, {}));
//   INTERDICT_ASSIGN_OR_RETURN(Verdict v, ss->Assess(shipment));
//   if (v.decision == Decision::kBlock) ...
//
// Thread-safe: Assess() is const and may run concurrently.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/screener.h"
#include "interdict/status.h"

#include "trade/controls.h"
#include "trade/listed.h"
#include "trade/ownership.h"
#include "trade/shipment.h"

namespace interdict::trade {

enum class Decision : uint8_t { kClear = 0, kReview, kBlock };
std::string_view DecisionName(Decision decision);  // "clear", "review", "block"

// What one reason asks for. kInfo is recorded but does not change the verdict.
enum class Action : uint8_t { kInfo = 0, kReview, kBlock };
std::string_view ActionName(Action action);  // "info", "review", "block"

struct Reason {
  std::string rule;   // "party.listed.blocking", "goods.chpl.hs", ... (docs/trade.md#rules)
  std::string layer;  // "party", "ownership", "goods", "route"
  Action action = Action::kInfo;
  std::string evidence;    // "strong" (listing, HS code, table) or "weak" (fuzzy name, term)
  std::string message;     // one readable sentence
  int party = -1;          // index into Shipment::parties, or -1
  int goods_line = -1;     // index into Shipment::goods, or -1
  std::optional<Hit> hit;  // party rules: the Screener's hit (its entity lives in the Screener)
  std::optional<OwnershipFinding> ownership;  // ownership rules
  std::vector<std::string> details;           // related parties, matched terms, tables' rows
};

struct Verdict {
  std::string shipment_id;
  Decision decision = Decision::kClear;
  std::vector<Reason> reasons;  // per party (hits, relations, ownership), then goods, route
  std::string destination;      // ISO alpha-2 used for the route rules
};

struct ShipmentScreenerOptions {
  double threshold = kDefaultThreshold;  // a party hit at or above it is a potential match
  // A hit at or above this score (on a strong alias) counts as the listed party itself;
  // below it, a potential match asks for review only.
  double strong_score = 0.97;
  size_t hits_per_party = 3;  // potential matches reported per party
  OwnershipOptions ownership;
};

class ShipmentScreener {
 public:
  virtual ~ShipmentScreener() = default;

  // Borrows `screener`, `tables` and `graph` (may be null): they must outlive the result.
  // `graph` must have been Solve()d. kInvalidArgument for a threshold outside [0,1] or
  // strong_score below threshold.
  static Result<std::unique_ptr<ShipmentScreener>> Create(const Screener& screener,
                                                          const ControlTables& tables,
                                                          const OwnershipGraph* graph,
                                                          ShipmentScreenerOptions options);

  // The verdict with every reason. Errors (kInvalidArgument, naming the field): no parties,
  // a party without a name or with a name the Screener refuses, an unresolvable country,
  // no destination (given neither in the route nor as a consignee's or end user's country).
  virtual Result<Verdict> Assess(const Shipment& shipment) const = 0;

  // Resolves a party label for ownership: a list reference, else the best Screener hit at
  // or above the threshold. Thread-safe.
  virtual Result<Resolution> Resolve(std::string_view label) const = 0;

  virtual const ShipmentScreenerOptions& options() const = 0;
};

// A Resolver over a Screener, for OwnershipGraph::AddCsv (the ShipmentScreener's Resolve()
// before the graph exists). Borrows both.
Resolver MakeResolver(const Screener& screener, const ListedIndex& index, double threshold);

}  // namespace interdict::trade
