# Every business day (issue 5, part B): the entity delta, the digest, sync (libcurl) and
# re-screening. The delta and the digest renderers are pure; sync and rescreen work through
# the store (src/store/store.h).
interdict_module(daily
  SOURCES daily/delta.cc daily/digest.cc daily/stored_digest.cc daily/rescreen.cc
          daily/sync.cc daily/fetch.cc
  DEPS interdict_model interdict_engine interdict_snapshot interdict_store CURL::libcurl
       Threads::Threads)

target_sources(interdict_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/../cli/daily_commands.cc)
target_link_libraries(interdict_cli PUBLIC interdict_daily)
