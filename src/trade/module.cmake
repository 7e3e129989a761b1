# Goods, routes, ownership and one verdict per shipment (issue 6): docs/trade.md.
interdict_module(trade
  SOURCES trade/controls.cc trade/goods.cc trade/listed.cc trade/ownership.cc trade/shipment.cc
          trade/shipment_json.cc trade/shipment_screener.cc trade/files.cc
  DEPS interdict_engine interdict_snapshot nlohmann_json::nlohmann_json)

target_sources(interdict_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../cli/shipment_command.cc)
target_link_libraries(interdict_cli PUBLIC interdict_trade)
