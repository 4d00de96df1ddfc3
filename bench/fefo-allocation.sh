#!/usr/bin/env bash
# Issue #11, target 2: FEFO allocation through POST /api/orders at 1,000,000 lots, 16 clients.
#
#   bench/fefo-allocation.sh                 100,000 orders over FG-01..FG-06, 16 clients, then the checks
#   ORDERS=20000 CLIENTS=16 SKUS=FG-01 bench/fefo-allocation.sh      one SKU only (its allocations queue)
#
# Prints orders/s and latency (bench/OrderDriver.java), then bench/fefo-verify.sql: over-allocation and an
# FEFO replay of the run's allocations, every count 0. Each run's orders are new (prefix = the run's time).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PORT=${PORT:-18320}
PREFIX=${PREFIX:-F$(date +%H%M%S)}
bench_jar
bench_data "$PORT"
bench_start "$PORT"
trap bench_stop EXIT
bench_machine
java bench/OrderDriver.java "http://localhost:$PORT" "$PREFIX-W" "${CLIENTS:-16}" 2000 "${SKUS:-FG-01,FG-02,FG-03,FG-04,FG-05,FG-06}" > /dev/null
echo "(2,000 warm-up orders placed)"
cpu0=$(awk '{print $14 + $15}' /proc/$APP_PID/stat)
java bench/OrderDriver.java "http://localhost:$PORT" "$PREFIX" "${CLIENTS:-16}" "${ORDERS:-100000}" \
  "${SKUS:-FG-01,FG-02,FG-03,FG-04,FG-05,FG-06}"
cpu1=$(awk '{print $14 + $15}' /proc/$APP_PID/stat)
awk -v t=$((cpu1 - cpu0)) -v n="${ORDERS:-100000}" 'BEGIN { printf "lotflow CPU: %.2f ms per order\n", t * 10 / n }' 
bench_machine
$PSQL -d "$BENCH_DB" -v prefix="$PREFIX" -v today=$TODAY -f bench/fefo-verify.sql
