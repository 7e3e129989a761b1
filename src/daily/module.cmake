# Every business day (issue 5, part B): the entity delta, the digest, sync and re-screening.
interdict_module(daily
  SOURCES daily/delta.cc
  DEPS interdict_model)
