// File: snapshot/loader.h
//
// Loads every list of a manifest into one in-memory Snapshot: reads and gunzips each file,
// checks its SHA-256 against the manifest, parses it with the right parser, and keeps the
// per-source summary (version, counts, diagnostics, timing). Sources load in parallel.
//
//   INTERDICT_ASSIGN_OR_RETURN(Manifest m, snapshot::ReadManifest("data/manifest.json"));
//   INTERDICT_ASSIGN_OR_RETURN(Snapshot snap, snapshot::LoadSnapshot(m, {}));
//   for (const LoadedSource& s : snap.sources) ... s.entities ...
#pragma once

#include <array>
#include <string>
#include <vector>

#include "interdict/entity.h"
#include "interdict/list.h"
#include "interdict/status.h"

#include "snapshot/manifest.h"

namespace interdict::snapshot {

struct LoadedSource {
  SourceSpec spec;
  ListVersion version;  // as_of from the file when it has one, else from the manifest
  size_t entities = 0;
  std::array<size_t, 5> by_kind{};  // indexed by EntityKind
  size_t names = 0;                 // primary names plus aliases
  size_t weak_names = 0;
  Diagnostics diagnostics;
  double read_seconds = 0;   // read + gunzip
  double parse_seconds = 0;  // parse (incl. SHA-256)
};

// An immutable set of entities from several sources. Thread-compatible; share it const.
struct Snapshot {
  std::vector<LoadedSource> sources;  // manifest order
  std::vector<Entity> entities;       // all sources, manifest order, file order within
};

struct LoadOptions {
  std::vector<ListSource> only;  // load just these sources; empty = all in the manifest
  int threads = 0;               // parallel sources; 0 = hardware concurrency
  bool verify_sha256 = true;     // check files against the manifest's digests
};

// All or nothing: when any selected source fails to read, verify or parse, returns that
// error (naming the source and the file) and no snapshot.
Result<Snapshot> LoadSnapshot(const Manifest& manifest, const LoadOptions& options);

// Loads one source from explicit files, as `interdict lists --file` does.
Result<LoadedSource> LoadSource(const SourceSpec& spec, const std::string& base_dir,
                                bool verify_sha256, std::vector<Entity>* entities);

}  // namespace interdict::snapshot
