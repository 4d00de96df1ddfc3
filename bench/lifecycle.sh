#!/usr/bin/env bash
# Lot lifecycle throughput: lotflow against the bare Camunda baseline (bench/baseline), same run,
# same PostgreSQL, 1, 2 and 4 clients (issue #11 target 5). Prints one table.
#   bench/lifecycle.sh [lifecycles per run, default 300] [client counts, default "1 2 4"]
# Env: PGHOST (127.0.0.1), PGUSER (postgres), SKIP_BUILD=1 to reuse the jars, LOTFLOW_OPTS/BASELINE_OPTS,
#   ROUNDS (default 1): runs lotflow then the baseline this many times per client count, alternating, and
#   prints each round and the median ratio (a shared machine's speed drifts by tens of per cent within
#   minutes; alternating rounds put both applications under the same drift).
# Creates (drops and recreates) the databases lotflow_en_lc and lotflow_en_base.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-300}
CLIENTS=${2:-"1 2 4"}
WARMUP=${WARMUP:-150}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
LF_DB=lotflow_en_lc; BL_DB=lotflow_en_base; LF_PORT=18080; BL_PORT=18090
LOG=bench/results/logs; mkdir -p "$LOG"

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -o -q -B package -DskipTests
  mvn -o -q -B -f bench/baseline/pom.xml package -DskipTests
fi
LF_JAR=$(ls target/lotflow-*.jar | grep -v original | head -1)
BL_JAR=bench/baseline/target/camunda-baseline-1.jar

for db in $LF_DB $BL_DB; do
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

SPRING_PROFILES_ACTIVE=postgres LOTFLOW_DB_URL="jdbc:postgresql://$PGHOST:5432/$LF_DB" LOTFLOW_DEMO_DATA=true \
  java ${LOTFLOW_OPTS:-} -jar "$LF_JAR" --server.port=$LF_PORT >"$LOG/lotflow.log" 2>&1 &
LF_PID=$!; pids+=($LF_PID)
BASELINE_DB_URL="jdbc:postgresql://$PGHOST:5432/$BL_DB" BASELINE_DB_USER=$PGUSER BASELINE_PORT=$BL_PORT \
  java ${BASELINE_OPTS:-} -jar "$BL_JAR" >"$LOG/baseline.log" 2>&1 &
BL_PID=$!; pids+=($BL_PID)

wait_ready() { # port path
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1$2" >/dev/null 2>&1 && return 0; sleep 0.5
  done; echo "not ready on $1" >&2; exit 1
}
wait_ready $LF_PORT /actuator/health/readiness
wait_ready $BL_PORT /actuator/health

cpu_ticks() { awk '{print $14+$15}' /proc/$1/stat; }
commits() { # PostgreSQL flushes a backend's counters within about 10 s of its last transaction (STATS_WAIT)
  psql -Atq -d postgres -c "SELECT xact_commit FROM pg_stat_database WHERE datname='$1'"; }
rows() { # inserted, updated, deleted rows in all tables of the database
  psql -Atq -d "$1" -F' ' -c "SELECT coalesce(sum(n_tup_ins),0), coalesce(sum(n_tup_upd),0), coalesce(sum(n_tup_del),0) FROM pg_stat_user_tables"; }
TICK=$(getconf CLK_TCK)

run() { # target port pid db n clients -> prints: lifecycles/s cpu_ms ins upd del commits
  local target=$1 port=$2 pid=$3 db=$4 n=$5 c=$6
  sleep "${STATS_WAIT:-11}"; local r0; r0=$(rows "$db"); local x0; x0=$(commits "$db"); local t0; t0=$(cpu_ticks "$pid")
  local out; out=$(java bench/LifecycleDriver.java "$target" "http://127.0.0.1:$port" "$n" "$c")
  local t1; t1=$(cpu_ticks "$pid"); sleep "${STATS_WAIT:-11}"; local x1; x1=$(commits "$db"); local r1; r1=$(rows "$db")
  read -r _ _ _ secs rate errs <<<"$out"
  read -r i0 u0 d0 <<<"$r0"; read -r i1 u1 d1 <<<"$r1"
  awk -v rate="$rate" -v n="$n" -v t="$((t1 - t0))" -v tick="$TICK" -v i=$((i1 - i0)) -v u=$((u1 - u0)) \
      -v d=$((d1 - d0)) -v x=$((x1 - x0)) -v e="$errs" \
      'BEGIN { printf "%s %.1f %.1f %.1f %.1f %d\n", rate, t * 1000 / tick / n, i / n, (u + d) / n, x / n, e }'
}

echo "warm-up: $WARMUP lifecycles each (2 clients)" >&2
run lotflow $LF_PORT $LF_PID $LF_DB "$WARMUP" 2 >/dev/null
run baseline $BL_PORT $BL_PID $BL_DB "$WARMUP" 2 >/dev/null

printf "%-7s | %-26s | %-26s | %-5s\n" "" "lotflow" "bare Camunda" ""
printf "%-7s | %6s %6s %5s %5s %6s | %6s %6s %5s %5s %6s | %5s\n" clients "lc/s" "cpu ms" ins "u+d" commit \
  "lc/s" "cpu ms" ins "u+d" commit ratio
ROUNDS=${ROUNDS:-1}
for c in $CLIENTS; do
  ratios=(); cpus=()
  for r in $(seq 1 "$ROUNDS"); do
    read -r lr lcpu li lud lx le <<<"$(run lotflow $LF_PORT $LF_PID $LF_DB "$N" "$c")"
    read -r br bcpu bi bud bx be <<<"$(run baseline $BL_PORT $BL_PID $BL_DB "$N" "$c")"
    ratio=$(awk -v a="$lr" -v b="$br" 'BEGIN{printf "%.2f", a/b}')
    ratios+=("$ratio"); cpus+=("$(awk -v a="$lcpu" -v b="$bcpu" 'BEGIN{printf "%.2f", b/a}')")
    label=$c; [ "$ROUNDS" = 1 ] || label="$c r$r"
    printf "%-7s | %6s %6s %5s %5s %6s | %6s %6s %5s %5s %6s | %5s%s\n" "$label" "$lr" "$lcpu" "$li" "$lud" "$lx" \
      "$br" "$bcpu" "$bi" "$bud" "$bx" "$ratio" \
      "$([ "$le$be" = "00" ] || echo "  errors: lotflow $le, baseline $be")"
  done
  if [ "$ROUNDS" != 1 ]; then
    median() { printf "%s\n" "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
    printf "%-7s | median of %d rounds: ratio %s (throughput), %s (CPU per lifecycle, bare/lotflow)\n" "$c" \
      "$ROUNDS" "$(median "${ratios[@]}")" "$(median "${cpus[@]}")"
  fi
done
echo "lc/s: lifecycles per second (create lot -> lab results -> approval -> released job done); cpu ms: the"
echo "application JVM's user+system CPU per lifecycle; ins / u+d: rows inserted / updated+deleted per lifecycle"
echo "(pg_stat_user_tables); commit: transactions committed per lifecycle (pg_stat_database). $N lifecycles per run."
