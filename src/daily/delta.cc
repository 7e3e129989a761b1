#include "daily/delta.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/entity_json.h"

namespace interdict::daily {
namespace {

using Json = nlohmann::ordered_json;

// The content fields of the canonical JSON, in declaration order (entity.h). Keys that are
// identity (source, source_id) or not content (provenance) are not compared.
constexpr std::string_view kFieldOrder[] = {
    "reference",      "list_name",
    "kind",           "names",
    "dates_of_birth", "places_of_birth",
    "nationalities",  "citizenships",
    "gender",         "titles",
    "addresses",      "identifiers",
    "craft",          "established",
    "programs",       "listed_on",
    "sanction_notes", "relations",
    "remarks",        "license_requirement",
    "license_policy", "federal_register_notice",
    "source_url",
};

constexpr std::string_view kNotableFields[] = {
    "names",         "kind",         "programs",        "identifiers",    "dates_of_birth",
    "nationalities", "citizenships", "places_of_birth", "sanction_notes", "listed_on",
};

Json ContentJson(const Entity& e) {
  Json j = model::EntityToJson(e);
  j.erase("provenance");
  j.erase("source");
  j.erase("source_id");
  return j;
}

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

void AppendPart(std::string* out, const std::string& part, std::string_view sep = ", ") {
  if (part.empty()) return;
  if (!out->empty()) out->append(sep);
  out->append(part);
}

std::string NameText(const Json& n) {
  std::string text = Str(n, "full");
  std::string type = Str(n, "type");
  std::string qualifier;
  if (type == "aka") qualifier = "a.k.a.";
  if (type == "fka") qualifier = "f.k.a.";
  if (type == "nka") qualifier = "n.k.a.";
  if (Str(n, "quality") == "weak") AppendPart(&qualifier, "weak");
  if (!qualifier.empty()) text += " (" + qualifier + ")";
  return text;
}

std::string DobText(const Json& d) {
  std::string text = Str(d, "text");
  if (!text.empty()) return text;
  text = Str(d, "from");
  if (d.contains("to")) text += " to " + Str(d, "to");
  if (d.value("circa", false)) text = "circa " + text;
  return text;
}

std::string AddressText(const Json& a) {
  std::string full = Str(a, "full");
  std::string text;
  for (const char* key : {"street", "city", "region", "postal_code"})
    AppendPart(&text, Str(a, key));
  std::string country = Str(a, "country_name");
  if (country.empty()) country = Str(a, "country");
  AppendPart(&text, country);
  if (text.empty()) return full;
  if (!full.empty() && full != text) return full + " [" + text + "]";
  return text;
}

std::string IdentifierText(const Json& id) {
  std::string label = Str(id, "label");
  if (label.empty()) label = Str(id, "type");
  std::string text = label + " " + Str(id, "value");
  std::string country = Str(id, "country");
  if (!country.empty()) text += " (" + country + ")";
  std::string note = Str(id, "note");
  if (!note.empty()) text += ", " + note;
  return text;
}

std::string RelationText(const Json& r) { return Str(r, "type") + ": " + Str(r, "name"); }

std::string ElementText(std::string_view field, const Json& e) {
  if (e.is_string()) return e.get<std::string>();
  if (field == "names") return NameText(e);
  if (field == "dates_of_birth") return DobText(e);
  if (field == "addresses") return AddressText(e);
  if (field == "identifiers") return IdentifierText(e);
  if (field == "relations") return RelationText(e);
  return e.dump();
}

// (comparison key, readable text) of every item of one field.
using Items = std::vector<std::pair<std::string, std::string>>;

Items ItemsOf(std::string_view field, const Json& content) {
  Items items;
  auto it = content.find(std::string(field));
  if (it == content.end()) return items;
  const Json& value = *it;
  if (value.is_array()) {
    for (const Json& e : value) items.emplace_back(e.dump(), ElementText(field, e));
  } else if (value.is_object()) {  // craft: one item per particular
    for (auto kv = value.begin(); kv != value.end(); ++kv) {
      std::string text = kv.key() + ": " + (kv->is_string() ? kv->get<std::string>() : kv->dump());
      items.emplace_back(text, text);
    }
  } else {
    items.emplace_back(value.dump(), ElementText(field, value));
  }
  return items;
}

// Multiset difference of two item lists; returns false when they are equal.
bool DiffItems(Items before, Items after, FieldChange* change) {
  std::sort(before.begin(), before.end());
  std::sort(after.begin(), after.end());
  size_t i = 0, j = 0;
  while (i < before.size() || j < after.size()) {
    if (j == after.size() || (i < before.size() && before[i].first < after[j].first)) {
      change->removed.push_back(before[i++].second);
    } else if (i == before.size() || after[j].first < before[i].first) {
      change->added.push_back(after[j++].second);
    } else {
      ++i;
      ++j;
    }
  }
  return !change->added.empty() || !change->removed.empty();
}

std::vector<FieldChange> DiffContent(const Json& before, const Json& after) {
  std::vector<std::string> fields(std::begin(kFieldOrder), std::end(kFieldOrder));
  for (const Json* side : {&before, &after}) {
    for (auto kv = side->begin(); kv != side->end(); ++kv) {
      if (std::find(fields.begin(), fields.end(), kv.key()) == fields.end()) {
        fields.push_back(kv.key());
      }
    }
  }
  std::vector<FieldChange> changes;
  for (const std::string& field : fields) {
    FieldChange change;
    change.field = field;
    if (DiffItems(ItemsOf(field, before), ItemsOf(field, after), &change)) {
      changes.push_back(std::move(change));
    }
  }
  return changes;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Orders ids numerically when both are numbers ("9" < "10"), else as bytes; a total order.
bool IdLess(std::string_view a, std::string_view b) {
  bool da = AllDigits(a), db = AllDigits(b);
  if (da != db) return da;
  if (da) {
    std::string_view ta = a.substr(std::min(a.find_first_not_of('0'), a.size()));
    std::string_view tb = b.substr(std::min(b.find_first_not_of('0'), b.size()));
    if (ta.size() != tb.size()) return ta.size() < tb.size();
    if (ta != tb) return ta < tb;
  }
  return a < b;
}

struct Keyed {
  ListSource source;
  std::string list;  // list_name when the source is keyed per sub-list
  std::string id;
  int occurrence = 1;
  const Entity* entity;
  std::string key;
};

bool KeyedLess(const Keyed& a, const Keyed& b) {
  if (a.source != b.source) return a.source < b.source;
  if (a.list != b.list) return a.list < b.list;
  if (a.id != b.id) return IdLess(a.id, b.id);
  return a.occurrence < b.occurrence;
}

bool SameKey(const Keyed& a, const Keyed& b) {
  return a.source == b.source && a.list == b.list && a.id == b.id && a.occurrence == b.occurrence;
}

// Sources in which a source_id repeats within one span.
void FindRepeatingSources(std::span<const Entity> entities, std::set<ListSource>* out) {
  std::set<std::pair<ListSource, std::string_view>> seen;
  for (const Entity& e : entities) {
    if (!seen.emplace(e.source, e.source_id).second) out->insert(e.source);
  }
}

std::vector<Keyed> KeyAll(std::span<const Entity> entities, const std::set<ListSource>& by_list,
                          std::set<std::string>* ambiguous) {
  std::vector<Keyed> keyed;
  keyed.reserve(entities.size());
  for (const Entity& e : entities) {
    bool with_list = by_list.count(e.source) > 0;
    keyed.push_back(
        Keyed{e.source, with_list ? e.list_name : "", e.source_id, 1, &e, EntityKey(e, with_list)});
  }
  // Stable: repeated keys keep file order, so "#2" means the second occurrence in the file.
  std::stable_sort(keyed.begin(), keyed.end(), KeyedLess);
  for (size_t i = 1; i < keyed.size(); ++i) {
    Keyed& prev = keyed[i - 1];
    Keyed& cur = keyed[i];
    if (cur.source == prev.source && cur.list == prev.list && cur.id == prev.id) {
      cur.occurrence = prev.occurrence + 1;
      ambiguous->insert(cur.key);
      cur.key += "#" + std::to_string(cur.occurrence);
    }
  }
  return keyed;
}

class Counter {
 public:
  SourceDeltaCounts& Source(ListSource s) {
    auto& c = sources_[s];
    c.source = s;
    return c;
  }
  ProgramDeltaCounts& Program(ListSource s, const std::string& p) {
    auto& c = programs_[{s, p}];
    c.source = s;
    c.program = p;
    return c;
  }
  void Finish(Delta* d) {
    for (auto& [s, c] : sources_) d->by_source.push_back(c);
    for (auto& [k, c] : programs_) d->by_program.push_back(c);
  }

 private:
  std::map<ListSource, SourceDeltaCounts> sources_;
  std::map<std::pair<ListSource, std::string>, ProgramDeltaCounts> programs_;
};

}  // namespace

bool EntityChange::notable() const {
  for (const FieldChange& f : fields) {
    for (std::string_view n : kNotableFields) {
      if (f.field == n) return true;
    }
  }
  return false;
}

const FieldChange* EntityChange::Find(std::string_view field) const {
  for (const FieldChange& f : fields) {
    if (f.field == field) return &f;
  }
  return nullptr;
}

std::string EntityKey(const Entity& entity, bool with_list_name) {
  std::string key(ListSourceCode(entity.source));
  key += '/';
  if (with_list_name) {
    key += entity.list_name;
    key += '/';
  }
  key += entity.source_id;
  return key;
}

std::vector<std::string> FieldItems(const Entity& entity, std::string_view field) {
  std::vector<std::string> out;
  for (auto& [key, text] : ItemsOf(field, ContentJson(entity))) out.push_back(std::move(text));
  return out;
}

Delta ComputeDelta(std::span<const Entity> before, std::span<const Entity> after) {
  std::set<ListSource> by_list;
  FindRepeatingSources(before, &by_list);
  FindRepeatingSources(after, &by_list);
  std::set<std::string> ambiguous;
  std::vector<Keyed> old_keys = KeyAll(before, by_list, &ambiguous);
  std::vector<Keyed> new_keys = KeyAll(after, by_list, &ambiguous);

  Delta d;
  d.ambiguous_keys.assign(ambiguous.begin(), ambiguous.end());
  Counter counter;
  for (const Entity& e : before) ++counter.Source(e.source).before;
  for (const Entity& e : after) ++counter.Source(e.source).after;

  size_t i = 0, j = 0;
  while (i < old_keys.size() || j < new_keys.size()) {
    if (j == new_keys.size() || (i < old_keys.size() && KeyedLess(old_keys[i], new_keys[j]))) {
      const Entity* e = old_keys[i++].entity;
      d.removed.push_back(e);
      ++counter.Source(e->source).removed;
      for (const std::string& p : e->programs) ++counter.Program(e->source, p).removed;
      continue;
    }
    if (i == old_keys.size() || !SameKey(old_keys[i], new_keys[j])) {
      const Entity* e = new_keys[j++].entity;
      d.added.push_back(e);
      ++counter.Source(e->source).added;
      for (const std::string& p : e->programs) ++counter.Program(e->source, p).added;
      continue;
    }
    const Entity* old_e = old_keys[i++].entity;
    const Entity* new_e = new_keys[j++].entity;
    Json old_json = ContentJson(*old_e);
    Json new_json = ContentJson(*new_e);
    if (old_json == new_json) {
      ++d.unchanged;
      continue;
    }
    EntityChange change{old_e, new_e, DiffContent(old_json, new_json)};
    ++counter.Source(new_e->source).changed;
    std::set<std::string> old_programs(old_e->programs.begin(), old_e->programs.end());
    std::set<std::string> new_programs(new_e->programs.begin(), new_e->programs.end());
    for (const std::string& p : new_programs) {
      if (old_programs.count(p)) {
        ++counter.Program(new_e->source, p).changed;
      } else {
        ++counter.Program(new_e->source, p).added_to;
      }
    }
    for (const std::string& p : old_programs) {
      if (!new_programs.count(p)) ++counter.Program(old_e->source, p).removed_from;
    }
    d.changed.push_back(std::move(change));
  }
  counter.Finish(&d);
  return d;
}

}  // namespace interdict::daily
