#!/usr/bin/env bash
# Side-by-side benchmark: Interdict's Screener against PostgreSQL 15 pg_trgm (GIN trigram
# index), on the same names (every bundled list name) and the same generated queries.
#
#   tools/bench_pg_trgm.sh [QUERIES]        # default 5000
#
# Installs postgresql-15 and python3-psycopg2 if missing, starts a throwaway server on
# 127.0.0.1:55432 (data in a temp dir, removed at exit), builds interdict_throughput in
# build/release, and prints both engines' throughput, latency and recall. Loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
QUERIES="${1:-5000}"
PORT=55432

tools/deps.sh --dev
need=()
for p in postgresql-15 postgresql-contrib python3-psycopg2; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
done
if (( ${#need[@]} )); then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO=sudo
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DINTERDICT_BUILD_BENCH=ON \
  -DINTERDICT_BUILD_TESTS=OFF >/dev/null
cmake --build build/release --target interdict_throughput -j "$(nproc)" >/dev/null

WORK="$(mktemp -d)"
PGBIN=/usr/lib/postgresql/15/bin
chmod 755 "$WORK"
RUN_AS=()
if [[ $(id -u) -eq 0 ]]; then RUN_AS=(runuser -u postgres --); chown postgres "$WORK"; fi
cleanup() {
  "${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" stop -m immediate >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
"${RUN_AS[@]}" "$PGBIN/initdb" -D "$WORK/pg" -U postgres --auth=trust >/dev/null
"${RUN_AS[@]}" "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK -c shared_buffers=256MB" -w start >/dev/null

echo "== Interdict (1 thread, same machine), at the default alert threshold and at 0.70 =="
build/release/bench/interdict_throughput --queries="$QUERIES" --threads=1 --recall-sample=0 \
  --dump="$WORK" | grep -E '^(snapshot|single|listed)'
build/release/bench/interdict_throughput --queries="$QUERIES" --threads=1 --recall-sample=0 \
  --threshold=0.70 | grep -E '^(single|listed)'
echo
echo "== PostgreSQL 15 pg_trgm =="
/usr/bin/python3 tools/bench_pg_trgm.py "$WORK" "$PORT"
