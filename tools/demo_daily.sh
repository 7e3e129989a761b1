#!/usr/bin/env bash
# Replays the 24 February 2023 OFAC Russia action end to end, offline, from the bundled data:
#
#   1. a fresh store, synced from OFAC's sdn.csv of 2023-02-22 (data/history/2023-02-22)
#   2. a customer file: realistic names on no list, plus four spelling variants of names OFAC
#      designated on 2023-02-24; a first (full) re-screening raises no alert
#   3. sync of the 2023-02-24 sdn.csv; re-screening screens the customers against only the
#      252 new and 4 changed entities
#   4. the digest: counts per program (RUSSIA-EO14024: 250 new), the new designations, and the
#      customers affected, which must be exactly the four variants
#
# Usage: tools/demo_daily.sh [path/to/interdict]   (default: $INTERDICT, else build*/interdict)
# Writes the HTML digest next to the store and prints where. Exit 0 when the check passes.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-${INTERDICT:-}}"
if [[ -z "$bin" ]]; then
  for candidate in "$root"/build/interdict "$root"/build-*/interdict; do
    if [[ -x "$candidate" ]]; then bin="$candidate"; break; fi
  done
fi
[[ -x "$bin" ]] || { echo "demo_daily: build interdict first (or pass its path)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/interdict-demo.XXXXXX")"
data="$work/store"
customers="$work/customers.csv"
echo "demo_daily: store in $data"

# Customers: C-1xxx are spelling variants of persons and companies designated on
# 2023-02-24 (MASALOVICH, Andrey Igorevich; NAZAROVA, Alina Olegovna; TYURIKOVA, Evgeniya
# Sergeyevna; HADLERCO LIMITED); C-2xxx are ordinary names on no list.
cat > "$customers" <<'CSV'
id,name,kind,dob,country,ids
C-1001,Andrei Masalovich,person,1961-03-15,RU,
C-1002,Alina Nazarova,person,1984,RU,
C-1003,Evgenia Tyurikova,person,,,
C-1004,Hadlerko Limited,organization,,CY,
C-2001,Maria Gonzalez Lopez,person,1979,ES,
C-2002,Acme Widgets Ltd,organization,,GB,
C-2003,Johann Schneider,person,1965,DE,
C-2004,Nordic Timber Trading AB,organization,,SE,
C-2005,Priya Raghunathan,person,1990,IN,
C-2006,Oliver Bennett,person,1972-11-02,GB,
C-2007,Sophie Martin,person,1988,FR,
C-2008,Kenji Watanabe,person,1969,JP,
C-2009,Lucia Romano,person,1993,IT,
C-2010,Atlantic Seafood Exports Inc,organization,,US,
C-2011,Greenfield Agricultural Cooperative,organization,,CA,
C-2012,Helena Nowak,person,1981,PL,
C-2013,Carlos Eduardo Silva,person,1975,BR,
C-2014,Blue Harbor Logistics LLC,organization,,US,
C-2015,Anna Lindqvist,person,1986,SE,
C-2016,Mehmet Yilmaz,person,1970,TR,
C-2017,Fatima Zahra Benali,person,1992,MA,
C-2018,Pieter de Vries,person,1964,NL,
C-2019,Sunrise Textiles Private Limited,organization,,IN,
C-2020,Grace O'Connor,person,1983,IE,
CSV

run() { echo "+ interdict $*" >&2; "$bin" "$@"; }

run sync --data-dir "$data" --from "$root/data/history/2023-02-22"
run customers import --data-dir "$data" "$customers"
run rescreen --data-dir "$data" || [[ $? -eq 1 ]]   # exit 1 = new alerts
run sync --data-dir "$data" --from "$root/data/history/2023-02-24"
run rescreen --data-dir "$data" || [[ $? -eq 1 ]]
echo
run digest --data-dir "$data" --limit 15
run digest --data-dir "$data" --format html -o "$work/digest.html"
echo "demo_daily: HTML digest: $work/digest.html"

# The check: the customers the digest names are exactly the four spelling variants.
got="$("$bin" digest --data-dir "$data" --format json --limit 1 |
  grep -o '"customer_id": "[^"]*"' | sed 's/.*: "\(.*\)"/\1/' | sort -u | tr '\n' ' ')"
want="C-1001 C-1002 C-1003 C-1004 "
if [[ "$got" == "$want" ]]; then
  echo "demo_daily: PASS: the digest names exactly $want"
else
  echo "demo_daily: FAIL: the digest names [$got], expected [$want]" >&2
  exit 1
fi
