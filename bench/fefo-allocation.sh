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
java bench/OrderDriver.java "http://localhost:$PORT" "$PREFIX-W" "${CLIENTS:-16}" 2000 "${SKUS:-FG-01,FG-02,FG-03,FG-04,FG-05,FG-06}" | sed 's/^/(warm-up) /'

# CPU ticks (1/100 s) of lotflow's JVM and of every PostgreSQL process (its pooled backends live through the run)
pg_ticks() { for p in $(pgrep -u postgres); do awk '{print $14 + $15}' /proc/$p/stat 2> /dev/null; done | awk '{ s += $1 } END { print s + 0 }'; }
cpu0=$(awk '{print $14 + $15}' /proc/$APP_PID/stat); pg0=$(pg_ticks)
/usr/bin/time -f "%U %S" -o target/fefo-driver-cpu.txt java bench/OrderDriver.java "http://localhost:$PORT" "$PREFIX" \
  "${CLIENTS:-16}" "${ORDERS:-100000}" "${SKUS:-FG-01,FG-02,FG-03,FG-04,FG-05,FG-06}"
cpu1=$(awk '{print $14 + $15}' /proc/$APP_PID/stat); pg1=$(pg_ticks)
awk -v t=$((cpu1 - cpu0)) -v p=$((pg1 - pg0)) -v n="${ORDERS:-100000}" -v d="$(cat target/fefo-driver-cpu.txt)" \
  'BEGIN { split(d, u, " "); printf "CPU per order: lotflow %.2f ms, PostgreSQL %.2f ms, the driver %.2f ms\n", t * 10 / n, p * 10 / n, (u[1] + u[2]) * 1000 / n }'
bench_machine
$PSQL -d "$BENCH_DB" -v prefix="$PREFIX" -v today=$TODAY -f bench/fefo-verify.sql
