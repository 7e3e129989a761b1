#include "lists/ofac_csv/ofac_csv.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/csv.h"
#include "base/text.h"
#include "lists/common.h"
#include "lists/ofac_csv/remarks.h"

namespace interdict::lists {
namespace {

using std::string_view;

// Column counts of the four files of a set (no header row; see shared/data/README.md).
constexpr size_t kPrimaryColumns = 12;  // ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign,
                                        // Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
constexpr size_t kAltColumns = 5;       // ent_num, alt_num, alt_type, alt_name, alt_remarks
constexpr size_t kAddColumns = 6;       // ent_num, add_num, address, city_state_province_postal,
                                        // country, add_remarks
constexpr size_t kCommentColumns = 2;   // ent_num, remarks_extended

// Rows at the start of a file that must all have the expected shape. A file whose first rows
// do not is some other file (a header row, another list, a different delimiter) and is refused
// instead of being reported row by row.
constexpr size_t kSniffRows = 5;

// OFAC cuts Remarks at this many characters and puts the rest in *_comments.csv.
constexpr size_t kRemarksCut = 1000;

// Column values: OFAC writes null as the unquoted token "-0- ".
string_view Value(string_view field) {
  string_view v = base::Trim(field);
  return v == "-0-" ? string_view() : v;
}

std::string Line(size_t line) { return "line " + std::to_string(line); }

// The file name without its directory, as MakeSourceFile() gives it (without hashing again).
std::string BaseName(const InputFile& file) {
  size_t slash = file.name.find_last_of('/');
  return slash == std::string::npos ? file.name : file.name.substr(slash + 1);
}

size_t CountCodePoints(string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// "LAST, First" -> family "LAST", given "First"; nothing when there is no comma.
void SplitPersonName(Name* name) {
  size_t comma = name->full.find(", ");
  if (comma == std::string::npos) return;
  name->family = std::string(base::Trim(string_view(name->full).substr(0, comma)));
  name->given = std::string(base::Trim(string_view(name->full).substr(comma + 2)));
}

// Reads one file of the set. Every row with `columns` fields and an integer ent_num goes to
// on_row(fields, line, ent_num); other rows are reported as skipped. Returns kDataLoss naming
// the file (and line) when the file as a whole is not an OFAC legacy CSV file.
template <typename OnRow>
Status ReadRows(const InputFile& file, const std::string& name, size_t columns, bool required,
                Diagnostics* diags, OnRow on_row) {
  if (base::LooksBinary(file.bytes)) {
    return Status::DataLoss(name + ": binary data, not an OFAC legacy CSV file");
  }
  const std::string text = base::ToUtf8Lenient(file.bytes);
  base::CsvReader reader(text);
  std::vector<std::string> fields;
  size_t rows = 0;
  size_t good = 0;
  while (reader.Next(&fields)) {
    // A stray DOS EOF byte or blank line that the reader returns as a row of its own.
    if (fields.size() == 1) {
      string_view only = base::Trim(fields[0]);
      if (only.empty() || only == "\x1A") continue;
    }
    ++rows;
    const size_t line = reader.line();
    std::string problem;
    std::optional<uint64_t> ent_num;
    if (fields.size() != columns) {
      problem = "expected " + std::to_string(columns) + " columns, found " +
                std::to_string(fields.size());
    } else if (ent_num = base::ParseUint(base::Trim(fields[0])); !ent_num) {
      problem =
          "ent_num '" + std::string(base::Trim(fields[0]).substr(0, 40)) + "' is not an integer";
    }
    if (!problem.empty()) {
      if (rows <= kSniffRows) {
        return Status::DataLoss(name + ": " + Line(line) + ": " + problem +
                                "; not an OFAC legacy CSV file");
      }
      std::string id;
      if (!fields.empty() && base::ParseUint(base::Trim(fields[0]))) {
        id = std::string(base::Trim(fields[0]));
      }
      diags->Skip(name, Line(line), std::move(id), problem + "; row skipped");
      continue;
    }
    ++good;
    on_row(fields, line, *ent_num);
  }
  if (!reader.status().ok()) return reader.status().WithPrefix(name);
  if (rows == 0 && required) return Status::DataLoss(name + ": empty file, no records");
  if (rows - good > good) {
    return Status::DataLoss(name + ": " + std::to_string(rows - good) + " of " +
                            std::to_string(rows) +
                            " rows have the wrong shape; not an OFAC legacy CSV file");
  }
  return Status::Ok();
}

class SetParser {
 public:
  SetParser(ListSource source, const OfacCsvFiles& files) : files_(files) {
    out_.version.source = source;
    out_.version.format = "ofac_csv";
    primary_ = MakeSourceFile(files.primary);
    out_.version.files.push_back(primary_);
    for (const std::optional<InputFile>* f : {&files.alt, &files.add, &files.comments}) {
      if (f->has_value()) out_.version.files.push_back(MakeSourceFile(**f));
    }
  }

  Result<ParsedList> Parse() {
    INTERDICT_RETURN_IF_ERROR(ReadPrimary());
    if (files_.comments) INTERDICT_RETURN_IF_ERROR(ReadComments(*files_.comments));
    if (files_.alt) INTERDICT_RETURN_IF_ERROR(ReadAlt(*files_.alt));
    if (files_.add) INTERDICT_RETURN_IF_ERROR(ReadAdd(*files_.add));
    for (size_t i = 0; i < out_.entities.size(); ++i) ApplyRemarks(i);
    ResolveRelations();
    for (Entity& e : out_.entities) FinishEntity(&e);
    return std::move(out_);
  }

 private:
  // The entity for `ent_num`, or null (and a skipped-row diagnostic) when the primary file has
  // none: alt/add/comments rows must join to a primary row.
  Entity* Join(uint64_t ent_num, const std::string& file, size_t line, string_view what) {
    auto it = index_.find(ent_num);
    if (it != index_.end()) return &out_.entities[it->second];
    std::string id = std::to_string(ent_num);
    out_.diagnostics.Skip(
        file, Line(line), id,
        "ent_num " + id + " is not in " + primary_.name + "; " + std::string(what) + " skipped");
    return nullptr;
  }

  Status ReadPrimary() {
    const std::string& file = primary_.name;
    // One record a line in practice; avoids moving every Entity as the vector grows.
    const string_view bytes = files_.primary.bytes;
    out_.entities.reserve(static_cast<size_t>(std::count(bytes.begin(), bytes.end(), '\n')) + 1);
    return ReadRows(files_.primary, file, kPrimaryColumns, /*required=*/true, &out_.diagnostics,
                    [&](const std::vector<std::string>& f, size_t line, uint64_t ent_num) {
                      if (Value(f[1]).empty()) {  // an entity must have a name
                        out_.diagnostics.Skip(file, Line(line), std::to_string(ent_num),
                                              "empty SDN_Name; row skipped");
                        return;
                      }
                      auto [it, inserted] = index_.emplace(ent_num, out_.entities.size());
                      if (!inserted) {
                        out_.diagnostics.Skip(file, Line(line), std::to_string(ent_num),
                                              "duplicate ent_num (first on " +
                                                  Line(lines_[it->second]) + "); row skipped");
                        return;
                      }
                      out_.entities.push_back(MakeEntity(f, ent_num, line));
                      lines_.push_back(line);
                    });
  }

  Entity MakeEntity(const std::vector<std::string>& f, uint64_t ent_num, size_t line) {
    Entity e;
    e.source = out_.version.source;
    e.source_id = std::to_string(ent_num);
    string_view type = Value(f[2]);
    if (type.empty()) {
      e.kind = EntityKind::kOrganization;  // OFAC leaves SDN_Type null for entities
    } else if (base::EqualsIgnoreCase(type, "individual")) {
      e.kind = EntityKind::kPerson;
    } else if (base::EqualsIgnoreCase(type, "vessel")) {
      e.kind = EntityKind::kVessel;
    } else if (base::EqualsIgnoreCase(type, "aircraft")) {
      e.kind = EntityKind::kAircraft;
    } else {
      out_.diagnostics.Warn(primary_.name, Line(line), e.source_id,
                            "unknown SDN_Type '" + std::string(type) + "'");
    }

    e.names.reserve(4);
    Name primary{.full = std::string(Value(f[1])), .type = NameType::kPrimary};
    if (e.kind == EntityKind::kPerson) SplitPersonName(&primary);
    e.names.push_back(std::move(primary));

    // "SDGT] [SYRIA": OFAC's "[SDGT] [SYRIA]" with the outer brackets stripped.
    for (string_view program : base::Split(Value(f[3]), "] [")) {
      while (!program.empty() && (program.front() == '[' || program.front() == ' ')) {
        program.remove_prefix(1);
      }
      while (!program.empty() && (program.back() == ']' || program.back() == ' ')) {
        program.remove_suffix(1);
      }
      AddUnique(&e.programs, program);
    }
    // "Brigadier General and Commander of ...; President of ...": one title each.
    for (string_view title : base::Split(Value(f[4]), ";")) AddUnique(&e.titles, title);
    if (string_view call_sign = Value(f[5]); !call_sign.empty()) {
      e.identifiers.push_back(Identifier{
          .type = IdType::kCallSign, .value = std::string(call_sign), .label = "Call Sign"});
    }
    e.craft.type = std::string(Value(f[6]));
    e.craft.tonnage = std::string(Value(f[7]));
    e.craft.gross_registered_tonnage = std::string(Value(f[8]));
    e.craft.flag_name = std::string(Value(f[9]));
    e.craft.flag = CountryCode(e.craft.flag_name);
    e.craft.owner = std::string(Value(f[10]));
    // Raw, not trimmed: OFAC may cut the remarks right after a space, and the continuation in
    // *_comments.csv goes on from there. Trimmed once joined (ApplyRemarks).
    if (!Value(f[11]).empty()) e.remarks = f[11];
    e.provenance = MakeProvenance(primary_, Line(line));
    return e;
  }

  Status ReadComments(const InputFile& input) {
    const std::string file = BaseName(input);
    return ReadRows(
        input, file, kCommentColumns, /*required=*/false, &out_.diagnostics,
        [&](const std::vector<std::string>& f, size_t line, uint64_t ent_num) {
          Entity* e = Join(ent_num, file, line, "remarks continuation");
          if (e == nullptr) return;
          // Not trimmed: the continuation goes on mid-word, and may start with a space.
          string_view more = f[1];
          if (Value(more).empty()) return;
          if (size_t cut = CountCodePoints(e->remarks); cut != kRemarksCut) {
            // Not a mid-word continuation: the two files are from different days. Keep the
            // text, as a fact of its own, so that it cannot corrupt the last fact.
            out_.diagnostics.Warn(
                file, Line(line), e->source_id,
                "remarks in " + primary_.name + " are " + std::to_string(cut) +
                    " characters, not cut at " + std::to_string(kRemarksCut) +
                    ": this continuation may be from another version of the list; appended as a "
                    "separate fact");
            e->remarks = std::string(base::Trim(e->remarks));
            if (!e->remarks.empty()) e->remarks += "; ";
            e->remarks += base::Trim(more);
            return;
          }
          e->remarks += more;
        });
  }

  Status ReadAlt(const InputFile& input) {
    const std::string file = BaseName(input);
    return ReadRows(
        input, file, kAltColumns, /*required=*/false, &out_.diagnostics,
        [&](const std::vector<std::string>& f, size_t line, uint64_t ent_num) {
          Entity* e = Join(ent_num, file, line, "alias");
          if (e == nullptr) return;
          Name name{.full = std::string(Value(f[3])), .type = NameType::kAka};
          if (name.full.empty()) {
            out_.diagnostics.Skip(file, Line(line), e->source_id, "empty alt_name; alias skipped");
            return;
          }
          string_view type = Value(f[2]);
          if (base::EqualsIgnoreCase(type, "fka")) {
            name.type = NameType::kFka;
          } else if (base::EqualsIgnoreCase(type, "nka")) {
            name.type = NameType::kNka;
          } else if (!base::EqualsIgnoreCase(type, "aka")) {
            out_.diagnostics.Warn(file, Line(line), e->source_id,
                                  "unknown alt_type '" + std::string(type) + "'; read as aka");
          }
          // alt.csv holds OFAC's strong aliases; a remark marking one as weak demotes it.
          string_view note = Value(f[4]);
          if (base::FindIgnoreCase(note, "weak") != string_view::npos ||
              base::FindIgnoreCase(note, "low quality") != string_view::npos) {
            name.quality = NameQuality::kWeak;
          }
          if (e->kind == EntityKind::kPerson) SplitPersonName(&name);
          e->names.push_back(std::move(name));
        });
  }

  Status ReadAdd(const InputFile& input) {
    const std::string file = BaseName(input);
    return ReadRows(input, file, kAddColumns, /*required=*/false, &out_.diagnostics,
                    [&](const std::vector<std::string>& f, size_t line, uint64_t ent_num) {
                      Entity* e = Join(ent_num, file, line, "address");
                      if (e == nullptr) return;
                      Address a;
                      a.street = std::string(Value(f[2]));
                      // City, state or province and postal code in one unsplit column.
                      a.city = std::string(Value(f[3]));
                      a.country_name = std::string(Value(f[4]));
                      a.country = CountryCode(a.country_name);
                      if (a.street.empty() && a.city.empty() && a.country_name.empty()) return;
                      e->addresses.push_back(std::move(a));
                    });
  }

  void ApplyRemarks(size_t i) {
    Entity& e = out_.entities[i];
    e.remarks = std::string(base::Trim(e.remarks));
    if (e.remarks.empty()) return;
    ofac_csv_internal::RemarkFacts facts = ofac_csv_internal::ParseRemarks(e.remarks);
    for (Name& alias : facts.aliases) {
      if (e.kind == EntityKind::kPerson) SplitPersonName(&alias);
      e.names.push_back(std::move(alias));
    }
    for (DateOfBirth& dob : facts.dates_of_birth) e.dates_of_birth.push_back(std::move(dob));
    for (const std::string& p : facts.places_of_birth) AddUnique(&e.places_of_birth, p);
    for (const std::string& c : facts.nationalities) AddUnique(&e.nationalities, c);
    for (const std::string& c : facts.citizenships) AddUnique(&e.citizenships, c);
    if (facts.gender != Gender::kUnknown) e.gender = facts.gender;
    for (Identifier& id : facts.identifiers) e.identifiers.push_back(std::move(id));
    if (e.established.empty()) e.established = facts.established;
    for (const std::string& n : facts.sanction_notes) AddUnique(&e.sanction_notes, n);
    for (Relation& r : facts.relations) e.relations.push_back(std::move(r));
    if (e.craft.type.empty()) e.craft.type = std::move(facts.craft_type);
    if (e.craft.owner.empty()) e.craft.owner = std::move(facts.craft_owner);
    if (e.craft.build_year.empty()) e.craft.build_year = std::move(facts.build_year);
    for (const std::string& problem : facts.problems) {
      out_.diagnostics.Warn(primary_.name, Line(lines_[i]), e.source_id, problem);
    }
  }

  // "Linked To: NAME" names another entry of the same file. When exactly one primary name
  // matches, its ent_num becomes Relation::source_id; the period that ends the remarks is put
  // back when the listed name has it ("... CO.").
  void ResolveRelations() {
    struct Target {
      size_t count = 0;
      std::string source_id;
    };
    std::unordered_map<string_view, Target> by_name;
    by_name.reserve(out_.entities.size());
    for (const Entity& e : out_.entities) {
      Target& t = by_name[e.names.front().full];
      ++t.count;
      t.source_id = e.source_id;
    }
    auto unique = [&](const std::string& name) -> const Target* {
      auto it = by_name.find(name);
      return it != by_name.end() && it->second.count == 1 ? &it->second : nullptr;
    };
    for (Entity& e : out_.entities) {
      for (Relation& r : e.relations) {
        const Target* t = unique(r.name);
        if (t == nullptr) {
          if (const Target* dotted = unique(r.name + ".")) {
            r.name += '.';
            t = dotted;
          } else if (base::EndsWith(r.name, ".")) {
            std::string bare = r.name.substr(0, r.name.size() - 1);
            if (const Target* undotted = unique(bare)) {
              r.name = std::move(bare);
              t = undotted;
            }
          }
        }
        if (t != nullptr && t->source_id != e.source_id) r.source_id = t->source_id;
      }
    }
  }

  const OfacCsvFiles& files_;
  SourceFile primary_;
  ParsedList out_;
  std::unordered_map<uint64_t, size_t> index_;  // ent_num -> index in out_.entities
  std::vector<size_t> lines_;                   // primary line of each entity
};

}  // namespace

Result<ParsedList> ParseOfacCsv(ListSource source, const OfacCsvFiles& files) {
  if (source != ListSource::kOfacSdn && source != ListSource::kOfacNonSdn) {
    return Status::InvalidArgument("ofac_csv: source must be ofac_sdn or ofac_nonsdn");
  }
  return SetParser(source, files).Parse();
}

}  // namespace interdict::lists
