# Shared by the shells (batch, server, later the store's rescreen): results as JSON, query
# validation, the loaded dataset, and the streaming batch runner.
interdict_module(service
  SOURCES service/query_json.cc service/dataset.cc service/batch.cc
  DEPS interdict_engine interdict_snapshot interdict_store nlohmann_json::nlohmann_json
       Threads::Threads)
target_link_libraries(interdict_cli PUBLIC interdict_service)
target_sources(interdict_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../cli/batch_command.cc)
