// File: store/sqlite_store.h
//
// The SQLite implementation of store::Store (store/store.h): one database file in WAL mode,
// versioned schema migrations, entity JSON stored once per distinct content hash. Callers use
// Store::Open(); this header is for the store's own tests and tools.
//
//   INTERDICT_ASSIGN_OR_RETURN(std::unique_ptr<Store> db,
//   OpenSqliteStore("/var/lib/x/interdict.db", {}));
//
// Schema: docs/store.md. Thread-safe (one connection, every call under a mutex).
#pragma once

#include <memory>
#include <string>

#include "interdict/status.h"

#include "store/store.h"

namespace interdict::store {

// The schema version this binary migrates to.
inline constexpr int kSchemaVersion = 1;

// Opens the database file at `path` (":memory:" for a private in-memory database), applying
// migrations. Does not create directories (Store::Open does).
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path,
                                               const StoreOptions& options);

// "2024-05-03T07:15:02.123Z" for the system clock's now.
std::string UtcNowIso8601();

}  // namespace interdict::store
