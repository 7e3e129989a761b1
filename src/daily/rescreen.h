// File: daily/rescreen.h
//
// Re-screening customers after a sync. The cheap path screens every active customer against
// a Screener built over only the entities the delta added or changed since the last
// re-screening; customers imported or changed since then are screened against the whole
// active snapshot; `full` screens everyone against everything. New potential matches become
// alerts through the store, which drops duplicates (same customer, entity and both content
// hashes) and pairs suppressed by a false-positive decision.
//
//   INTERDICT_ASSIGN_OR_RETURN(RescreenReport r, daily::Rescreen(*store, RescreenOptions{}));
//   std::cout << r.alerts_raised << " new alerts\n";
//
// Screening runs on `threads` worker threads (all cores by default).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "interdict/entity.h"
#include "interdict/screener.h"
#include "interdict/status.h"

#include "store/store.h"

namespace interdict::daily {

// Store settings rescreen keeps between runs.
inline constexpr std::string_view kLastRescreenSnapshotKey = "rescreen.last_snapshot";
inline constexpr std::string_view kLastRescreenCustomerRevisionKey =
    "rescreen.last_customer_revision";

// One hit of one customer.
struct CustomerMatch {
  size_t customer = 0;  // index into the customers screened
  Hit hit;              // entity/matched point into the Screener, which must outlive this
};

struct ScreenStats {
  size_t screened = 0;
  size_t skipped = 0;  // customers the screener refused (empty name, only a legal form, ...)
  std::vector<std::string> skip_reasons;  // the first few: "C42: <message>"
  double seconds = 0;
};

struct ScreenParams {
  double threshold = kDefaultThreshold;
  size_t limit = 10;  // hits kept per customer (best first)
  int threads = 0;    // 0 = all cores
};

// Customer -> the screener's query (name, kind, dob, country, ids).
Query CustomerQuery(const store::Customer& customer);

// Screens every customer against `screener` on params.threads threads. A customer the
// screener refuses is counted in stats->skipped (with its reason), not an error. Matches are
// sorted by customer index, then by score (best first). Errors: kInvalidArgument for a
// threshold outside [0,1].
Result<std::vector<CustomerMatch>> ScreenCustomers(const Screener& screener,
                                                   std::span<const store::Customer> customers,
                                                   const ScreenParams& params, ScreenStats* stats);

struct RescreenOptions {
  bool full = false;  // screen every customer against the whole snapshot
  ScreenParams screen;
  std::string actor = "rescreen";
};

struct RescreenReport {
  store::SnapshotId snapshot_id = 0;        // the active snapshot screened against
  store::SnapshotId baseline_snapshot = 0;  // the delta's older side; 0 = full run
  bool full = false;                        // whether everyone was screened against everything
  std::string reason;                       // why this mode: "--full", "first run", ...
  size_t delta_entities = 0;                // added + changed entities screened against
  size_t customers = 0;                     // active customers
  size_t customers_full = 0;                // customers screened against the whole snapshot
  size_t matches = 0;                       // hits at or above the threshold
  size_t alerts_raised = 0;
  size_t alerts_duplicate = 0;
  size_t alerts_suppressed = 0;
  ScreenStats stats;
};

// Runs one re-screening against the active snapshot and records it: raises alerts, then
// stores the snapshot id and customer revision it covered (kLastRescreen*Key) and appends a
// "rescreen" audit record. Killed half-way, running it again redoes the work; alerts already
// stored come back as duplicates.
//
// Mode: `full`, or no earlier re-screening, or the earlier snapshot no longer in the store ->
// every active customer against the whole snapshot. Otherwise every active customer against
// the entities added or changed since the snapshot of the last run (nothing when it is the
// same snapshot), plus customers changed since the last run's revision against the whole
// snapshot. Errors: kFailedPrecondition when no snapshot was ever synced; store errors.
Result<RescreenReport> Rescreen(store::Store& store, const RescreenOptions& options);

}  // namespace interdict::daily
