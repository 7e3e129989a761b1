#!/usr/bin/env bash
# README command 2 (and CI): install what is needed, build everything in developer mode
# (warnings are errors) with AddressSanitizer + UndefinedBehaviorSanitizer, and run the
# whole test suite with ctest.
#   INTERDICT_SANITIZE=""  tools/test.sh   # plain build, faster
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh --dev
SAN="${INTERDICT_SANITIZE-address,undefined}"
BUILD="build/test${SAN:+-asan}"
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DINTERDICT_DEVELOPER_MODE=ON -DINTERDICT_BUILD_BENCH=ON -DINTERDICT_SANITIZE="$SAN" >/dev/null
cmake --build "$BUILD" -j "$(nproc)"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)"
