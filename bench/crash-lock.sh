#!/usr/bin/env bash
# Benchmark: after a node dies (kill -9) holding the lock of an approved lot's release step, how
# long until another node of the cluster releases the lot?
#
#   bench/crash-lock.sh                   (builds the jar; needs PostgreSQL on 127.0.0.1:5432)
#   LOCK_MS=300000 bench/crash-lock.sh    (Camunda's default lock time, for comparison)
#
# Node A (job executor off) creates a lot, records its lab results and approves it: the release
# step is now a job. The job is then locked as a job executor locks what it acquires (owner A,
# expiry = now + lock time) and A is killed with SIGKILL at that instant (t0). Node B (job
# executor on, the same lock time) starts on the same database; the script times t0 until the lot
# is RELEASED. B cannot take the job before A's lock expires: the wait is about the lock time.
set -euo pipefail
cd "$(dirname "$0")/.."
LOCK_MS=${LOCK_MS:-$(sed -n 's/^ *lock-time-in-millis: *\([0-9]*\).*/\1/p' src/main/resources/application.yml | head -1)}
PORT_A=${PORT_A:-18183}
PORT_B=${PORT_B:-18184}
DB=lotflow_crash
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q -t -A"
JAR=target/lotflow-0.1.0-SNAPSHOT.jar

[ "${SKIP_BUILD:-}" = 1 ] || mvn -q -B -DskipTests package
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB" >/dev/null
node() { # port, executor on/off
  LOTFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB LOTFLOW_DEMO_DATA=true \
    java -Xmx512m -jar $JAR --spring.profiles.active=postgres --server.port=$1 --lotflow.today=2025-01-28 \
    --camunda.bpm.job-execution.enabled=$2 --camunda.bpm.job-execution.lock-time-in-millis=$LOCK_MS \
    > target/crash-node-$1.log 2>&1 &
  echo $!
}
healthy() { for _ in $(seq 1 180); do curl -sf localhost:$1/actuator/health/readiness >/dev/null && return 0; sleep 1; done; return 1; }

A=$(node $PORT_A false)
trap 'kill -9 $A ${B:-} 2>/dev/null || true' EXIT
healthy $PORT_A || { echo "node A did not start"; tail -40 target/crash-node-$PORT_A.log; exit 1; }
api() { curl -sS --fail-with-body -u "$1:$1" -H 'Content-Type: application/json' "localhost:$PORT_A$2" ${3:+-d "$3"}; }
api mike /api/products '{"sku":"CRASH-1","name":"Crash test product","unit":"kg","shelfLifeMonths":24,
  "lotNumberPattern":"CR1-{yyyy}-{seq:3}","specs":[{"test":"ph","min":6,"max":8}]}' >/dev/null
LOT=$(api mike /api/lots '{"sku":"CRASH-1","quantity":100,"manufactureDate":"2025-01-20","location":"A"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["lotNumber"])')
api sarah "/api/lots/$LOT/lab-results" '{"results":[{"test":"ph","value":7}]}' >/dev/null
TASK=$(api jennifer "/engine-rest/task?processInstanceBusinessKey=$LOT&taskDefinitionKey=approveRelease" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
api jennifer "/engine-rest/task/$TASK/complete" '{"variables":{"approved":{"value":true},"comment":{"value":"ok"}}}'

# A acquires the release step's job as its executor would, and dies holding the lock
$PSQL -d $DB -c "UPDATE act_ru_job SET lock_owner_ = 'node-a', lock_exp_time_ = now() + interval '$LOCK_MS milliseconds'
  WHERE process_instance_id_ IN (SELECT proc_inst_id_ FROM act_ru_execution WHERE business_key_ = '$LOT')" >/dev/null
kill -9 $A
t0=$(date +%s.%N)
B=$(node $PORT_B true)
healthy $PORT_B || { echo "node B did not start"; tail -40 target/crash-node-$PORT_B.log; exit 1; }
tb=$(date +%s.%N)
for _ in $(seq 1 $((LOCK_MS / 1000 + 300))); do
  status=$(curl -sf -u tom:tom localhost:$PORT_B/api/lots/$LOT | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
  [ "$status" = RELEASED ] && break
  sleep 1
done
t1=$(date +%s.%N)
python3 - "$t0" "$tb" "$t1" "$LOCK_MS" "$status" <<'PY'
import sys
t0, tb, t1, lock, status = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"lock time {lock/1000:.0f} s: node B healthy after {tb-t0:.1f} s, lot {status} {t1-t0:.1f} s after the crash")
PY
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
