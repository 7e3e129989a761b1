# trade_test: the trade library, plus `interdict shipment` / `interdict ownership` end to end.
interdict_test(trade DEPS interdict_trade interdict_snapshot interdict_cli)
target_sources(trade_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/trade_testing.cc)
