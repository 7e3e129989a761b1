#include "model/entity_json.h"

#include <string>
#include <vector>

namespace interdict::model {
namespace {

using Json = nlohmann::ordered_json;

void PutString(Json& j, const char* key, const std::string& value) {
  if (!value.empty()) j[key] = value;
}

void PutStrings(Json& j, const char* key, const std::vector<std::string>& values) {
  if (!values.empty()) j[key] = values;
}

void PutDate(Json& j, const char* key, const PartialDate& d) {
  if (!d.empty()) j[key] = d.ToString();
}

}  // namespace

Json NameToJson(const Name& name) {
  Json j;
  j["full"] = name.full;
  j["type"] = NameTypeName(name.type);
  if (name.quality == NameQuality::kWeak) j["quality"] = "weak";
  j["script"] = ScriptName(name.script);
  PutString(j, "given", name.given);
  PutString(j, "middle", name.middle);
  PutString(j, "family", name.family);
  PutString(j, "patronymic", name.patronymic);
  PutString(j, "language", name.language);
  return j;
}

Json EntityToJson(const Entity& e) {
  Json j;
  j["source"] = ListSourceCode(e.source);
  j["source_id"] = e.source_id;
  PutString(j, "reference", e.reference);
  PutString(j, "list_name", e.list_name);
  j["kind"] = EntityKindName(e.kind);
  Json names = Json::array();
  for (const Name& n : e.names) names.push_back(NameToJson(n));
  j["names"] = std::move(names);
  if (!e.dates_of_birth.empty()) {
    Json dobs = Json::array();
    for (const DateOfBirth& d : e.dates_of_birth) {
      Json dj;
      dj["from"] = d.from.ToString();
      if (d.is_range()) dj["to"] = d.to.ToString();
      if (d.circa) dj["circa"] = true;
      PutString(dj, "text", d.text);
      dobs.push_back(std::move(dj));
    }
    j["dates_of_birth"] = std::move(dobs);
  }
  PutStrings(j, "places_of_birth", e.places_of_birth);
  PutStrings(j, "nationalities", e.nationalities);
  PutStrings(j, "citizenships", e.citizenships);
  if (e.gender != Gender::kUnknown) j["gender"] = GenderName(e.gender);
  PutStrings(j, "titles", e.titles);
  if (!e.addresses.empty()) {
    Json addrs = Json::array();
    for (const Address& a : e.addresses) {
      Json aj = Json::object();
      PutString(aj, "street", a.street);
      PutString(aj, "city", a.city);
      PutString(aj, "region", a.region);
      PutString(aj, "postal_code", a.postal_code);
      PutString(aj, "country", a.country);
      PutString(aj, "country_name", a.country_name);
      PutString(aj, "full", a.full);
      addrs.push_back(std::move(aj));
    }
    j["addresses"] = std::move(addrs);
  }
  if (!e.identifiers.empty()) {
    Json ids = Json::array();
    for (const Identifier& id : e.identifiers) {
      Json ij;
      ij["type"] = IdTypeName(id.type);
      ij["value"] = id.value;
      PutString(ij, "country", id.country);
      PutString(ij, "label", id.label);
      PutString(ij, "note", id.note);
      ids.push_back(std::move(ij));
    }
    j["identifiers"] = std::move(ids);
  }
  {
    Json cj = Json::object();
    PutString(cj, "flag", e.craft.flag);
    PutString(cj, "flag_name", e.craft.flag_name);
    PutString(cj, "type", e.craft.type);
    PutString(cj, "tonnage", e.craft.tonnage);
    PutString(cj, "gross_registered_tonnage", e.craft.gross_registered_tonnage);
    PutString(cj, "owner", e.craft.owner);
    PutString(cj, "build_year", e.craft.build_year);
    if (!cj.empty()) j["craft"] = std::move(cj);
  }
  PutDate(j, "established", e.established);
  PutStrings(j, "programs", e.programs);
  PutDate(j, "listed_on", e.listed_on);
  PutStrings(j, "sanction_notes", e.sanction_notes);
  if (!e.relations.empty()) {
    Json rels = Json::array();
    for (const Relation& r : e.relations) {
      Json rj;
      rj["type"] = r.type;
      rj["name"] = r.name;
      PutString(rj, "source_id", r.source_id);
      rels.push_back(std::move(rj));
    }
    j["relations"] = std::move(rels);
  }
  PutString(j, "remarks", e.remarks);
  PutString(j, "license_requirement", e.license_requirement);
  PutString(j, "license_policy", e.license_policy);
  PutString(j, "federal_register_notice", e.federal_register_notice);
  PutString(j, "source_url", e.source_url);
  Json pj = Json::object();
  PutString(pj, "file", e.provenance.file);
  PutString(pj, "sha256", e.provenance.sha256);
  PutString(pj, "locator", e.provenance.locator);
  if (!pj.empty()) j["provenance"] = std::move(pj);
  return j;
}

Json DiagnosticToJson(const Diagnostic& d) {
  Json j;
  j["severity"] = SeverityName(d.severity);
  j["file"] = d.file;
  PutString(j, "location", d.location);
  PutString(j, "record_id", d.record_id);
  j["message"] = d.message;
  return j;
}

Json ListVersionToJson(const ListVersion& v) {
  Json j;
  j["source"] = ListSourceCode(v.source);
  j["format"] = v.format;
  j["as_of"] = v.as_of;
  Json files = Json::array();
  for (const SourceFile& f : v.files) {
    files.push_back(Json{{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
  }
  j["files"] = std::move(files);
  return j;
}

}  // namespace interdict::model
