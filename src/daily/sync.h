// File: daily/sync.h
//
// `interdict sync`: gets the official list files (downloaded from their published addresses,
// or from a local folder / explicit files), validates each source with its parser, and
// commits the valid set as a new snapshot in the store, made active atomically.
//
//   SyncRequest req;  req.from_dir = "data/history/2023-02-24";
//   INTERDICT_ASSIGN_OR_RETURN(SyncReport r, daily::Sync(*store, req, fetcher.get(), &std::cerr));
//   if (!r.committed) ... r.message ... r.sources[i].error ...
//
// Rules (docs/daily.md#sync):
//   - A source whose file fails to download or parse is never half-loaded. When the active
//     snapshot has that source, its last good version is carried over into the new
//     snapshot, marked stale with the reason. When it has none, nothing is committed and the
//     active snapshot stays as it was. `strict` commits nothing when any source fails.
//   - Sources of the active snapshot that this sync did not ask for are carried over as
//     they are (not stale).
//   - When every synced source has the same files (SHA-256) as the active snapshot, or the
//     server says 304 Not Modified, nothing new is committed ("unchanged").
#pragma once

#include <cstdint>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interdict/entity.h"
#include "interdict/list.h"
#include "interdict/status.h"

#include "daily/fetch.h"
#include "lists/registry.h"
#include "store/store.h"

namespace interdict::daily {

// One published file of an official source.
struct OfficialFile {
  std::string_view name;  // the name the parser sees and the name looked up in --from DIR
  std::string_view url;
  bool required = true;  // for downloads; in --from DIR only the first file is required
};

struct OfficialSource {
  ListSource source = ListSource::kUnknown;
  lists::ListFormat format = lists::ListFormat::kOfacCsv;
  std::string_view publisher;
  std::span<const OfficialFile> files;  // the primary file first
};

// The official sources and their published addresses, in sync order.
std::span<const OfficialSource> OfficialSources();
const OfficialSource* FindOfficialSource(ListSource source);

struct SyncRequest {
  // Where the files come from (at most one of from_dir/files/bundled; none = download).
  std::string from_dir;  // a folder holding official file names (or <source code>/<name>)
  std::vector<std::pair<std::string, std::string>> files;  // SOURCE code, PATH
  std::string bundled_manifest;  // a manifest (the bundled data/manifest.json) to load
  std::vector<ListSource> only;  // downloads: these sources only; empty = all official
  // With no snapshot in the store yet, a source that fails to download is taken from this
  // manifest (the bundled data) instead, marked stale. "" = no fallback.
  std::string seed_manifest;
  bool strict = false;  // any failed source: commit nothing
  // A source whose new version has fewer than this share of its previous entity count is
  // refused (a file cut short at a line boundary still parses). 0 disables the check.
  double min_keep_ratio = 0.5;
  FetchOptions fetch;
  std::string actor = "sync";
  std::string label;  // snapshot label; "" = describes the origin
};

enum class SourceState : uint8_t {
  kUpdated = 0,  // new files, parsed, in the new snapshot
  kUnchanged,    // same files as the active snapshot (or 304 Not Modified)
  kStale,        // failed today; last good version carried over, marked stale
  kFailed,       // failed and nothing to carry over
  kCarried,      // not part of this sync; carried over from the active snapshot
};
std::string_view SourceStateName(SourceState state);  // "updated", "unchanged", ...

struct SourceOutcome {
  ListSource source = ListSource::kUnknown;
  SourceState state = SourceState::kUpdated;
  std::string origin;  // URL or path of the primary file
  std::string error;   // why it failed: "download: ...", "parse: ...", "check: ..."
  ListVersion version;
  size_t entities = 0;
  size_t previous_entities = 0;
  size_t warnings = 0;
  size_t skipped = 0;
  uint64_t bytes = 0;
  double seconds = 0;
};

struct SyncReport {
  bool committed = false;
  bool unchanged = false;             // nothing new: the active snapshot stays
  store::SnapshotId snapshot_id = 0;  // the new snapshot (committed) or the active one
  store::SnapshotId previous_id = 0;  // the snapshot active before; 0 = none
  std::vector<SourceOutcome> sources;
  std::string message;  // one line for people: what happened and why
  bool ok() const;      // committed or unchanged, and no source failed or stale
};

// Runs one sync. `fetcher` is used only for downloads (may be null otherwise); `progress`
// (may be null) gets human progress lines. Returns an error only for a bad request
// (kInvalidArgument: unknown source, two origins) or a store failure; a failed source is a
// SourceOutcome, not an error.
Result<SyncReport> Sync(store::Store& store, const SyncRequest& request, Fetcher* fetcher,
                        std::ostream* progress);

// The --json summary for schedulers.
std::string SyncReportJson(const SyncReport& report);

}  // namespace interdict::daily
