#!/usr/bin/env bash
# Issue #11, target 1: GET /api/lots at 1,000,000 lots, first and 200th page of each filter combination.
#
#   bench/lot-list.sh            (needs PostgreSQL on 127.0.0.1:5432; loads bench/data the first time)
#   JAR=/tmp/old.jar DEEP=false bench/lot-list.sh   another build on the same data, first pages only
#
# Prints p50/p95/max per filter and page (bench/LotListDriver.java, one keep-alive client, page size 50),
# and writes the EXPLAIN ANALYZE plan of each filter's 200th-page query to bench/plans/lot-list.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PORT=${PORT:-18310}
bench_jar
bench_data "$PORT"
bench_start "$PORT"
trap bench_stop EXIT
bench_machine
java -Ddeep=${DEEP:-true} bench/LotListDriver.java "http://localhost:$PORT" tom:tom "${SIZE:-50}" "${RUNS:-50}"

# The plans: the query lotflow sends (LotSearch), for a 200th page of 50 (cursor = the 10,000th lot's key).
plan() { # $1 label, $2 where clause without the cursor
  local key
  key=$($PSQL -d "$BENCH_DB" -tA -F, -c "SELECT expiration_date, manufacture_date, lot_number FROM lot WHERE $2
        ORDER BY expiration_date, manufacture_date, lot_number OFFSET 9999 LIMIT 1")
  [ -n "$key" ] || key="2100-01-01,2100-01-01,x"
  IFS=, read -r e m n <<< "$key"
  echo "## $1 (200th page: after $n)"
  $PSQL -d "$BENCH_DB" -tA -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT * FROM lot WHERE $2 AND
        (expiration_date, manufacture_date, lot_number) > ('$e', '$m', '$n')
        ORDER BY expiration_date, manufacture_date, lot_number FETCH FIRST 51 ROWS ONLY"
  echo
}
pid() { $PSQL -d "$BENCH_DB" -tAc "SELECT id FROM product WHERE sku = '$1'"; }
{
  bench_machine
  plan "no filter" "true"
  plan "sku=FG-01" "product_id = $(pid FG-01)"
  plan "status=QUARANTINE" "status = 'QUARANTINE'"
  plan "expiringWithinDays=30" "expiration_date <= date '$TODAY' + 30"
  plan "sku=FG-01&status=RELEASED" "product_id = $(pid FG-01) AND status = 'RELEASED'"
  plan "status=PENDING&expiringWithinDays=400" "status = 'PENDING' AND expiration_date <= date '$TODAY' + 400"
  plan "sku=FG-02&status=QUARANTINE&expiringWithinDays=365" \
       "product_id = $(pid FG-02) AND status = 'QUARANTINE' AND expiration_date <= date '$TODAY' + 365"
} > bench/plans/lot-list.txt
echo "plans: bench/plans/lot-list.txt"
