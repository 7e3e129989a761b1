#include "trade/shipment_json.h"

#include <charconv>
#include <cmath>
#include <map>
#include <set>
#include <utility>

#include "base/csv.h"
#include "base/text.h"
#include "engine/hit_json.h"
#include "trade/goods.h"

namespace interdict::trade {
namespace {

using Json = nlohmann::json;
using OJson = nlohmann::ordered_json;

std::string Quote(std::string_view s) {
  std::string shown(s.substr(0, 60));
  if (s.size() > 60) shown += "...";
  return "\"" + shown + "\"";
}

const char* TypeName(const Json& j) { return j.type_name(); }

Status Bad(const std::string& path, const std::string& message) {
  return Status::InvalidArgument(path + ": " + message);
}

Status CheckKeys(const Json& obj, const std::string& path, std::set<std::string_view> allowed) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const std::string& k = it.key();
    if (allowed.count(k) || base::StartsWith(k, "x_")) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    return Bad(path.empty() ? k : path + "." + k, "unknown field (expected one of " + list + ")");
  }
  return Status::Ok();
}

Result<std::string> GetString(const Json& obj, const char* key, const std::string& path,
                              bool required) {
  auto it = obj.find(key);
  std::string field = path.empty() ? key : path + "." + key;
  if (it == obj.end() || it->is_null()) {
    if (required) return Bad(field, "missing");
    return std::string();
  }
  if (!it->is_string()) {
    return Bad(field, std::string("expected a string, got ") + TypeName(*it));
  }
  return it->get<std::string>();
}

Result<double> GetNumber(const Json& obj, const char* key, const std::string& path) {
  auto it = obj.find(key);
  std::string field = path + "." + key;
  if (it == obj.end() || it->is_null()) return 0.0;
  double value = 0;
  if (it->is_number()) {
    value = it->get<double>();
  } else if (it->is_string()) {
    std::string s(base::Trim(it->get_ref<const std::string&>()));
    std::string digits;
    for (char c : s) {
      if (c != ',' && c != ' ') digits.push_back(c);  // "12,000.50"
    }
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size()) {
      return Bad(field, Quote(s) + " is not a number");
    }
  } else {
    return Bad(field, std::string("expected a number, got ") + TypeName(*it));
  }
  if (!std::isfinite(value) || value < 0) return Bad(field, "must be a number >= 0");
  return value;
}

Result<std::vector<std::string>> GetStrings(const Json& obj, const char* key,
                                            const std::string& path) {
  std::vector<std::string> out;
  auto it = obj.find(key);
  std::string field = path.empty() ? key : path + "." + key;
  if (it == obj.end() || it->is_null()) return out;
  if (it->is_string()) {  // one value, or several separated by ';'
    for (std::string_view part : base::SplitTrimmed(it->get_ref<const std::string&>(), ";")) {
      out.emplace_back(part);
    }
    return out;
  }
  if (!it->is_array()) return Bad(field, std::string("expected an array, got ") + TypeName(*it));
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& e = (*it)[i];
    if (!e.is_string()) {
      return Bad(field + "[" + std::to_string(i) + "]",
                 std::string("expected a string, got ") + TypeName(e));
    }
    out.push_back(e.get<std::string>());
  }
  return out;
}

Result<Party> PartyFromJson(const Json& j, const std::string& path) {
  if (!j.is_object()) return Bad(path, std::string("expected an object, got ") + TypeName(j));
  INTERDICT_RETURN_IF_ERROR(
      CheckKeys(j, path, {"role", "name", "kind", "country", "address", "ids", "owners", "id"}));
  Party p;
  INTERDICT_ASSIGN_OR_RETURN(std::string role, GetString(j, "role", path, true));
  std::optional<PartyRole> r = PartyRoleFromName(role);
  if (!r) {
    return Bad(path + ".role",
               "unknown role " + Quote(role) + " (expected " + std::string(PartyRoleNames()) + ")");
  }
  p.role = *r;
  INTERDICT_ASSIGN_OR_RETURN(p.name, GetString(j, "name", path, true));
  if (base::Trim(p.name).empty()) return Bad(path + ".name", "empty");
  INTERDICT_ASSIGN_OR_RETURN(std::string kind, GetString(j, "kind", path, false));
  if (!kind.empty()) {
    std::string k = base::AsciiToLower(base::Trim(kind));
    if (k == "company") k = "organization";
    p.kind = EntityKindFromName(k);
    if (p.kind == EntityKind::kUnknown && k != "unknown") {
      return Bad(path + ".kind", "unknown kind " + Quote(kind) +
                                     " (expected person, organization, vessel, aircraft)");
    }
  }
  INTERDICT_ASSIGN_OR_RETURN(p.country, GetString(j, "country", path, false));
  INTERDICT_ASSIGN_OR_RETURN(p.address, GetString(j, "address", path, false));
  INTERDICT_ASSIGN_OR_RETURN(p.ids, GetStrings(j, "ids", path));
  INTERDICT_ASSIGN_OR_RETURN(std::string one_id, GetString(j, "id", path, false));
  if (!one_id.empty()) p.ids.push_back(one_id);
  auto owners = j.find("owners");
  if (owners != j.end() && !owners->is_null()) {
    if (!owners->is_array()) {
      return Bad(path + ".owners", std::string("expected an array, got ") + TypeName(*owners));
    }
    for (size_t i = 0; i < owners->size(); ++i) {
      std::string opath = path + ".owners[" + std::to_string(i) + "]";
      const Json& o = (*owners)[i];
      if (!o.is_object()) return Bad(opath, std::string("expected an object, got ") + TypeName(o));
      INTERDICT_RETURN_IF_ERROR(CheckKeys(o, opath, {"name", "percent"}));
      StatedOwner so;
      INTERDICT_ASSIGN_OR_RETURN(so.name, GetString(o, "name", opath, true));
      if (base::Trim(so.name).empty()) return Bad(opath + ".name", "empty");
      if (!o.contains("percent")) return Bad(opath + ".percent", "missing");
      INTERDICT_ASSIGN_OR_RETURN(so.percent, GetNumber(o, "percent", opath));
      if (!(so.percent > 0) || so.percent > 100) {
        return Bad(opath + ".percent", "must be in (0, 100]");
      }
      p.owners.push_back(std::move(so));
    }
  }
  return p;
}

Result<GoodsLine> GoodsFromJson(const Json& j, const std::string& path) {
  if (!j.is_object()) return Bad(path, std::string("expected an object, got ") + TypeName(j));
  INTERDICT_RETURN_IF_ERROR(
      CheckKeys(j, path, {"hs_code", "description", "quantity", "unit", "value", "currency"}));
  GoodsLine g;
  auto hs = j.find("hs_code");
  if (hs != j.end() && hs->is_number_integer()) {
    g.hs_code = hs->dump();  // 85423100 written as a number
  } else if (hs != j.end() && hs->is_number()) {
    return Bad(path + ".hs_code",
               "a fractional number loses digits (8542.30 reads as 8542.3): write HS codes as "
               "strings");
  } else {
    INTERDICT_ASSIGN_OR_RETURN(g.hs_code, GetString(j, "hs_code", path, false));
  }
  if (!base::Trim(g.hs_code).empty()) {
    Result<HsCode> code = ParseHsCode(g.hs_code);
    if (!code.ok()) return code.status().WithPrefix(path + ".hs_code");
    g.hs6 = code->hs6;
  }
  INTERDICT_ASSIGN_OR_RETURN(g.description, GetString(j, "description", path, false));
  if (g.hs_code.empty() && base::Trim(g.description).empty()) {
    return Bad(path, "a goods line needs an hs_code or a description");
  }
  INTERDICT_ASSIGN_OR_RETURN(g.quantity, GetNumber(j, "quantity", path));
  INTERDICT_ASSIGN_OR_RETURN(g.unit, GetString(j, "unit", path, false));
  INTERDICT_ASSIGN_OR_RETURN(g.value, GetNumber(j, "value", path));
  INTERDICT_ASSIGN_OR_RETURN(g.currency, GetString(j, "currency", path, false));
  return g;
}

// Records where a JSON document stops being valid, without exceptions.
struct ErrorSax : nlohmann::json_sax<Json> {
  size_t position = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t pos, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    position = pos;
    message = ex.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 3: syntax error ..."
    // "[json.exception.parse_error.101] parse error at line 4, column 2: syntax error ..."
    size_t bracket = message.find("] ");
    if (bracket != std::string::npos) message = message.substr(bracket + 2);
    return false;
  }
};

// Parses a JSON document or returns a kInvalidArgument naming `where`.
Result<Json> ParseJson(std::string_view text, const std::string& where) {
  Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!j.is_discarded()) return j;
  ErrorSax sax;
  Json::sax_parse(text, &sax, nlohmann::detail::input_format_t::json, /*strict=*/true,
                  /*ignore_comments=*/false);
  return Status::InvalidArgument(
      where + ": invalid JSON: " + (sax.message.empty() ? "syntax error" : sax.message));
}

Result<std::vector<Shipment>> FromJsonDocument(const Json& doc, const std::string& file) {
  std::vector<Shipment> out;
  const Json* array = nullptr;
  if (doc.is_object() && doc.contains("shipments")) {
    array = &doc["shipments"];
    if (!array->is_array()) return Bad(file + ": shipments", "expected an array");
  } else if (doc.is_array()) {
    array = &doc;
  } else if (doc.is_object()) {
    INTERDICT_ASSIGN_OR_RETURN(Shipment s, ShipmentFromJson(doc, file));
    s.where = file;
    out.push_back(std::move(s));
    return out;
  } else {
    return Bad(file, std::string("expected a shipment object or an array, got ") + TypeName(doc));
  }
  if (array->empty()) return Bad(file, "no shipments");
  for (size_t i = 0; i < array->size(); ++i) {
    std::string where = file + ": shipments[" + std::to_string(i) + "]";
    INTERDICT_ASSIGN_OR_RETURN(Shipment s, ShipmentFromJson((*array)[i], where));
    s.where = where;
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<Shipment>> FromJsonLines(std::string_view text, const std::string& file) {
  std::vector<Shipment> out;
  size_t line_no = 0;
  for (std::string_view line : base::Split(text, "\n")) {
    ++line_no;
    line = base::Trim(line);
    if (line.empty()) continue;
    std::string where = file + ": line " + std::to_string(line_no);
    INTERDICT_ASSIGN_OR_RETURN(Json j, ParseJson(line, where));
    INTERDICT_ASSIGN_OR_RETURN(Shipment s, ShipmentFromJson(j, where));
    s.where = where;
    out.push_back(std::move(s));
  }
  if (out.empty()) return Bad(file, "no shipments");
  return out;
}

// CSV: one row per party, goods line or route stop, grouped by shipment_id.
Result<std::vector<Shipment>> FromCsv(std::string_view text, const std::string& file) {
  base::CsvReader reader(text);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return Bad(file, "no header");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < row.size(); ++i) col[base::AsciiToLower(base::Trim(row[i]))] = i;
  for (const char* need : {"shipment_id", "record"}) {
    if (!col.count(need)) {
      return Bad(file + ": line 1",
                 std::string("not a shipment file: a CSV header needs shipment_id and record "
                             "(or use JSON); missing ") +
                     need);
    }
  }
  static const std::set<std::string_view> kKnown = {
      "shipment_id", "record",  "role",        "name",     "kind", "country", "address", "ids",
      "owners",      "hs_code", "description", "quantity", "unit", "value",   "currency"};
  for (const auto& [name, index] : col) {
    if (!kKnown.count(name) && !base::StartsWith(name, "x_")) {
      return Bad(file + ": line 1", "unknown column " + Quote(name));
    }
  }
  std::vector<Shipment> out;
  std::map<std::string, size_t, std::less<>> by_id;
  // The JSON form of each shipment, built row by row, then read by ShipmentFromJson so both
  // formats share one validation.
  std::vector<Json> docs;
  std::vector<std::string> firsts;
  while (reader.Next(&row)) {
    if (row.size() == 1 && base::Trim(row[0]).empty()) continue;
    std::string where = file + ": line " + std::to_string(reader.line());
    auto cell = [&](const char* name) {
      auto it = col.find(name);
      return it != col.end() && it->second < row.size() ? std::string(base::Trim(row[it->second]))
                                                        : std::string();
    };
    std::string id = cell("shipment_id");
    if (id.empty()) return Bad(where, "empty shipment_id");
    auto [it, added] = by_id.emplace(id, docs.size());
    if (added) {
      docs.push_back(Json{{"id", id}, {"parties", Json::array()}, {"goods", Json::array()}});
      firsts.push_back(where);
    }
    Json& doc = docs[it->second];
    std::string record = base::AsciiToLower(cell("record"));
    if (record == "party") {
      Json p = Json::object();
      for (const char* k : {"role", "name", "kind", "country", "address", "ids"}) {
        if (!cell(k).empty()) p[k] = cell(k);
      }
      if (!cell("owners").empty()) {  // "NAME=30; ofac_sdn:16666=25"
        Json owners = Json::array();
        std::string owners_cell = cell("owners");
        for (std::string_view o : base::SplitTrimmed(owners_cell, ";")) {
          size_t eq = o.rfind('=');
          if (eq == std::string_view::npos) {
            return Bad(where, "owners: " + Quote(o) + " is not NAME=PERCENT");
          }
          owners.push_back(Json{{"name", std::string(base::Trim(o.substr(0, eq)))},
                                {"percent", std::string(base::Trim(o.substr(eq + 1)))}});
        }
        p["owners"] = std::move(owners);
      }
      // Validate now so the error names this line.
      Result<Party> check = PartyFromJson(p, "party");
      if (!check.ok()) return check.status().WithPrefix(where);
      doc["parties"].push_back(std::move(p));
    } else if (record == "goods") {
      Json g = Json::object();
      for (const char* k : {"hs_code", "description", "quantity", "unit", "value", "currency"}) {
        if (!cell(k).empty()) g[k] = cell(k);
      }
      Result<GoodsLine> check = GoodsFromJson(g, "goods");
      if (!check.ok()) return check.status().WithPrefix(where);
      doc["goods"].push_back(std::move(g));
    } else if (record == "route") {
      std::string role = base::AsciiToLower(cell("role"));
      std::string country = cell("country");
      if (country.empty()) return Bad(where, "route row without a country");
      if (role == "origin" || role == "destination") {
        if (doc.contains("route") && doc["route"].contains(role)) {
          return Bad(where, "a second route " + role + " for shipment " + Quote(id));
        }
        doc["route"][role] = country;
      } else if (role == "transit") {
        doc["route"]["transit"].push_back(country);
      } else {
        return Bad(where, "route role " + Quote(role) + " (expected origin, transit, destination)");
      }
    } else {
      return Bad(where, "record " + Quote(record) + " (expected party, goods or route)");
    }
  }
  if (!reader.status().ok()) {
    return Status::InvalidArgument(file + ": " + std::string(reader.status().message()));
  }
  if (docs.empty()) return Bad(file, "no shipments");
  for (size_t i = 0; i < docs.size(); ++i) {
    std::string where = firsts[i] + " (shipment " + Quote(docs[i]["id"].get<std::string>()) + ")";
    INTERDICT_ASSIGN_OR_RETURN(Shipment s, ShipmentFromJson(docs[i], where));
    s.where = firsts[i];
    out.push_back(std::move(s));
  }
  return out;
}

}  // namespace

Result<Shipment> ShipmentFromJson(const nlohmann::json& j, const std::string& where) {
  auto path = [&](const std::string& field) {
    return where.empty() ? field : where + ": " + field;
  };
  if (!j.is_object())
    return Bad(where, std::string("expected a shipment object, got ") + TypeName(j));
  for (auto it = j.begin(); it != j.end(); ++it) {
    static const std::set<std::string_view> kTop = {"id", "shipment_id", "parties", "goods",
                                                    "route"};
    if (!kTop.count(it.key()) && !base::StartsWith(it.key(), "x_")) {
      return Bad(path(it.key()), "unknown field (expected id, parties, goods, route)");
    }
  }
  Shipment s;
  auto id = j.contains("id") ? j.find("id") : j.find("shipment_id");
  if (id != j.end() && !id->is_null()) {
    if (id->is_string()) {
      s.id = id->get<std::string>();
    } else if (id->is_number_integer()) {
      s.id = id->dump();
    } else {
      return Bad(path("id"), std::string("expected a string, got ") + TypeName(*id));
    }
  }
  auto parties = j.find("parties");
  if (parties == j.end() || parties->is_null() || (parties->is_array() && parties->empty())) {
    return Bad(path("parties"), "missing (a shipment needs at least one party)");
  }
  if (!parties->is_array()) {
    return Bad(path("parties"), std::string("expected an array, got ") + TypeName(*parties));
  }
  for (size_t i = 0; i < parties->size(); ++i) {
    INTERDICT_ASSIGN_OR_RETURN(
        Party p, PartyFromJson((*parties)[i], path("parties[" + std::to_string(i) + "]")));
    s.parties.push_back(std::move(p));
  }
  auto goods = j.find("goods");
  if (goods != j.end() && !goods->is_null()) {
    if (!goods->is_array()) {
      return Bad(path("goods"), std::string("expected an array, got ") + TypeName(*goods));
    }
    for (size_t i = 0; i < goods->size(); ++i) {
      INTERDICT_ASSIGN_OR_RETURN(
          GoodsLine g, GoodsFromJson((*goods)[i], path("goods[" + std::to_string(i) + "]")));
      s.goods.push_back(std::move(g));
    }
  }
  auto route = j.find("route");
  if (route != j.end() && !route->is_null()) {
    if (!route->is_object()) {
      return Bad(path("route"), std::string("expected an object, got ") + TypeName(*route));
    }
    INTERDICT_RETURN_IF_ERROR(
        CheckKeys(*route, path("route"), {"origin", "transit", "destination"}));
    INTERDICT_ASSIGN_OR_RETURN(s.route.origin, GetString(*route, "origin", path("route"), false));
    INTERDICT_ASSIGN_OR_RETURN(s.route.transit, GetStrings(*route, "transit", path("route")));
    INTERDICT_ASSIGN_OR_RETURN(s.route.destination,
                               GetString(*route, "destination", path("route"), false));
  }
  return s;
}

Result<std::vector<Shipment>> ParseShipments(const InputFile& file) {
  const std::string& name = file.name;
  std::string_view text = file.bytes;
  if (base::StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (base::Trim(text).empty()) return Bad(name, "empty input");
  if (base::LooksBinary(text)) return Bad(name, "binary data, not JSON or CSV");
  size_t bad = base::FindInvalidUtf8(text);
  if (bad != std::string_view::npos) {
    return Bad(name + ": line " + std::to_string(base::LineOfOffset(text, bad)), "invalid UTF-8");
  }
  std::string_view body = base::Trim(text);
  if (body.front() == '[') {
    INTERDICT_ASSIGN_OR_RETURN(Json doc, ParseJson(text, name));
    return FromJsonDocument(doc, name);
  }
  if (body.front() == '{') {
    Json doc = Json::parse(text, nullptr, false);
    if (!doc.is_discarded()) return FromJsonDocument(doc, name);
    // JSON Lines when the first line is a whole object; else one broken document, whose
    // error names its line and column.
    std::string_view first = body.substr(0, body.find('\n'));
    if (!Json::parse(first, nullptr, false).is_discarded()) return FromJsonLines(text, name);
    INTERDICT_ASSIGN_OR_RETURN(doc, ParseJson(text, name));
    return FromJsonDocument(doc, name);
  }
  return FromCsv(text, name);
}

Result<OJson> AssessShipmentsJson(const ShipmentScreener& screener, const nlohmann::json& body) {
  INTERDICT_ASSIGN_OR_RETURN(std::vector<Shipment> shipments, FromJsonDocument(body, "body"));
  bool one = body.is_object() && !body.contains("shipments");
  OJson verdicts = OJson::array();
  for (const Shipment& s : shipments) {
    INTERDICT_ASSIGN_OR_RETURN(Verdict v, screener.Assess(s));
    if (one) return VerdictToJson(v);
    verdicts.push_back(VerdictToJson(v));
  }
  return OJson{{"verdicts", std::move(verdicts)}};
}

OJson VerdictToJson(const Verdict& v) {
  OJson j;
  j["shipment_id"] = v.shipment_id;
  j["verdict"] = DecisionName(v.decision);
  j["destination"] = v.destination;
  size_t counts[3] = {0, 0, 0};
  OJson reasons = OJson::array();
  for (const Reason& r : v.reasons) {
    ++counts[static_cast<size_t>(r.action)];
    OJson o;
    o["rule"] = r.rule;
    o["layer"] = r.layer;
    o["action"] = ActionName(r.action);
    o["evidence"] = r.evidence;
    o["message"] = r.message;
    if (r.party >= 0) o["party"] = r.party;
    if (r.goods_line >= 0) o["goods_line"] = r.goods_line;
    if (r.hit) o["hit"] = engine::HitToJson(*r.hit, engine::ExplainLevel::kCompact);
    if (r.ownership) {
      const OwnershipFinding& f = *r.ownership;
      OJson own;
      own["subject"] = f.subject;
      own["blocked"] = f.blocked;
      own["blocked_percent"] = std::round(f.blocked_percent * 100) / 100;
      own["look_through_percent"] = std::round(f.look_through_percent * 100) / 100;
      OJson holdings = OJson::array();
      for (const BlockedHolding& h : f.holdings) {
        OJson hj{{"owner", h.owner}, {"percent", h.percent}, {"listed", h.listed}};
        if (!h.reference.empty()) hj["reference"] = h.reference;
        if (h.resolution_score < 1)
          hj["resolution_score"] = std::round(h.resolution_score * 1e4) / 1e4;
        holdings.push_back(std::move(hj));
      }
      own["holdings"] = std::move(holdings);
      own["chain"] = f.steps;
      o["ownership"] = std::move(own);
    }
    if (!r.details.empty() && !r.ownership) o["details"] = r.details;
    reasons.push_back(std::move(o));
  }
  j["counts"] = OJson{{"block", counts[2]}, {"review", counts[1]}, {"info", counts[0]}};
  j["reasons"] = std::move(reasons);
  return j;
}

}  // namespace interdict::trade
