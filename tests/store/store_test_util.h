// Shared helpers for the store tests: entity builders, a stepping clock, temp directories,
// and raw SQLite access for tamper tests.
#pragma once

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "interdict/entity.h"

#include "store/store.h"

namespace interdict::store::testing_util {

inline Entity MakeEntity(ListSource source, std::string id, std::string name,
                         std::string program = "SDGT") {
  Entity e;
  e.source = source;
  e.source_id = std::move(id);
  e.kind = EntityKind::kPerson;
  e.names.push_back(
      Name{.full = std::move(name), .type = NameType::kPrimary, .script = Script::kLatin});
  e.programs.push_back(std::move(program));
  e.provenance = Provenance{.file = "sdn.csv", .sha256 = "f00d", .locator = "line 1"};
  return e;
}

inline SnapshotSource MakeSource(ListSource source, std::string as_of = "2024-05-03") {
  SnapshotSource s;
  s.version.source = source;
  s.version.format = "test";
  s.version.as_of = std::move(as_of);
  s.version.files.push_back(SourceFile{.name = "f.csv", .sha256 = "ab", .size = 3});
  return s;
}

// A clock that advances one second per call from 2024-05-01T00:00:00.000Z, so every event
// has its own time; `day_step` makes each call a new day instead.
inline std::function<std::string()> SteppingClock(bool day_step = false) {
  auto n = std::make_shared<std::atomic<int>>(0);
  return [n, day_step]() {
    int i = (*n)++;
    char buf[64];
    if (day_step) {
      std::snprintf(buf, sizeof(buf), "2024-05-%02dT12:00:00.000Z", 1 + i % 28);
    } else {
      std::snprintf(buf, sizeof(buf), "2024-05-01T%02d:%02d:%02d.000Z", (i / 3600) % 24,
                    (i / 60) % 60, i % 60);
    }
    return std::string(buf);
  };
}

// A fresh directory under the test temp dir, removed at destruction.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = (std::filesystem::temp_directory_path() /
             ("interdict-store-test-" + std::to_string(rd()) + std::to_string(rd())))
                .string();
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Sub(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

// Runs SQL on a database file directly, bypassing the store; returns the first column of
// the first row (or "" / the error text prefixed with "ERROR: ").
inline std::string RawSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(db_path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    return "ERROR: open";
  }
  std::string result;
  sqlite3_stmt* stmt = nullptr;
  const char* tail = sql.c_str();
  while (tail != nullptr && *tail != '\0') {
    if (sqlite3_prepare_v2(db, tail, -1, &stmt, &tail) != SQLITE_OK) {
      result = std::string("ERROR: ") + sqlite3_errmsg(db);
      break;
    }
    if (stmt == nullptr) break;
    int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && result.empty()) {
      const unsigned char* t = sqlite3_column_text(stmt, 0);
      result = t != nullptr ? reinterpret_cast<const char*>(t) : "";
    } else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      result = std::string("ERROR: ") + sqlite3_errmsg(db);
      sqlite3_finalize(stmt);
      break;
    }
    sqlite3_finalize(stmt);
    stmt = nullptr;
  }
  sqlite3_close(db);
  return result;
}

}  // namespace interdict::store::testing_util
