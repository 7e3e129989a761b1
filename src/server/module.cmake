# The HTTP JSON API (`interdict serve`) on Debian's cpp-httplib.
interdict_module(server
  SOURCES server/server.cc server/metrics.cc server/openapi.cc server/store_routes.cc
  DEPS interdict_service interdict_store interdict_daily interdict_trade PkgConfig::HTTPLIB)
target_sources(interdict_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../cli/serve_command.cc)
target_link_libraries(interdict_cli PUBLIC interdict_server)
