#include "cli/lists_command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>
#include <sys/stat.h>

#include "cli/cli.h"
#include "cli/format.h"
#include "model/entity_json.h"
#include "snapshot/file_io.h"
#include "snapshot/loader.h"
#include "snapshot/manifest.h"

#ifndef INTERDICT_SOURCE_DATA_DIR
#define INTERDICT_SOURCE_DATA_DIR ""
#endif

namespace interdict::cli {
namespace {

using Json = nlohmann::ordered_json;

bool IsFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

Json SourceToJson(const snapshot::LoadedSource& s) {
  Json j;
  j["source"] = ListSourceCode(s.spec.source);
  j["format"] = s.version.format;
  j["as_of"] = s.version.as_of;
  j["entities"] = s.entities;
  Json kinds = Json::object();
  for (EntityKind k : {EntityKind::kPerson, EntityKind::kOrganization, EntityKind::kVessel,
                       EntityKind::kAircraft, EntityKind::kUnknown}) {
    kinds[std::string(EntityKindName(k))] = s.by_kind[static_cast<size_t>(k)];
  }
  j["by_kind"] = std::move(kinds);
  j["names"] = s.names;
  j["weak_names"] = s.weak_names;
  j["diagnostics"] = {{"warnings", s.diagnostics.warnings()}, {"skipped", s.diagnostics.skipped()}};
  j["files"] = model::ListVersionToJson(s.version)["files"];
  j["publisher"] = s.spec.publisher;
  j["licence"] = s.spec.licence;
  j["parse_seconds"] = s.parse_seconds;
  return j;
}

}  // namespace

std::string DefaultDataDir() {
  if (const char* env = std::getenv("INTERDICT_DATA_DIR"); env != nullptr && *env != '\0') {
    return env;
  }
  std::string compiled = INTERDICT_SOURCE_DATA_DIR;
  if (!compiled.empty() && IsFile(snapshot::JoinPath(compiled, "manifest.json"))) return compiled;
  return "data";
}

int RunLists(const ListsOptions& options, std::ostream& out, std::ostream& err) {
  std::string manifest_path = options.manifest;
  if (manifest_path.empty()) {
    std::string dir = options.data_dir.empty() ? DefaultDataDir() : options.data_dir;
    manifest_path = snapshot::JoinPath(dir, "manifest.json");
  }
  Result<snapshot::Manifest> manifest = snapshot::ReadManifest(manifest_path);
  if (!manifest.ok()) {
    err << "interdict lists: " << manifest.status().message() << "\n";
    return manifest.status().code() == StatusCode::kInternal ? kExitInternal : kExitUsage;
  }
  snapshot::LoadOptions load;
  load.threads = options.threads;
  for (const std::string& code : options.sources) {
    ListSource s = ListSourceFromCode(code);
    if (s == ListSource::kUnknown) {
      err << "interdict lists: unknown source \"" << code
          << "\" (known: ofac_sdn, ofac_nonsdn, us_csl, un, eu, uk_ofsi, inhouse)\n";
      return kExitUsage;
    }
    load.only.push_back(s);
  }
  auto start = std::chrono::steady_clock::now();
  Result<snapshot::Snapshot> snap = snapshot::LoadSnapshot(*manifest, load);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!snap.ok()) {
    err << "interdict lists: " << snap.status().message() << "\n";
    return snap.status().code() == StatusCode::kInternal ? kExitInternal : kExitUsage;
  }

  if (options.json) {
    Json j;
    j["manifest"] = manifest_path;
    Json sources = Json::array();
    for (const auto& s : snap->sources) {
      Json sj = SourceToJson(s);
      if (options.show_diagnostics > 0) {
        Json diags = Json::array();
        int n = 0;
        for (const Diagnostic& d : s.diagnostics.items()) {
          if (n++ >= options.show_diagnostics) break;
          diags.push_back(model::DiagnosticToJson(d));
        }
        sj["diagnostic_items"] = std::move(diags);
      }
      sources.push_back(std::move(sj));
    }
    j["sources"] = std::move(sources);
    j["total_entities"] = snap->entities.size();
    j["load_seconds"] = seconds;
    out << j.dump(2) << "\n";
    return kExitOk;
  }

  out << "Snapshot: " << manifest_path << "\n\n";
  out << Pad("source", 12) << Pad("as of", 12) << Pad("entities", 9, true) << Pad("person", 8, true)
      << Pad("org", 8, true) << Pad("vessel", 8, true) << Pad("aircraft", 9, true)
      << Pad("names", 9, true) << Pad("weak", 7, true) << Pad("warn", 7, true)
      << Pad("skip", 6, true) << Pad("parse s", 9, true) << "\n";
  size_t total = 0, names = 0, warnings = 0, skipped = 0;
  for (const auto& s : snap->sources) {
    auto kind = [&](EntityKind k) { return Num(s.by_kind[static_cast<size_t>(k)]); };
    out << Pad(std::string(ListSourceCode(s.spec.source)), 12)
        << Pad(s.version.as_of.substr(0, 10), 12) << Pad(Num(s.entities), 9, true)
        << Pad(kind(EntityKind::kPerson), 8, true) << Pad(kind(EntityKind::kOrganization), 8, true)
        << Pad(kind(EntityKind::kVessel), 8, true) << Pad(kind(EntityKind::kAircraft), 9, true)
        << Pad(Num(s.names), 9, true) << Pad(Num(s.weak_names), 7, true)
        << Pad(Num(s.diagnostics.warnings()), 7, true) << Pad(Num(s.diagnostics.skipped()), 6, true)
        << Pad(Fixed(s.parse_seconds, 2), 9, true) << "\n";
    total += s.entities;
    names += s.names;
    warnings += s.diagnostics.warnings();
    skipped += s.diagnostics.skipped();
  }
  out << Pad("total", 24) << Pad(Num(total), 9, true) << Pad("", 42) << Pad(Num(names), 9, true)
      << Pad("", 7) << Pad(Num(warnings), 7, true) << Pad(Num(skipped), 6, true) << "\n\n";
  out << "Files (SHA-256 of the published file):\n";
  for (const auto& s : snap->sources) {
    for (const SourceFile& f : s.version.files) {
      out << "  " << Pad(std::string(ListSourceCode(s.spec.source)), 12) << Pad(f.name, 20)
          << f.sha256 << "  " << Num(f.size) << " bytes\n";
    }
  }
  if (options.show_diagnostics > 0) {
    for (const auto& s : snap->sources) {
      if (s.diagnostics.empty()) continue;
      out << "\nDiagnostics for " << ListSourceCode(s.spec.source) << " (first "
          << std::min<size_t>(static_cast<size_t>(options.show_diagnostics), s.diagnostics.size())
          << " of " << s.diagnostics.size() << "):\n";
      int n = 0;
      for (const Diagnostic& d : s.diagnostics.items()) {
        if (n++ >= options.show_diagnostics) break;
        out << "  " << d.ToString() << "\n";
      }
    }
  }
  out << "\nLoaded " << Num(total) << " entities from " << snap->sources.size() << " sources in "
      << Fixed(seconds, 2) << " s. ";
  out << "Lists are as old as their 'as of' date; refresh them every business day with `interdict sync`.\n";
  if (options.show_diagnostics == 0 && warnings + skipped > 0) {
    out << "Run with --diagnostics N to see what could not be read.\n";
  }
  return kExitOk;
}

int RunParse(const ParseOptions& options, std::ostream& out, std::ostream& err) {
  auto format = lists::ListFormatFromCode(options.format);
  if (!format) {
    err << "interdict parse: unknown format \"" << options.format << "\" (known:";
    for (lists::ListFormat f : lists::AllListFormats()) err << " " << lists::ListFormatCode(f);
    err << ")\n";
    return kExitUsage;
  }
  ListSource source = ListSource::kOfacSdn;
  if (!options.source.empty()) {
    source = ListSourceFromCode(options.source);
    if (source == ListSource::kUnknown) {
      err << "interdict parse: unknown source \"" << options.source << "\"\n";
      return kExitUsage;
    }
  }
  snapshot::SourceSpec spec;
  spec.source = source;
  spec.format = *format;
  for (const std::string& f : options.files) spec.files.push_back(snapshot::FileSpec{f, "", 0});
  std::vector<Entity> entities;
  Result<snapshot::LoadedSource> loaded =
      snapshot::LoadSource(spec, "", /*verify_sha256=*/false, &entities);
  if (!loaded.ok()) {
    err << "interdict parse: " << loaded.status().message() << "\n";
    return kExitUsage;
  }
  for (const Entity& e : entities) out << model::EntityToJson(e).dump() << "\n";
  for (const Diagnostic& d : loaded->diagnostics.items()) {
    if (options.diagnostics_to_stdout) {
      out << Json{{"diagnostic", model::DiagnosticToJson(d)}}.dump() << "\n";
    } else {
      err << d.ToString() << "\n";
    }
  }
  err << "interdict parse: " << entities.size() << " entities, " << loaded->diagnostics.warnings()
      << " warnings, " << loaded->diagnostics.skipped() << " skipped records\n";
  return kExitOk;
}

}  // namespace interdict::cli
