#!/usr/bin/python3
"""Runs the queries of interdict_throughput against PostgreSQL pg_trgm (GIN trigram index) and
prints throughput, latency and recall. Called by tools/bench_pg_trgm.sh; not run alone.

Recall: the share of queries generated from a listed name whose entity is among the top 10
results with trigram similarity >= pg_trgm.similarity_threshold (default 0.3), the same
definition interdict_throughput prints for Interdict ("listed variants found").
"""
import sys
import time

import psycopg2


def main():
    dump_dir, port = sys.argv[1], int(sys.argv[2])
    conn = psycopg2.connect(host="127.0.0.1", port=port, dbname="postgres", user="postgres")
    conn.autocommit = True
    cur = conn.cursor()
    cur.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    cur.execute("DROP TABLE IF EXISTS names")
    cur.execute("CREATE TABLE names (entity int NOT NULL, name text NOT NULL)")
    with open(f"{dump_dir}/names.tsv", encoding="utf-8") as f:
        cur.copy_expert("COPY names (entity, name) FROM STDIN", f)
    t0 = time.perf_counter()
    cur.execute("CREATE INDEX names_trgm ON names USING gin (name gin_trgm_ops)")
    build = time.perf_counter() - t0
    cur.execute("ANALYZE names")
    cur.execute("SELECT count(*) FROM names")
    n_names = cur.fetchone()[0]

    queries = []
    with open(f"{dump_dir}/queries.tsv", encoding="utf-8") as f:
        for line in f:
            q, expected = line.rstrip("\n").split("\t")
            queries.append((q, int(expected)))
    sql = ("SELECT entity FROM names WHERE name %% %s "
           "ORDER BY similarity(name, %s) DESC LIMIT 10")
    lat = []
    listed = found = unlisted = unlisted_with_rows = 0
    t0 = time.perf_counter()
    for q, expected in queries:
        s = time.perf_counter()
        cur.execute(sql, (q, q))
        rows = cur.fetchall()
        lat.append((time.perf_counter() - s) * 1e6)
        if expected >= 0:
            listed += 1
            if any(r[0] == expected for r in rows):
                found += 1
        else:
            unlisted += 1
            unlisted_with_rows += 1 if rows else 0
    total = time.perf_counter() - t0
    lat.sort()
    p = lambda x: lat[min(len(lat) - 1, int(x * len(lat)))]
    print(f"pg_trgm: {n_names} names, GIN index build {build:.2f} s; {len(queries)} queries in "
          f"{total:.2f} s = {len(queries) / total:.0f} queries/s (one connection); "
          f"p50 {p(0.5):.0f} us, p99 {p(0.99):.0f} us")
    print(f"pg_trgm listed variants found (top 10, similarity >= 0.3): {found} of {listed} "
          f"({100.0 * found / max(1, listed):.1f}%); unlisted names with results: "
          f"{unlisted_with_rows} of {unlisted}")


if __name__ == "__main__":
    main()
