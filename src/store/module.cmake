# The embedded store (SQLite): snapshots, customers, alerts, decisions, audit trail.
interdict_module(store
  SOURCES store/store.cc store/sqlite_db.cc store/sqlite_store.cc store/customer_file.cc
          store/audit_export.cc store/store_json.cc
  DEPS interdict_model SQLite::SQLite3 Threads::Threads nlohmann_json::nlohmann_json)

# `interdict customers | alerts | audit`.
target_sources(interdict_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../cli/store_commands.cc)
target_link_libraries(interdict_cli PUBLIC interdict_store)
