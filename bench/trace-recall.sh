#!/usr/bin/env bash
# Issue #11, targets 3 and 4: traces of any size and opening a recall, at 1,000,000 lots.
#
#   bench/trace-recall.sh                  traces of the three hub lots (JSON and CSV), then recalls
#   RECALLS="IM02-B0000902 RM03-B0000003" bench/trace-recall.sh     which lots to recall (each only once:
#                                          a recalled lot stays RECALLED; FRESH=1 reloads the data)
#
# Traces: downstream from RM03-B0000003 (~6,000 lots), RM02-B0000002 (~15,000) and RM01-B0000001
# (~90,000: more lots than one SQL statement takes parameters); time (curl, median of RUNS), size.
# Recalls: POST /api/recalls time (the lots are RECALLED when it answers), customers, then the time until
# every customer has its notifyCustomer task (made in batches after the POST) with the heap used every 10 s.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
PORT=${PORT:-18340}
RUNS=${RUNS:-3}
bench_jar
bench_data "$PORT"
bench_start "$PORT"
trap bench_stop EXIT
bench_machine
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
printf "%-16s %-5s %8s %10s %12s\n" "trace of" "as" "lots" "median s" "bytes"
for lot in ${TRACES:-RM03-B0000003 RM02-B0000002 RM01-B0000001}; do
  for as in json csv; do
    accept=$([ $as = csv ] && echo text/csv || echo application/json)
    times=$(for _ in $(seq 1 "$RUNS"); do
      curl -s -o target/trace.$as -w "%{time_total}\n" -u rachel:rachel -H "Accept: $accept" \
        "localhost:$PORT/api/lots/$lot/trace?direction=downstream"
    done | median)
    lots=$([ $as = json ] && grep -o '"depth":' target/trace.json | wc -l || grep -c '^LOT,' target/trace.csv)
    printf "%-16s %-5s %8s %10s %12s\n" "$lot" "$as" "$lots" "$times" "$(stat -c %s target/trace.$as)"
  done
done
analyze_engine_tables() { # see below: what autovacuum would have done by now
  $PSQL -d "$BENCH_DB" -qc "ANALYZE act_ru_variable, act_ru_task, act_ru_execution, act_ru_job, act_ru_identitylink,
    act_ru_authorization, act_ru_event_subscr" > /dev/null
}
for lot in ${RECALLS:-IM02-B0000902 RM03-B0000003}; do
  if [ "$($PSQL -d "$BENCH_DB" -tAc "SHOW autovacuum")" = off ] && [ "${ANALYZE_EVERY:-1}" != 0 ]; then
    analyze_engine_tables
  fi
  t0=$(date +%s.%N)
  answer=$(curl -s -u rachel:rachel -H 'Content-Type: application/json' -X POST "localhost:$PORT/api/recalls" \
    -d "{\"lots\": [\"$lot\"], \"reason\": \"bench: contaminated $lot\", \"classification\": \"CLASS_I\"}")
  t1=$(date +%s.%N)
  number=$(echo "$answer" | grep -o '"recallNumber":"[^"]*"' | cut -d'"' -f4 || true)
  [ -n "$number" ] || { echo "recall of $lot refused: $answer"; continue; }
  recalled=$($PSQL -d "$BENCH_DB" -tAc "SELECT count(*) FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
              JOIN lot l ON l.id = rl.lot_id WHERE r.recall_number = '$number' AND l.status = 'RECALLED'")
  customers=$($PSQL -d "$BENCH_DB" -tAc "SELECT count(*) FROM recall_notification n JOIN recall r ON r.id = n.recall_id
              WHERE r.recall_number = '$number'")
  echo "recall $number of $lot: POST answered in $(echo "$t1 - $t0" | bc) s; $recalled lots RECALLED, $customers customers"
  # the customers' notification tasks are made after the POST, in batches by the job executor:
  # wait until every customer has its task, printing progress and the heap used every 10 s
  tasks=0; heap=""
  # This machine's PostgreSQL runs without autovacuum (conf.d/90-ci.conf). Without it the statistics
  # of Camunda's tables stay as they were when those tables were nearly empty, and PostgreSQL then
  # reads the whole ACT_RU_VARIABLE for each new task (bench/RESULTS.md). A production PostgreSQL
  # analyzes a table after 10 % of it changed (autovacuum's default); ANALYZE_EVERY=0 shows the run
  # without, otherwise Camunda's runtime tables are analyzed before the POST and at each 10 s poll
  # while autovacuum is off.
  autovacuum=$($PSQL -d "$BENCH_DB" -tAc "SHOW autovacuum")
  analyze=$([ "$autovacuum" = off ] && [ "${ANALYZE_EVERY:-1}" != 0 ] && echo 1 || echo 0)
  echo "  autovacuum $autovacuum; Camunda's runtime tables analyzed at each poll: $([ $analyze = 1 ] && echo yes || echo no)"
  while :; do
    [ "$analyze" = 1 ] && analyze_engine_tables
    now=$(date +%s.%N); elapsed=$(echo "$now - $t0" | bc)
    tasks=$($PSQL -d "$BENCH_DB" -tAc "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'notifyCustomer'
              AND proc_inst_id_ IN (SELECT n.process_instance_id FROM recall_notification n JOIN recall r
              ON r.id = n.recall_id WHERE r.recall_number = '$number')")
    heap=$(jcmd "$APP_PID" GC.heap_info 2> /dev/null | grep -o 'used [0-9]*K' | head -1)
    printf "  %6.1f s: %6s of %s notifyCustomer tasks, heap %s\n" "$elapsed" "$tasks" "$customers" "$heap"
    [ "$tasks" -ge "$customers" ] && break
    [ "$(echo "$elapsed > ${RECALL_TIMEOUT:-900}" | bc)" = 1 ] && { echo "  gave up after ${RECALL_TIMEOUT:-900} s"; break; }
    sleep 10
  done
  echo "recall $number of $lot: $tasks of $customers customers have their notifyCustomer task after $elapsed s (polled)"
  # the same to the millisecond from the tasks' creation times: the first comes right after the opening commits
  $PSQL -d "$BENCH_DB" -tAc "SELECT 'first task after ' || round(extract(epoch from min(t.create_time_)) - $t0, 1)
      || ' s, last task after ' || round(extract(epoch from max(t.create_time_)) - $t0, 1) || ' s'
      FROM act_ru_task t WHERE t.task_def_key_ = 'notifyCustomer' AND t.proc_inst_id_ IN (SELECT n.process_instance_id
      FROM recall_notification n JOIN recall r ON r.id = n.recall_id WHERE r.recall_number = '$number')"
done
jcmd "$APP_PID" GC.run > /dev/null 2>&1 || true
echo "heap used after the runs: $(jcmd "$APP_PID" GC.heap_info 2> /dev/null | grep -o 'used [0-9]*K' | head -1)"
bench_machine
