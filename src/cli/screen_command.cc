#include "cli/screen_command.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "base/csv.h"
#include "base/text.h"
#include "cli/cli.h"
#include "cli/format.h"
#include "cli/lists_command.h"
#include "engine/hit_json.h"
#include "snapshot/file_io.h"
#include "snapshot/loader.h"
#include "snapshot/manifest.h"

namespace interdict::cli {
namespace {

using Json = nlohmann::ordered_json;

// A table cell: cut to the column and padded to it.
std::string Cell(std::string s, size_t width) { return Pad(Cut(std::move(s), width), width); }

}  // namespace

bool ParseKind(std::string_view text, EntityKind* kind) {
  std::string t = base::AsciiToLower(base::Trim(text));
  if (t.empty()) {
    *kind = EntityKind::kUnknown;
    return true;
  }
  if (t == "company" || t == "legalentity") t = "organization";
  EntityKind k = EntityKindFromName(t);
  if (k == EntityKind::kUnknown && t != "unknown") return false;
  *kind = k;
  return true;
}

std::unique_ptr<Screener> LoadScreener(const std::string& data_dir,
                                       const std::vector<std::string>& sources, std::ostream& err) {
  std::string dir = data_dir.empty() ? DefaultDataDir() : data_dir;
  auto manifest = snapshot::ReadManifest(snapshot::JoinPath(dir, "manifest.json"));
  if (!manifest.ok()) {
    err << "interdict: " << manifest.status().message() << "\n";
    return nullptr;
  }
  snapshot::LoadOptions load;
  for (const std::string& code : sources) {
    ListSource s = ListSourceFromCode(code);
    if (s == ListSource::kUnknown) {
      err << "interdict: unknown list \"" << code << "\"\n";
      return nullptr;
    }
    load.only.push_back(s);
  }
  auto snap = snapshot::LoadSnapshot(*manifest, load);
  if (!snap.ok()) {
    err << "interdict: " << snap.status().message() << "\n";
    return nullptr;
  }
  auto screener = Screener::Create(std::move(snap->entities));
  if (!screener.ok()) {
    err << "interdict: " << screener.status().message() << "\n";
    return nullptr;
  }
  return std::move(*screener);
}

int RunScreen(const ScreenCommandOptions& o, std::ostream& out, std::ostream& err) {
  Query q;
  q.name = o.name;
  if (!ParseKind(o.kind, &q.kind)) {
    err << "interdict screen: unknown --kind \"" << o.kind
        << "\" (person, organization, vessel, aircraft)\n";
    return kExitUsage;
  }
  q.dob = o.dob;
  q.country = o.country;
  q.ids = o.ids;
  for (const std::string& code : o.lists) {
    ListSource s = ListSourceFromCode(code);
    if (s == ListSource::kUnknown) {
      err << "interdict screen: unknown list \"" << code << "\"\n";
      return kExitUsage;
    }
    q.lists.push_back(s);
  }
  std::unique_ptr<Screener> screener = LoadScreener(o.data_dir, {}, err);
  if (!screener) return kExitUsage;
  ScreenOptions options;
  options.threshold = o.threshold;
  options.limit = o.limit;
  auto hits = screener->Screen(q, options);
  if (!hits.ok()) {
    err << "interdict screen: " << hits.status().message() << "\n";
    return kExitUsage;
  }
  if (o.json) {
    Json j;
    j["query"] = {{"name", q.name}, {"kind", EntityKindName(q.kind)}};
    j["threshold"] = o.threshold;
    Json arr = Json::array();
    for (const Hit& h : *hits) arr.push_back(engine::HitToJson(h, engine::ExplainLevel::kFull));
    j["hits"] = std::move(arr);
    out << j.dump(2) << "\n";
  } else if (hits->empty()) {
    out << "No potential match at or above " << Fixed(o.threshold, 2) << " for \"" << q.name
        << "\".\n";
  } else {
    out << Cell("score", 7) << Cell("list", 12) << Cell("id", 14) << Cell("kind", 13)
        << Cell("name", 40) << "matched name / why\n";
    for (const Hit& h : *hits) {
      std::string programs;
      for (const std::string& p : h.entity->programs) programs += (programs.empty() ? "" : ",") + p;
      out << Cell(Fixed(h.score, 3), 7) << Cell(std::string(ListSourceCode(h.entity->source)), 12)
          << Cell(h.entity->source_id, 14) << Cell(std::string(EntityKindName(h.entity->kind)), 13)
          << Cell(h.entity->primary_name().full, 40) << h.matched->full
          << (h.matched->quality == NameQuality::kWeak ? " (weak alias)" : "") << "\n";
      out << std::string(7, ' ') << "programs: " << (programs.empty() ? "-" : programs)
          << "; why: " << h.explanation.Summary() << "\n";
    }
  }
  return hits->empty() ? kExitOk : kExitFindings;
}

int RunCompare(const CompareCommandOptions& o, std::ostream& out, std::ostream& err) {
  EntityKind kind;
  if (!ParseKind(o.kind, &kind)) {
    err << "interdict compare: unknown --kind \"" << o.kind << "\"\n";
    return kExitUsage;
  }
  std::unique_ptr<Screener> screener = LoadScreener(o.data_dir, {}, err);
  if (!screener) return kExitUsage;
  if (o.pairs_file.empty()) {
    auto r = screener->Compare(o.a, o.b, kind);
    if (!r.ok()) {
      err << "interdict compare: " << r.status().message() << "\n";
      return kExitUsage;
    }
    if (o.json) {
      Json j{{"name1", o.a},
             {"name2", o.b},
             {"score", std::round(r->score * 10000) / 10000},
             {"match", r->score >= o.threshold},
             {"threshold", o.threshold}};
      j["explanation"] = engine::ExplanationToJson(r->explanation, engine::ExplainLevel::kFull);
      out << j.dump() << "\n";
    } else {
      out << Fixed(r->score, 4) << (r->score >= o.threshold ? "  match" : "  no match")
          << " (threshold " << Fixed(o.threshold, 2) << ")\n"
          << "  " << r->explanation.query_normalized << "  |  " << r->explanation.matched_normalized
          << "\n  " << r->explanation.Summary() << "\n";
    }
    return kExitOk;
  }
  auto bytes = snapshot::ReadFile(o.pairs_file);
  if (!bytes.ok()) {
    err << "interdict compare: " << bytes.status().message() << "\n";
    return kExitUsage;
  }
  base::CsvReader reader(*bytes);
  std::vector<std::string> row;
  if (!reader.Next(&row)) {
    err << "interdict compare: " << o.pairs_file << ": empty file, expected a header name1,name2\n";
    return kExitUsage;
  }
  int c1 = -1, c2 = -1, cs = -1;
  for (size_t i = 0; i < row.size(); ++i) {
    std::string h = base::AsciiToLower(base::Trim(row[i]));
    if (h == "name1") c1 = static_cast<int>(i);
    if (h == "name2") c2 = static_cast<int>(i);
    if (h == "schema" || h == "kind") cs = static_cast<int>(i);
  }
  if (c1 < 0 || c2 < 0) {
    err << "interdict compare: " << o.pairs_file
        << ": line 1: header needs columns name1 and name2\n";
    return kExitUsage;
  }
  size_t bad = 0;
  while (reader.Next(&row)) {
    auto cell = [&](int c) {
      return c >= 0 && static_cast<size_t>(c) < row.size() ? row[static_cast<size_t>(c)]
                                                           : std::string();
    };
    EntityKind k = kind;
    if (cs >= 0 && !cell(cs).empty()) {
      k = EntityKindFromName(cell(cs));
      if (k == EntityKind::kUnknown) ParseKind(cell(cs), &k);
    }
    Json j{{"line", reader.line()}, {"name1", cell(c1)}, {"name2", cell(c2)}};
    auto r = screener->Compare(cell(c1), cell(c2), k);
    if (!r.ok()) {
      j["error"] = std::string(r.status().message());
      ++bad;
    } else {
      j["score"] = std::round(r->score * 10000) / 10000;
      j["match"] = r->score >= o.threshold;
      j["threshold"] = o.threshold;
      j["explanation"] = r->explanation.Summary();
    }
    out << j.dump() << "\n";
  }
  if (!reader.status().ok()) {
    err << "interdict compare: " << o.pairs_file << ": " << reader.status().message() << "\n";
    return kExitUsage;
  }
  if (bad > 0)
    err << "interdict compare: " << bad << " pairs could not be scored (see \"error\")\n";
  return kExitOk;
}

// ---------------------------------------------------------------------------------------
// Evaluation on labelled pairs.

namespace {

struct Pair {
  std::string set;
  std::string category;
  EntityKind kind = EntityKind::kUnknown;
  std::string a, b;
  bool label = false;
  double score = 0;
  std::string why;
};

struct Counts {
  size_t tp = 0, fp = 0, fn = 0, tn = 0;
  void Add(bool label, bool predicted) {
    if (label && predicted) ++tp;
    if (!label && predicted) ++fp;
    if (label && !predicted) ++fn;
    if (!label && !predicted) ++tn;
  }
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
  size_t n() const { return tp + fp + fn + tn; }
};

bool LoadLabelled(const std::string& path, const std::string& set, const std::string& category_col,
                  std::vector<Pair>* pairs, std::ostream& err) {
  auto bytes = snapshot::ReadFile(path);
  if (!bytes.ok()) {
    err << "interdict eval: " << bytes.status().message() << "\n";
    return false;
  }
  base::CsvReader reader(*bytes);
  std::vector<std::string> row;
  if (!reader.Next(&row)) return false;
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < row.size(); ++i) col[row[i]] = i;
  for (const char* need : {"schema", "name1", "name2", "is_match"}) {
    if (!col.count(need)) {
      err << "interdict eval: " << path << ": header lacks " << need << "\n";
      return false;
    }
  }
  while (reader.Next(&row)) {
    if (row.size() < col.size()) continue;
    Pair p;
    p.set = set;
    p.category = category_col.empty() ? "" : row[col[category_col]];
    p.kind = EntityKindFromName(row[col["schema"]]);
    p.a = row[col["name1"]];
    p.b = row[col["name2"]];
    p.label = row[col["is_match"]] == "true";
    pairs->push_back(std::move(p));
  }
  return reader.status().ok();
}

bool LoadCrossScript(const std::string& path, std::vector<Pair>* pairs, std::ostream& err) {
  auto bytes = snapshot::ReadFile(path);
  if (!bytes.ok()) {
    err << "interdict eval: " << bytes.status().message() << "\n";
    return false;
  }
  std::string_view rest = *bytes;
  std::string category;
  for (std::string_view line : base::Split(rest, "\n")) {
    line = base::Trim(line);
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.size() > 2 && line.find(" to ") != std::string_view::npos) {
        std::string_view c = base::Trim(line.substr(1));
        category = std::string(c.substr(0, c.find(" (")));
      }
      continue;
    }
    auto parts = base::Split(line, ",");
    if (parts.size() < 2) continue;
    Pair p;
    p.set = "cross-script";
    p.category = category;
    p.kind = EntityKind::kPerson;
    p.a = std::string(parts[0]);
    p.b = std::string(parts[1]);
    p.label = true;
    pairs->push_back(std::move(p));
  }
  return true;
}

}  // namespace

int RunEval(const EvalCommandOptions& o, std::ostream& out, std::ostream& err) {
  std::string dir = o.eval_dir;
  if (dir.empty()) {
    const char* env = std::getenv("INTERDICT_EVAL_DIR");
    dir = env ? env : "../shared/data/eval";
  }
  std::vector<Pair> pairs;
  if (!LoadLabelled(snapshot::JoinPath(dir, "nomenklatura-name-bench/cases.csv"), "name_bench",
                    "case_group", &pairs, err) ||
      !LoadLabelled(snapshot::JoinPath(dir, "watchman-cascade/cascade-name-pairs.csv"), "cascade",
                    "category", &pairs, err) ||
      !LoadLabelled(snapshot::JoinPath(dir, "watchman-cascade/cascade-name-pairs-2.csv"), "cascade",
                    "category", &pairs, err) ||
      !LoadCrossScript(snapshot::JoinPath(dir, "watchman-cross-script/cross_script_pairs.csv"),
                       &pairs, err)) {
    err << "interdict eval: cannot read the evaluation sets under " << dir
        << " (set --eval-dir or INTERDICT_EVAL_DIR)\n";
    return kExitUsage;
  }
  std::unique_ptr<Screener> screener = LoadScreener(o.data_dir, {}, err);
  if (!screener) return kExitUsage;
  size_t failed = 0;
  for (Pair& p : pairs) {
    auto r = screener->Compare(p.a, p.b, p.kind);
    if (!r.ok()) {
      p.score = 0;
      p.why = "error: " + std::string(r.status().message());
      ++failed;
      continue;
    }
    p.score = r->score;
    p.why = r->explanation.Summary();
  }

  std::map<std::string, Counts> by_set;
  std::map<std::string, Counts> by_category;
  for (const Pair& p : pairs) {
    bool predicted = p.score >= o.threshold;
    by_set[p.set].Add(p.label, predicted);
    by_set["all"].Add(p.label, predicted);
    by_category[p.set + " / " + (p.category.empty() ? "-" : p.category)].Add(p.label, predicted);
  }
  std::ostringstream table;
  table << "| set | pairs | TP | FP | FN | TN | precision | recall | F1 |\n"
        << "|---|---|---|---|---|---|---|---|---|\n";
  for (const char* set : {"name_bench", "cascade", "cross-script", "all"}) {
    const Counts& c = by_set[set];
    table << "| " << set << " | " << c.n() << " | " << c.tp << " | " << c.fp << " | " << c.fn
          << " | " << c.tn << " | " << Fixed(c.precision(), 3) << " | " << Fixed(c.recall(), 3)
          << " | " << Fixed(c.f1(), 3) << " |\n";
  }
  std::ostringstream cats;
  cats << "| set / category | pairs | FP | FN | F1 |\n|---|---|---|---|---|\n";
  for (const auto& [name, c] : by_category) {
    cats << "| " << name << " | " << c.n() << " | " << c.fp << " | " << c.fn << " | "
         << Fixed(c.f1(), 3) << " |\n";
  }
  out << "Evaluation at threshold " << Fixed(o.threshold, 2) << " (" << pairs.size()
      << " labelled pairs from " << dir << ")\n\n"
      << table.str() << "\nPer category:\n\n"
      << cats.str();
  if (failed > 0) out << "\n" << failed << " pairs could not be scored (counted as no match).\n";
  std::ostringstream errors;
  if (o.show_errors) {
    errors << "\nErrors (FP = scored a match, labelled different; FN = missed):\n\n";
    for (const Pair& p : pairs) {
      bool predicted = p.score >= o.threshold;
      if (predicted == p.label) continue;
      errors << (predicted ? "FP " : "FN ") << Fixed(p.score, 3) << "  [" << p.set << "/"
             << EntityKindName(p.kind) << "] " << p.a << "  <>  " << p.b << "   {" << p.why
             << "}\n";
    }
    out << errors.str();
  }
  if (o.sweep) {
    out << "\nThreshold sweep (F1):\n\n| threshold | name_bench | cascade | cross-script recall | "
           "all |\n"
        << "|---|---|---|---|---|\n";
    for (int t = 70; t <= 98; t += 2) {
      std::map<std::string, Counts> s;
      for (const Pair& p : pairs) {
        bool predicted = p.score >= t / 100.0;
        s[p.set].Add(p.label, predicted);
        s["all"].Add(p.label, predicted);
      }
      out << "| " << Fixed(t / 100.0, 2) << " | " << Fixed(s["name_bench"].f1(), 3) << " | "
          << Fixed(s["cascade"].f1(), 3) << " | " << Fixed(s["cross-script"].recall(), 3) << " | "
          << Fixed(s["all"].f1(), 3) << " |\n";
    }
  }
  if (!o.markdown_out.empty()) {
    std::ofstream md(o.markdown_out);
    md << "Threshold " << Fixed(o.threshold, 2) << ", " << pairs.size() << " pairs.\n\n"
       << table.str() << "\n"
       << cats.str() << errors.str();
  }
  return kExitOk;
}

}  // namespace interdict::cli
