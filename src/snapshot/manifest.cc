#include "snapshot/manifest.h"

#include <nlohmann/json.hpp>

#include "snapshot/file_io.h"

namespace interdict::snapshot {
namespace {

using Json = nlohmann::json;

std::string StringField(const Json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return "";
  return it->get<std::string>();
}

}  // namespace

Result<Manifest> ParseManifest(std::string_view json, std::string base_dir) {
  Json root = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (root.is_discarded()) return Status::InvalidArgument("manifest: not valid JSON");
  if (!root.is_object() || !root.contains("sources") || !root["sources"].is_array()) {
    return Status::InvalidArgument("manifest: expected an object with a \"sources\" array");
  }
  Manifest m;
  m.base_dir = std::move(base_dir);
  size_t index = 0;
  for (const Json& s : root["sources"]) {
    std::string where = "manifest: sources[" + std::to_string(index++) + "]";
    if (!s.is_object()) return Status::InvalidArgument(where + ": expected an object");
    SourceSpec spec;
    std::string source = StringField(s, "source");
    spec.source = ListSourceFromCode(source);
    if (spec.source == ListSource::kUnknown) {
      return Status::InvalidArgument(where + ".source: unknown source \"" + source + "\"");
    }
    for (const SourceSpec& other : m.sources) {
      if (other.source == spec.source) {
        return Status::InvalidArgument(where + ".source: \"" + source + "\" is listed twice");
      }
    }
    std::string format = StringField(s, "format");
    auto f = lists::ListFormatFromCode(format);
    if (!f) return Status::InvalidArgument(where + ".format: unknown format \"" + format + "\"");
    spec.format = *f;
    spec.as_of = StringField(s, "as_of");
    spec.publisher = StringField(s, "publisher");
    spec.url = StringField(s, "url");
    spec.licence = StringField(s, "licence");
    spec.notes = StringField(s, "notes");
    if (!s.contains("files") || !s["files"].is_array() || s["files"].empty()) {
      return Status::InvalidArgument(where + ".files: expected a non-empty array");
    }
    for (const Json& fj : s["files"]) {
      FileSpec file;
      if (fj.is_string()) {
        file.path = fj.get<std::string>();
      } else if (fj.is_object()) {
        file.path = StringField(fj, "path");
        file.sha256 = StringField(fj, "sha256");
        if (fj.contains("size") && fj["size"].is_number_unsigned()) {
          file.size = fj["size"].get<uint64_t>();
        }
      }
      if (file.path.empty()) {
        return Status::InvalidArgument(where + ".files: each file needs a \"path\"");
      }
      spec.files.push_back(std::move(file));
    }
    m.sources.push_back(std::move(spec));
  }
  return m;
}

Result<Manifest> ReadManifest(const std::string& path) {
  INTERDICT_ASSIGN_OR_RETURN(std::string text, ReadFile(path, 16u << 20));
  Result<Manifest> m = ParseManifest(text, DirName(path));
  if (!m.ok()) return m.status().WithPrefix(path);
  return m;
}

}  // namespace interdict::snapshot
