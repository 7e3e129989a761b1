#include "model/entity_json.h"

#include <string>
#include <utility>
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

namespace {

using InJson = nlohmann::json;

// Reads one JSON object field by field; the first problem is kept with its path.
class FieldReader {
 public:
  FieldReader(const InJson& j, std::string path, Status* status)
      : j_(j), path_(std::move(path)), status_(status) {
    if (!j_.is_object()) Fail("", "not an object");
  }

  bool ok() const { return status_->ok(); }

  void Fail(std::string_view key, std::string_view what) {
    if (!status_->ok()) return;
    std::string where = path_;
    if (!key.empty()) where += (where.empty() ? "" : ".") + std::string(key);
    *status_ = Status::DataLoss("entity: " + where + ": " + std::string(what));
  }

  // nullptr when absent (or after an error).
  const InJson* Find(const char* key) {
    if (!ok()) return nullptr;
    auto it = j_.find(key);
    return it == j_.end() ? nullptr : &*it;
  }

  void String(const char* key, std::string* out) {
    const InJson* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_string()) return Fail(key, "not a string");
    *out = v->get<std::string>();
  }

  void Strings(const char* key, std::vector<std::string>* out) {
    const InJson* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) return Fail(key, "not an array");
    out->reserve(v->size());
    for (size_t i = 0; i < v->size(); ++i) {
      if (!(*v)[i].is_string())
        return Fail(std::string(key) + "[" + std::to_string(i) + "]", "not a string");
      out->push_back((*v)[i].get<std::string>());
    }
  }

  void Bool(const char* key, bool* out) {
    const InJson* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_boolean()) return Fail(key, "not a boolean");
    *out = v->get<bool>();
  }

  void Date(const char* key, PartialDate* out) {
    std::string text;
    String(key, &text);
    if (!ok() || text.empty()) return;
    if (!ParseIsoPartialDate(text, out)) Fail(key, "not a date \"" + text + "\"");
  }

  // Calls read(element_json, element_path) for each element of the array `key`.
  template <typename F>
  void Array(const char* key, F read) {
    const InJson* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) return Fail(key, "not an array");
    for (size_t i = 0; i < v->size() && ok(); ++i) {
      std::string p = path_;
      p += (p.empty() ? "" : ".") + std::string(key) + "[" + std::to_string(i) + "]";
      read((*v)[i], std::move(p));
    }
  }

  const std::string& path() const { return path_; }

 private:
  // "1960", "1960-08", "1960-08-31" -> PartialDate; false otherwise.
  static bool ParseIsoPartialDate(std::string_view text, PartialDate* out) {
    auto digits = [&](size_t pos, size_t n, int* value) {
      if (pos + n > text.size()) return false;
      int v = 0;
      for (size_t k = pos; k < pos + n; ++k) {
        if (text[k] < '0' || text[k] > '9') return false;
        v = v * 10 + (text[k] - '0');
      }
      *value = v;
      return true;
    };
    int year = 0;
    int month = 0;
    int day = 0;
    if (!digits(0, 4, &year) || year == 0) return false;
    if (text.size() == 4) {
    } else if (text.size() == 7 && text[4] == '-' && digits(5, 2, &month)) {
    } else if (text.size() == 10 && text[4] == '-' && text[7] == '-' && digits(5, 2, &month) &&
               digits(8, 2, &day)) {
    } else {
      return false;
    }
    if (month > 12 || day > 31 || (day > 0 && month == 0)) return false;
    out->year = static_cast<int16_t>(year);
    out->month = static_cast<uint8_t>(month);
    out->day = static_cast<uint8_t>(day);
    return true;
  }

  const InJson& j_;
  std::string path_;
  Status* status_;
};

template <typename E, typename NameFn>
bool EnumFromName(std::string_view name, E last, NameFn name_of, E* out) {
  for (int v = 0; v <= static_cast<int>(last); ++v) {
    E e = static_cast<E>(v);
    if (name_of(e) == name) {
      *out = e;
      return true;
    }
  }
  return false;
}

void ReadName(const InJson& j, std::string path, Name* n, Status* status) {
  FieldReader r(j, std::move(path), status);
  r.String("full", &n->full);
  std::string text;
  r.String("type", &text);
  if (r.ok() && !EnumFromName(text, NameType::kNka, NameTypeName, &n->type)) {
    r.Fail("type", "unknown name type \"" + text + "\"");
  }
  text = "strong";
  r.String("quality", &text);
  if (r.ok() && !EnumFromName(text, NameQuality::kWeak, NameQualityName, &n->quality)) {
    r.Fail("quality", "unknown name quality \"" + text + "\"");
  }
  text = "unknown";
  r.String("script", &text);
  if (r.ok() && !EnumFromName(text, Script::kMixed, ScriptName, &n->script)) {
    r.Fail("script", "unknown script \"" + text + "\"");
  }
  r.String("given", &n->given);
  r.String("middle", &n->middle);
  r.String("family", &n->family);
  r.String("patronymic", &n->patronymic);
  r.String("language", &n->language);
}

}  // namespace

Result<Entity> EntityFromJson(const nlohmann::json& json) {
  Status status;
  Entity e;
  FieldReader r(json, "", &status);
  std::string text = "unknown";
  r.String("source", &text);
  e.source = ListSourceFromCode(text);
  if (r.ok() && e.source == ListSource::kUnknown && text != "unknown") {
    r.Fail("source", "unknown source \"" + text + "\"");
  }
  r.String("source_id", &e.source_id);
  r.String("reference", &e.reference);
  r.String("list_name", &e.list_name);
  text = "unknown";
  r.String("kind", &text);
  if (r.ok() && !EnumFromName(text, EntityKind::kAircraft, EntityKindName, &e.kind)) {
    r.Fail("kind", "unknown kind \"" + text + "\"");
  }
  r.Array("names", [&](const InJson& nj, std::string path) {
    e.names.emplace_back();
    ReadName(nj, std::move(path), &e.names.back(), &status);
  });
  if (r.ok() && e.names.empty()) r.Fail("names", "no name");
  r.Array("dates_of_birth", [&](const InJson& dj, std::string path) {
    FieldReader d(dj, std::move(path), &status);
    DateOfBirth dob;
    d.Date("from", &dob.from);
    dob.to = dob.from;
    d.Date("to", &dob.to);
    d.Bool("circa", &dob.circa);
    d.String("text", &dob.text);
    e.dates_of_birth.push_back(std::move(dob));
  });
  r.Strings("places_of_birth", &e.places_of_birth);
  r.Strings("nationalities", &e.nationalities);
  r.Strings("citizenships", &e.citizenships);
  text.clear();
  r.String("gender", &text);
  if (r.ok() && !EnumFromName(text, Gender::kFemale, GenderName, &e.gender)) {
    r.Fail("gender", "unknown gender \"" + text + "\"");
  }
  r.Strings("titles", &e.titles);
  r.Array("addresses", [&](const InJson& aj, std::string path) {
    FieldReader a(aj, std::move(path), &status);
    Address addr;
    a.String("street", &addr.street);
    a.String("city", &addr.city);
    a.String("region", &addr.region);
    a.String("postal_code", &addr.postal_code);
    a.String("country", &addr.country);
    a.String("country_name", &addr.country_name);
    a.String("full", &addr.full);
    e.addresses.push_back(std::move(addr));
  });
  r.Array("identifiers", [&](const InJson& ij, std::string path) {
    FieldReader i(ij, std::move(path), &status);
    Identifier id;
    std::string type;
    i.String("type", &type);
    if (i.ok() && !EnumFromName(type, IdType::kDuns, IdTypeName, &id.type)) {
      i.Fail("type", "unknown identifier type \"" + type + "\"");
    }
    i.String("value", &id.value);
    i.String("country", &id.country);
    i.String("label", &id.label);
    i.String("note", &id.note);
    e.identifiers.push_back(std::move(id));
  });
  if (const InJson* cj = r.Find("craft")) {
    FieldReader c(*cj, "craft", &status);
    c.String("flag", &e.craft.flag);
    c.String("flag_name", &e.craft.flag_name);
    c.String("type", &e.craft.type);
    c.String("tonnage", &e.craft.tonnage);
    c.String("gross_registered_tonnage", &e.craft.gross_registered_tonnage);
    c.String("owner", &e.craft.owner);
    c.String("build_year", &e.craft.build_year);
  }
  r.Date("established", &e.established);
  r.Strings("programs", &e.programs);
  r.Date("listed_on", &e.listed_on);
  r.Strings("sanction_notes", &e.sanction_notes);
  r.Array("relations", [&](const InJson& rj, std::string path) {
    FieldReader rel(rj, std::move(path), &status);
    Relation relation;
    rel.String("type", &relation.type);
    rel.String("name", &relation.name);
    rel.String("source_id", &relation.source_id);
    e.relations.push_back(std::move(relation));
  });
  r.String("remarks", &e.remarks);
  r.String("license_requirement", &e.license_requirement);
  r.String("license_policy", &e.license_policy);
  r.String("federal_register_notice", &e.federal_register_notice);
  r.String("source_url", &e.source_url);
  if (const InJson* pj = r.Find("provenance")) {
    FieldReader p(*pj, "provenance", &status);
    p.String("file", &e.provenance.file);
    p.String("sha256", &e.provenance.sha256);
    p.String("locator", &e.provenance.locator);
  }
  if (!status.ok()) return status;
  return e;
}

Result<Entity> EntityFromJsonText(std::string_view text) {
  InJson j = InJson::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::DataLoss("entity: not valid JSON");
  return EntityFromJson(j);
}

}  // namespace interdict::model
