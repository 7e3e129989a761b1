interdict_test(trade DEPS interdict_trade interdict_snapshot)
target_sources(trade_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/trade_testing.cc)
