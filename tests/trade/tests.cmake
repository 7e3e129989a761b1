# trade_test: the trade library (goods, routes, ownership, shipment verdicts and cases).
interdict_test(trade DEPS interdict_trade interdict_snapshot)
target_sources(trade_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/trade_testing.cc)
# trade_cli_test: `interdict shipment` / `interdict ownership` end to end (links the whole CLI).
interdict_test(trade/cli DEPS interdict_trade interdict_snapshot interdict_cli)
target_sources(trade_cli_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/trade_testing.cc)
