#!/usr/bin/env bash
# HTTP benchmark: `interdict serve` on loopback under wrk, against the same queries screened
# in process, plus `interdict batch` on a generated CSV.
#
#   tools/bench_http.sh [SECONDS] [BATCH_ROWS]     # defaults: 30 s per route, 1,000,000 rows
#
# Builds Release into build/release, generates 20,000 realistic queries from the bundled
# lists (bench/throughput: true variants and unlisted names), prints the in-process
# throughput, then for GET /v1/search and POST /v1/screen: requests/s, p50/p99 latency,
# errors, and the ratio to in-process throughput. Then times `interdict batch` on a CSV of
# BATCH_ROWS rows (the queries repeated) and reports rows/s and peak RSS.
# wrk runs on the same machine as the server: both share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-30}"
BATCH_ROWS="${2:-1000000}"
PORT="${INTERDICT_BENCH_PORT:-18093}"
CONNECTIONS="${INTERDICT_BENCH_CONNECTIONS:-16}"

tools/deps.sh --dev
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DINTERDICT_BUILD_BENCH=ON \
  -DINTERDICT_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target interdict interdict_throughput -j "$(nproc)" >/dev/null

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "== in process (bench/throughput, same machine, same query generator)"
build/release/bench/interdict_throughput --queries=20000 --threads="$(nproc)" --recall-sample=0 \
  --dump="$WORK" | tee "$WORK/inprocess.txt" | grep -E "q/s|p50|p99|queries" || true
INPROC_QPS=$(grep -Eo '[0-9.]+ queries/s' "$WORK/inprocess.txt" | tail -1 | cut -d' ' -f1 || echo 0)

build/release/interdict serve --port "$PORT" --request-log none >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null || { cat "$WORK/serve.log"; exit 1; }

for mode in search screen; do
  echo "== wrk: $mode, ${SECONDS_PER_RUN} s, 1 thread, $CONNECTIONS connections"
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s bench/http/queries.lua \
    "http://127.0.0.1:$PORT" -- "$WORK/queries.tsv" "$mode" | tee "$WORK/wrk_$mode.txt" |
    grep -E "RESULT|Socket errors|Non-2xx" || true
  RPS=$(grep -Eo 'rps=[0-9]+' "$WORK/wrk_$mode.txt" | cut -d= -f2)
  if [[ -n "$INPROC_QPS" && "$INPROC_QPS" != 0 ]]; then
    awk -v r="$RPS" -v q="$INPROC_QPS" \
      'BEGIN { printf "ratio to in-process (%d threads): %.2f\n", 0, r / q }' |
      sed "s/(0 threads)/($(nproc) threads, $INPROC_QPS q\/s)/"
  fi
done
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""

echo "== batch: $BATCH_ROWS rows"
python3 - "$WORK/queries.tsv" "$WORK/batch.csv" "$BATCH_ROWS" <<'PY'
import csv, sys
names = [l.split("\t", 1)[0] for l in open(sys.argv[1], encoding="utf-8") if l.split("\t", 1)[0]]
with open(sys.argv[2], "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["customer_id", "name"])
    for i in range(int(sys.argv[3])):
        w.writerow([f"C{i:08d}", names[i % len(names)]])
PY
/usr/bin/time -v build/release/interdict batch "$WORK/batch.csv" -q -o "$WORK/batch.jsonl" \
  2>"$WORK/batch.time" || true
grep -E "Elapsed|Maximum resident" "$WORK/batch.time"
python3 - "$WORK/batch.time" "$BATCH_ROWS" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", t)
secs = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
print(f"batch: {int(sys.argv[2]):,} rows in {secs:.1f} s = {int(sys.argv[2]) / secs:,.0f} rows/s "
      "(including ~4 s to load the lists and build the index)")
PY
wc -l < "$WORK/batch.jsonl" | xargs printf "output lines: %s\n"
