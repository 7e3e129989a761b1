// File: store/store.h
//
// The embedded store: immutable list snapshots (sources + entities, entity JSON stored
// content-addressed), customers, alerts with decisions and false-positive suppressions, and
// a tamper-evident audit trail. `Store` is the interface callers use; `Store::Open()` returns
// the SQLite implementation (store/sqlite_store.h), and a PostgreSQL one can follow behind
// the same interface without touching callers.
//
//   INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<store::Store> db,
//                              store::Store::Open(store::ResolveDataDir(flag)));
//   INTERDICT_ASSIGN_OR_RETURN(store::SnapshotId id, db->CommitSnapshot(snap, entities, {}));
//   INTERDICT_ASSIGN_OR_RETURN(std::vector<Entity> active, db->LoadEntities(id, {}));
//
// Every mutating call runs in ONE transaction together with the audit record(s) it writes:
// it happens completely or not at all, also when the process is killed (SQLite WAL).
//
// Thread safety: a Store is thread-safe (calls are serialized on one connection inside).
// Several processes may open the same data directory; writers wait up to
// StoreOptions::busy_timeout_ms for each other and then fail with kUnavailable.
//
// Times are UTC ISO-8601 strings with milliseconds ("2024-05-03T07:15:02.123Z"); they sort
// lexicographically, and time-range filters compare them as strings.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interdict/entity.h"
#include "interdict/list.h"
#include "interdict/status.h"

namespace interdict::store {

// ---------------------------------------------------------------------------------------
// Data directory and opening.

// The data directory to use: `flag` when non-empty, else $INTERDICT_HOME when set and
// non-empty, else "./interdict-data".
std::string ResolveDataDir(std::string_view flag);

// Name of the SQLite database file inside the data directory.
inline constexpr std::string_view kDatabaseFileName = "interdict.db";

struct StoreOptions {
  // How long a writer waits for another process's write lock before kUnavailable.
  int busy_timeout_ms = 10000;
  // Returns "now" as UTC ISO-8601 with milliseconds. Empty = the system clock. Tests inject a
  // fixed or stepping clock to make times (and time-range exports) deterministic.
  std::function<std::string()> clock;
};

// ---------------------------------------------------------------------------------------
// Snapshots.

using SnapshotId = int64_t;

// One list source of a snapshot.
struct SnapshotSource {
  // source, format, as_of and files (name, SHA-256, size) of the version in this snapshot.
  ListVersion version;
  // True when today's fetch or parse of this source failed and its last good version was
  // carried over from an earlier snapshot; `stale_reason` says what failed.
  bool stale = false;
  std::string stale_reason;
  // With stale == true and carried_from != 0, CommitSnapshot copies this source's entities
  // from snapshot `carried_from` inside the same transaction (the caller then passes no
  // entities of this source). 0 = the caller passes this source's entities itself.
  SnapshotId carried_from = 0;
  // Set by the store when reading: entities of this source in the snapshot.
  uint64_t entity_count = 0;
};

// What the caller gives to create a snapshot.
struct NewSnapshot {
  std::string label;  // free text shown in listings, e.g. "sync 2024-05-03"; may be empty
  std::string actor;  // who made it ("sync", a user name); goes to the audit trail
  std::vector<SnapshotSource> sources;
};

struct SnapshotInfo {
  SnapshotId id = 0;
  std::string created_at;
  std::string label;
  bool active = false;
  uint64_t entity_count = 0;
  std::vector<SnapshotSource> sources;  // in the order they were given
};

struct CommitSnapshotOptions {
  // Make the new snapshot the active one in the same transaction.
  bool activate = true;
  // Publishers do reuse an id within one source: the US CSL gives the same _id to an
  // entity's records on different sub-lists (71 ids in the bundled consolidated.csv, e.g.
  // 34616 on both the CAP and the SDN list). With this option (the default) such duplicates
  // are kept and made unique: within each group sharing (source, source_id), ordered by
  // list_name and then content hash, the first keeps its id and the others get
  // "<id>~2", "<id>~3", ... (the stored entity carries the new id). Identical duplicates
  // (same content hash) are stored once. Without it, a duplicate is kInvalidArgument.
  bool disambiguate_duplicate_keys = true;
};

// One entity of a snapshot as the delta sees it: its key and content hash.
struct EntityKey {
  ListSource source = ListSource::kUnknown;
  std::string source_id;
  std::string content_hash;  // EntityContentHash()
  friend bool operator==(const EntityKey&, const EntityKey&) = default;
};

// SHA-256 (hex) of the entity's canonical JSON (model::EntityToJson) WITHOUT its provenance
// (file name, file digest, line), so an entity whose record merely moved within a new file
// keeps its hash. Two entities with the same hash have the same content.
std::string EntityContentHash(const Entity& entity);

// ---------------------------------------------------------------------------------------
// Customers.

// A party the user screens: one row of a customer file.
struct Customer {
  std::string id;    // REQUIRED, unique; the user's own customer number
  std::string name;  // REQUIRED
  EntityKind kind = EntityKind::kUnknown;
  std::string dob;               // as given ("1955-05-16", "1955"); "" = unknown
  std::string country;           // ISO code or name as given; "" = unknown
  std::vector<std::string> ids;  // "passport:A1234567", "IMO 9123456", ...
  friend bool operator==(const Customer&, const Customer&) = default;
};

// SHA-256 (hex) of the customer's canonical JSON (every field above, `ids` in the given
// order). Changes whenever any screened field changes.
std::string CustomerContentHash(const Customer& customer);

struct StoredCustomer {
  Customer customer;
  std::string content_hash;
  bool removed = false;  // missing from the last --full import (kept, never deleted)
  int64_t revision = 0;  // store-wide customer revision of the last change to this row
  std::string created_at;
  std::string updated_at;  // time of the last change (insert, update, removal, restore)
};

struct ImportOptions {
  // A full import: every stored customer NOT in this import is marked removed. Without it,
  // customers missing from the import are left as they are.
  bool full = false;
  std::string actor;        // for the audit trail
  std::string source_name;  // file name, for the audit trail
};

struct ImportReport {
  uint64_t rows = 0;       // customers given
  uint64_t inserted = 0;   // new ids
  uint64_t updated = 0;    // existing ids whose content hash changed
  uint64_t unchanged = 0;  // existing ids with the same content (a removed one is restored)
  uint64_t restored = 0;   // previously removed ids that are back (also counted above)
  uint64_t removed = 0;    // marked removed by a full import
  int64_t revision = 0;    // the customer revision after the import
};

struct CustomerFilter {
  bool include_removed = false;
  // Only customers changed (inserted, updated, removed, restored) after this revision;
  // 0 = all. Rescreening uses it to find customers changed since its last run.
  int64_t changed_after_revision = 0;
  uint64_t limit = 0;  // 0 = no limit
};

// ---------------------------------------------------------------------------------------
// Alerts, decisions, suppressions.

using AlertId = int64_t;

enum class AlertStatus : uint8_t { kOpen = 0, kDecided };
std::string_view AlertStatusName(AlertStatus status);  // "open", "decided"

enum class Decision : uint8_t { kNone = 0, kTrueMatch, kFalsePositive };
std::string_view DecisionName(Decision decision);  // "", "true-match", "false-positive"
// Accepts "true-match"/"true_match", "false-positive"/"false_positive"; kNone otherwise.
Decision DecisionFromName(std::string_view name);

// A potential match found by screening a customer against a snapshot.
struct NewAlert {
  std::string customer_id;
  ListSource source = ListSource::kUnknown;
  std::string source_id;
  std::string entity_hash;    // EntityContentHash() of the entity as screened
  std::string customer_hash;  // CustomerContentHash() of the customer as screened
  SnapshotId snapshot_id = 0;
  double score = 0;
  std::string matched_name;      // the listed name or alias that matched
  std::string explanation_json;  // a JSON document (the hit's explanation); "" = none
};

struct Alert {
  AlertId id = 0;
  NewAlert match;
  AlertStatus status = AlertStatus::kOpen;
  std::string created_at;
  Decision decision = Decision::kNone;
  std::string decision_note;
  std::string decided_by;
  std::string decided_at;
};

enum class RaiseOutcome : uint8_t {
  kRaised = 0,  // a new open alert was stored
  // An alert for the same customer, entity, entity hash and customer hash already exists
  // (open, or decided true-match): nothing is stored.
  kDuplicate,
  // An active false-positive suppression covers this customer-entity pair with these
  // hashes: nothing is stored.
  kSuppressed,
};
std::string_view RaiseOutcomeName(RaiseOutcome outcome);  // "raised", "duplicate", "suppressed"

struct RaiseResult {
  RaiseOutcome outcome = RaiseOutcome::kRaised;
  AlertId alert_id = 0;  // the new alert, or the existing one (duplicate), or the
                         // alert whose decision made the suppression
};

struct AlertFilter {
  std::optional<AlertStatus> status;
  std::string customer_id;  // "" = all
  uint64_t limit = 0;       // 0 = no limit; newest first
};

// A customer-entity pair the user decided is not a match. It holds only while both sides
// are unchanged: a changed entity or customer hash is screened and alerted again.
struct Suppression {
  int64_t id = 0;
  std::string customer_id;
  ListSource source = ListSource::kUnknown;
  std::string source_id;
  std::string entity_hash;
  std::string customer_hash;
  AlertId alert_id = 0;  // the false-positive decision that created it
  std::string created_at;
  std::string created_by;
  std::string note;
  bool revoked = false;
  std::string revoked_at;
  std::string revoked_by;
};

// ---------------------------------------------------------------------------------------
// Audit trail.

// Actions the store writes itself: "snapshot" (commit), "snapshot_activate", "retention",
// "import", "alert", "decision", "suppression_revoke". Callers append others ("sync",
// "screening", "rescreen") with AppendAudit().
struct AuditEntry {
  std::string actor;         // who: a user name, "sync", "rescreen", "cli"
  std::string action;        // what kind of event
  std::string payload_json;  // a JSON document with the details; "" is stored as "{}"
};

struct AuditRecord {
  int64_t seq = 0;  // 1, 2, 3, ... without gaps
  std::string time;
  std::string actor;
  std::string action;
  std::string payload_json;
  std::string prev_hash;  // hash of record seq-1; 64 zeros for seq 1
  std::string hash;       // AuditRecordHash(*this)
};

// SHA-256 (hex) over prev_hash, seq, time, actor, action and payload_json, each
// length-prefixed so no two different records hash the same input.
std::string AuditRecordHash(const AuditRecord& record);

struct AuditVerification {
  bool ok = true;
  uint64_t records = 0;       // records checked
  int64_t first_bad_seq = 0;  // the first record whose hash or link is wrong; 0 when ok
  std::string reason;         // "hash mismatch", "prev_hash does not link to seq 41", "gap"
};

// Inclusive bounds: "2024-05-03", "2024-05-03T07:15", "2024-05-03T07:15:02" or
// "2024-05-03T07:15:02.123Z" (UTC). Missing parts are filled in so that a bound covers its
// whole day, minute or second: --from 2024-05-03 starts at 00:00:00.000, --to 2024-05-03
// ends at 23:59:59.999. ReadAudit() fails with kInvalidArgument for any other text.
struct AuditRange {
  std::string from;  // "" = from the first record
  std::string to;    // "" = to the last record
};

// ---------------------------------------------------------------------------------------

class Store {
 public:
  virtual ~Store() = default;

  // Opens (creating on first use) the store in `data_dir`: creates the directory, the
  // SQLite database `data_dir/interdict.db` in WAL mode, and applies pending schema
  // migrations (each in its own transaction; schema_version records them). Errors:
  // kUnavailable when the directory or database cannot be created or opened, kDataLoss when
  // the file is not a database, kFailedPrecondition when its schema is newer than this
  // binary knows.
  static Result<std::unique_ptr<Store>> Open(const std::string& data_dir,
                                             const StoreOptions& options = {});
  // A private in-memory database (tests). Same schema and behaviour, nothing persists.
  static Result<std::unique_ptr<Store>> OpenInMemory(const StoreOptions& options = {});

  // The schema version after migrations.
  virtual Result<int> SchemaVersion() = 0;
  // SQLite "PRAGMA integrity_check" (or the backend's equivalent); kDataLoss with the first
  // problem when it fails.
  virtual Status CheckIntegrity() = 0;

  // --- Snapshots -----------------------------------------------------------------------

  // Stores a new immutable snapshot: its sources and `entities` (any order; every entity's
  // source must be one of `snapshot.sources`), plus entities carried over for stale sources
  // (SnapshotSource::carried_from), plus an audit record; with options.activate it also
  // becomes the active snapshot. One transaction: on any error nothing is stored.
  // Errors: kInvalidArgument for an entity of an undeclared source, a duplicate
  // (source, source_id) unless options.disambiguate_duplicate_keys, an empty source_id or
  // a source declared twice; kNotFound for a
  // carried_from snapshot that does not exist.
  virtual Result<SnapshotId> CommitSnapshot(const NewSnapshot& snapshot,
                                            std::span<const Entity> entities,
                                            const CommitSnapshotOptions& options) = 0;

  // Makes `id` the active snapshot (atomically; audited). kNotFound when it does not exist.
  virtual Status ActivateSnapshot(SnapshotId id, std::string_view actor) = 0;

  // The active snapshot, or nullopt when none was ever committed.
  virtual Result<std::optional<SnapshotInfo>> ActiveSnapshot() = 0;
  virtual Result<SnapshotInfo> GetSnapshot(SnapshotId id) = 0;  // kNotFound
  // All snapshots, oldest first.
  virtual Result<std::vector<SnapshotInfo>> ListSnapshots() = 0;

  // The snapshot's entities, complete (provenance included), sorted by source code
  // ("eu" < "ofac_sdn" < "un" ...) then source_id, both in byte order. `only` restricts to those
  // sources; empty = all. kNotFound for a bad id.
  virtual Result<std::vector<Entity>> LoadEntities(SnapshotId id,
                                                   std::span<const ListSource> only) = 0;
  // One entity of a snapshot; kNotFound when the snapshot does not hold it.
  virtual Result<Entity> LoadEntity(SnapshotId id, ListSource source,
                                    std::string_view source_id) = 0;
  // The (source, source_id, content_hash) of every entity, in LoadEntities() order:
  // what an entity delta between two snapshots compares.
  virtual Result<std::vector<EntityKey>> EntityIndex(SnapshotId id) = 0;

  // Retention: deletes every snapshot except the newest `keep_last`, the active one, and
  // any referenced by an alert; then deletes entity contents no snapshot uses. Returns the
  // deleted ids (audited when any). keep_last 0 is treated as 1.
  virtual Result<std::vector<SnapshotId>> PruneSnapshots(size_t keep_last,
                                                         std::string_view actor) = 0;

  // --- Customers -----------------------------------------------------------------------

  // Upserts `customers` by id (one transaction, one audit record). A customer whose content
  // hash did not change is left untouched. Errors: kInvalidArgument for an empty id or name
  // or an id given twice (naming it); nothing is stored then.
  virtual Result<ImportReport> ImportCustomers(std::span<const Customer> customers,
                                               const ImportOptions& options) = 0;
  virtual Result<StoredCustomer> GetCustomer(std::string_view id) = 0;  // kNotFound
  // Sorted by id.
  virtual Result<std::vector<StoredCustomer>> ListCustomers(const CustomerFilter& filter) = 0;
  // The store-wide customer revision (0 before the first import that changed anything).
  virtual Result<int64_t> CustomerRevision() = 0;

  // --- Alerts --------------------------------------------------------------------------

  // Stores the alerts that are neither duplicates nor suppressed (see RaiseOutcome), in one
  // transaction with one "alert" audit record per raised alert. Results are in input order.
  // kInvalidArgument for an empty customer_id/source_id/hash or a bad explanation JSON.
  virtual Result<std::vector<RaiseResult>> RaiseAlerts(std::span<const NewAlert> alerts,
                                                       std::string_view actor) = 0;
  virtual Result<Alert> GetAlert(AlertId id) = 0;  // kNotFound
  virtual Result<std::vector<Alert>> ListAlerts(const AlertFilter& filter) = 0;

  // Records a decision on an open alert (audited). A false-positive also creates a
  // suppression for the alert's customer-entity pair and hashes. Errors: kNotFound,
  // kInvalidArgument (decision kNone, empty `by`), kFailedPrecondition when the alert is
  // already decided.
  virtual Status DecideAlert(AlertId id, Decision decision, std::string_view note,
                             std::string_view by) = 0;

  // Suppressions, oldest first; revoked ones only when asked.
  virtual Result<std::vector<Suppression>> ListSuppressions(bool include_revoked) = 0;
  // Revokes a suppression (kept, marked revoked; audited): the pair alerts again on the
  // next screening. kNotFound; kFailedPrecondition when already revoked.
  virtual Status RevokeSuppression(int64_t id, std::string_view by, std::string_view note) = 0;

  // --- Audit ---------------------------------------------------------------------------

  // Appends records (one transaction) chained to the last one. kInvalidArgument for an
  // empty actor/action or a payload that is not JSON.
  virtual Status AppendAudit(std::span<const AuditEntry> entries) = 0;
  // Records whose time is within `range`, oldest first.
  virtual Result<std::vector<AuditRecord>> ReadAudit(const AuditRange& range) = 0;
  // Recomputes the whole chain; reports the first record that does not verify.
  virtual Result<AuditVerification> VerifyAudit() = 0;

  // --- Settings: small named values for callers (e.g. rescreen's last snapshot) ---------
  virtual Result<std::optional<std::string>> GetSetting(std::string_view key) = 0;
  virtual Status PutSetting(std::string_view key, std::string_view value) = 0;
};

}  // namespace interdict::store
