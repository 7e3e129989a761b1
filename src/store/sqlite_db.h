// File: store/sqlite_db.h
//
// A thin RAII layer over the SQLite C API for the store: a connection, prepared statements
// with typed bind/column helpers, and a transaction guard that rolls back unless committed.
// SQLite result codes become Status codes here (busy/locked -> kUnavailable, corrupt/not a
// database -> kDataLoss, constraint -> kInvalidArgument, the rest -> kInternal).
//
//   INTERDICT_ASSIGN_OR_RETURN(Stmt s, db.Prepare("SELECT json FROM entity_blobs WHERE hash=?"));
//   s.Bind(1, hash);
//   INTERDICT_ASSIGN_OR_RETURN(bool row, s.Step());
//
// Internal to src/store: the only place that includes sqlite3.h. Thread-compatible: the
// owner (SqliteStore) serializes access.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "interdict/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace interdict::store::internal {

// Maps a SQLite result code (and the connection's message) to a Status; `what` says which
// operation failed.
Status SqliteError(sqlite3* db, int code, std::string_view what);

class Stmt {
 public:
  Stmt() = default;
  Stmt(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  Stmt(Stmt&& other) noexcept;
  Stmt& operator=(Stmt&& other) noexcept;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt();

  // Parameters are 1-based. Text is copied by SQLite (SQLITE_TRANSIENT).
  void Bind(int index, std::string_view text);
  void Bind(int index, int64_t value);
  void Bind(int index, double value);
  void BindNull(int index);

  // true = a row is available, false = done. Errors carry the SQL's failure.
  Result<bool> Step();
  // Steps a statement that returns no rows (or ignores them) to the end.
  Status Run();
  // Resets for re-use with new bindings (bindings are cleared too).
  void Reset();

  // Columns are 0-based.
  std::string Text(int column) const;
  std::string_view TextView(int column) const;  // valid until the next Step/Reset
  int64_t Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

class Db {
 public:
  Db() = default;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db();

  // Opens (creating) the database at `path` (":memory:" for a private in-memory one).
  Status Open(const std::string& path);
  Status Exec(std::string_view sql);  // one or more statements, no results
  Result<Stmt> Prepare(std::string_view sql);
  int64_t LastInsertRowId() const;
  int64_t Changes() const;
  sqlite3* raw() const { return db_; }

 private:
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE on construction (call Begin() and check it), ROLLBACK on destruction
// unless Commit() succeeded. IMMEDIATE takes the write lock up front so two processes
// never deadlock upgrading read locks.
class Transaction {
 public:
  explicit Transaction(Db* db) : db_(db) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Begin();
  Status Commit();

 private:
  Db* db_;
  bool open_ = false;
};

}  // namespace interdict::store::internal
