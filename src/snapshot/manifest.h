// File: snapshot/manifest.h
//
// A snapshot manifest (data/manifest.json): which list files make up a snapshot, in which
// format, as of when, with their SHA-256 and licence. The bundled default snapshot is one;
// users can write their own to load other files (docs/formats/manifest.md).
//
//   Result<Manifest> m = snapshot::ReadManifest("data/manifest.json");
//   for (const SourceSpec& s : m->sources) ... s.files[0].path ...
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"
#include "interdict/status.h"

#include "lists/registry.h"

namespace interdict::snapshot {

struct FileSpec {
  std::string path;    // relative to the manifest's directory, or absolute
  std::string sha256;  // of the uncompressed bytes; "" = not checked
  uint64_t size = 0;   // uncompressed size; 0 = not checked
};

struct SourceSpec {
  ListSource source = ListSource::kUnknown;
  lists::ListFormat format = lists::ListFormat::kInHouseCsv;
  std::string as_of;  // used when the file itself carries no date
  std::vector<FileSpec> files;
  std::string publisher;
  std::string url;
  std::string licence;
  std::string notes;
};

struct Manifest {
  std::string base_dir;  // directory the relative paths are resolved against
  std::vector<SourceSpec> sources;
};

// Parses manifest JSON. Errors (kInvalidArgument) name the JSON field: unknown source or
// format, a source listed twice, missing files.
Result<Manifest> ParseManifest(std::string_view json, std::string base_dir);

// Reads and parses the manifest file at `path`; relative file paths resolve against its
// directory.
Result<Manifest> ReadManifest(const std::string& path);

}  // namespace interdict::snapshot
