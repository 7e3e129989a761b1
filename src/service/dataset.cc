#include "service/dataset.h"

#include <algorithm>

#include "snapshot/file_io.h"
#include "snapshot/manifest.h"

namespace interdict::service {
namespace {

std::string Key(ListSource source, std::string_view source_id) {
  std::string key(ListSourceCode(source));
  key += '\x1f';
  key += source_id;
  return key;
}

}  // namespace

Result<std::shared_ptr<const Dataset>> Dataset::Load(const std::string& data_dir,
                                                     const std::vector<ListSource>& only) {
  std::string manifest_path = snapshot::JoinPath(data_dir, "manifest.json");
  INTERDICT_ASSIGN_OR_RETURN(snapshot::Manifest manifest, snapshot::ReadManifest(manifest_path));
  snapshot::LoadOptions options;
  options.only = only;
  INTERDICT_ASSIGN_OR_RETURN(snapshot::Snapshot snap, snapshot::LoadSnapshot(manifest, options));
  return FromEntities(std::move(snap.entities), std::move(snap.sources), manifest_path);
}

Result<std::shared_ptr<const Dataset>> Dataset::FromStore(store::Store& store) {
  INTERDICT_ASSIGN_OR_RETURN(std::optional<store::SnapshotInfo> active, store.ActiveSnapshot());
  if (!active) {
    return Status::FailedPrecondition(
        "the store has no active snapshot yet: run `interdict sync` first");
  }
  INTERDICT_ASSIGN_OR_RETURN(std::vector<Entity> entities, store.LoadEntities(active->id, {}));
  std::vector<snapshot::LoadedSource> sources;
  for (const store::SnapshotSource& s : active->sources) {
    snapshot::LoadedSource loaded;
    loaded.version = s.version;
    loaded.entities = s.entity_count;
    sources.push_back(std::move(loaded));
  }
  // Counts by kind and names, as the manifest loader gives them.
  for (const Entity& e : entities) {
    for (snapshot::LoadedSource& s : sources) {
      if (s.version.source != e.source) continue;
      ++s.by_kind[static_cast<size_t>(e.kind)];
      s.names += e.names.size();
      for (const Name& n : e.names) s.weak_names += n.quality == NameQuality::kWeak;
      break;
    }
  }
  std::string label = "store snapshot " + std::to_string(active->id);
  if (!active->label.empty()) label += " (" + active->label + ")";
  return FromEntities(std::move(entities), std::move(sources), std::move(label));
}

Result<std::shared_ptr<const Dataset>> Dataset::FromEntities(
    std::vector<Entity> entities, std::vector<snapshot::LoadedSource> sources, std::string label) {
  auto start = std::chrono::steady_clock::now();
  std::shared_ptr<Dataset> d(new Dataset());
  INTERDICT_ASSIGN_OR_RETURN(d->screener_, Screener::Create(std::move(entities)));
  const std::vector<Entity>& all = d->screener_->entities();
  d->by_id_.reserve(all.size());
  for (size_t i = 0; i < all.size(); ++i)
    d->by_id_.emplace(Key(all[i].source, all[i].source_id), i);
  d->sources_ = std::move(sources);
  d->label_ = std::move(label);
  d->loaded_at_ = std::chrono::system_clock::now();
  d->build_seconds_ =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return std::shared_ptr<const Dataset>(std::move(d));
}

std::vector<const Entity*> Dataset::Find(ListSource source, std::string_view source_id) const {
  std::vector<const Entity*> out;
  auto [begin, end] = by_id_.equal_range(Key(source, source_id));
  for (auto it = begin; it != end; ++it) out.push_back(&screener_->entities()[it->second]);
  // equal_range order is unspecified: keep file order.
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace interdict::service
