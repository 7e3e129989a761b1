interdict_test(daily DEPS interdict_daily interdict_lists interdict_snapshot)
target_sources(daily_test PRIVATE ${CMAKE_CURRENT_LIST_DIR}/daily_testing.cc)
