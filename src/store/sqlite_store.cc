#include "store/sqlite_store.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/sha256.h"
#include "model/entity_json.h"
#include "store/sqlite_db.h"

namespace interdict::store {
namespace {

using internal::Db;
using internal::Stmt;
using internal::Transaction;
using Json = nlohmann::ordered_json;

constexpr std::string_view kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// Migration N brings the schema from version N-1 to N. Append only: never edit a migration
// that has shipped; add a new one.
constexpr std::string_view kMigrations[] = {
    // 1: the initial schema.
    R"sql(
CREATE TABLE snapshots(
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  label TEXT NOT NULL,
  entity_count INTEGER NOT NULL DEFAULT 0);
CREATE TABLE snapshot_sources(
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  position INTEGER NOT NULL,
  source TEXT NOT NULL,
  format TEXT NOT NULL,
  as_of TEXT NOT NULL,
  files_json TEXT NOT NULL,
  stale INTEGER NOT NULL,
  stale_reason TEXT NOT NULL,
  carried_from INTEGER NOT NULL,
  entity_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(snapshot_id, source)) WITHOUT ROWID;
CREATE TABLE entity_blobs(
  id INTEGER PRIMARY KEY,
  hash TEXT NOT NULL UNIQUE,
  json TEXT NOT NULL);
CREATE TABLE provenance_files(
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  UNIQUE(file, sha256));
CREATE TABLE snapshot_entities(
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id),
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  blob_id INTEGER NOT NULL REFERENCES entity_blobs(id),
  prov_file_id INTEGER NOT NULL REFERENCES provenance_files(id),
  prov_locator TEXT NOT NULL,
  PRIMARY KEY(snapshot_id, source, source_id)) WITHOUT ROWID;
CREATE TABLE active_snapshot(
  singleton INTEGER PRIMARY KEY CHECK(singleton = 1),
  snapshot_id INTEGER NOT NULL REFERENCES snapshots(id));
CREATE TABLE customers(
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  dob TEXT NOT NULL,
  country TEXT NOT NULL,
  ids_json TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  removed INTEGER NOT NULL DEFAULT 0,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX customers_revision ON customers(revision);
CREATE TABLE alerts(
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  entity_hash TEXT NOT NULL,
  customer_hash TEXT NOT NULL,
  snapshot_id INTEGER NOT NULL,
  score REAL NOT NULL,
  matched_name TEXT NOT NULL,
  explanation_json TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  decision TEXT NOT NULL DEFAULT '',
  decision_note TEXT NOT NULL DEFAULT '',
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at TEXT NOT NULL DEFAULT '');
CREATE INDEX alerts_pair ON alerts(customer_id, source, source_id);
CREATE INDEX alerts_snapshot ON alerts(snapshot_id);
CREATE INDEX alerts_status ON alerts(status);
CREATE TABLE suppressions(
  id INTEGER PRIMARY KEY,
  customer_id TEXT NOT NULL,
  source TEXT NOT NULL,
  source_id TEXT NOT NULL,
  entity_hash TEXT NOT NULL,
  customer_hash TEXT NOT NULL,
  alert_id INTEGER NOT NULL REFERENCES alerts(id),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  note TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0,
  revoked_at TEXT NOT NULL DEFAULT '',
  revoked_by TEXT NOT NULL DEFAULT '');
CREATE INDEX suppressions_pair ON suppressions(customer_id, source, source_id);
CREATE TABLE audit(
  seq INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  payload TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL);
CREATE INDEX audit_time ON audit(time);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TABLE counters(
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL,
  text TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL) WITHOUT ROWID;
)sql",
};
static_assert(std::size(kMigrations) == kSchemaVersion);

std::string FilesToJson(const std::vector<SourceFile>& files) {
  Json arr = Json::array();
  for (const SourceFile& f : files) {
    arr.push_back(Json{{"name", f.name}, {"sha256", f.sha256}, {"size", f.size}});
  }
  return arr.dump();
}

std::vector<SourceFile> FilesFromJson(std::string_view text) {
  std::vector<SourceFile> files;
  nlohmann::json arr = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
  if (!arr.is_array()) return files;
  for (const auto& f : arr) {
    if (!f.is_object()) continue;
    SourceFile sf;
    sf.name = f.value("name", "");
    sf.sha256 = f.value("sha256", "");
    sf.size = f.value("size", uint64_t{0});
    files.push_back(std::move(sf));
  }
  return files;
}

std::string DumpJson(const Json& j) {
  return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// Turns a range bound into the stored time format so string comparison is exact:
// "2024-05-03" -> "2024-05-03T00:00:00.000Z" (from) or "...T23:59:59.999Z" (to);
// "2024-05-03T07:15" and "2024-05-03T07:15:02[Z]" are padded the same way. Anything else is
// kInvalidArgument naming the flag.
Result<std::string> NormalizeBound(std::string_view text, bool is_end, std::string_view name) {
  std::string t(text);
  if (!t.empty() && t.back() == 'Z') t.pop_back();
  auto digits = [&](size_t pos, size_t n) {
    if (pos + n > t.size()) return false;
    for (size_t i = pos; i < pos + n; ++i) {
      if (t[i] < '0' || t[i] > '9') return false;
    }
    return true;
  };
  // Pattern positions: YYYY-MM-DD T HH : MM : SS . mmm
  const bool ok =
      digits(0, 4) && t.size() >= 10 && t[4] == '-' && digits(5, 2) && t[7] == '-' &&
      digits(8, 2) &&
      (t.size() == 10 ||
       (t.size() >= 16 && t[10] == 'T' && digits(11, 2) && t[13] == ':' && digits(14, 2) &&
        (t.size() == 16 ||
         (t.size() >= 19 && t[16] == ':' && digits(17, 2) &&
          (t.size() == 19 || (t.size() == 23 && t[19] == '.' && digits(20, 3)))))));
  if (!ok) {
    return Status::InvalidArgument(
        std::string(name) + ": \"" + std::string(text) +
        "\" is not a date or time (2024-05-03, 2024-05-03T07:15, 2024-05-03T07:15:02.123Z)");
  }
  const std::string_view tail_from = "T00:00:00.000";
  const std::string_view tail_to = "T23:59:59.999";
  const std::string_view tail = is_end ? tail_to : tail_from;
  t += tail.substr(t.size() - 10);
  return t + "Z";
}

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(StoreOptions options) : options_(std::move(options)) {
    if (!options_.clock) options_.clock = UtcNowIso8601;
  }

  Status Init(const std::string& path) {
    INTERDICT_RETURN_IF_ERROR(db_.Open(path));
    INTERDICT_RETURN_IF_ERROR(
        db_.Exec("PRAGMA busy_timeout = " + std::to_string(options_.busy_timeout_ms)));
    // Reading the schema is the first access: a file that is not a database fails here.
    INTERDICT_RETURN_IF_ERROR(db_.Exec("SELECT count(*) FROM sqlite_schema"));
    if (path != ":memory:") {
      INTERDICT_ASSIGN_OR_RETURN(Stmt wal, db_.Prepare("PRAGMA journal_mode = WAL"));
      INTERDICT_ASSIGN_OR_RETURN(bool row, wal.Step());
      if (!row || wal.Text(0) != "wal") {
        return Status::Unavailable("sqlite: " + path + ": cannot switch to WAL journal mode");
      }
    }
    // FULL: a committed transaction survives a power cut too, not only a killed process.
    INTERDICT_RETURN_IF_ERROR(db_.Exec("PRAGMA synchronous = FULL"));
    INTERDICT_RETURN_IF_ERROR(db_.Exec("PRAGMA foreign_keys = ON"));
    // 64 MiB of page cache (the default is 2 MiB): a million-customer import or a 35k-entity
    // snapshot touches far more pages than that, and re-reading them dominated the time.
    INTERDICT_RETURN_IF_ERROR(db_.Exec("PRAGMA cache_size = -65536"));
    INTERDICT_RETURN_IF_ERROR(db_.Exec("PRAGMA temp_store = MEMORY"));
    return Migrate();
  }

  Result<int> SchemaVersion() override {
    std::lock_guard lock(mu_);
    return CurrentVersion();
  }

  Status CheckIntegrity() override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare("PRAGMA integrity_check"));
    std::string problems;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      std::string line = s.Text(0);
      if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty()) return Status::DataLoss("sqlite: integrity_check: " + problems);
    INTERDICT_ASSIGN_OR_RETURN(Stmt fk, db_.Prepare("PRAGMA foreign_key_check"));
    INTERDICT_ASSIGN_OR_RETURN(bool bad, fk.Step());
    if (bad) {
      return Status::DataLoss("sqlite: foreign_key_check: table " + fk.Text(0) + " row " +
                              std::to_string(fk.Int(1)) + " refers to a missing " + fk.Text(2));
    }
    return Status::Ok();
  }

  // --- Snapshots ---------------------------------------------------------------------

  Result<SnapshotId> CommitSnapshot(const NewSnapshot& snapshot, std::span<const Entity> entities,
                                    const CommitSnapshotOptions& options) override {
    // Validate and serialize before taking the write lock: the JSON and hashing work is
    // the bulk of the time and needs no database.
    std::set<std::string> declared;
    std::set<std::string> carried;
    for (const SnapshotSource& s : snapshot.sources) {
      std::string code(ListSourceCode(s.version.source));
      if (s.version.source == ListSource::kUnknown) {
        return Status::InvalidArgument("snapshot: a source with no known source code");
      }
      if (!declared.insert(code).second) {
        return Status::InvalidArgument("snapshot: source " + code + " declared twice");
      }
      if (s.carried_from != 0) carried.insert(code);
    }
    for (size_t i = 0; i < entities.size(); ++i) {
      const Entity& e = entities[i];
      std::string code(ListSourceCode(e.source));
      if (!declared.count(code)) {
        return Status::InvalidArgument("snapshot: entity " + code + ":" + e.source_id +
                                       " belongs to no declared source");
      }
      if (carried.count(code)) {
        return Status::InvalidArgument("snapshot: entity " + code + ":" + e.source_id +
                                       " given for source " + code + ", which is carried over");
      }
      if (e.source_id.empty()) {
        return Status::InvalidArgument("snapshot: entity #" + std::to_string(i) + " of " + code +
                                       " has an empty source_id");
      }
    }
    std::vector<PreparedEntity> prepared(entities.size());
    SerializeEntities(entities, &prepared);
    uint64_t renamed = 0;
    uint64_t dropped = 0;
    if (options.disambiguate_duplicate_keys) {
      DisambiguateKeys(entities, &prepared, &renamed, &dropped);
    }

    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    const std::string now = options_.clock();
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins_snap, db_.Prepare("INSERT INTO snapshots(created_at, label) VALUES(?, ?)"));
    ins_snap.Bind(1, now);
    ins_snap.Bind(2, snapshot.label);
    INTERDICT_RETURN_IF_ERROR(ins_snap.Run());
    const SnapshotId id = db_.LastInsertRowId();

    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins_src, db_.Prepare("INSERT INTO snapshot_sources(snapshot_id, position, source, "
                                  "format, as_of, files_json, stale, stale_reason, carried_from) "
                                  "VALUES(?,?,?,?,?,?,?,?,?)"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt carry, db_.Prepare("INSERT INTO snapshot_entities SELECT ?, source, source_id, "
                                "blob_id, prov_file_id, prov_locator FROM "
                                "snapshot_entities WHERE snapshot_id = ? AND source = ?"));
    for (size_t i = 0; i < snapshot.sources.size(); ++i) {
      const SnapshotSource& s = snapshot.sources[i];
      std::string code(ListSourceCode(s.version.source));
      if (s.carried_from != 0) {
        INTERDICT_ASSIGN_OR_RETURN(bool exists, SnapshotExists(s.carried_from));
        if (!exists) {
          return Status::NotFound("snapshot: source " + code + " is carried from snapshot " +
                                  std::to_string(s.carried_from) + ", which does not exist");
        }
        carry.Bind(1, int64_t{id});
        carry.Bind(2, int64_t{s.carried_from});
        carry.Bind(3, code);
        INTERDICT_RETURN_IF_ERROR(carry.Run());
      }
      ins_src.Bind(1, int64_t{id});
      ins_src.Bind(2, static_cast<int64_t>(i));
      ins_src.Bind(3, code);
      ins_src.Bind(4, s.version.format);
      ins_src.Bind(5, s.version.as_of);
      ins_src.Bind(6, FilesToJson(s.version.files));
      ins_src.Bind(7, int64_t{s.stale ? 1 : 0});
      ins_src.Bind(8, s.stale_reason);
      ins_src.Bind(9, int64_t{s.carried_from});
      INTERDICT_RETURN_IF_ERROR(ins_src.Run());
    }

    INTERDICT_ASSIGN_OR_RETURN(Stmt get_blob,
                               db_.Prepare("SELECT id FROM entity_blobs WHERE hash = ?"));
    INTERDICT_ASSIGN_OR_RETURN(Stmt ins_blob,
                               db_.Prepare("INSERT INTO entity_blobs(hash, json) VALUES(?, ?)"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt get_file,
        db_.Prepare("SELECT id FROM provenance_files WHERE file = ? AND sha256 = ?"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins_file, db_.Prepare("INSERT INTO provenance_files(file, sha256) VALUES(?, ?)"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins_ent, db_.Prepare("INSERT INTO snapshot_entities(snapshot_id, source, source_id, "
                                  "blob_id, prov_file_id, prov_locator) VALUES(?,?,?,?,?,?)"));
    std::map<std::pair<std::string_view, std::string_view>, int64_t> file_ids;
    uint64_t new_blobs = 0;
    for (size_t i = 0; i < entities.size(); ++i) {
      const Entity& e = entities[i];
      const PreparedEntity& p = prepared[i];
      if (p.skip) continue;
      get_blob.Bind(1, p.hash);
      INTERDICT_ASSIGN_OR_RETURN(bool have_blob, get_blob.Step());
      int64_t blob_id = have_blob ? get_blob.Int(0) : 0;
      get_blob.Reset();
      if (!have_blob) {
        ins_blob.Bind(1, p.hash);
        ins_blob.Bind(2, p.json);
        INTERDICT_RETURN_IF_ERROR(ins_blob.Run());
        blob_id = db_.LastInsertRowId();
        ++new_blobs;
      }
      auto [it, fresh] = file_ids.try_emplace({e.provenance.file, e.provenance.sha256}, int64_t{0});
      if (fresh) {
        get_file.Bind(1, e.provenance.file);
        get_file.Bind(2, e.provenance.sha256);
        INTERDICT_ASSIGN_OR_RETURN(bool have_file, get_file.Step());
        it->second = have_file ? get_file.Int(0) : 0;
        get_file.Reset();
        if (!have_file) {
          ins_file.Bind(1, e.provenance.file);
          ins_file.Bind(2, e.provenance.sha256);
          INTERDICT_RETURN_IF_ERROR(ins_file.Run());
          it->second = db_.LastInsertRowId();
        }
      }
      ins_ent.Bind(1, int64_t{id});
      ins_ent.Bind(2, ListSourceCode(e.source));
      ins_ent.Bind(3, p.source_id.empty() ? e.source_id : p.source_id);
      ins_ent.Bind(4, blob_id);
      ins_ent.Bind(5, it->second);
      ins_ent.Bind(6, e.provenance.locator);
      Status st = ins_ent.Run();
      if (st.code() == StatusCode::kInvalidArgument) {
        ins_ent.Reset();
        return Status::InvalidArgument("snapshot: entity " + std::string(ListSourceCode(e.source)) +
                                       ":" + e.source_id + " given twice");
      }
      INTERDICT_RETURN_IF_ERROR(st);
    }

    INTERDICT_RETURN_IF_ERROR(
        ExecBound("UPDATE snapshot_sources SET entity_count = (SELECT count(*) FROM "
                  "snapshot_entities e WHERE e.snapshot_id = snapshot_sources.snapshot_id AND "
                  "e.source = snapshot_sources.source) WHERE snapshot_id = ?",
                  id));
    INTERDICT_RETURN_IF_ERROR(
        ExecBound("UPDATE snapshots SET entity_count = (SELECT count(*) FROM snapshot_entities "
                  "WHERE snapshot_id = ?1) WHERE id = ?1",
                  id));
    if (options.activate) INTERDICT_RETURN_IF_ERROR(SetActive(id));

    Json payload;
    payload["snapshot_id"] = id;
    payload["label"] = snapshot.label;
    payload["activated"] = options.activate;
    Json sources = Json::array();
    for (const SnapshotSource& s : snapshot.sources) {
      Json sj = model::ListVersionToJson(s.version);
      if (s.stale) {
        sj["stale"] = true;
        sj["stale_reason"] = s.stale_reason;
        sj["carried_from"] = s.carried_from;
      }
      sources.push_back(std::move(sj));
    }
    payload["sources"] = std::move(sources);
    payload["entities_given"] = entities.size();
    payload["new_contents"] = new_blobs;
    if (renamed > 0) payload["duplicate_keys_renamed"] = renamed;
    if (dropped > 0) payload["identical_duplicates_dropped"] = dropped;
    INTERDICT_RETURN_IF_ERROR(AppendLocked({snapshot.actor, "snapshot", DumpJson(payload)}, now));
    INTERDICT_RETURN_IF_ERROR(tx.Commit());
    return id;
  }

  Status ActivateSnapshot(SnapshotId id, std::string_view actor) override {
    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    INTERDICT_ASSIGN_OR_RETURN(bool exists, SnapshotExists(id));
    if (!exists) return Status::NotFound("snapshot " + std::to_string(id) + " does not exist");
    INTERDICT_RETURN_IF_ERROR(SetActive(id));
    INTERDICT_RETURN_IF_ERROR(
        AppendLocked({std::string(actor), "snapshot_activate", DumpJson(Json{{"snapshot_id", id}})},
                     options_.clock()));
    return tx.Commit();
  }

  Result<std::optional<SnapshotInfo>> ActiveSnapshot() override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(SnapshotId id, ActiveId());
    if (id == 0) return std::optional<SnapshotInfo>();
    INTERDICT_ASSIGN_OR_RETURN(std::vector<SnapshotInfo> infos, ReadSnapshots(id));
    if (infos.empty())
      return Status::Internal("active snapshot " + std::to_string(id) + " missing");
    return std::optional<SnapshotInfo>(std::move(infos.front()));
  }

  Result<SnapshotInfo> GetSnapshot(SnapshotId id) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(std::vector<SnapshotInfo> infos, ReadSnapshots(id));
    if (infos.empty())
      return Status::NotFound("snapshot " + std::to_string(id) + " does not exist");
    return std::move(infos.front());
  }

  Result<std::vector<SnapshotInfo>> ListSnapshots() override {
    std::lock_guard lock(mu_);
    return ReadSnapshots(0);
  }

  Result<std::vector<Entity>> LoadEntities(SnapshotId id,
                                           std::span<const ListSource> only) override {
    std::vector<Row> rows;
    {
      std::lock_guard lock(mu_);
      INTERDICT_ASSIGN_OR_RETURN(bool exists, SnapshotExists(id));
      if (!exists) return Status::NotFound("snapshot " + std::to_string(id) + " does not exist");
      INTERDICT_ASSIGN_OR_RETURN(
          Stmt s, db_.Prepare("SELECT e.source, e.source_id, b.json, f.file, f.sha256, "
                              "e.prov_locator FROM snapshot_entities e JOIN entity_blobs b ON "
                              "b.id = e.blob_id JOIN provenance_files f ON f.id = e.prov_file_id "
                              "WHERE e.snapshot_id = ? ORDER BY "
                              "e.source, e.source_id"));
      s.Bind(1, int64_t{id});
      std::set<std::string> wanted;
      for (ListSource src : only) wanted.insert(std::string(ListSourceCode(src)));
      while (true) {
        INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
        if (!row) break;
        if (!wanted.empty() && !wanted.count(std::string(s.TextView(0)))) continue;
        rows.push_back(
            Row{s.Text(0) + ":" + s.Text(1), s.Text(2), s.Text(3), s.Text(4), s.Text(5)});
      }
    }
    return DecodeRows(std::move(rows));
  }

  Result<Entity> LoadEntity(SnapshotId id, ListSource source, std::string_view source_id) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT b.json, f.file, f.sha256, e.prov_locator FROM "
                            "snapshot_entities e JOIN entity_blobs b ON b.id = e.blob_id "
                            "JOIN provenance_files f ON f.id = e.prov_file_id "
                            "WHERE e.snapshot_id = ? AND e.source = ? AND e.source_id = ?"));
    s.Bind(1, int64_t{id});
    s.Bind(2, ListSourceCode(source));
    s.Bind(3, source_id);
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    std::string key = std::string(ListSourceCode(source)) + ":" + std::string(source_id);
    if (!row) {
      return Status::NotFound("snapshot " + std::to_string(id) + " holds no entity " + key);
    }
    Result<Entity> e = model::EntityFromJsonText(s.TextView(0));
    if (!e.ok()) return e.status().WithPrefix("store: entity " + key);
    e->provenance = Provenance{s.Text(1), s.Text(2), s.Text(3)};
    return e;
  }

  Result<std::vector<EntityKey>> EntityIndex(SnapshotId id) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(bool exists, SnapshotExists(id));
    if (!exists) return Status::NotFound("snapshot " + std::to_string(id) + " does not exist");
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT e.source, e.source_id, b.hash FROM snapshot_entities e JOIN "
                            "entity_blobs b ON b.id = e.blob_id WHERE e.snapshot_id = ? ORDER "
                            "BY e.source, e.source_id"));
    s.Bind(1, int64_t{id});
    std::vector<EntityKey> keys;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      keys.push_back(EntityKey{ListSourceFromCode(s.TextView(0)), s.Text(1), s.Text(2)});
    }
    return keys;
  }

  Result<std::vector<SnapshotId>> PruneSnapshots(size_t keep_last,
                                                 std::string_view actor) override {
    if (keep_last == 0) keep_last = 1;
    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    INTERDICT_ASSIGN_OR_RETURN(SnapshotId active, ActiveId());
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT id FROM snapshots WHERE id != ? AND id NOT IN (SELECT "
                            "snapshot_id FROM alerts) ORDER BY id DESC LIMIT -1 OFFSET ?"));
    // The newest keep_last count whether or not they are active or referenced.
    INTERDICT_ASSIGN_OR_RETURN(Stmt newest,
                               db_.Prepare("SELECT id FROM snapshots ORDER BY id DESC LIMIT ?"));
    newest.Bind(1, static_cast<int64_t>(keep_last));
    std::set<SnapshotId> keep;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, newest.Step());
      if (!row) break;
      keep.insert(newest.Int(0));
    }
    s.Bind(1, int64_t{active});
    s.Bind(2, int64_t{0});
    std::vector<SnapshotId> doomed;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      if (!keep.count(s.Int(0))) doomed.push_back(s.Int(0));
    }
    for (SnapshotId id : doomed) {
      INTERDICT_RETURN_IF_ERROR(
          ExecBound("DELETE FROM snapshot_entities WHERE snapshot_id = ?", id));
      INTERDICT_RETURN_IF_ERROR(
          ExecBound("DELETE FROM snapshot_sources WHERE snapshot_id = ?", id));
      INTERDICT_RETURN_IF_ERROR(ExecBound("DELETE FROM snapshots WHERE id = ?", id));
    }
    uint64_t blobs = 0;
    if (!doomed.empty()) {
      INTERDICT_RETURN_IF_ERROR(
          db_.Exec("DELETE FROM entity_blobs WHERE id NOT IN (SELECT blob_id FROM "
                   "snapshot_entities)"));
      blobs = static_cast<uint64_t>(db_.Changes());
      INTERDICT_RETURN_IF_ERROR(
          db_.Exec("DELETE FROM provenance_files WHERE id NOT IN (SELECT prov_file_id FROM "
                   "snapshot_entities)"));
      Json payload{{"keep_last", keep_last}, {"deleted", doomed}, {"contents_deleted", blobs}};
      INTERDICT_RETURN_IF_ERROR(
          AppendLocked({std::string(actor), "retention", DumpJson(payload)}, options_.clock()));
    }
    INTERDICT_RETURN_IF_ERROR(tx.Commit());
    std::sort(doomed.begin(), doomed.end());
    return doomed;
  }

  // --- Customers ---------------------------------------------------------------------

  Result<ImportReport> ImportCustomers(std::span<const Customer> customers,
                                       const ImportOptions& options) override {
    std::unordered_set<std::string_view> ids;
    ids.reserve(customers.size());
    for (size_t i = 0; i < customers.size(); ++i) {
      const Customer& c = customers[i];
      if (c.id.empty()) {
        return Status::InvalidArgument("customers: customer #" + std::to_string(i + 1) +
                                       " has an empty id");
      }
      if (c.name.empty()) {
        return Status::InvalidArgument("customers: customer " + c.id + " has an empty name");
      }
      if (!ids.insert(c.id).second) {
        return Status::InvalidArgument("customers: customer id " + c.id + " given twice");
      }
    }
    std::vector<std::string> hashes(customers.size());
    for (size_t i = 0; i < customers.size(); ++i) hashes[i] = CustomerContentHash(customers[i]);

    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    const std::string now = options_.clock();
    INTERDICT_ASSIGN_OR_RETURN(int64_t revision, Counter("customer_revision"));
    const int64_t next = revision + 1;
    ImportReport report;
    report.rows = customers.size();
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt get, db_.Prepare("SELECT content_hash, removed FROM customers WHERE id = ?"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins, db_.Prepare("INSERT INTO customers(id, name, kind, dob, country, ids_json, "
                              "content_hash, removed, revision, created_at, updated_at) "
                              "VALUES(?1,?2,?3,?4,?5,?6,?7,0,?8,?9,?9)"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt upd, db_.Prepare("UPDATE customers SET name=?2, kind=?3, dob=?4, country=?5, "
                              "ids_json=?6, content_hash=?7, removed=0, revision=?8, "
                              "updated_at=?9 WHERE id=?1"));
    for (size_t i = 0; i < customers.size(); ++i) {
      const Customer& c = customers[i];
      get.Bind(1, c.id);
      INTERDICT_ASSIGN_OR_RETURN(bool found, get.Step());
      bool same = false;
      bool was_removed = false;
      if (found) {
        same = get.TextView(0) == hashes[i];
        was_removed = get.Int(1) != 0;
      }
      get.Reset();
      if (found && same && !was_removed) {
        ++report.unchanged;
        continue;
      }
      Stmt& s = found ? upd : ins;
      s.Bind(1, c.id);
      s.Bind(2, c.name);
      s.Bind(3, EntityKindName(c.kind));
      s.Bind(4, c.dob);
      s.Bind(5, c.country);
      s.Bind(6, Json(c.ids).dump(-1, ' ', false, Json::error_handler_t::replace));
      s.Bind(7, hashes[i]);
      s.Bind(8, next);
      s.Bind(9, now);
      INTERDICT_RETURN_IF_ERROR(s.Run());
      if (!found) {
        ++report.inserted;
      } else {
        if (was_removed) ++report.restored;
        if (same) {
          ++report.unchanged;
        } else {
          ++report.updated;
        }
      }
    }
    if (options.full) {
      INTERDICT_ASSIGN_OR_RETURN(Stmt live,
                                 db_.Prepare("SELECT id FROM customers WHERE removed = 0"));
      std::vector<std::string> gone;
      while (true) {
        INTERDICT_ASSIGN_OR_RETURN(bool row, live.Step());
        if (!row) break;
        if (!ids.count(live.TextView(0))) gone.push_back(live.Text(0));
      }
      INTERDICT_ASSIGN_OR_RETURN(
          Stmt mark, db_.Prepare("UPDATE customers SET removed = 1, revision = ?, updated_at = ? "
                                 "WHERE id = ?"));
      for (const std::string& id : gone) {
        mark.Bind(1, next);
        mark.Bind(2, now);
        mark.Bind(3, id);
        INTERDICT_RETURN_IF_ERROR(mark.Run());
      }
      report.removed = gone.size();
    }
    const bool changed = report.inserted + report.updated + report.restored + report.removed > 0;
    report.revision = changed ? next : revision;
    if (changed) INTERDICT_RETURN_IF_ERROR(SetCounter("customer_revision", next));
    Json payload{
        {"file", options.source_name}, {"full", options.full},      {"rows", report.rows},
        {"inserted", report.inserted}, {"updated", report.updated}, {"unchanged", report.unchanged},
        {"restored", report.restored}, {"removed", report.removed}, {"revision", report.revision}};
    INTERDICT_RETURN_IF_ERROR(AppendLocked(
        {options.actor.empty() ? "import" : options.actor, "import", DumpJson(payload)}, now));
    INTERDICT_RETURN_IF_ERROR(tx.Commit());
    return report;
  }

  Result<StoredCustomer> GetCustomer(std::string_view id) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare(std::string(kCustomerColumns) + " FROM customers WHERE id = ?"));
    s.Bind(1, id);
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::NotFound("customer " + std::string(id) + " does not exist");
    return ReadCustomer(s);
  }

  Result<std::vector<StoredCustomer>> ListCustomers(const CustomerFilter& filter) override {
    std::lock_guard lock(mu_);
    std::string sql = std::string(kCustomerColumns) + " FROM customers WHERE revision > ?";
    if (!filter.include_removed) sql += " AND removed = 0";
    sql += " ORDER BY id";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare(sql));
    s.Bind(1, int64_t{filter.changed_after_revision});
    std::vector<StoredCustomer> out;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadCustomer(s));
    }
    return out;
  }

  Result<int64_t> CustomerRevision() override {
    std::lock_guard lock(mu_);
    return Counter("customer_revision");
  }

  // --- Alerts ------------------------------------------------------------------------

  Result<std::vector<RaiseResult>> RaiseAlerts(std::span<const NewAlert> alerts,
                                               std::string_view actor) override {
    for (size_t i = 0; i < alerts.size(); ++i) {
      const NewAlert& a = alerts[i];
      std::string which = "alert #" + std::to_string(i + 1);
      if (a.customer_id.empty() || a.source_id.empty() || a.source == ListSource::kUnknown) {
        return Status::InvalidArgument(which + ": customer_id, source and source_id are required");
      }
      if (a.entity_hash.empty() || a.customer_hash.empty()) {
        return Status::InvalidArgument(which + ": entity_hash and customer_hash are required");
      }
      if (!a.explanation_json.empty() && !nlohmann::json::accept(a.explanation_json)) {
        return Status::InvalidArgument(which + ": explanation_json is not JSON");
      }
    }
    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    const std::string now = options_.clock();
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt sup, db_.Prepare("SELECT alert_id FROM suppressions WHERE customer_id=? AND "
                              "source=? AND source_id=? AND entity_hash=? AND customer_hash=? "
                              "AND revoked=0 ORDER BY id LIMIT 1"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt dup, db_.Prepare("SELECT id FROM alerts WHERE customer_id=? AND source=? AND "
                              "source_id=? AND entity_hash=? AND customer_hash=? AND "
                              "decision != 'false-positive' ORDER BY id LIMIT 1"));
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins, db_.Prepare("INSERT INTO alerts(customer_id, source, source_id, entity_hash, "
                              "customer_hash, snapshot_id, score, matched_name, "
                              "explanation_json, status, created_at) "
                              "VALUES(?,?,?,?,?,?,?,?,?,'open',?)"));
    std::vector<RaiseResult> results;
    results.reserve(alerts.size());
    std::vector<AuditEntry> audit;
    for (const NewAlert& a : alerts) {
      const std::string_view source = ListSourceCode(a.source);
      auto bind_pair = [&](Stmt& s) {
        s.Bind(1, a.customer_id);
        s.Bind(2, source);
        s.Bind(3, a.source_id);
        s.Bind(4, a.entity_hash);
        s.Bind(5, a.customer_hash);
      };
      bind_pair(sup);
      INTERDICT_ASSIGN_OR_RETURN(bool suppressed, sup.Step());
      if (suppressed) {
        results.push_back({RaiseOutcome::kSuppressed, sup.Int(0)});
        sup.Reset();
        continue;
      }
      sup.Reset();
      bind_pair(dup);
      INTERDICT_ASSIGN_OR_RETURN(bool duplicate, dup.Step());
      if (duplicate) {
        results.push_back({RaiseOutcome::kDuplicate, dup.Int(0)});
        dup.Reset();
        continue;
      }
      dup.Reset();
      bind_pair(ins);
      ins.Bind(6, int64_t{a.snapshot_id});
      ins.Bind(7, a.score);
      ins.Bind(8, a.matched_name);
      ins.Bind(9, a.explanation_json.empty() ? std::string_view("{}") : a.explanation_json);
      ins.Bind(10, now);
      INTERDICT_RETURN_IF_ERROR(ins.Run());
      AlertId id = db_.LastInsertRowId();
      results.push_back({RaiseOutcome::kRaised, id});
      Json payload{{"alert_id", id},
                   {"customer_id", a.customer_id},
                   {"source", source},
                   {"source_id", a.source_id},
                   {"snapshot_id", a.snapshot_id},
                   {"score", a.score},
                   {"matched_name", a.matched_name},
                   {"entity_hash", a.entity_hash},
                   {"customer_hash", a.customer_hash}};
      audit.push_back({std::string(actor), "alert", DumpJson(payload)});
    }
    for (const AuditEntry& entry : audit) INTERDICT_RETURN_IF_ERROR(AppendLocked(entry, now));
    INTERDICT_RETURN_IF_ERROR(tx.Commit());
    return results;
  }

  Result<Alert> GetAlert(AlertId id) override {
    std::lock_guard lock(mu_);
    return GetAlertLocked(id);
  }

  Result<std::vector<Alert>> ListAlerts(const AlertFilter& filter) override {
    std::lock_guard lock(mu_);
    std::string sql = std::string(kAlertColumns) + " FROM alerts WHERE 1";
    if (filter.status) sql += " AND status = ?1";
    if (!filter.customer_id.empty()) sql += " AND customer_id = ?2";
    sql += " ORDER BY id DESC";
    if (filter.limit > 0) sql += " LIMIT " + std::to_string(filter.limit);
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare(sql));
    if (filter.status) s.Bind(1, AlertStatusName(*filter.status));
    if (!filter.customer_id.empty()) s.Bind(2, filter.customer_id);
    std::vector<Alert> out;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadAlert(s));
    }
    return out;
  }

  Status DecideAlert(AlertId id, Decision decision, std::string_view note,
                     std::string_view by) override {
    if (decision == Decision::kNone) {
      return Status::InvalidArgument("decision must be true-match or false-positive");
    }
    if (by.empty()) return Status::InvalidArgument("a decision needs who made it (--by)");
    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    INTERDICT_ASSIGN_OR_RETURN(Alert alert, GetAlertLocked(id));
    if (alert.status == AlertStatus::kDecided) {
      return Status::FailedPrecondition("alert " + std::to_string(id) + " is already decided (" +
                                        std::string(DecisionName(alert.decision)) + " by " +
                                        alert.decided_by + ")");
    }
    const std::string now = options_.clock();
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt upd, db_.Prepare("UPDATE alerts SET status='decided', decision=?, decision_note=?, "
                              "decided_by=?, decided_at=? WHERE id=?"));
    upd.Bind(1, DecisionName(decision));
    upd.Bind(2, note);
    upd.Bind(3, by);
    upd.Bind(4, now);
    upd.Bind(5, int64_t{id});
    INTERDICT_RETURN_IF_ERROR(upd.Run());
    Json payload{{"alert_id", id},
                 {"decision", DecisionName(decision)},
                 {"note", note},
                 {"customer_id", alert.match.customer_id},
                 {"source", ListSourceCode(alert.match.source)},
                 {"source_id", alert.match.source_id}};
    if (decision == Decision::kFalsePositive) {
      INTERDICT_ASSIGN_OR_RETURN(
          Stmt ins, db_.Prepare("INSERT INTO suppressions(customer_id, source, source_id, "
                                "entity_hash, customer_hash, alert_id, created_at, created_by, "
                                "note) VALUES(?,?,?,?,?,?,?,?,?)"));
      ins.Bind(1, alert.match.customer_id);
      ins.Bind(2, ListSourceCode(alert.match.source));
      ins.Bind(3, alert.match.source_id);
      ins.Bind(4, alert.match.entity_hash);
      ins.Bind(5, alert.match.customer_hash);
      ins.Bind(6, int64_t{id});
      ins.Bind(7, now);
      ins.Bind(8, by);
      ins.Bind(9, note);
      INTERDICT_RETURN_IF_ERROR(ins.Run());
      payload["suppression_id"] = db_.LastInsertRowId();
    }
    INTERDICT_RETURN_IF_ERROR(AppendLocked({std::string(by), "decision", DumpJson(payload)}, now));
    return tx.Commit();
  }

  Result<std::vector<Suppression>> ListSuppressions(bool include_revoked) override {
    std::lock_guard lock(mu_);
    std::string sql =
        "SELECT id, customer_id, source, source_id, entity_hash, customer_hash, alert_id, "
        "created_at, created_by, note, revoked, revoked_at, revoked_by FROM suppressions";
    if (!include_revoked) sql += " WHERE revoked = 0";
    sql += " ORDER BY id";
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare(sql));
    std::vector<Suppression> out;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      Suppression x;
      x.id = s.Int(0);
      x.customer_id = s.Text(1);
      x.source = ListSourceFromCode(s.TextView(2));
      x.source_id = s.Text(3);
      x.entity_hash = s.Text(4);
      x.customer_hash = s.Text(5);
      x.alert_id = s.Int(6);
      x.created_at = s.Text(7);
      x.created_by = s.Text(8);
      x.note = s.Text(9);
      x.revoked = s.Int(10) != 0;
      x.revoked_at = s.Text(11);
      x.revoked_by = s.Text(12);
      out.push_back(std::move(x));
    }
    return out;
  }

  Status RevokeSuppression(int64_t id, std::string_view by, std::string_view note) override {
    if (by.empty()) return Status::InvalidArgument("revoking a suppression needs who (--by)");
    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    INTERDICT_ASSIGN_OR_RETURN(Stmt get,
                               db_.Prepare("SELECT revoked, customer_id, source, source_id, "
                                           "alert_id FROM suppressions WHERE id = ?"));
    get.Bind(1, int64_t{id});
    INTERDICT_ASSIGN_OR_RETURN(bool row, get.Step());
    if (!row) return Status::NotFound("suppression " + std::to_string(id) + " does not exist");
    if (get.Int(0) != 0) {
      return Status::FailedPrecondition("suppression " + std::to_string(id) +
                                        " is already revoked");
    }
    Json payload{{"suppression_id", id},     {"customer_id", get.Text(1)}, {"source", get.Text(2)},
                 {"source_id", get.Text(3)}, {"alert_id", get.Int(4)},     {"note", note}};
    const std::string now = options_.clock();
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt upd, db_.Prepare("UPDATE suppressions SET revoked=1, revoked_at=?, revoked_by=? "
                              "WHERE id=?"));
    upd.Bind(1, now);
    upd.Bind(2, by);
    upd.Bind(3, int64_t{id});
    INTERDICT_RETURN_IF_ERROR(upd.Run());
    INTERDICT_RETURN_IF_ERROR(
        AppendLocked({std::string(by), "suppression_revoke", DumpJson(payload)}, now));
    return tx.Commit();
  }

  // --- Audit -------------------------------------------------------------------------

  Status AppendAudit(std::span<const AuditEntry> entries) override {
    for (const AuditEntry& e : entries) {
      if (e.actor.empty() || e.action.empty()) {
        return Status::InvalidArgument("audit: actor and action are required");
      }
      if (!e.payload_json.empty() && !nlohmann::json::accept(e.payload_json)) {
        return Status::InvalidArgument("audit: payload of a " + e.action + " record is not JSON");
      }
    }
    std::lock_guard lock(mu_);
    Transaction tx(&db_);
    INTERDICT_RETURN_IF_ERROR(tx.Begin());
    const std::string now = options_.clock();
    for (const AuditEntry& e : entries) INTERDICT_RETURN_IF_ERROR(AppendLocked(e, now));
    return tx.Commit();
  }

  Result<std::vector<AuditRecord>> ReadAudit(const AuditRange& range) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT seq, time, actor, action, payload, prev_hash, hash FROM "
                            "audit WHERE time >= ? AND time <= ? ORDER BY seq"));
    std::string from;
    std::string to = "\x7f";  // after every time
    if (!range.from.empty()) {
      INTERDICT_ASSIGN_OR_RETURN(from, NormalizeBound(range.from, false, "from"));
    }
    if (!range.to.empty()) {
      INTERDICT_ASSIGN_OR_RETURN(to, NormalizeBound(range.to, true, "to"));
    }
    s.Bind(1, from);
    s.Bind(2, to);
    std::vector<AuditRecord> out;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadAuditRow(s));
    }
    return out;
  }

  Result<AuditVerification> VerifyAudit() override {
    std::lock_guard lock(mu_);
    // One read transaction: a consistent view while other processes append.
    INTERDICT_RETURN_IF_ERROR(db_.Exec("BEGIN"));
    Result<AuditVerification> r = VerifyLocked();
    (void)db_.Exec("COMMIT");
    return r;
  }

  // --- Settings ----------------------------------------------------------------------

  Result<std::optional<std::string>> GetSetting(std::string_view key) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare("SELECT value FROM settings WHERE key = ?"));
    s.Bind(1, key);
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<std::string>();
    return std::optional<std::string>(s.Text(0));
  }

  Status PutSetting(std::string_view key, std::string_view value) override {
    std::lock_guard lock(mu_);
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO "
                            "UPDATE SET value = excluded.value"));
    s.Bind(1, key);
    s.Bind(2, value);
    return s.Run();
  }

 private:
  static constexpr std::string_view kCustomerColumns =
      "SELECT id, name, kind, dob, country, ids_json, content_hash, removed, revision, "
      "created_at, updated_at";
  static constexpr std::string_view kAlertColumns =
      "SELECT id, customer_id, source, source_id, entity_hash, customer_hash, snapshot_id, "
      "score, matched_name, explanation_json, status, created_at, decision, decision_note, "
      "decided_by, decided_at";

  struct PreparedEntity {
    std::string json;       // canonical JSON without provenance
    std::string hash;       // its SHA-256
    std::string source_id;  // "" = the entity's own; else the disambiguated id
    bool skip = false;      // an identical duplicate of an earlier entity
  };

  // See CommitSnapshotOptions::disambiguate_duplicate_keys.
  static void DisambiguateKeys(std::span<const Entity> entities,
                               std::vector<PreparedEntity>* prepared, uint64_t* renamed,
                               uint64_t* dropped) {
    std::map<std::pair<ListSource, std::string_view>, std::vector<size_t>> groups;
    for (size_t i = 0; i < entities.size(); ++i) {
      groups[{entities[i].source, entities[i].source_id}].push_back(i);
    }
    for (auto& [key, members] : groups) {
      if (members.size() < 2) continue;
      std::sort(members.begin(), members.end(), [&](size_t a, size_t b) {
        const auto& ea = entities[a];
        const auto& eb = entities[b];
        if (ea.list_name != eb.list_name) return ea.list_name < eb.list_name;
        return (*prepared)[a].hash < (*prepared)[b].hash;
      });
      std::vector<std::string> original;
      for (size_t m : members) original.push_back((*prepared)[m].hash);
      int rank = 1;
      for (size_t k = 1; k < members.size(); ++k) {
        PreparedEntity& p = (*prepared)[members[k]];
        if (original[k] == original[k - 1]) {
          p.skip = true;
          ++*dropped;
          continue;
        }
        ++rank;
        Entity copy = entities[members[k]];
        copy.source_id += "~" + std::to_string(rank);
        copy.provenance = Provenance{};
        p.source_id = copy.source_id;
        p.json = DumpJson(model::EntityToJson(copy));
        p.hash = base::Sha256Hex(p.json);
        ++*renamed;
      }
    }
  }

  struct Row {
    std::string key;  // "source:source_id", for messages
    std::string json;
    std::string prov_file;
    std::string prov_sha256;
    std::string prov_locator;
  };

  // JSON + SHA-256 of each entity, on up to two threads (the machine has two cores and this
  // is most of a snapshot commit's time).
  static void SerializeEntities(std::span<const Entity> entities,
                                std::vector<PreparedEntity>* out) {
    auto work = [&](size_t begin, size_t end) {
      for (size_t i = begin; i < end; ++i) {
        Entity copy = entities[i];
        copy.provenance = Provenance{};
        (*out)[i].json = DumpJson(model::EntityToJson(copy));
        (*out)[i].hash = base::Sha256Hex((*out)[i].json);
      }
    };
    if (entities.size() < 2000) {
      work(0, entities.size());
      return;
    }
    size_t half = entities.size() / 2;
    std::thread helper(work, half, entities.size());
    work(0, half);
    helper.join();
  }

  static Result<std::vector<Entity>> DecodeRows(std::vector<Row> rows) {
    std::vector<Entity> entities(rows.size());
    std::vector<Status> errors(2);
    auto work = [&](size_t begin, size_t end, Status* error) {
      for (size_t i = begin; i < end; ++i) {
        Result<Entity> e = model::EntityFromJsonText(rows[i].json);
        if (!e.ok()) {
          *error = e.status().WithPrefix("store: entity " + rows[i].key);
          return;
        }
        entities[i] = std::move(*e);
        entities[i].provenance =
            Provenance{std::move(rows[i].prov_file), std::move(rows[i].prov_sha256),
                       std::move(rows[i].prov_locator)};
      }
    };
    if (rows.size() < 2000) {
      work(0, rows.size(), &errors[0]);
    } else {
      size_t half = rows.size() / 2;
      std::thread helper(work, half, rows.size(), &errors[1]);
      work(0, half, &errors[0]);
      helper.join();
    }
    for (Status& s : errors) {
      if (!s.ok()) return std::move(s);
    }
    return entities;
  }

  Status Migrate() {
    INTERDICT_RETURN_IF_ERROR(
        db_.Exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER PRIMARY KEY, "
                 "applied_at TEXT NOT NULL)"));
    while (true) {
      Transaction tx(&db_);
      INTERDICT_RETURN_IF_ERROR(tx.Begin());
      // Re-read inside the write lock: another process may have migrated meanwhile.
      INTERDICT_ASSIGN_OR_RETURN(int version, CurrentVersion());
      if (version > kSchemaVersion) {
        return Status::FailedPrecondition(
            "store: the database has schema version " + std::to_string(version) +
            ", newer than this interdict knows (" + std::to_string(kSchemaVersion) + ")");
      }
      if (version == kSchemaVersion) return tx.Commit();
      INTERDICT_RETURN_IF_ERROR(db_.Exec(kMigrations[version]));
      INTERDICT_ASSIGN_OR_RETURN(
          Stmt s, db_.Prepare("INSERT INTO schema_version(version, applied_at) VALUES(?, ?)"));
      s.Bind(1, int64_t{version + 1});
      s.Bind(2, options_.clock());
      INTERDICT_RETURN_IF_ERROR(s.Run());
      INTERDICT_RETURN_IF_ERROR(tx.Commit());
    }
  }

  Result<int> CurrentVersion() {
    INTERDICT_ASSIGN_OR_RETURN(Stmt s,
                               db_.Prepare("SELECT coalesce(max(version), 0) FROM schema_version"));
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? static_cast<int>(s.Int(0)) : 0;
  }

  Status ExecBound(std::string_view sql, int64_t value) {
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare(sql));
    s.Bind(1, value);
    return s.Run();
  }

  Result<bool> SnapshotExists(SnapshotId id) {
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare("SELECT 1 FROM snapshots WHERE id = ?"));
    s.Bind(1, int64_t{id});
    return s.Step();
  }

  Result<SnapshotId> ActiveId() {
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT snapshot_id FROM active_snapshot WHERE singleton = 1"));
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? s.Int(0) : SnapshotId{0};
  }

  Status SetActive(SnapshotId id) {
    return ExecBound(
        "INSERT INTO active_snapshot(singleton, snapshot_id) VALUES(1, ?) ON CONFLICT(singleton) "
        "DO UPDATE SET snapshot_id = excluded.snapshot_id",
        id);
  }

  // id 0 = all snapshots.
  Result<std::vector<SnapshotInfo>> ReadSnapshots(SnapshotId only) {
    INTERDICT_ASSIGN_OR_RETURN(SnapshotId active, ActiveId());
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT id, created_at, label, entity_count FROM snapshots WHERE "
                            "?1 = 0 OR id = ?1 ORDER BY id"));
    s.Bind(1, int64_t{only});
    std::vector<SnapshotInfo> out;
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      SnapshotInfo info;
      info.id = s.Int(0);
      info.created_at = s.Text(1);
      info.label = s.Text(2);
      info.entity_count = static_cast<uint64_t>(s.Int(3));
      info.active = info.id == active;
      out.push_back(std::move(info));
    }
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt src, db_.Prepare("SELECT source, format, as_of, files_json, stale, stale_reason, "
                              "carried_from, entity_count FROM snapshot_sources WHERE "
                              "snapshot_id = ? ORDER BY position"));
    for (SnapshotInfo& info : out) {
      src.Bind(1, int64_t{info.id});
      while (true) {
        INTERDICT_ASSIGN_OR_RETURN(bool row, src.Step());
        if (!row) break;
        SnapshotSource ss;
        ss.version.source = ListSourceFromCode(src.TextView(0));
        ss.version.format = src.Text(1);
        ss.version.as_of = src.Text(2);
        ss.version.files = FilesFromJson(src.TextView(3));
        ss.stale = src.Int(4) != 0;
        ss.stale_reason = src.Text(5);
        ss.carried_from = src.Int(6);
        ss.entity_count = static_cast<uint64_t>(src.Int(7));
        info.sources.push_back(std::move(ss));
      }
      src.Reset();
    }
    return out;
  }

  static StoredCustomer ReadCustomer(const Stmt& s) {
    StoredCustomer c;
    c.customer.id = s.Text(0);
    c.customer.name = s.Text(1);
    c.customer.kind = EntityKindFromName(s.TextView(2));
    c.customer.dob = s.Text(3);
    c.customer.country = s.Text(4);
    nlohmann::json ids = nlohmann::json::parse(s.TextView(5), nullptr, false);
    if (ids.is_array()) {
      for (const auto& v : ids) {
        if (v.is_string()) c.customer.ids.push_back(v.get<std::string>());
      }
    }
    c.content_hash = s.Text(6);
    c.removed = s.Int(7) != 0;
    c.revision = s.Int(8);
    c.created_at = s.Text(9);
    c.updated_at = s.Text(10);
    return c;
  }

  static Alert ReadAlert(const Stmt& s) {
    Alert a;
    a.id = s.Int(0);
    a.match.customer_id = s.Text(1);
    a.match.source = ListSourceFromCode(s.TextView(2));
    a.match.source_id = s.Text(3);
    a.match.entity_hash = s.Text(4);
    a.match.customer_hash = s.Text(5);
    a.match.snapshot_id = s.Int(6);
    a.match.score = s.Double(7);
    a.match.matched_name = s.Text(8);
    a.match.explanation_json = s.Text(9);
    a.status = s.TextView(10) == "decided" ? AlertStatus::kDecided : AlertStatus::kOpen;
    a.created_at = s.Text(11);
    a.decision = DecisionFromName(s.TextView(12));
    a.decision_note = s.Text(13);
    a.decided_by = s.Text(14);
    a.decided_at = s.Text(15);
    return a;
  }

  Result<Alert> GetAlertLocked(AlertId id) {
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare(std::string(kAlertColumns) + " FROM alerts WHERE id = ?"));
    s.Bind(1, int64_t{id});
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::NotFound("alert " + std::to_string(id) + " does not exist");
    return ReadAlert(s);
  }

  Result<int64_t> Counter(std::string_view name) {
    INTERDICT_ASSIGN_OR_RETURN(Stmt s, db_.Prepare("SELECT value FROM counters WHERE name = ?"));
    s.Bind(1, name);
    INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
    return row ? s.Int(0) : int64_t{0};
  }

  Status SetCounter(std::string_view name, int64_t value, std::string_view text = "") {
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("INSERT INTO counters(name, value, text) VALUES(?, ?, ?) ON "
                            "CONFLICT(name) DO UPDATE SET value = excluded.value, text = "
                            "excluded.text"));
    s.Bind(1, name);
    s.Bind(2, value);
    s.Bind(3, text);
    return s.Run();
  }

  static AuditRecord ReadAuditRow(const Stmt& s) {
    AuditRecord r;
    r.seq = s.Int(0);
    r.time = s.Text(1);
    r.actor = s.Text(2);
    r.action = s.Text(3);
    r.payload_json = s.Text(4);
    r.prev_hash = s.Text(5);
    r.hash = s.Text(6);
    return r;
  }

  // REQUIRES: inside a write transaction. The chain head (last seq and hash) is kept in
  // `counters` too, so that deleting the newest records is detected as well.
  Status AppendLocked(const AuditEntry& entry, const std::string& now) {
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt last, db_.Prepare("SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1"));
    INTERDICT_ASSIGN_OR_RETURN(bool row, last.Step());
    AuditRecord r;
    r.seq = row ? last.Int(0) + 1 : 1;
    r.prev_hash = row ? last.Text(1) : std::string(kGenesisHash);
    r.time = now;
    r.actor = entry.actor;
    r.action = entry.action;
    r.payload_json = entry.payload_json.empty() ? "{}" : entry.payload_json;
    r.hash = AuditRecordHash(r);
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt ins, db_.Prepare("INSERT INTO audit(seq, time, actor, action, payload, prev_hash, "
                              "hash) VALUES(?,?,?,?,?,?,?)"));
    ins.Bind(1, r.seq);
    ins.Bind(2, r.time);
    ins.Bind(3, r.actor);
    ins.Bind(4, r.action);
    ins.Bind(5, r.payload_json);
    ins.Bind(6, r.prev_hash);
    ins.Bind(7, r.hash);
    INTERDICT_RETURN_IF_ERROR(ins.Run());
    return SetCounter("audit_head", r.seq, r.hash);
  }

  Result<AuditVerification> VerifyLocked() {
    INTERDICT_ASSIGN_OR_RETURN(
        Stmt s, db_.Prepare("SELECT seq, time, actor, action, payload, prev_hash, hash FROM "
                            "audit ORDER BY seq"));
    AuditVerification v;
    int64_t expected_seq = 1;
    std::string prev(kGenesisHash);
    auto fail = [&v](int64_t seq, std::string reason) {
      v.ok = false;
      v.first_bad_seq = seq;
      v.reason = std::move(reason);
    };
    while (true) {
      INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      AuditRecord r = ReadAuditRow(s);
      ++v.records;
      if (r.seq != expected_seq) {
        fail(expected_seq, "record " + std::to_string(expected_seq) + " is missing (next is " +
                               std::to_string(r.seq) + ")");
        return v;
      }
      if (r.prev_hash != prev) {
        fail(r.seq, "prev_hash does not link to record " + std::to_string(r.seq - 1));
        return v;
      }
      if (AuditRecordHash(r) != r.hash) {
        fail(r.seq, "hash mismatch: the record was modified");
        return v;
      }
      prev = r.hash;
      ++expected_seq;
    }
    INTERDICT_ASSIGN_OR_RETURN(Stmt head,
                               db_.Prepare("SELECT value, text FROM counters WHERE name = "
                                           "'audit_head'"));
    INTERDICT_ASSIGN_OR_RETURN(bool has_head, head.Step());
    const int64_t last_seq = expected_seq - 1;
    if (has_head && (head.Int(0) != last_seq || head.Text(1) != prev)) {
      fail(std::min(head.Int(0), last_seq + 1),
           "the chain head says record " + std::to_string(head.Int(0)) +
               " is the last, but the table ends at " + std::to_string(last_seq));
    } else if (!has_head && last_seq > 0) {
      fail(1, "the chain head is missing");
    }
    return v;
  }

  StoreOptions options_;
  std::mutex mu_;
  Db db_;  // guarded by mu_
};

}  // namespace

std::string UtcNowIso8601() {
  auto now = std::chrono::system_clock::now();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[96];
  std::snprintf(buf, sizeof(buf), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(ms % 1000));
  return buf;
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options) {
  auto store = std::make_unique<SqliteStore>(options);
  Status s = store->Init(path);
  if (!s.ok()) return s.WithPrefix(path);
  return std::unique_ptr<Store>(std::move(store));
}

Result<std::unique_ptr<Store>> Store::Open(const std::string& data_dir,
                                           const StoreOptions& options) {
  if (data_dir.empty()) return Status::InvalidArgument("store: empty data directory");
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    return Status::Unavailable("store: cannot create data directory " + data_dir + ": " +
                               ec.message());
  }
  if (!std::filesystem::is_directory(data_dir, ec)) {
    return Status::Unavailable("store: " + data_dir + " is not a directory");
  }
  return OpenSqliteStore((std::filesystem::path(data_dir) / kDatabaseFileName).string(), options);
}

Result<std::unique_ptr<Store>> Store::OpenInMemory(const StoreOptions& options) {
  return OpenSqliteStore(":memory:", options);
}

}  // namespace interdict::store
