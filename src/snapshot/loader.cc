#include "snapshot/loader.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include "base/text.h"
#include "snapshot/file_io.h"

namespace interdict::snapshot {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

Result<LoadedSource> LoadSource(const SourceSpec& spec, const std::string& base_dir,
                                bool verify_sha256, std::vector<Entity>* entities) {
  const std::string code(ListSourceCode(spec.source));
  LoadedSource out;
  out.spec = spec;
  Clock::time_point start = Clock::now();
  std::vector<std::string> contents;
  contents.reserve(spec.files.size());
  std::vector<InputFile> inputs;
  for (const FileSpec& f : spec.files) {
    std::string path = JoinPath(base_dir, f.path);
    Result<std::string> bytes = ReadListFile(path);
    if (!bytes.ok()) return bytes.status().WithPrefix(code);
    if (f.size != 0 && bytes->size() != f.size) {
      return Status::DataLoss(code + ": " + path + ": size " + std::to_string(bytes->size()) +
                              " does not match the manifest's " + std::to_string(f.size));
    }
    contents.push_back(std::move(*bytes));
  }
  for (size_t i = 0; i < spec.files.size(); ++i) {
    inputs.push_back(InputFile{PublishedName(spec.files[i].path), contents[i]});
  }
  out.read_seconds = SecondsSince(start);
  start = Clock::now();
  Result<ParsedList> parsed = lists::ParseList(spec.format, spec.source, inputs);
  if (!parsed.ok()) return parsed.status().WithPrefix(code);
  out.parse_seconds = SecondsSince(start);
  contents.clear();

  if (verify_sha256) {
    for (const FileSpec& f : spec.files) {
      if (f.sha256.empty()) continue;
      std::string name = PublishedName(f.path);
      auto it = std::find_if(parsed->version.files.begin(), parsed->version.files.end(),
                             [&](const SourceFile& sf) { return sf.name == name; });
      if (it == parsed->version.files.end() || it->sha256 != f.sha256) {
        return Status::DataLoss(code + ": " + JoinPath(base_dir, f.path) +
                                ": SHA-256 does not match the manifest (file changed or corrupt)");
      }
    }
  }
  out.version = std::move(parsed->version);
  out.version.source = spec.source;
  if (out.version.as_of.empty()) out.version.as_of = spec.as_of;
  out.diagnostics = std::move(parsed->diagnostics);
  out.entities = parsed->entities.size();
  for (const Entity& e : parsed->entities) {
    ++out.by_kind[static_cast<size_t>(e.kind)];
    out.names += e.names.size();
    for (const Name& n : e.names) out.weak_names += n.quality == NameQuality::kWeak ? 1 : 0;
  }
  if (entities != nullptr) {
    entities->insert(entities->end(), std::make_move_iterator(parsed->entities.begin()),
                     std::make_move_iterator(parsed->entities.end()));
  }
  return out;
}

Result<Snapshot> LoadSnapshot(const Manifest& manifest, const LoadOptions& options) {
  std::vector<const SourceSpec*> selected;
  for (const SourceSpec& s : manifest.sources) {
    if (options.only.empty() ||
        std::find(options.only.begin(), options.only.end(), s.source) != options.only.end()) {
      selected.push_back(&s);
    }
  }
  for (ListSource want : options.only) {
    bool found = std::any_of(manifest.sources.begin(), manifest.sources.end(),
                             [&](const SourceSpec& s) { return s.source == want; });
    if (!found) {
      return Status::NotFound(std::string("source \"") + std::string(ListSourceCode(want)) +
                              "\" is not in the manifest");
    }
  }

  struct Slot {
    Result<LoadedSource> result = Status::Internal("not loaded");
    std::vector<Entity> entities;
  };
  std::vector<Slot> slots(selected.size());
  std::atomic<size_t> next{0};
  auto worker = [&]() {
    for (size_t i = next++; i < selected.size(); i = next++) {
      slots[i].result =
          LoadSource(*selected[i], manifest.base_dir, options.verify_sha256, &slots[i].entities);
    }
  };
  size_t threads = options.threads > 0 ? static_cast<size_t>(options.threads)
                                       : std::max(1u, std::thread::hardware_concurrency());
  threads = std::min(threads, selected.size());
  std::vector<std::thread> pool;
  for (size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (std::thread& t : pool) t.join();

  Snapshot snap;
  size_t total = 0;
  for (Slot& slot : slots) {
    if (!slot.result.ok()) return slot.result.status();
    total += slot.entities.size();
  }
  snap.entities.reserve(total);
  for (Slot& slot : slots) {
    snap.sources.push_back(std::move(*slot.result));
    std::move(slot.entities.begin(), slot.entities.end(), std::back_inserter(snap.entities));
  }
  return snap;
}

}  // namespace interdict::snapshot
