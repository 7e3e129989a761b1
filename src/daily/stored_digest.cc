#include "daily/stored_digest.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "base/text.h"

namespace interdict::daily {
namespace {

bool LooksLikeDate(std::string_view s) {
  return s.size() >= 10 && base::ParseUint(s.substr(0, 4)) && s[4] == '-' &&
         base::ParseUint(s.substr(5, 2)) && s[7] == '-' && base::ParseUint(s.substr(8, 2));
}

}  // namespace

DigestSnapshot ToDigestSnapshot(const store::SnapshotInfo& info) {
  DigestSnapshot s;
  s.id = info.id;
  s.created_at = info.created_at;
  s.label = info.label;
  for (const store::SnapshotSource& src : info.sources) {
    s.sources.push_back(DigestSource{src.version, src.stale, src.stale_reason});
  }
  return s;
}

Result<std::unique_ptr<StoredDigest>> LoadDigest(store::Store& store,
                                                 const DigestRequest& request) {
  INTERDICT_ASSIGN_OR_RETURN(std::optional<store::SnapshotInfo> active, store.ActiveSnapshot());
  if (!active) {
    return Status::FailedPrecondition("no list snapshot yet: run `interdict sync` first");
  }
  INTERDICT_ASSIGN_OR_RETURN(std::vector<store::SnapshotInfo> all, store.ListSnapshots());
  std::optional<store::SnapshotInfo> base;
  std::string since(base::Trim(request.since));
  if (since.empty()) {
    for (const store::SnapshotInfo& s : all) {
      if (s.id < active->id && (!base || s.id > base->id)) base = s;
    }
  } else if (std::optional<uint64_t> id = base::ParseUint(since)) {
    INTERDICT_ASSIGN_OR_RETURN(store::SnapshotInfo info,
                               store.GetSnapshot(static_cast<store::SnapshotId>(*id)));
    base = std::move(info);
  } else if (LooksLikeDate(since)) {
    for (const store::SnapshotInfo& s : all) {
      if (s.created_at < since && (!base || s.id > base->id)) base = s;
    }
  } else {
    return Status::InvalidArgument("--since \"" + since +
                                   "\": give a snapshot id or a date (2024-05-03)");
  }

  auto d = std::make_unique<StoredDigest>();
  INTERDICT_ASSIGN_OR_RETURN(d->after, store.LoadEntities(active->id, {}));
  if (base) {
    INTERDICT_ASSIGN_OR_RETURN(d->before, store.LoadEntities(base->id, {}));
    d->input.from = ToDigestSnapshot(*base);
  }
  d->input.to = ToDigestSnapshot(*active);
  d->delta = ComputeDelta(d->before, d->after);
  d->input.delta = &d->delta;
  d->input.max_listed = request.max_listed;

  // Customers affected: alerts on an added or changed entity, raised against its new content.
  std::map<std::pair<ListSource, std::string>, const Entity*> touched;
  for (const Entity* e : d->delta.added) touched[{e->source, e->source_id}] = e;
  for (const EntityChange& c : d->delta.changed) {
    touched[{c.after->source, c.after->source_id}] = c.after;
  }
  if (!touched.empty()) {
    std::map<const Entity*, std::string> hashes;
    INTERDICT_ASSIGN_OR_RETURN(std::vector<store::Alert> alerts,
                               store.ListAlerts(store::AlertFilter{}));
    std::map<std::string, std::string> names;
    for (const store::Alert& a : alerts) {
      auto it = touched.find({a.match.source, a.match.source_id});
      if (it == touched.end()) continue;
      auto [h, inserted] = hashes.try_emplace(it->second);
      if (inserted) h->second = store::EntityContentHash(*it->second);
      if (h->second != a.match.entity_hash) continue;  // raised against an older version
      auto [n, fresh] = names.try_emplace(a.match.customer_id);
      if (fresh) {
        auto c = store.GetCustomer(a.match.customer_id);
        if (c.ok()) n->second = c->customer.name;
      }
      AffectedCustomer ac;
      ac.customer_id = a.match.customer_id;
      ac.customer_name = n->second;
      ac.alert_id = a.id;
      ac.alert_status = std::string(store::AlertStatusName(a.status));
      if (a.decision != store::Decision::kNone) {
        ac.alert_status += " (" + std::string(store::DecisionName(a.decision)) + ")";
      }
      ac.source = a.match.source;
      ac.source_id = a.match.source_id;
      ac.entity_name = it->second->primary_name().full;
      ac.matched_name = a.match.matched_name;
      ac.score = a.match.score;
      d->input.customers.push_back(std::move(ac));
    }
    std::sort(d->input.customers.begin(), d->input.customers.end(),
              [](const AffectedCustomer& a, const AffectedCustomer& b) {
                if (a.customer_id != b.customer_id) return a.customer_id < b.customer_id;
                return a.alert_id < b.alert_id;
              });
  }
  return d;
}

}  // namespace interdict::daily
