#include "lists/un/un_xml.h"

#include <cstddef>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/text.h"
#include "lists/common.h"
#include "lists/xml_stream.h"
#include "model/date.h"

namespace interdict::lists {
namespace {

constexpr std::string_view kFormat = "un_xml";
constexpr std::string_view kRoot = "CONSOLIDATED_LIST";

std::string ChildClean(const XmlElement& el, std::string_view child) {
  return CleanText(el.ChildText(child));
}

// UN dates are ISO, a few with a zone offset ("2015-04-07-04:00"); the offset is dropped.
std::optional<PartialDate> ParseUnDate(std::string_view text) {
  text = base::Trim(text);
  if (text.size() > 10 && text[4] == '-' && text[7] == '-') text = text.substr(0, 10);
  return model::ParseDate(text);
}

bool IsApproximateWord(std::string_view s) {
  for (std::string_view w : {"approximately", "approx.", "approx", "circa", "about"}) {
    if (base::EqualsIgnoreCase(s, w)) return true;
  }
  return false;
}

// Text after a marker such as "original script:" in an alias NOTE, or "".
std::string NameInNote(std::string_view note) {
  for (std::string_view marker : {"original script:", "in arabic:"}) {
    size_t at = base::FindIgnoreCase(note, marker);
    if (at != std::string_view::npos) return CleanText(note.substr(at + marker.size()));
  }
  return "";
}

// Turns one INDIVIDUAL or ENTITY element into an Entity, reporting what it cannot read.
// One per file: it remembers ids and unknown element names across records.
class RecordParser {
 public:
  RecordParser(const SourceFile& file, Diagnostics* diags) : file_(file), diags_(diags) {}

  // Fills *out from `rec`, the `ordinal`-th (1-based) record of its kind. Returns false, after
  // a kSkipped diagnostic, when the record has no name at all.
  bool Parse(const XmlElement& rec, int ordinal, Entity* out);

 private:
  void Warn(int line, std::string_view child, std::string message);
  void ParseAlias(const XmlElement& el, const std::string& at, Entity* e);
  void ParseAddress(const XmlElement& el, Entity* e);
  void ParseDateOfBirth(const XmlElement& el, const std::string& at, Entity* e);
  void ParsePlaceOfBirth(const XmlElement& el, Entity* e);
  void ParseDocument(const XmlElement& el, Entity* e);
  void ParseValues(const XmlElement& el, std::vector<std::string>* out);
  void ParseNationalities(const XmlElement& el, const std::string& at, Entity* e);

  const SourceFile& file_;
  Diagnostics* diags_;
  std::set<std::string, std::less<>> seen_ids_;
  std::set<std::string, std::less<>> unknown_elements_;
  // The record being parsed.
  std::string path_;  // "INDIVIDUAL[3]"
  std::string record_id_;
};

void RecordParser::Warn(int line, std::string_view child, std::string message) {
  diags_->Warn(file_.name, XmlRecordLocation(line, path_, child), record_id_, std::move(message));
}

bool RecordParser::Parse(const XmlElement& rec, int ordinal, Entity* out) {
  const bool person = rec.name == "INDIVIDUAL";
  path_ = rec.name + "[" + std::to_string(ordinal) + "]";
  record_id_ = ChildClean(rec, "DATAID");

  Entity& e = *out;
  e.source = ListSource::kUn;
  e.kind = person ? EntityKind::kPerson : EntityKind::kOrganization;
  e.source_id = record_id_;
  e.provenance = MakeProvenance(file_, "line " + std::to_string(rec.line));
  if (record_id_.empty()) {
    Warn(rec.line, "DATAID", "record has no DATAID");
  } else if (!seen_ids_.insert(record_id_).second) {
    Warn(rec.line, "DATAID", "duplicate DATAID " + record_id_);
  }

  // The primary name goes first; everything else is added in document order below.
  std::string parts[4] = {ChildClean(rec, "FIRST_NAME"), ChildClean(rec, "SECOND_NAME"),
                          ChildClean(rec, "THIRD_NAME"), ChildClean(rec, "FOURTH_NAME")};
  Name primary;
  primary.full = JoinNonEmpty({parts[0], parts[1], parts[2], parts[3]}, " ");
  if (person && !primary.full.empty()) {
    primary.given = parts[0];
    int last = 3;
    while (last > 0 && parts[last].empty()) --last;
    if (last > 0) {
      primary.family = parts[last];
      for (int i = 1; i < last; ++i) {
        if (parts[i].empty()) continue;
        if (!primary.middle.empty()) primary.middle += ' ';
        primary.middle += parts[i];
      }
    }
  }
  AddName(&e, std::move(primary));

  std::unordered_map<std::string_view, int> seen_children;
  for (const XmlElement& child : rec.children) {
    const std::string& name = child.name;
    const std::string at = name + "[" + std::to_string(++seen_children[name]) + "]";
    // INDIVIDUAL_ALIAS and ENTITY_ALIAS (etc.) are read alike.
    std::string_view kind_free = name;
    if (base::StartsWith(kind_free, "INDIVIDUAL_")) kind_free.remove_prefix(11);
    if (base::StartsWith(kind_free, "ENTITY_")) kind_free.remove_prefix(7);

    if (name == "DATAID" || name == "FIRST_NAME" || name == "SECOND_NAME" || name == "THIRD_NAME" ||
        name == "FOURTH_NAME" || name == "VERSIONNUM" || name == "LIST_TYPE" ||
        name == "LAST_DAY_UPDATED" || name == "SORT_KEY" || name == "SORT_KEY_LAST_MOD") {
      continue;  // read above, or bookkeeping the model has no use for
    } else if (name == "UN_LIST_TYPE") {
      AddUnique(&e.programs, CleanText(child.text));
    } else if (name == "REFERENCE_NUMBER") {
      e.reference = CleanText(child.text);
    } else if (name == "LISTED_ON") {
      std::string text = CleanText(child.text);
      if (text.empty()) continue;
      if (std::optional<PartialDate> d = ParseUnDate(text)) {
        e.listed_on = *d;
      } else {
        Warn(child.line, at, "unparseable LISTED_ON '" + text + "'");
      }
    } else if (name == "NAME_ORIGINAL_SCRIPT") {
      AddName(&e, Name{.full = CleanText(child.text), .type = NameType::kAka});
    } else if (name == "COMMENTS1") {
      e.remarks = std::string(child.Text());
    } else if (name == "GENDER") {
      std::string g = CleanText(child.text);
      if (base::EqualsIgnoreCase(g, "male")) {
        e.gender = Gender::kMale;
      } else if (base::EqualsIgnoreCase(g, "female")) {
        e.gender = Gender::kFemale;
      } else if (!g.empty()) {
        Warn(child.line, at, "unknown GENDER '" + g + "'");
      }
    } else if (name == "TITLE" || name == "DESIGNATION") {
      ParseValues(child, &e.titles);
    } else if (name == "NATIONALITY") {
      ParseNationalities(child, at, &e);
    } else if (kind_free == "ALIAS") {
      ParseAlias(child, at, &e);
    } else if (kind_free == "ADDRESS") {
      ParseAddress(child, &e);
    } else if (kind_free == "DATE_OF_BIRTH") {
      ParseDateOfBirth(child, at, &e);
    } else if (kind_free == "PLACE_OF_BIRTH") {
      ParsePlaceOfBirth(child, &e);
    } else if (kind_free == "DOCUMENT") {
      ParseDocument(child, &e);
    } else if (unknown_elements_.insert(name).second) {
      Warn(child.line, at, "unknown element <" + name + "> ignored (reported once per file)");
    }
  }

  if (!e.names.empty() && e.names[0].type != NameType::kPrimary) {
    // No FIRST_NAME..FOURTH_NAME but aliases: list the entity under its first strong alias
    // rather than drop a listed party.
    size_t pick = 0;
    for (size_t i = 0; i < e.names.size(); ++i) {
      if (e.names[i].quality == NameQuality::kStrong) {
        pick = i;
        break;
      }
    }
    Name promoted = std::move(e.names[pick]);
    e.names.erase(e.names.begin() + static_cast<std::ptrdiff_t>(pick));
    promoted.type = NameType::kPrimary;
    Warn(rec.line, "FIRST_NAME",
         "record has no FIRST_NAME; alias '" + promoted.full + "' used as the primary name");
    e.names.insert(e.names.begin(), std::move(promoted));
  }
  FinishEntity(&e);
  if (e.names.empty()) {
    diags_->Skip(file_.name, "line " + std::to_string(rec.line) + ", " + path_, record_id_,
                 "record has no name (FIRST_NAME..FOURTH_NAME and aliases empty); skipped");
    return false;
  }
  return true;
}

void RecordParser::ParseValues(const XmlElement& el, std::vector<std::string>* out) {
  for (const XmlElement* v : el.Children("VALUE")) AddUnique(out, CleanText(v->text));
}

void RecordParser::ParseNationalities(const XmlElement& el, const std::string& at, Entity* e) {
  for (const XmlElement* v : el.Children("VALUE")) {
    std::string text = CleanText(v->text);
    if (text.empty()) continue;
    std::string code = CountryCode(text);
    if (code.empty()) {
      Warn(v->line, at, "nationality '" + text + "' is not a known country; left out");
    } else {
      AddUnique(&e->nationalities, code);
    }
  }
}

void RecordParser::ParseAlias(const XmlElement& el, const std::string& at, Entity* e) {
  std::string quality = CleanText(el.ChildText("QUALITY"));
  Name name;
  name.full = ChildClean(el, "ALIAS_NAME");
  name.type = NameType::kAka;
  if (base::EqualsIgnoreCase(quality, "low")) {
    name.quality = NameQuality::kWeak;
  } else if (base::EqualsIgnoreCase(quality, "f.k.a.") || base::EqualsIgnoreCase(quality, "fka")) {
    name.type = NameType::kFka;
  } else if (!quality.empty() && !base::EqualsIgnoreCase(quality, "good") &&
             !base::EqualsIgnoreCase(quality, "a.k.a.") &&
             !base::EqualsIgnoreCase(quality, "aka")) {
    Warn(el.line, at + "/QUALITY", "unknown alias QUALITY '" + quality + "'; read as a.k.a.");
  }
  std::string script_name = NameInNote(el.ChildText("NOTE"));
  Name original{.full = script_name, .type = name.type, .quality = name.quality};
  AddName(e, std::move(name));
  AddName(e, std::move(original));

  // Some aliases carry the date and place of birth used under that name.
  std::string dob_text = ChildClean(el, "DATE_OF_BIRTH");
  if (!dob_text.empty()) {
    if (std::optional<DateOfBirth> dob = model::ParseDateOfBirth(dob_text)) {
      AddDateOfBirth(e, std::move(*dob));
    } else {
      Warn(el.line, at + "/DATE_OF_BIRTH", "unparseable date of birth '" + dob_text + "'");
    }
  }
  AddUnique(
      &e->places_of_birth,
      JoinNonEmpty({ChildClean(el, "CITY_OF_BIRTH"), ChildClean(el, "COUNTRY_OF_BIRTH")}, ", "));
}

void RecordParser::ParseAddress(const XmlElement& el, Entity* e) {
  Address a;
  a.street = ChildClean(el, "STREET");
  a.city = ChildClean(el, "CITY");
  a.region = ChildClean(el, "STATE_PROVINCE");
  a.postal_code = ChildClean(el, "ZIP_CODE");
  a.country_name = ChildClean(el, "COUNTRY");
  a.country = CountryCode(a.country_name);
  if (a.street.empty() && a.city.empty() && a.region.empty() && a.postal_code.empty() &&
      a.country_name.empty()) {
    return;  // an empty placeholder, or a NOTE without a place
  }
  e->addresses.push_back(std::move(a));
}

void RecordParser::ParseDateOfBirth(const XmlElement& el, const std::string& at, Entity* e) {
  const std::string raw_type = ChildClean(el, "TYPE_OF_DATE");
  const std::string type = base::AsciiToUpper(raw_type);
  const std::string date = ChildClean(el, "DATE");
  const std::string year = ChildClean(el, "YEAR");
  const std::string from_year = ChildClean(el, "FROM_YEAR");
  const std::string to_year = ChildClean(el, "TO_YEAR");
  std::string note = ChildClean(el, "NOTE");
  if (date.empty() && year.empty() && from_year.empty() && to_year.empty() && note.empty()) {
    if (!type.empty()) Warn(el.line, at, "TYPE_OF_DATE " + raw_type + " without a date");
    return;  // <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE/></...> placeholders
  }
  bool circa = type == "APPROXIMATELY";
  if (!type.empty() && type != "EXACT" && type != "APPROXIMATELY" && type != "BETWEEN") {
    Warn(el.line, at + "/TYPE_OF_DATE",
         "unknown TYPE_OF_DATE '" + raw_type + "'; date read as given");
  }
  if (IsApproximateWord(note)) {  // BETWEEN 1955 and 1958 with NOTE "Approximately"
    circa = true;
    note.clear();
  }

  DateOfBirth dob;
  std::string text;
  std::optional<PartialDate> from, to;
  if (!date.empty()) {
    text = date;
    from = to = ParseUnDate(date);
  } else if (!year.empty()) {
    text = year;
    from = to = model::ParseDate(year);
  } else if (!from_year.empty() || !to_year.empty()) {
    text = JoinNonEmpty({from_year, to_year}, " to ");
    from = model::ParseDate(from_year.empty() ? to_year : from_year);
    to = model::ParseDate(to_year.empty() ? from_year : to_year);
  } else {
    // Only a NOTE: "Nov. 1973", "Between Aug. and Sep. 1977", "30-35 years old".
    std::optional<DateOfBirth> parsed = model::ParseDateOfBirth(note);
    if (!parsed) {
      Warn(el.line, at, "unparseable date of birth '" + note + "'");
      return;
    }
    text = note;
    note.clear();
    from = parsed->from;
    to = parsed->to;
    circa = circa || parsed->circa;
  }
  if (!from || !to) {
    Warn(el.line, at, "unparseable date of birth '" + text + "'");
    return;
  }
  if (DateBefore(*to, *from)) {
    Warn(el.line, at, "date range '" + text + "' ends before it starts; read reversed");
    std::swap(from, to);
  }
  dob.from = *from;
  dob.to = *to;
  dob.circa = circa;
  dob.text = circa ? "approximately " + text : text;
  if (!note.empty()) dob.text += " (" + note + ")";
  AddDateOfBirth(e, std::move(dob));
}

void RecordParser::ParsePlaceOfBirth(const XmlElement& el, Entity* e) {
  std::string place = JoinNonEmpty({ChildClean(el, "STREET"), ChildClean(el, "CITY"),
                                    ChildClean(el, "STATE_PROVINCE"), ChildClean(el, "COUNTRY")},
                                   ", ");
  std::string note = ChildClean(el, "NOTE");
  if (!place.empty() && !note.empty()) place += " (" + note + ")";
  AddUnique(&e->places_of_birth, place);
}

void RecordParser::ParseDocument(const XmlElement& el, Entity* e) {
  const std::string type1 = ChildClean(el, "TYPE_OF_DOCUMENT");
  const std::string type2 = ChildClean(el, "TYPE_OF_DOCUMENT2");
  const std::string number = ChildClean(el, "NUMBER");
  const std::string issuing_country = ChildClean(el, "ISSUING_COUNTRY");
  const std::string country_of_issue = ChildClean(el, "COUNTRY_OF_ISSUE");
  const std::string date = ChildClean(el, "DATE_OF_ISSUE");
  const std::string city = ChildClean(el, "CITY_OF_ISSUE");
  const std::string note = ChildClean(el, "NOTE");
  if (type1.empty() && type2.empty() && number.empty() && note.empty()) return;  // placeholder

  Identifier id;
  // TYPE_OF_DOCUMENT is a short list (Passport, National Identification Number);
  // TYPE_OF_DOCUMENT2 refines it in free text ("Birth certificate", "national passport").
  id.type = IdTypeFromLabel(type2);
  if (id.type == IdType::kOther) id.type = IdTypeFromLabel(type1);
  id.label = type1;
  if (!type2.empty() && !base::EqualsIgnoreCase(type1, type2)) {
    id.label = type1.empty() ? type2 : type1 + " (" + type2 + ")";
  }
  id.value = number;
  id.country = CountryCode(issuing_country);
  if (id.country.empty()) id.country = CountryCode(country_of_issue);

  std::string issued;
  std::string issue_place = JoinNonEmpty({city, country_of_issue}, ", ");
  if (!date.empty() || !issue_place.empty()) {
    issued = "issued";
    if (!date.empty()) issued += " " + date;
    if (!issue_place.empty()) issued += " in " + issue_place;
  }
  std::string unresolved;
  if (id.country.empty() && !issuing_country.empty() && issuing_country != country_of_issue) {
    unresolved = "issuing country " + issuing_country;
  }
  id.note = JoinNonEmpty({issued, unresolved, note}, "; ");
  e->identifiers.push_back(std::move(id));
}

}  // namespace

Result<ParsedList> ParseUnXml(const InputFile& file) {
  ParsedList out = NewParsedList(ListSource::kUn, kFormat, file);
  const SourceFile& source_file = out.version.files.front();

  XmlStream xml(file);
  RecordParser parser(source_file, &out.diagnostics);
  XmlElement rec;
  int individuals = 0;
  int entities = 0;
  bool root_checked = false;
  auto wrong_root = [&] {
    return Status::DataLoss(source_file.name + ": root element <" + xml.root_name() +
                            "> is not <CONSOLIDATED_LIST>: not a UN consolidated list");
  };
  while (xml.NextElement({"INDIVIDUAL", "ENTITY"}, &rec)) {
    if (!root_checked) {
      if (xml.root_name() != kRoot) return wrong_root();
      root_checked = true;
      out.version.as_of = std::string(base::Trim(xml.RootAttr("dateGenerated")));
      if (out.version.as_of.empty()) {
        out.diagnostics.Warn(source_file.name, "CONSOLIDATED_LIST", "",
                             "no dateGenerated on the root element; as_of left empty");
      }
    }
    const int ordinal = rec.name == "INDIVIDUAL" ? ++individuals : ++entities;
    Entity entity;
    if (parser.Parse(rec, ordinal, &entity)) out.entities.push_back(std::move(entity));
  }
  if (!xml.status().ok()) return xml.status();
  if (xml.root_name() != kRoot) return wrong_root();
  if (individuals + entities == 0) {
    return Status::DataLoss(source_file.name +
                            ": no INDIVIDUAL or ENTITY records in <CONSOLIDATED_LIST>");
  }
  return out;
}

}  // namespace interdict::lists
