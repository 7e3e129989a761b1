#include "daily/digest.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "model/entity_json.h"

namespace interdict::daily {
namespace {

using Json = nlohmann::ordered_json;

std::string SourceTitle(ListSource s) {
  switch (s) {
    case ListSource::kOfacSdn:
      return "OFAC SDN";
    case ListSource::kOfacNonSdn:
      return "OFAC non-SDN";
    case ListSource::kUsCsl:
      return "US CSL";
    case ListSource::kUn:
      return "UN";
    case ListSource::kEu:
      return "EU";
    case ListSource::kUkOfsi:
      return "UK OFSI";
    case ListSource::kInHouse:
      return "In-house";
    case ListSource::kUnknown:
      break;
  }
  return "unknown";
}

std::string Join(const std::vector<std::string>& items, std::string_view sep = "; ") {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out.append(sep);
    out.append(s);
  }
  return out;
}

std::string Score(double v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  return buf;
}

std::string Ref(const Entity& e) {
  return std::string(ListSourceCode(e.source)) + "/" + e.source_id;
}

std::string SnapshotText(const DigestSnapshot& s) {
  if (s.id == 0 && s.sources.empty()) return "nothing (no earlier snapshot)";
  std::string text = "snapshot #" + std::to_string(s.id);
  std::string details;
  if (!s.created_at.empty()) details = s.created_at;
  if (!s.label.empty()) details += (details.empty() ? "" : ", ") + s.label;
  if (!details.empty()) text += " (" + details + ")";
  return text;
}

const DigestSource* FindSource(const DigestSnapshot& s, ListSource source) {
  for (const DigestSource& d : s.sources) {
    if (d.version.source == source) return &d;
  }
  return nullptr;
}

// A document the digest is composed into once and rendered as Markdown or HTML.
class Writer {
 public:
  virtual ~Writer() = default;
  virtual void Heading(int level, std::string_view text) = 0;
  virtual void Paragraph(std::string_view text) = 0;
  virtual void Table(const std::vector<std::string>& header,
                     const std::vector<std::vector<std::string>>& rows) = 0;
  virtual void Bullets(const std::vector<std::string>& items) = 0;
};

std::string MarkdownEscape(std::string_view text, bool in_table) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\\':
      case '*':
      case '`':
      case '[':
      case ']':
      case '<':
        out += '\\';
        out += c;
        break;
      case '|':
        out += in_table ? "\\|" : "|";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

class MarkdownWriter : public Writer {
 public:
  void Heading(int level, std::string_view text) override {
    out_ +=
        std::string(static_cast<size_t>(level), '#') + " " + MarkdownEscape(text, false) + "\n\n";
  }
  void Paragraph(std::string_view text) override { out_ += MarkdownEscape(text, false) + "\n\n"; }
  void Table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) override {
    Row(header);
    out_ += "|";
    for (size_t i = 0; i < header.size(); ++i) out_ += "---|";
    out_ += "\n";
    for (const auto& row : rows) Row(row);
    out_ += "\n";
  }
  void Bullets(const std::vector<std::string>& items) override {
    for (const std::string& item : items) out_ += "- " + MarkdownEscape(item, false) + "\n";
    out_ += "\n";
  }
  std::string Finish() && { return std::move(out_); }

 private:
  void Row(const std::vector<std::string>& cells) {
    out_ += "|";
    for (const std::string& c : cells) out_ += " " + MarkdownEscape(c, true) + " |";
    out_ += "\n";
  }
  std::string out_;
};

constexpr std::string_view kHtmlStyle = R"(
body{font-family:-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328;
background:#fff;margin:0;line-height:1.45}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:1.6em;border-bottom:2px solid #d0d7de;padding-bottom:.3em}
h2{font-size:1.25em;margin-top:1.8em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
h3{font-size:1.05em;margin-top:1.4em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1em;font-size:.9em}
th,td{border:1px solid #d0d7de;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa}
tr:nth-child(even) td{background:#fbfcfd}
ul{margin:.3em 0 1em}
p{margin:.5em 0}
)";

class HtmlWriter : public Writer {
 public:
  explicit HtmlWriter(std::string_view title) {
    out_ = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    out_ += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out_ += "<title>" + HtmlEscape(title) + "</title>\n<style>" + std::string(kHtmlStyle);
    out_ += "</style>\n</head>\n<body>\n<main>\n";
  }
  void Heading(int level, std::string_view text) override {
    std::string tag = "h" + std::to_string(level);
    out_ += "<" + tag + ">" + HtmlEscape(text) + "</" + tag + ">\n";
  }
  void Paragraph(std::string_view text) override { out_ += "<p>" + HtmlEscape(text) + "</p>\n"; }
  void Table(const std::vector<std::string>& header,
             const std::vector<std::vector<std::string>>& rows) override {
    out_ += "<table>\n<thead><tr>";
    for (const std::string& h : header) out_ += "<th>" + HtmlEscape(h) + "</th>";
    out_ += "</tr></thead>\n<tbody>\n";
    for (const auto& row : rows) {
      out_ += "<tr>";
      for (const std::string& c : row) out_ += "<td>" + HtmlEscape(c) + "</td>";
      out_ += "</tr>\n";
    }
    out_ += "</tbody>\n</table>\n";
  }
  void Bullets(const std::vector<std::string>& items) override {
    out_ += "<ul>\n";
    for (const std::string& item : items) out_ += "<li>" + HtmlEscape(item) + "</li>\n";
    out_ += "</ul>\n";
  }
  std::string Finish() && {
    out_ += "</main>\n</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  std::string out_;
};

size_t Limit(const DigestInput& in, size_t n) {
  return in.max_listed == 0 ? n : std::min(n, in.max_listed);
}

void MoreLine(Writer& w, size_t total, size_t shown, std::string_view what) {
  if (total > shown) {
    w.Paragraph("... and " + std::to_string(total - shown) + " more " + std::string(what) +
                " (not listed; raise the limit to see them).");
  }
}

std::vector<const ProgramDeltaCounts*> SortedPrograms(const Delta& d) {
  std::vector<const ProgramDeltaCounts*> out;
  for (const ProgramDeltaCounts& p : d.by_program) out.push_back(&p);
  std::stable_sort(out.begin(), out.end(), [](const auto* a, const auto* b) {
    if (a->source != b->source) return a->source < b->source;
    size_t ta = a->added + a->added_to + a->removed + a->removed_from + a->changed;
    size_t tb = b->added + b->added_to + b->removed + b->removed_from + b->changed;
    if (ta != tb) return ta > tb;
    return a->program < b->program;
  });
  return out;
}

std::vector<std::string> OtherFields(const EntityChange& c) {
  std::vector<std::string> fields;
  for (const FieldChange& f : c.fields) fields.push_back(f.field);
  return fields;
}

std::string FieldChangeText(const FieldChange& f) {
  std::string text = f.field + ":";
  for (const std::string& s : f.added) text += " + " + s + ";";
  for (const std::string& s : f.removed) text += " - " + s + ";";
  if (text.back() == ';') text.pop_back();
  return text;
}

void Compose(const DigestInput& in, Writer& w) {
  const Delta& d = *in.delta;
  w.Heading(1, "Interdict daily digest");
  w.Paragraph("From " + SnapshotText(in.from) + " to " + SnapshotText(in.to) + ".");
  w.Paragraph(std::to_string(d.added.size()) + " new, " + std::to_string(d.removed.size()) +
              " removed, " + std::to_string(d.changed.size()) + " changed entities; " +
              std::to_string(in.customers.size()) + " customer alert(s).");

  w.Heading(2, "Lists");
  std::vector<std::vector<std::string>> rows;
  for (const SourceDeltaCounts& s : d.by_source) {
    const DigestSource* now = FindSource(in.to, s.source);
    const DigestSource* then = FindSource(in.from, s.source);
    std::string as_of = now ? now->version.as_of : "";
    if (then && then->version.as_of != as_of && !then->version.as_of.empty()) {
      as_of = then->version.as_of + " to " + as_of;
    }
    std::string status = "current";
    if (now && now->stale) status = "STALE: " + now->stale_reason;
    rows.push_back({SourceTitle(s.source), as_of, std::to_string(s.after), std::to_string(s.added),
                    std::to_string(s.removed), std::to_string(s.changed), status});
  }
  // Sources of the new snapshot with no entity on either side (e.g. stale and empty).
  for (const DigestSource& src : in.to.sources) {
    bool seen =
        std::any_of(d.by_source.begin(), d.by_source.end(),
                    [&](const SourceDeltaCounts& s) { return s.source == src.version.source; });
    if (!seen) {
      rows.push_back({SourceTitle(src.version.source), src.version.as_of, "0", "0", "0", "0",
                      src.stale ? "STALE: " + src.stale_reason : "current"});
    }
  }
  w.Table({"List", "As of", "Entities", "New", "Removed", "Changed", "Status"}, rows);

  if (!d.by_program.empty()) {
    w.Heading(2, "Programs");
    rows.clear();
    for (const ProgramDeltaCounts* p : SortedPrograms(d)) {
      rows.push_back({SourceTitle(p->source), p->program, std::to_string(p->added),
                      std::to_string(p->added_to), std::to_string(p->removed),
                      std::to_string(p->removed_from), std::to_string(p->changed)});
    }
    w.Table({"List", "Program", "New", "Added to existing", "Removed", "Removed from existing",
             "Changed"},
            rows);
  }

  w.Heading(2, "Customers affected (" + std::to_string(in.customers.size()) + ")");
  if (in.customers.empty()) {
    w.Paragraph("No customer alert was raised against the new or changed entities.");
  } else {
    rows.clear();
    for (const AffectedCustomer& c : in.customers) {
      rows.push_back({c.customer_id, c.customer_name, "#" + std::to_string(c.alert_id),
                      std::string(ListSourceCode(c.source)) + "/" + c.source_id, c.entity_name,
                      c.matched_name, Score(c.score), c.alert_status});
    }
    w.Table(
        {"Customer", "Name", "Alert", "Entity", "Listed name", "Matched name", "Score", "Status"},
        rows);
  }

  w.Heading(2, "New designations (" + std::to_string(d.added.size()) + ")");
  if (d.added.empty()) w.Paragraph("None.");
  size_t shown = Limit(in, d.added.size());
  rows.clear();
  for (size_t i = 0; i < shown; ++i) {
    const Entity& e = *d.added[i];
    KeyFacts f = KeyFactsOf(e);
    std::vector<std::string> born = f.dates_of_birth;
    for (const std::string& p : f.places_of_birth) born.push_back(p);
    rows.push_back({Ref(e), f.name, f.kind, Join(f.programs), Join(born), Join(f.nationalities),
                    Join(f.identifiers), Join(f.aliases)});
  }
  if (!rows.empty()) {
    w.Table({"Entity", "Name", "Kind", "Programs", "Born", "Nationality", "Identifiers",
             "Also known as"},
            rows);
  }
  MoreLine(w, d.added.size(), shown, "new designations");

  w.Heading(2, "Removals (" + std::to_string(d.removed.size()) + ")");
  if (d.removed.empty()) w.Paragraph("None.");
  shown = Limit(in, d.removed.size());
  rows.clear();
  for (size_t i = 0; i < shown; ++i) {
    const Entity& e = *d.removed[i];
    rows.push_back(
        {Ref(e), e.primary_name().full, std::string(EntityKindName(e.kind)), Join(e.programs)});
  }
  if (!rows.empty()) w.Table({"Entity", "Name", "Kind", "Programs"}, rows);
  MoreLine(w, d.removed.size(), shown, "removals");

  std::vector<const EntityChange*> notable, other;
  for (const EntityChange& c : d.changed) (c.notable() ? notable : other).push_back(&c);
  w.Heading(2, "Notable changes (" + std::to_string(notable.size()) + ")");
  if (notable.empty()) w.Paragraph("None.");
  shown = Limit(in, notable.size());
  for (size_t i = 0; i < shown; ++i) {
    const EntityChange& c = *notable[i];
    w.Heading(3, c.after->primary_name().full + " (" + Ref(*c.after) + ")");
    std::vector<std::string> items;
    for (const FieldChange& f : c.fields) items.push_back(FieldChangeText(f));
    w.Bullets(items);
  }
  MoreLine(w, notable.size(), shown, "notable changes");

  if (!other.empty()) {
    w.Heading(2, "Other changes (" + std::to_string(other.size()) + ")");
    shown = Limit(in, other.size());
    rows.clear();
    for (size_t i = 0; i < shown; ++i) {
      rows.push_back({Ref(*other[i]->after), other[i]->after->primary_name().full,
                      Join(OtherFields(*other[i]), ", ")});
    }
    w.Table({"Entity", "Name", "Fields changed"}, rows);
    MoreLine(w, other.size(), shown, "other changes");
  }
  if (!d.ambiguous_keys.empty()) {
    w.Heading(2, "Repeated identifiers");
    w.Paragraph(
        "These keys occur more than once within one snapshot; their entities were paired "
        "in file order: " +
        Join(d.ambiguous_keys, ", "));
  }
}

Json FactsToJson(const Entity& e) {
  KeyFacts f = KeyFactsOf(e);
  Json j;
  j["source"] = ListSourceCode(e.source);
  j["source_id"] = e.source_id;
  j["name"] = f.name;
  j["kind"] = f.kind;
  j["programs"] = f.programs;
  if (!f.aliases.empty()) j["aliases"] = f.aliases;
  if (!f.dates_of_birth.empty()) j["dates_of_birth"] = f.dates_of_birth;
  if (!f.places_of_birth.empty()) j["places_of_birth"] = f.places_of_birth;
  if (!f.nationalities.empty()) j["nationalities"] = f.nationalities;
  if (!f.identifiers.empty()) j["identifiers"] = f.identifiers;
  if (!f.linked_to.empty()) j["linked_to"] = f.linked_to;
  return j;
}

Json SnapshotToJson(const DigestSnapshot& s) {
  Json j;
  j["id"] = s.id;
  j["created_at"] = s.created_at;
  j["label"] = s.label;
  Json sources = Json::array();
  for (const DigestSource& src : s.sources) {
    Json sj = model::ListVersionToJson(src.version);
    if (src.stale) {
      sj["stale"] = true;
      sj["stale_reason"] = src.stale_reason;
    }
    sources.push_back(std::move(sj));
  }
  j["sources"] = std::move(sources);
  return j;
}

}  // namespace

std::optional<DigestFormat> DigestFormatFromName(std::string_view name) {
  if (name == "md" || name == "markdown") return DigestFormat::kMarkdown;
  if (name == "html") return DigestFormat::kHtml;
  if (name == "json") return DigestFormat::kJson;
  return std::nullopt;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

KeyFacts KeyFactsOf(const Entity& e) {
  KeyFacts f;
  f.name = e.names.empty() ? "" : e.primary_name().full;
  f.kind = std::string(EntityKindName(e.kind));
  f.programs = e.programs;
  std::vector<std::string> names = FieldItems(e, "names");
  if (!names.empty()) f.aliases.assign(names.begin() + 1, names.end());
  f.dates_of_birth = FieldItems(e, "dates_of_birth");
  f.places_of_birth = e.places_of_birth;
  f.nationalities = e.nationalities;
  for (const std::string& c : e.citizenships) {
    if (std::find(f.nationalities.begin(), f.nationalities.end(), c) == f.nationalities.end()) {
      f.nationalities.push_back(c);
    }
  }
  f.identifiers = FieldItems(e, "identifiers");
  for (const Relation& r : e.relations) f.linked_to.push_back(r.name);
  return f;
}

Json DigestToJson(const DigestInput& in) {
  const Delta& d = *in.delta;
  Json j;
  j["from"] = SnapshotToJson(in.from);
  j["to"] = SnapshotToJson(in.to);
  Json summary;
  summary["added"] = d.added.size();
  summary["removed"] = d.removed.size();
  summary["changed"] = d.changed.size();
  summary["unchanged"] = d.unchanged;
  summary["customers_affected"] = in.customers.size();
  j["summary"] = std::move(summary);
  Json lists = Json::array();
  for (const SourceDeltaCounts& s : d.by_source) {
    Json sj;
    sj["source"] = ListSourceCode(s.source);
    sj["before"] = s.before;
    sj["after"] = s.after;
    sj["added"] = s.added;
    sj["removed"] = s.removed;
    sj["changed"] = s.changed;
    if (const DigestSource* now = FindSource(in.to, s.source); now && now->stale) {
      sj["stale"] = true;
      sj["stale_reason"] = now->stale_reason;
    }
    lists.push_back(std::move(sj));
  }
  j["lists"] = std::move(lists);
  Json programs = Json::array();
  for (const ProgramDeltaCounts* p : SortedPrograms(d)) {
    programs.push_back(Json{{"source", ListSourceCode(p->source)},
                            {"program", p->program},
                            {"added", p->added},
                            {"added_to", p->added_to},
                            {"removed", p->removed},
                            {"removed_from", p->removed_from},
                            {"changed", p->changed}});
  }
  j["programs"] = std::move(programs);
  Json customers = Json::array();
  for (const AffectedCustomer& c : in.customers) {
    customers.push_back(Json{{"customer_id", c.customer_id},
                             {"customer_name", c.customer_name},
                             {"alert_id", c.alert_id},
                             {"alert_status", c.alert_status},
                             {"source", ListSourceCode(c.source)},
                             {"source_id", c.source_id},
                             {"entity_name", c.entity_name},
                             {"matched_name", c.matched_name},
                             {"score", std::round(c.score * 10000) / 10000}});
  }
  j["customers"] = std::move(customers);
  Json added = Json::array();
  for (size_t i = 0; i < Limit(in, d.added.size()); ++i) added.push_back(FactsToJson(*d.added[i]));
  j["added"] = std::move(added);
  Json removed = Json::array();
  for (size_t i = 0; i < Limit(in, d.removed.size()); ++i) {
    removed.push_back(FactsToJson(*d.removed[i]));
  }
  j["removed"] = std::move(removed);
  Json changed = Json::array();
  for (size_t i = 0; i < Limit(in, d.changed.size()); ++i) {
    const EntityChange& c = d.changed[i];
    Json cj;
    cj["source"] = ListSourceCode(c.after->source);
    cj["source_id"] = c.after->source_id;
    cj["name"] = c.after->primary_name().full;
    cj["notable"] = c.notable();
    Json fields = Json::array();
    for (const FieldChange& f : c.fields) {
      fields.push_back(Json{{"field", f.field}, {"added", f.added}, {"removed", f.removed}});
    }
    cj["fields"] = std::move(fields);
    changed.push_back(std::move(cj));
  }
  j["changed"] = std::move(changed);
  if (!d.ambiguous_keys.empty()) j["ambiguous_keys"] = d.ambiguous_keys;
  return j;
}

std::string RenderDigest(const DigestInput& input, DigestFormat format) {
  switch (format) {
    case DigestFormat::kJson:
      return DigestToJson(input).dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
    case DigestFormat::kHtml: {
      HtmlWriter w("Interdict daily digest: " + SnapshotText(input.to));
      Compose(input, w);
      return std::move(w).Finish();
    }
    case DigestFormat::kMarkdown:
      break;
  }
  MarkdownWriter w;
  Compose(input, w);
  return std::move(w).Finish();
}

}  // namespace interdict::daily
