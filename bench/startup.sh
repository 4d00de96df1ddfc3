#!/usr/bin/env bash
# Start-up to healthy: lotflow on its embedded default (H2 file database, demo data, the README's
# command line) against the bare Camunda baseline (bench/baseline) on an H2 file database too.
# Each run starts from an empty data directory ("first") and then once more on it ("restart").
#   bench/startup.sh [runs, default 3]     Env: SKIP_BUILD=1, LOTFLOW_OPTS, BASELINE_OPTS,
#                                          LOTFLOW_CDS (default 1), BASELINE_CDS (default 0)
# Seconds from launching the JVM until GET /actuator/health answers 200 ({"status":"UP"}); lotflow's
# health includes readiness, which is UP only after identities, processes and demo data are set up.
# Each cell is "wall/cpu": wall seconds, then the CPU seconds (user + system, all threads) the JVM had
# used when it was healthy (/proc/<pid>/stat), steadier than wall time on a shared machine.
#
# Both applications run as `mvn spring-boot:run` runs lotflow: from a plain class path of jars (the
# application's classes in one jar, then its dependencies), here the layout that
# `java -Djarmode=tools -jar app.jar extract` makes, without Maven's own start-up and without the
# quick JIT tier that spring-boot:run adds by default (-XX:TieredStopAtLevel=1, not for production).
# With LOTFLOW_CDS=1 lotflow uses an AppCDS archive as `mvn spring-boot:run` does from its second run
# on (pom.xml, profiles cds-train / cds-use): one training start to healthy, stopped, writes the
# archive (not timed), then every timed start maps the classes from it. BASELINE_CDS=1 does the same
# for the bare application.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
ROOT=$PWD
LOG=bench/results/logs; mkdir -p "$LOG"
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -o -q -B package -DskipTests
  mvn -o -q -B -f bench/baseline/pom.xml package -DskipTests
fi
PORT=18180
WORK=$ROOT/target/startup-bench; rm -rf "$WORK"; mkdir -p "$WORK"
extract() { # fat jar, destination: prints the extracted application jar (its manifest names lib/*)
  java -Djarmode=tools -jar "$1" extract --destination "$2" >/dev/null
  ls "$2"/*.jar
}
LF_JAR=$(extract "$ROOT/$(ls target/lotflow-*.jar | grep -v original | head -1)" "$WORK/lotflow")
BL_JAR=$(extract "$ROOT/bench/baseline/target/camunda-baseline-1.jar" "$WORK/baseline")

time_to_healthy() { # name workdir command...
  local name=$1 dir=$2; shift 2
  local t0; t0=$(date +%s%N)
  (cd "$dir" && exec "$@" --server.port=$PORT) >"$ROOT/$LOG/startup-$name.log" 2>&1 &
  local pid=$!
  for _ in $(seq 1 1200); do
    if curl -fs "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"'; then
      local t1; t1=$(date +%s%N)
      local ticks; ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
      kill "$pid"; wait "$pid" 2>/dev/null || true
      awk -v d=$((t1 - t0)) -v c="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f/%.1f", d / 1e9, c / hz }'; return
    fi
    kill -0 "$pid" 2>/dev/null || { echo "died (see $LOG/startup-$name.log)" >&2; exit 1; }
    sleep 0.1
  done
  kill "$pid"; echo "timeout" >&2; exit 1
}

cds_train() { # name jar env...: one start to healthy with -XX:ArchiveClassesAtExit, stopped; prints the flag to use it
  local name=$1 jar=$2; shift 2
  local dir; dir=$(mktemp -d)
  local jsa=$WORK/$name.jsa
  time_to_healthy "$name-cds-training" "$dir" env "$@" java -XX:ArchiveClassesAtExit="$jsa" -jar "$jar" \
      --lotflow.today=2025-01-28 >/dev/null
  for _ in $(seq 1 600); do [ -s "$jsa" ] && break; sleep 0.1; done
  rm -rf "$dir"
  echo "-XX:SharedArchiveFile=$jsa"
}
LF_CDS=""; BL_CDS=""
if [ "${LOTFLOW_CDS:-1}" = 1 ]; then LF_CDS=$(cds_train lotflow "$LF_JAR"); fi
if [ "${BASELINE_CDS:-0}" = 1 ]; then
  d=$(mktemp -d); BL_CDS=$(cds_train baseline "$BL_JAR" BASELINE_DB_URL="jdbc:h2:file:$d/baseline"); rm -rf "$d"
fi

printf "%-4s | %-21s | %-21s\n" run "lotflow (wall/cpu s)" "bare Camunda (wall/cpu s)"
printf "%-4s | %10s %10s | %10s %10s\n" "" first restart first restart
for r in $(seq 1 "$RUNS"); do
  lf=$(mktemp -d); bl=$(mktemp -d)
  l1=$(time_to_healthy lotflow "$lf" java $LF_CDS ${LOTFLOW_OPTS:-} -jar "$LF_JAR" --lotflow.today=2025-01-28)
  l2=$(time_to_healthy lotflow-restart "$lf" java $LF_CDS ${LOTFLOW_OPTS:-} -jar "$LF_JAR" --lotflow.today=2025-01-28)
  b1=$(time_to_healthy baseline "$bl" env BASELINE_DB_URL="jdbc:h2:file:$bl/baseline" java $BL_CDS ${BASELINE_OPTS:-} -jar "$BL_JAR")
  b2=$(time_to_healthy baseline-restart "$bl" env BASELINE_DB_URL="jdbc:h2:file:$bl/baseline" java $BL_CDS ${BASELINE_OPTS:-} -jar "$BL_JAR")
  printf "%-4s | %10s %10s | %10s %10s\n" "$r" "$l1" "$l2" "$b1" "$b2"
  rm -rf "$lf" "$bl"
done
grep -h "Started .* in" "$LOG"/startup-*.log | sed 's/.*\(Started [A-Za-z]* in [0-9.]* seconds\).*/\1/' | sort | uniq -c >&2 || true
