#include "service/query_json.h"

#include <cmath>

#include "base/text.h"

namespace interdict::service {
namespace {

using Json = nlohmann::json;

std::string Field(std::string_view path, std::string_view field) {
  std::string s(path);
  if (!s.empty()) s += '.';
  s += field;
  return s;
}

std::string_view TypeName(const Json& j) { return j.type_name(); }

Result<std::string> StringField(const Json& j, std::string_view path, std::string_view field,
                                size_t max_bytes) {
  if (!j.is_string()) {
    return Status::InvalidArgument(Field(path, field) + ": must be a string, not " +
                                   std::string(TypeName(j)));
  }
  const std::string& s = j.get_ref<const std::string&>();
  if (s.size() > max_bytes) {
    return Status::InvalidArgument(Field(path, field) + ": longer than " +
                                   std::to_string(max_bytes) + " bytes");
  }
  if (!base::IsValidUtf8(s)) {
    return Status::InvalidArgument(Field(path, field) + ": not valid UTF-8");
  }
  return s;
}

Result<std::vector<std::string>> StringList(const Json& j, std::string_view path,
                                            std::string_view field, size_t max_items,
                                            size_t max_bytes) {
  std::vector<std::string> out;
  if (j.is_string()) {
    INTERDICT_ASSIGN_OR_RETURN(std::string s, StringField(j, path, field, max_bytes));
    out.push_back(std::move(s));
    return out;
  }
  if (!j.is_array()) {
    return Status::InvalidArgument(Field(path, field) + ": must be an array of strings, not " +
                                   std::string(TypeName(j)));
  }
  if (j.size() > max_items) {
    return Status::InvalidArgument(Field(path, field) + ": more than " + std::to_string(max_items) +
                                   " items");
  }
  for (size_t i = 0; i < j.size(); ++i) {
    std::string item = std::string(field) + "[" + std::to_string(i) + "]";
    INTERDICT_ASSIGN_OR_RETURN(std::string s, StringField(j[i], path, item, max_bytes));
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<EntityKind> KindFromText(std::string_view text) {
  std::string t = base::AsciiToLower(base::Trim(text));
  if (t.empty() || t == "unknown" || t == "thing") return EntityKind::kUnknown;
  if (t == "person" || t == "individual") return EntityKind::kPerson;
  if (t == "organization" || t == "organisation" || t == "company" || t == "entity" ||
      t == "legalentity" || t == "legal_entity") {
    return EntityKind::kOrganization;
  }
  if (t == "vessel" || t == "ship") return EntityKind::kVessel;
  if (t == "aircraft" || t == "airplane") return EntityKind::kAircraft;
  return Status::InvalidArgument("unknown kind \"" + std::string(text) +
                                 "\" (person, organization, vessel, aircraft)");
}

Result<std::vector<ListSource>> ListsFromCodes(const std::vector<std::string>& codes) {
  std::vector<ListSource> out;
  for (const std::string& code : codes) {
    ListSource s = ListSourceFromCode(base::Trim(code));
    if (s == ListSource::kUnknown) {
      return Status::InvalidArgument("unknown list \"" + code +
                                     "\" (ofac_sdn ofac_nonsdn us_csl un eu uk_ofsi inhouse)");
    }
    out.push_back(s);
  }
  return out;
}

std::vector<std::string> SplitIds(std::string_view cell) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t i = 0; i <= cell.size(); ++i) {
    if (i == cell.size() || cell[i] == ';' || cell[i] == '|') {
      std::string_view part = base::Trim(cell.substr(start, i - start));
      if (!part.empty()) out.emplace_back(part);
      start = i + 1;
    }
  }
  return out;
}

Status ValidateName(std::string_view name) {
  if (name.size() > kMaxNameBytes) {
    return Status::InvalidArgument("name is longer than " + std::to_string(kMaxNameBytes) +
                                   " bytes");
  }
  if (!base::IsValidUtf8(name)) return Status::InvalidArgument("name is not valid UTF-8");
  if (base::Trim(name).empty()) return Status::InvalidArgument("name is empty");
  return Status::Ok();
}

Result<ScreenRequest> ScreenRequestFromJson(const Json& j, const RequestLimits& limits,
                                            const ScreenOptions& defaults, std::string_view path) {
  if (!j.is_object()) {
    return Status::InvalidArgument((path.empty() ? std::string("body") : std::string(path)) +
                                   ": must be a JSON object, not " + std::string(TypeName(j)));
  }
  ScreenRequest r;
  r.options = defaults;
  bool has_name = false;
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    const Json& v = it.value();
    if (key == "name") {
      if (!v.is_string()) {
        return Status::InvalidArgument(Field(path, "name") + ": must be a string, not " +
                                       std::string(TypeName(v)));
      }
      r.query.name = v.get<std::string>();
      Status s = ValidateName(r.query.name);
      if (!s.ok())
        return Status::InvalidArgument(Field(path, "name") + ": " + std::string(s.message()));
      has_name = true;
    } else if (key == "kind" || key == "schema") {
      INTERDICT_ASSIGN_OR_RETURN(std::string k, StringField(v, path, key, 64));
      auto kind = KindFromText(k);
      if (!kind.ok()) {
        return Status::InvalidArgument(Field(path, key) + ": " +
                                       std::string(kind.status().message()));
      }
      r.query.kind = *kind;
    } else if (key == "dob") {
      INTERDICT_ASSIGN_OR_RETURN(r.query.dob, StringField(v, path, key, limits.max_field_bytes));
    } else if (key == "country") {
      INTERDICT_ASSIGN_OR_RETURN(r.query.country,
                                 StringField(v, path, key, limits.max_field_bytes));
    } else if (key == "ids") {
      INTERDICT_ASSIGN_OR_RETURN(r.query.ids,
                                 StringList(v, path, key, limits.max_ids, limits.max_field_bytes));
    } else if (key == "lists") {
      INTERDICT_ASSIGN_OR_RETURN(std::vector<std::string> codes, StringList(v, path, key, 16, 64));
      auto lists = ListsFromCodes(codes);
      if (!lists.ok()) {
        return Status::InvalidArgument(Field(path, key) + ": " +
                                       std::string(lists.status().message()));
      }
      r.query.lists = std::move(*lists);
    } else if (key == "limit") {
      if (!v.is_number_integer() || v.get<int64_t>() < 1 ||
          v.get<int64_t>() > static_cast<int64_t>(limits.max_limit)) {
        return Status::InvalidArgument(Field(path, key) + ": must be an integer from 1 to " +
                                       std::to_string(limits.max_limit));
      }
      r.options.limit = v.get<size_t>();
    } else if (key == "threshold") {
      if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() <= 1)) {
        return Status::InvalidArgument(Field(path, key) + ": must be a number in [0, 1]");
      }
      r.options.threshold = v.get<double>();
    } else if (key == "explain") {
      if (v == "full") {
        r.explain = engine::ExplainLevel::kFull;
      } else if (v == "compact") {
        r.explain = engine::ExplainLevel::kCompact;
      } else {
        return Status::InvalidArgument(Field(path, key) + ": must be \"compact\" or \"full\"");
      }
    } else if (key == "id" || key == "reference") {
      // The caller's own reference for the query, echoed back; not used for matching.
      if (!v.is_string() && !v.is_number()) {
        return Status::InvalidArgument(Field(path, key) + ": must be a string or a number");
      }
    } else {
      return Status::InvalidArgument(Field(path, key) +
                                     ": unknown field (name, kind, dob, country, ids, lists, "
                                     "limit, threshold, explain, id)");
    }
  }
  if (!has_name) return Status::InvalidArgument(Field(path, "name") + ": required");
  return r;
}

}  // namespace interdict::service
