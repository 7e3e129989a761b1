#include "daily/rescreen.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "daily/delta.h"
#include "engine/hit_json.h"

namespace interdict::daily {
namespace {

using Json = nlohmann::ordered_json;

constexpr size_t kChunk = 256;
constexpr size_t kMaxSkipReasons = 10;

// The alert's explanation: the same compact JSON as batch and the HTTP API.
std::string ExplanationJson(const Hit& hit) {
  return engine::ExplanationToJson(hit.explanation, engine::ExplainLevel::kCompact)
      .dump(-1, ' ', false, Json::error_handler_t::replace);
}

Result<std::optional<int64_t>> GetIntSetting(store::Store& store, std::string_view key) {
  INTERDICT_ASSIGN_OR_RETURN(std::optional<std::string> value, store.GetSetting(key));
  if (!value) return std::optional<int64_t>();
  try {
    return std::optional<int64_t>(std::stoll(*value));
  } catch (const std::exception&) {
    return Status::DataLoss("store setting " + std::string(key) + " is not a number: " + *value);
  }
}

}  // namespace

Query CustomerQuery(const store::Customer& c) {
  Query q;
  q.name = c.name;
  q.kind = c.kind;
  q.dob = c.dob;
  q.country = c.country;
  q.ids = c.ids;
  return q;
}

Result<std::vector<CustomerMatch>> ScreenCustomers(const Screener& screener,
                                                   std::span<const store::Customer> customers,
                                                   const ScreenParams& params, ScreenStats* stats) {
  if (!(params.threshold >= 0 && params.threshold <= 1)) {
    return Status::InvalidArgument("threshold must be in [0,1]");
  }
  auto start = std::chrono::steady_clock::now();
  size_t threads = params.threads > 0 ? static_cast<size_t>(params.threads)
                                      : std::max(1u, std::thread::hardware_concurrency());
  threads = std::max<size_t>(1, std::min(threads, (customers.size() + kChunk - 1) / kChunk));
  ScreenOptions options;
  options.threshold = params.threshold;
  options.limit = params.limit;

  std::atomic<size_t> next{0};
  std::mutex mu;
  std::vector<CustomerMatch> matches;
  ScreenStats total;
  auto work = [&] {
    std::vector<CustomerMatch> local;
    ScreenStats local_stats;
    for (;;) {
      size_t begin = next.fetch_add(kChunk);
      if (begin >= customers.size()) break;
      size_t end = std::min(customers.size(), begin + kChunk);
      for (size_t i = begin; i < end; ++i) {
        auto hits = screener.Screen(CustomerQuery(customers[i]), options);
        if (!hits.ok()) {
          ++local_stats.skipped;
          if (local_stats.skip_reasons.size() < kMaxSkipReasons) {
            local_stats.skip_reasons.push_back(customers[i].id + ": " +
                                               std::string(hits.status().message()));
          }
          continue;
        }
        ++local_stats.screened;
        for (Hit& h : *hits) local.push_back(CustomerMatch{i, std::move(h)});
      }
    }
    std::lock_guard<std::mutex> lock(mu);
    for (CustomerMatch& m : local) matches.push_back(std::move(m));
    total.screened += local_stats.screened;
    total.skipped += local_stats.skipped;
    for (std::string& r : local_stats.skip_reasons) {
      if (total.skip_reasons.size() < kMaxSkipReasons) total.skip_reasons.push_back(std::move(r));
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();

  std::sort(matches.begin(), matches.end(), [](const CustomerMatch& a, const CustomerMatch& b) {
    if (a.customer != b.customer) return a.customer < b.customer;
    if (a.hit.score != b.hit.score) return a.hit.score > b.hit.score;
    return EntityKey(*a.hit.entity) < EntityKey(*b.hit.entity);
  });
  std::sort(total.skip_reasons.begin(), total.skip_reasons.end());
  total.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (stats) *stats = std::move(total);
  return matches;
}

Result<RescreenReport> Rescreen(store::Store& store, const RescreenOptions& options) {
  INTERDICT_ASSIGN_OR_RETURN(std::optional<store::SnapshotInfo> active, store.ActiveSnapshot());
  if (!active) {
    return Status::FailedPrecondition("no list snapshot yet: run `interdict sync` first");
  }
  RescreenReport report;
  report.snapshot_id = active->id;
  // The revision before the customers: a customer imported between the two reads is
  // screened now and again next time, never missed.
  INTERDICT_ASSIGN_OR_RETURN(int64_t revision, store.CustomerRevision());
  INTERDICT_ASSIGN_OR_RETURN(std::vector<store::StoredCustomer> stored,
                             store.ListCustomers(store::CustomerFilter{}));
  INTERDICT_ASSIGN_OR_RETURN(std::optional<int64_t> last_snapshot,
                             GetIntSetting(store, kLastRescreenSnapshotKey));
  INTERDICT_ASSIGN_OR_RETURN(std::optional<int64_t> last_revision,
                             GetIntSetting(store, kLastRescreenCustomerRevisionKey));
  std::vector<store::Customer> customers;
  customers.reserve(stored.size());
  for (store::StoredCustomer& s : stored) customers.push_back(std::move(s.customer));
  stored.clear();
  report.customers = customers.size();

  // The delta compares the two snapshots' entity indexes (source, source_id, content hash:
  // canonical JSON without provenance, what an alert records): the entities of the active
  // snapshot whose triple the baseline does not hold are new or changed. Only those are
  // loaded; the whole snapshot only when someone is screened against all of it.
  std::vector<store::EntityKey> baseline;
  report.full = true;
  if (options.full) {
    report.reason = "--full";
  } else if (!last_snapshot) {
    report.reason = "first re-screening";
  } else if (!last_revision) {
    // The two progress settings are separate writes: a run killed between them stored the
    // snapshot but not the customer revision, so which customers changed since is unknown.
    report.reason = "the last run did not record its customer revision";
  } else {
    auto old = store.EntityIndex(*last_snapshot);
    if (!old.ok() && old.status().code() == StatusCode::kNotFound) {
      report.reason = "snapshot #" + std::to_string(*last_snapshot) + " of the last run is gone";
    } else if (!old.ok()) {
      return old.status();
    } else {
      report.full = false;
      report.baseline_snapshot = *last_snapshot;
      report.reason = "delta since snapshot #" + std::to_string(*last_snapshot);
      baseline = std::move(*old);
    }
  }

  // Screening passes: (screener, customers). Each keeps its screener alive for its hits.
  std::vector<std::unique_ptr<Screener>> screeners;
  std::vector<std::vector<CustomerMatch>> passes;
  std::vector<std::span<const store::Customer>> pass_customers;
  auto run = [&](std::vector<Entity> over, std::span<const store::Customer> who) -> Status {
    if (over.empty() || who.empty()) return Status::Ok();
    INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<Screener> screener,
                               Screener::Create(std::move(over)));
    ScreenStats stats;
    INTERDICT_ASSIGN_OR_RETURN(std::vector<CustomerMatch> matches,
                               ScreenCustomers(*screener, who, options.screen, &stats));
    report.stats.screened += stats.screened;
    report.stats.skipped += stats.skipped;
    report.stats.seconds += stats.seconds;
    for (std::string& r : stats.skip_reasons) {
      if (report.stats.skip_reasons.size() < kMaxSkipReasons) {
        report.stats.skip_reasons.push_back(std::move(r));
      }
    }
    screeners.push_back(std::move(screener));
    passes.push_back(std::move(matches));
    pass_customers.push_back(who);
    return Status::Ok();
  };

  std::vector<store::Customer> changed_customers;  // outlives the passes that point into it
  if (report.full) {
    report.customers_full = customers.size();
    INTERDICT_ASSIGN_OR_RETURN(std::vector<Entity> entities, store.LoadEntities(active->id, {}));
    INTERDICT_RETURN_IF_ERROR(run(std::move(entities), customers));
  } else {
    INTERDICT_ASSIGN_OR_RETURN(std::vector<store::EntityKey> now, store.EntityIndex(active->id));
    auto less = [](const store::EntityKey& a, const store::EntityKey& b) {
      return std::tie(a.source, a.source_id, a.content_hash) <
             std::tie(b.source, b.source_id, b.content_hash);
    };
    std::sort(baseline.begin(), baseline.end(), less);
    std::set<std::pair<ListSource, std::string>> touched_keys;
    for (const store::EntityKey& k : now) {
      if (!std::binary_search(baseline.begin(), baseline.end(), k, less)) {
        touched_keys.emplace(k.source, k.source_id);
      }
    }
    report.delta_entities = touched_keys.size();
    // Customers new or changed since the last run are screened against everything.
    if (revision > *last_revision) {
      store::CustomerFilter filter;
      filter.changed_after_revision = *last_revision;
      INTERDICT_ASSIGN_OR_RETURN(std::vector<store::StoredCustomer> changed,
                                 store.ListCustomers(filter));
      for (store::StoredCustomer& s : changed) {
        if (!s.removed) changed_customers.push_back(std::move(s.customer));
      }
    }
    report.customers_full = changed_customers.size();
    // One query per entity for a usual day; one pass over the whole snapshot when it is
    // needed anyway or when much of the list changed (a reformatted file).
    std::vector<Entity> all, touched;
    if (!changed_customers.empty() || touched_keys.size() * 4 > now.size()) {
      INTERDICT_ASSIGN_OR_RETURN(all, store.LoadEntities(active->id, {}));
      for (const Entity& e : all) {
        if (touched_keys.count({e.source, e.source_id})) touched.push_back(e);
      }
      if (touched.size() != touched_keys.size()) {
        return Status::Internal("snapshot #" + std::to_string(active->id) + ": its entity index " +
                                "and its entities disagree");
      }
    } else {
      for (const auto& [source, source_id] : touched_keys) {
        INTERDICT_ASSIGN_OR_RETURN(Entity e, store.LoadEntity(active->id, source, source_id));
        touched.push_back(std::move(e));
      }
    }
    INTERDICT_RETURN_IF_ERROR(run(std::move(touched), customers));
    INTERDICT_RETURN_IF_ERROR(run(std::move(all), changed_customers));
  }

  // One alert per (customer, entity): the best hit over all passes.
  std::map<std::tuple<std::string, ListSource, std::string>, store::NewAlert> best;
  std::map<const Entity*, std::string> entity_hash;
  for (size_t p = 0; p < passes.size(); ++p) {
    for (const CustomerMatch& m : passes[p]) {
      const store::Customer& c = pass_customers[p][m.customer];
      const Entity& e = *m.hit.entity;
      ++report.matches;
      auto key = std::make_tuple(c.id, e.source, e.source_id);
      auto it = best.find(key);
      if (it != best.end() && it->second.score >= m.hit.score) continue;
      auto [h, inserted] = entity_hash.try_emplace(&e);
      if (inserted) h->second = store::EntityContentHash(e);
      store::NewAlert a;
      a.customer_id = c.id;
      a.source = e.source;
      a.source_id = e.source_id;
      a.entity_hash = h->second;
      a.customer_hash = store::CustomerContentHash(c);
      a.snapshot_id = active->id;
      a.score = m.hit.score;
      a.matched_name = m.hit.matched->full;
      a.explanation_json = ExplanationJson(m.hit);
      best[key] = std::move(a);
    }
  }
  std::vector<store::NewAlert> alerts;
  alerts.reserve(best.size());
  for (auto& [key, a] : best) alerts.push_back(std::move(a));
  if (!alerts.empty()) {
    INTERDICT_ASSIGN_OR_RETURN(std::vector<store::RaiseResult> raised,
                               store.RaiseAlerts(alerts, options.actor));
    for (const store::RaiseResult& r : raised) {
      switch (r.outcome) {
        case store::RaiseOutcome::kRaised:
          ++report.alerts_raised;
          break;
        case store::RaiseOutcome::kDuplicate:
          ++report.alerts_duplicate;
          break;
        case store::RaiseOutcome::kSuppressed:
          ++report.alerts_suppressed;
          break;
      }
    }
  }

  Json audit;
  audit["snapshot_id"] = report.snapshot_id;
  audit["baseline_snapshot"] = report.baseline_snapshot;
  audit["full"] = report.full;
  audit["reason"] = report.reason;
  audit["delta_entities"] = report.delta_entities;
  audit["customers"] = report.customers;
  audit["customers_full"] = report.customers_full;
  audit["screened"] = report.stats.screened;
  audit["skipped"] = report.stats.skipped;
  audit["threshold"] = options.screen.threshold;
  audit["matches"] = report.matches;
  audit["alerts_raised"] = report.alerts_raised;
  audit["alerts_duplicate"] = report.alerts_duplicate;
  audit["alerts_suppressed"] = report.alerts_suppressed;
  store::AuditEntry entry{options.actor, "rescreen",
                          audit.dump(-1, ' ', false, Json::error_handler_t::replace)};
  INTERDICT_RETURN_IF_ERROR(store.AppendAudit(std::span(&entry, 1)));
  INTERDICT_RETURN_IF_ERROR(
      store.PutSetting(kLastRescreenSnapshotKey, std::to_string(report.snapshot_id)));
  INTERDICT_RETURN_IF_ERROR(
      store.PutSetting(kLastRescreenCustomerRevisionKey, std::to_string(revision)));
  return report;
}

}  // namespace interdict::daily
