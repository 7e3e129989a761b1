// File: daily/delta.h
//
// The entity-level delta between two snapshots: which entities were added, removed, or
// changed, and for a changed entity which fields changed and how (names and aliases added or
// removed, programs, identifiers, addresses, dates of birth, remarks, ...). This is what the
// business-day digest reports and what `interdict rescreen` screens customers against.
//
//   Delta d = daily::ComputeDelta(yesterday.entities, today.entities);
//   for (const Entity* e : d.added) std::cout << e->primary_name().full << "\n";
//   for (const EntityChange& c : d.changed) ... c.fields[i].field, .added, .removed ...
//
// Entities are matched by key (EntityKey): the list source plus the source's own id. A pure
// function of its inputs: no I/O, no clock.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"

namespace interdict::daily {

// One field of a changed entity. A list field (names, programs, identifiers, addresses, ...)
// reports the items now present that were not before (`added`) and the items no longer
// present (`removed`), compared as multisets of their full canonical form. A single-valued
// field (kind, remarks, listed_on, ...) reports the old value in `removed` and the new one in
// `added` (each absent when empty). Items are readable text: "IVANOV, Ivan (a.k.a., weak)",
// "Passport 1234567 (RU)", "RUSSIA-EO14024".
struct FieldChange {
  std::string field;  // the canonical JSON key: "names", "programs", "remarks", ...
  std::vector<std::string> added;
  std::vector<std::string> removed;
};

// An entity present in both snapshots whose content differs. Provenance (file, digest, line)
// is not content: an entity that only moved within the file is unchanged.
struct EntityChange {
  const Entity* before = nullptr;
  const Entity* after = nullptr;
  std::vector<FieldChange> fields;  // in the field order of include/interdict/entity.h

  // True when a field a compliance officer must look at changed: names, kind, programs,
  // identifiers, dates of birth, nationalities, citizenships, places of birth, sanction notes
  // or the listing date. Remarks-only or address-only changes are not notable.
  bool notable() const;
  const FieldChange* Find(std::string_view field) const;
};

struct SourceDeltaCounts {
  ListSource source = ListSource::kUnknown;
  size_t before = 0;  // entities in the older snapshot
  size_t after = 0;   // entities in the newer snapshot
  size_t added = 0;
  size_t removed = 0;
  size_t changed = 0;
};

// Per program (as the source names it, "RUSSIA-EO14024"): how the delta touched it.
struct ProgramDeltaCounts {
  ListSource source = ListSource::kUnknown;
  std::string program;
  size_t added = 0;         // new entities listed under the program
  size_t added_to = 0;      // existing entities newly under the program
  size_t removed = 0;       // entities under the program that left the list
  size_t removed_from = 0;  // remaining entities no longer under the program
  size_t changed = 0;       // entities under it (before and after) with other changes
};

// The whole delta. Pointers point into the two entity spans given to ComputeDelta, which
// must outlive the Delta. Thread-compatible (a value type).
struct Delta {
  std::vector<const Entity*> added;    // in `after`, not in `before`; sorted by key
  std::vector<const Entity*> removed;  // in `before`, not in `after`; sorted by key
  std::vector<EntityChange> changed;   // sorted by key
  size_t unchanged = 0;
  std::vector<SourceDeltaCounts> by_source;    // every source seen, ListSource order
  std::vector<ProgramDeltaCounts> by_program;  // every program touched; by source, program
  // Keys that were not unique within one side (see ComputeDelta); empty for well-formed lists.
  std::vector<std::string> ambiguous_keys;

  bool empty() const { return added.empty() && removed.empty() && changed.empty(); }
};

// The key of an entity in a delta: "<source code>/<source_id>" ("ofac_sdn/36"). Sources whose
// ids are only unique per sub-list (the CSL `_id` across its lists) are keyed with the
// sub-list too: "us_csl/<list_name>/<source_id>" (see ComputeDelta).
std::string EntityKey(const Entity& entity, bool with_list_name = false);

// Computes the delta from `before` to `after`.
//
// Keys: EntityKey(e). For a source in which some source_id occurs twice in either span
// (the CSL reuses `_id` across sub-lists), every entity of that source is keyed with its
// list_name as well, on both sides, so keys stay comparable. An id that is still repeated
// gets an occurrence suffix ("#2") and is reported in Delta::ambiguous_keys.
// O((n + m) log(n + m)) plus one canonical JSON serialization per entity.
Delta ComputeDelta(std::span<const Entity> before, std::span<const Entity> after);

// The readable text of an entity's value for one field, as FieldChange items render it
// (for digests): FieldItems(e, "programs") -> {"RUSSIA-EO14024"}.
std::vector<std::string> FieldItems(const Entity& entity, std::string_view field);

}  // namespace interdict::daily
