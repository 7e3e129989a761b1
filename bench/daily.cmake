# Re-screening throughput: N generated customers against one day's delta and against the
# whole snapshot (docs/daily.md#speed).
add_executable(daily_bench daily_bench.cc)
target_link_libraries(daily_bench PRIVATE interdict_daily)
target_compile_options(daily_bench PRIVATE ${INTERDICT_WARNINGS})
target_compile_definitions(daily_bench PRIVATE INTERDICT_DATA_DIR="${PROJECT_SOURCE_DIR}/data")
