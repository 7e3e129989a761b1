#!/usr/bin/env bash
# README command 1: install what is needed, build Interdict (release), and run the main job
# on the bundled data: load every bundled official list and print what was loaded.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/release --target interdict -j "$(nproc)"
echo
build/release/interdict lists "$@"
