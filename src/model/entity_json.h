// File: model/entity_json.h
//
// The canonical JSON form of an entity, a list version and diagnostics: used by golden
// files, `interdict lists --json`, the HTTP API and the store. Empty fields are left out so
// goldens stay readable; keys keep the declaration order of include/interdict/entity.h.
//
//   nlohmann::ordered_json j = model::EntityToJson(entity);
//   std::string line = j.dump();   // one JSONL line
#pragma once

#include <nlohmann/json.hpp>

#include "interdict/entity.h"
#include "interdict/list.h"

namespace interdict::model {

nlohmann::ordered_json EntityToJson(const Entity& entity);
nlohmann::ordered_json NameToJson(const Name& name);
nlohmann::ordered_json DiagnosticToJson(const Diagnostic& diagnostic);
nlohmann::ordered_json ListVersionToJson(const ListVersion& version);

}  // namespace interdict::model
