// File: service/dataset.h
//
// What a long-running shell (the HTTP server, a batch run) screens against: one loaded
// snapshot with its Screener, its per-source versions and a lookup by (source, source_id).
// Immutable once built, shared by threads through std::shared_ptr<const Dataset>, so a
// reload can swap in a new one while requests in flight finish on the old.
//
//   INTERDICT_ASSIGN_OR_RETURN(std::shared_ptr<const Dataset> d, Dataset::Load("data", {}));
//   auto hits = d->screener().Screen(query, options);
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "interdict/screener.h"
#include "interdict/status.h"

#include "snapshot/loader.h"
#include "store/store.h"

namespace interdict::service {

class Dataset {
 public:
  // Loads every source of `data_dir`/manifest.json (or only `only`), verifying SHA-256,
  // and builds the Screener. All or nothing.
  static Result<std::shared_ptr<const Dataset>> Load(const std::string& data_dir,
                                                     const std::vector<ListSource>& only);

  // The active snapshot of a store (interdict sync); kFailedPrecondition when it has none.
  static Result<std::shared_ptr<const Dataset>> FromStore(store::Store& store);

  // From entities already in memory (a store snapshot, a test). `sources` describes them.
  static Result<std::shared_ptr<const Dataset>> FromEntities(
      std::vector<Entity> entities, std::vector<snapshot::LoadedSource> sources, std::string label);

  const Screener& screener() const { return *screener_; }
  const std::vector<snapshot::LoadedSource>& sources() const { return sources_; }
  // Where it came from: "data/manifest.json" or a store snapshot id.
  const std::string& label() const { return label_; }
  std::chrono::system_clock::time_point loaded_at() const { return loaded_at_; }
  double build_seconds() const { return build_seconds_; }

  // Every listed entity with this source and source id, in file order. Usually one; the US
  // CSL reuses an id across its sub-lists, so there it can be several.
  std::vector<const Entity*> Find(ListSource source, std::string_view source_id) const;

 private:
  Dataset() = default;

  std::unique_ptr<Screener> screener_;
  std::vector<snapshot::LoadedSource> sources_;
  std::string label_;
  std::chrono::system_clock::time_point loaded_at_;
  double build_seconds_ = 0;
  // "<source code>\x1f<source id>" -> indexes into screener_->entities().
  std::unordered_multimap<std::string, size_t> by_id_;
};

}  // namespace interdict::service
