#include "daily/sync.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "base/text.h"
#include "snapshot/file_io.h"
#include "snapshot/loader.h"
#include "snapshot/manifest.h"

namespace interdict::daily {
namespace {

using Json = nlohmann::ordered_json;
using lists::ListFormat;

// The published addresses. OFAC serves its files from the Sanctions List Service (the old
// www.treasury.gov/ofac/downloads/... addresses redirect there).
constexpr OfficialFile kOfacSdnFiles[] = {
    {"sdn.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.CSV"},
    {"alt.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ALT.CSV"},
    {"add.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ADD.CSV"},
    {"sdn_comments.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN_COMMENTS.CSV"},
};
constexpr OfficialFile kOfacNonSdnFiles[] = {
    {"cons_prim.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_PRIM.CSV"},
    {"cons_alt.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ALT.CSV"},
    {"cons_add.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ADD.CSV"},
    {"cons_comments.csv",
     "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"
     "CONS_COMMENTS.CSV"},
};
constexpr OfficialFile kUsCslFiles[] = {
    {"consolidated.csv",
     "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"},
};
constexpr OfficialFile kUnFiles[] = {
    {"consolidated.xml", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"},
};
constexpr OfficialFile kEuFiles[] = {
    {"xmlFullSanctionsList_1_1.xml",
     "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/"
     "content?token=dG9rZW4tMjAxNw"},
};
constexpr OfficialFile kUkFiles[] = {
    {"ConList.csv", "https://ofsistorage.blob.core.windows.net/publishlive/2022format/ConList.csv"},
};

const OfficialSource kOfficial[] = {
    {ListSource::kOfacSdn, ListFormat::kOfacCsv, "U.S. Treasury OFAC", kOfacSdnFiles},
    {ListSource::kOfacNonSdn, ListFormat::kOfacCsv, "U.S. Treasury OFAC", kOfacNonSdnFiles},
    {ListSource::kUsCsl, ListFormat::kUsCslCsv, "U.S. trade.gov", kUsCslFiles},
    {ListSource::kUn, ListFormat::kUnXml, "UN Security Council", kUnFiles},
    {ListSource::kEu, ListFormat::kEuFsfXml, "European Commission (FSF)", kEuFiles},
    {ListSource::kUkOfsi, ListFormat::kUkOfsiCsv, "HM Treasury OFSI", kUkFiles},
};

using Clock = std::chrono::steady_clock;
double SecondsSince(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

// One source as this sync got it: raw files to parse, or an already parsed source (bundled
// manifest), or the reason it could not be got.
struct Job {
  ListSource source = ListSource::kUnknown;
  ListFormat format = ListFormat::kOfacCsv;
  std::string origin;
  std::vector<std::pair<std::string, std::string>> files;  // published name, bytes
  bool not_modified = false;
  std::string error;
  std::string as_of_hint;  // used when the parser gives no as_of
  std::optional<ParsedList> parsed;
  std::string seeded_reason;  // non-empty: taken from the seed manifest because of this
  // Validators to remember after a successful commit: url -> (etag, last-modified).
  std::map<std::string, std::pair<std::string, std::string>> validators;
  double seconds = 0;
};

std::string Mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

void Say(std::ostream* progress, const std::string& line) {
  if (progress) *progress << "sync: " << line << "\n" << std::flush;
}

// A date at the start of a folder's name ("2023-02-24", "2023-02-24T1845") as the as-of of
// files that carry none.
std::string DateFromFolder(const std::string& dir) {
  std::string name = std::filesystem::path(dir).lexically_normal().filename().string();
  if (name.empty()) name = std::filesystem::path(dir).lexically_normal().parent_path().filename();
  if (name.size() >= 10 && base::ParseUint(name.substr(0, 4)) && name[4] == '-' &&
      base::ParseUint(name.substr(5, 2)) && name[7] == '-' && base::ParseUint(name.substr(8, 2))) {
    return name.substr(0, 10);
  }
  return "";
}

std::optional<std::string> FindInDir(const std::string& dir, const OfficialSource& src,
                                     std::string_view name) {
  namespace fs = std::filesystem;
  std::string code(ListSourceCode(src.source));
  for (const std::string& candidate :
       {dir + "/" + code + "/" + std::string(name),
        dir + "/" + code + "/" + std::string(name) + ".gz", dir + "/" + std::string(name),
        dir + "/" + std::string(name) + ".gz"}) {
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec)) return candidate;
  }
  return std::nullopt;
}

void ReadInto(Job* job, const std::string& path) {
  Result<std::string> bytes = snapshot::ReadListFile(path);
  if (!bytes.ok()) {
    job->error = "read: " + std::string(bytes.status().message());
    return;
  }
  job->files.emplace_back(snapshot::PublishedName(path), std::move(*bytes));
}

Result<std::vector<Job>> JobsFromDir(const std::string& dir, std::ostream* progress) {
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) {
    return Status::InvalidArgument("--from " + dir + ": not a directory");
  }
  std::vector<Job> jobs;
  std::string as_of = DateFromFolder(dir);
  for (const OfficialSource& src : kOfficial) {
    std::optional<std::string> primary = FindInDir(dir, src, src.files[0].name);
    if (!primary) continue;
    Job job;
    job.source = src.source;
    job.format = src.format;
    job.origin = *primary;
    job.as_of_hint = as_of;
    Clock::time_point start = Clock::now();
    Say(progress, std::string(ListSourceCode(src.source)) + ": reading " + *primary);
    ReadInto(&job, *primary);
    for (size_t i = 1; i < src.files.size() && job.error.empty(); ++i) {
      if (std::optional<std::string> p = FindInDir(dir, src, src.files[i].name)) ReadInto(&job, *p);
    }
    job.seconds = SecondsSince(start);
    jobs.push_back(std::move(job));
  }
  if (jobs.empty()) {
    std::string names;
    for (const OfficialSource& src : kOfficial) {
      names += (names.empty() ? "" : ", ") + std::string(src.files[0].name);
    }
    return Status::InvalidArgument("--from " + dir + ": no official list file found (looked for " +
                                   names + ", also gzipped or in <source>/ folders)");
  }
  return jobs;
}

Result<std::vector<Job>> JobsFromFiles(
    const std::vector<std::pair<std::string, std::string>>& files, std::ostream* progress) {
  std::vector<Job> jobs;
  for (const auto& [code, path] : files) {
    ListSource source = ListSourceFromCode(code);
    if (source == ListSource::kUnknown) {
      return Status::InvalidArgument("--file " + code + "=" + path + ": unknown source \"" + code +
                                     "\" (ofac_sdn ofac_nonsdn us_csl un eu uk_ofsi inhouse)");
    }
    auto it =
        std::find_if(jobs.begin(), jobs.end(), [&](const Job& j) { return j.source == source; });
    if (it == jobs.end()) {
      Job job;
      job.source = source;
      const OfficialSource* official = FindOfficialSource(source);
      job.format = official ? official->format : ListFormat::kInHouseCsv;
      job.origin = path;
      jobs.push_back(std::move(job));
      it = jobs.end() - 1;
    }
    if (!it->error.empty()) continue;
    Say(progress, code + ": reading " + path);
    Clock::time_point start = Clock::now();
    ReadInto(&*it, path);
    it->seconds += SecondsSince(start);
  }
  return jobs;
}

Job JobFromManifestSource(const snapshot::SourceSpec& spec, const std::string& base_dir) {
  Job job;
  job.source = spec.source;
  job.format = spec.format;
  job.origin = spec.files.empty() ? base_dir : snapshot::JoinPath(base_dir, spec.files[0].path);
  Clock::time_point start = Clock::now();
  ParsedList parsed;
  Result<snapshot::LoadedSource> loaded =
      snapshot::LoadSource(spec, base_dir, /*verify_sha256=*/true, &parsed.entities);
  job.seconds = SecondsSince(start);
  if (!loaded.ok()) {
    job.error = "read: " + std::string(loaded.status().message());
    return job;
  }
  parsed.version = loaded->version;
  parsed.diagnostics = std::move(loaded->diagnostics);
  job.parsed = std::move(parsed);
  return job;
}

Result<std::vector<Job>> JobsFromManifest(const std::string& path, std::ostream* progress,
                                          const std::vector<ListSource>& only) {
  INTERDICT_ASSIGN_OR_RETURN(snapshot::Manifest manifest, snapshot::ReadManifest(path));
  std::vector<Job> jobs;
  for (const snapshot::SourceSpec& spec : manifest.sources) {
    if (!only.empty() && std::find(only.begin(), only.end(), spec.source) == only.end()) continue;
    Say(progress, std::string(ListSourceCode(spec.source)) + ": loading bundled copy from " +
                      manifest.base_dir);
    jobs.push_back(JobFromManifestSource(spec, manifest.base_dir));
  }
  return jobs;
}

std::string SettingKey(std::string_view what, const std::string& url) {
  return "sync." + std::string(what) + ":" + url;
}

Job Download(store::Store& store, const OfficialSource& src, bool have_previous,
             const FetchOptions& base_options, Fetcher& fetcher, std::ostream* progress) {
  Job job;
  job.source = src.source;
  job.format = src.format;
  job.origin = std::string(src.files[0].url);
  std::string code(ListSourceCode(src.source));
  Clock::time_point start = Clock::now();
  size_t not_modified = 0;
  for (const OfficialFile& file : src.files) {
    std::string url(file.url);
    FetchOptions options = base_options;
    if (have_previous) {
      auto etag = store.GetSetting(SettingKey("etag", url));
      auto lm = store.GetSetting(SettingKey("last_modified", url));
      if (etag.ok() && *etag) options.if_none_match = **etag;
      if (lm.ok() && *lm) options.if_modified_since = **lm;
    }
    Say(progress, code + ": downloading " + url);
    uint64_t next_report = 8'000'000;
    ProgressFn on_progress = [&](uint64_t received, uint64_t) {
      if (received >= next_report) {
        Say(progress, code + ": " + std::string(file.name) + " " + Mb(received));
        next_report += 8'000'000;
      }
    };
    Result<FetchResult> got = fetcher.Fetch(url, options, on_progress);
    if (!got.ok()) {
      if (!file.required) continue;
      job.error = "download " + std::string(file.name) + ": " + std::string(got.status().message());
      job.files.clear();
      break;
    }
    job.validators[url] = {got->etag, got->last_modified};
    if (got->not_modified) {
      ++not_modified;
      Say(progress, code + ": " + std::string(file.name) + " not modified");
      // Keep the place: a 304 for one file but not the others cannot be parsed alone.
      job.files.emplace_back(std::string(file.name), std::string());
      continue;
    }
    Say(progress, code + ": " + std::string(file.name) + " " + Mb(got->body.size()));
    if (job.as_of_hint.empty()) job.as_of_hint = got->last_modified_date;
    job.files.emplace_back(std::string(file.name), std::move(got->body));
  }
  if (job.error.empty() && not_modified > 0) {
    if (not_modified == job.files.size()) {
      job.not_modified = true;
      job.files.clear();
    } else {
      job.error = "download: some files answered 304 Not Modified and others not; retry";
      job.files.clear();
    }
  }
  job.seconds = SecondsSince(start);
  return job;
}

void Parse(Job* job, std::ostream* progress) {
  if (!job->error.empty() || job->parsed || job->not_modified) return;
  std::string code(ListSourceCode(job->source));
  Clock::time_point start = Clock::now();
  std::vector<InputFile> inputs;
  for (const auto& [name, bytes] : job->files) inputs.push_back(InputFile{name, bytes});
  Result<ParsedList> parsed = lists::ParseList(job->format, job->source, inputs);
  job->seconds += SecondsSince(start);
  if (!parsed.ok()) {
    job->error = "parse: " + std::string(parsed.status().message());
    return;
  }
  job->parsed = std::move(*parsed);
  if (job->parsed->version.as_of.empty()) job->parsed->version.as_of = job->as_of_hint;
  job->parsed->version.source = job->source;
  Say(progress, code + ": parsed " + std::to_string(job->parsed->entities.size()) + " entities (" +
                    std::to_string(job->parsed->diagnostics.warnings()) + " warnings, " +
                    std::to_string(job->parsed->diagnostics.skipped()) + " records skipped)");
}

bool SameFiles(const ListVersion& a, const ListVersion& b) {
  if (a.files.size() != b.files.size()) return false;
  for (size_t i = 0; i < a.files.size(); ++i) {
    if (a.files[i].sha256 != b.files[i].sha256) return false;
  }
  return true;
}

const store::SnapshotSource* FindPrevious(const std::optional<store::SnapshotInfo>& active,
                                          ListSource source) {
  if (!active) return nullptr;
  for (const store::SnapshotSource& s : active->sources) {
    if (s.version.source == source) return &s;
  }
  return nullptr;
}

Json OutcomeJson(const SourceOutcome& o) {
  Json j;
  j["source"] = ListSourceCode(o.source);
  j["state"] = SourceStateName(o.state);
  j["origin"] = o.origin;
  if (!o.error.empty()) j["error"] = o.error;
  j["as_of"] = o.version.as_of;
  Json files = Json::array();
  for (const SourceFile& f : o.version.files) {
    files.push_back(Json{{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
  }
  j["files"] = std::move(files);
  j["entities"] = o.entities;
  j["previous_entities"] = o.previous_entities;
  j["warnings"] = o.warnings;
  j["skipped"] = o.skipped;
  j["bytes"] = o.bytes;
  j["seconds"] = std::round(o.seconds * 1000) / 1000;
  return j;
}

}  // namespace

std::span<const OfficialSource> OfficialSources() { return kOfficial; }

const OfficialSource* FindOfficialSource(ListSource source) {
  for (const OfficialSource& s : kOfficial) {
    if (s.source == source) return &s;
  }
  return nullptr;
}

std::string_view SourceStateName(SourceState state) {
  switch (state) {
    case SourceState::kUpdated:
      return "updated";
    case SourceState::kUnchanged:
      return "unchanged";
    case SourceState::kStale:
      return "stale";
    case SourceState::kFailed:
      return "failed";
    case SourceState::kCarried:
      return "carried";
  }
  return "unknown";
}

bool SyncReport::ok() const {
  if (!committed && !unchanged) return false;
  return std::none_of(sources.begin(), sources.end(), [](const SourceOutcome& o) {
    return o.state == SourceState::kStale || o.state == SourceState::kFailed;
  });
}

Result<SyncReport> Sync(store::Store& store, const SyncRequest& request, Fetcher* fetcher,
                        std::ostream* progress) {
  int origins = (request.from_dir.empty() ? 0 : 1) + (request.files.empty() ? 0 : 1) +
                (request.bundled_manifest.empty() ? 0 : 1);
  if (origins > 1) {
    return Status::InvalidArgument("give only one of --from, --file and --bundled");
  }
  INTERDICT_ASSIGN_OR_RETURN(std::optional<store::SnapshotInfo> active, store.ActiveSnapshot());
  SyncReport report;
  report.previous_id = active ? active->id : 0;

  std::vector<Job> jobs;
  std::string label = request.label;
  if (!request.from_dir.empty()) {
    INTERDICT_ASSIGN_OR_RETURN(jobs, JobsFromDir(request.from_dir, progress));
    if (label.empty()) label = "sync --from " + request.from_dir;
  } else if (!request.files.empty()) {
    INTERDICT_ASSIGN_OR_RETURN(jobs, JobsFromFiles(request.files, progress));
    if (label.empty()) label = "sync --file";
  } else if (!request.bundled_manifest.empty()) {
    INTERDICT_ASSIGN_OR_RETURN(jobs,
                               JobsFromManifest(request.bundled_manifest, progress, request.only));
    if (label.empty()) label = "sync --bundled";
  } else {
    if (fetcher == nullptr) return Status::InvalidArgument("sync: no fetcher for downloads");
    for (const OfficialSource& src : kOfficial) {
      if (!request.only.empty() &&
          std::find(request.only.begin(), request.only.end(), src.source) == request.only.end()) {
        continue;
      }
      jobs.push_back(Download(store, src, FindPrevious(active, src.source) != nullptr,
                              request.fetch, *fetcher, progress));
    }
    if (label.empty()) label = "sync (download)";
    // First run with no network: fall back to the bundled copy, marked stale.
    if (!active && !request.seed_manifest.empty()) {
      auto manifest = snapshot::ReadManifest(request.seed_manifest);
      for (Job& job : jobs) {
        if (job.error.empty() || !manifest.ok()) continue;
        for (const snapshot::SourceSpec& spec : manifest->sources) {
          if (spec.source != job.source) continue;
          std::string reason = job.error;
          Say(progress, std::string(ListSourceCode(job.source)) +
                            ": download failed; seeding from the bundled copy (as of " +
                            spec.as_of + ")");
          job = JobFromManifestSource(spec, manifest->base_dir);
          job.seeded_reason = "bundled copy as of " + spec.as_of + " (" + reason + ")";
        }
      }
    }
  }
  for (Job& job : jobs) Parse(&job, progress);

  // Judge each source.
  std::vector<Entity> entities;
  store::NewSnapshot snap;
  snap.label = label;
  snap.actor = request.actor;
  std::set<ListSource> attempted;
  size_t failed = 0, stale = 0, updated = 0;
  for (Job& job : jobs) {
    attempted.insert(job.source);
    SourceOutcome o;
    o.source = job.source;
    o.origin = job.origin;
    o.seconds = job.seconds;
    for (const auto& f : job.files) o.bytes += f.second.size();
    const store::SnapshotSource* prev = FindPrevious(active, job.source);
    if (prev) o.previous_entities = prev->entity_count;
    if (job.error.empty() && job.parsed) {
      o.version = job.parsed->version;
      o.entities = job.parsed->entities.size();
      o.warnings = job.parsed->diagnostics.warnings();
      o.skipped = job.parsed->diagnostics.skipped();
      if (o.entities == 0) {
        job.error = "check: the file holds no entities";
      } else if (prev && request.min_keep_ratio > 0 &&
                 static_cast<double>(o.entities) <
                     request.min_keep_ratio * static_cast<double>(prev->entity_count)) {
        job.error = "check: " + std::to_string(o.entities) + " entities where the active " +
                    "snapshot has " + std::to_string(prev->entity_count) +
                    " (a cut-short file?); refused";
      }
    }
    if (!job.error.empty()) {
      o.error = job.error;
      Say(progress, std::string(ListSourceCode(job.source)) + ": FAILED: " + job.error);
      if (prev) {
        o.state = SourceState::kStale;
        o.version = prev->version;
        o.entities = prev->entity_count;
        store::SnapshotSource s;
        s.version = prev->version;
        s.stale = true;
        s.stale_reason = job.error;
        s.carried_from = active->id;
        snap.sources.push_back(std::move(s));
        ++stale;
      } else {
        o.state = SourceState::kFailed;
        ++failed;
      }
    } else if (job.not_modified || (prev && !prev->stale && SameFiles(prev->version, o.version))) {
      o.state = SourceState::kUnchanged;
      if (prev) {
        o.version = prev->version;
        o.entities = prev->entity_count;
      }
      store::SnapshotSource s;
      s.version = prev ? prev->version : o.version;
      s.carried_from = active ? active->id : 0;
      snap.sources.push_back(std::move(s));
    } else {
      o.state = job.seeded_reason.empty() ? SourceState::kUpdated : SourceState::kStale;
      if (!job.seeded_reason.empty()) {
        o.error = job.seeded_reason;
        ++stale;
      } else {
        ++updated;
      }
      store::SnapshotSource s;
      s.version = job.parsed->version;
      s.stale = !job.seeded_reason.empty();
      s.stale_reason = job.seeded_reason;
      snap.sources.push_back(std::move(s));
      std::move(job.parsed->entities.begin(), job.parsed->entities.end(),
                std::back_inserter(entities));
      job.parsed.reset();
    }
    report.sources.push_back(std::move(o));
  }
  if (active) {
    for (const store::SnapshotSource& prev : active->sources) {
      if (attempted.count(prev.version.source)) continue;
      SourceOutcome o;
      o.source = prev.version.source;
      o.state = SourceState::kCarried;
      o.version = prev.version;
      o.entities = prev.entity_count;
      o.previous_entities = prev.entity_count;
      report.sources.push_back(std::move(o));
      store::SnapshotSource s = prev;
      s.carried_from = active->id;
      s.entity_count = 0;
      snap.sources.push_back(std::move(s));
    }
  }

  std::string active_text =
      active ? "snapshot #" + std::to_string(active->id) + " stays active" : "no snapshot yet";
  report.snapshot_id = report.previous_id;
  if (failed > 0 || (request.strict && stale > 0)) {
    std::string which;
    for (const SourceOutcome& o : report.sources) {
      if (o.state == SourceState::kFailed || o.state == SourceState::kStale) {
        which +=
            (which.empty() ? "" : "; ") + std::string(ListSourceCode(o.source)) + ": " + o.error;
      }
    }
    report.message = "nothing committed (" + which + "); " + active_text;
  } else if (updated == 0 && stale == 0) {
    report.unchanged = true;
    report.message = "no list changed; " + active_text;
  } else {
    Say(progress, "committing " + std::to_string(entities.size()) + " new entities");
    INTERDICT_ASSIGN_OR_RETURN(
        store::SnapshotId id, store.CommitSnapshot(snap, entities, store::CommitSnapshotOptions{}));
    report.committed = true;
    report.snapshot_id = id;
    report.message = "snapshot #" + std::to_string(id) + " is active (" + std::to_string(updated) +
                     " updated, " + std::to_string(stale) + " stale)";
    for (const Job& job : jobs) {
      for (const auto& [url, v] : job.validators) {
        if (!v.first.empty())
          INTERDICT_RETURN_IF_ERROR(store.PutSetting(SettingKey("etag", url), v.first));
        if (!v.second.empty()) {
          INTERDICT_RETURN_IF_ERROR(store.PutSetting(SettingKey("last_modified", url), v.second));
        }
      }
    }
  }
  Say(progress, report.message);
  store::AuditEntry entry{request.actor, "sync", SyncReportJson(report)};
  INTERDICT_RETURN_IF_ERROR(store.AppendAudit(std::span(&entry, 1)));
  return report;
}

std::string SyncReportJson(const SyncReport& report) {
  Json j;
  j["ok"] = report.ok();
  j["committed"] = report.committed;
  j["unchanged"] = report.unchanged;
  j["snapshot_id"] = report.snapshot_id;
  j["previous_id"] = report.previous_id;
  j["message"] = report.message;
  Json sources = Json::array();
  for (const SourceOutcome& o : report.sources) sources.push_back(OutcomeJson(o));
  j["sources"] = std::move(sources);
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace interdict::daily
