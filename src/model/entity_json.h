// File: model/entity_json.h
//
// The canonical JSON form of an entity, a list version and diagnostics: used by golden
// files, `interdict lists --json`, the HTTP API and the store. Empty fields are left out so
// goldens stay readable; keys keep the declaration order of include/interdict/entity.h.
//
//   nlohmann::ordered_json j = model::EntityToJson(entity);
//   std::string line = j.dump();   // one JSONL line
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "interdict/entity.h"
#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::model {

nlohmann::ordered_json EntityToJson(const Entity& entity);
nlohmann::ordered_json NameToJson(const Name& name);
nlohmann::ordered_json DiagnosticToJson(const Diagnostic& diagnostic);
nlohmann::ordered_json ListVersionToJson(const ListVersion& version);

// The inverse of EntityToJson(): EntityToJson(*EntityFromJson(EntityToJson(e))) equals
// EntityToJson(e) for every entity. Unknown keys are ignored; a missing optional field stays
// at its default. Errors (kDataLoss) name the field: "entity: names[2].type: unknown name
// type \"x\"", "entity: dates_of_birth[0].from: not a date \"1960-13\"".
Result<Entity> EntityFromJson(const nlohmann::json& json);
// Parses `text` as JSON first; kDataLoss with the parser's message when it is not JSON.
Result<Entity> EntityFromJsonText(std::string_view text);

}  // namespace interdict::model
