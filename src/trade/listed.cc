#include "trade/listed.h"

#include "base/text.h"

namespace interdict::trade {
namespace {

std::string IdKey(ListSource source, std::string_view id) {
  std::string key(ListSourceCode(source));
  key += ':';
  key += id;
  return key;
}

}  // namespace

std::optional<ListReference> ParseListReference(std::string_view text) {
  text = base::Trim(text);
  size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  ListSource source = ListSourceFromCode(base::AsciiToLower(text.substr(0, colon)));
  std::string_view id = base::Trim(text.substr(colon + 1));
  if (source == ListSource::kUnknown || id.empty()) return std::nullopt;
  return ListReference{source, std::string(id)};
}

std::string FormatReference(const Entity& entity) { return IdKey(entity.source, entity.source_id); }

ListedIndex::ListedIndex(const std::vector<Entity>& entities) {
  by_id_.reserve(entities.size());
  for (const Entity& e : entities) {
    by_id_.emplace(IdKey(e.source, e.source_id), &e);
    for (const Name& n : e.names) by_name_.emplace(NameKey(e.source, n.full), &e);
  }
}

std::string ListedIndex::NameKey(ListSource source, std::string_view name) {
  return IdKey(source, base::AsciiToUpper(base::CollapseWhitespace(name)));
}

const Entity* ListedIndex::Find(ListSource source, std::string_view source_id) const {
  auto it = by_id_.find(IdKey(source, source_id));
  return it == by_id_.end() ? nullptr : it->second;
}

const Entity* ListedIndex::FindReference(std::string_view text) const {
  std::optional<ListReference> ref = ParseListReference(text);
  return ref ? Find(ref->source, ref->source_id) : nullptr;
}

const Entity* ListedIndex::FindByName(ListSource source, std::string_view name) const {
  auto it = by_name_.find(NameKey(source, name));
  return it == by_name_.end() ? nullptr : it->second;
}

}  // namespace interdict::trade
