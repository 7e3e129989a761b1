// File: trade/listed.h
//
// Exact lookups over the loaded entities that the trade layers need besides fuzzy screening:
// by list reference ("ofac_sdn:16666") and by exact primary name within one source (to
// resolve OFAC's "Linked To: NAME" relations to the entity they name).
//
//   ListedIndex index(screener.entities());
//   const Entity* e = index.FindReference("ofac_sdn:16666");
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "interdict/entity.h"

namespace interdict::trade {

// A list reference "source:source_id", e.g. "ofac_sdn:16666" or "us_csl:1bb7bfbef6...".
struct ListReference {
  ListSource source = ListSource::kUnknown;
  std::string source_id;
};
// nullopt unless `text` is "<known source code>:<non-empty id>".
std::optional<ListReference> ParseListReference(std::string_view text);
// "ofac_sdn:16666".
std::string FormatReference(const Entity& entity);

// Immutable after construction; thread-safe for lookups. Borrows the entities: they must
// outlive the index (the Screener owns them).
class ListedIndex {
 public:
  explicit ListedIndex(const std::vector<Entity>& entities);

  // The first entity with this source and id (the CSL repeats ids across sub-lists).
  const Entity* Find(ListSource source, std::string_view source_id) const;
  // Find() for a "source:id" text; nullptr when it is not a reference or not loaded.
  const Entity* FindReference(std::string_view text) const;
  // The entity of `source` whose name (any name) equals `name` ignoring ASCII case and
  // spacing; nullptr when none.
  const Entity* FindByName(ListSource source, std::string_view name) const;

 private:
  static std::string NameKey(ListSource source, std::string_view name);
  std::unordered_map<std::string, const Entity*> by_id_;
  std::unordered_map<std::string, const Entity*> by_name_;
};

}  // namespace interdict::trade
