#!/usr/bin/env bash
# Issue #16: the audit trail's hash chain at a plant's scale. Creates the database lotflow_bench_audit (dropped
# first), lets lotflow migrate it, inserts EVENTS lot events by SQL (default 1,000,000, spread over 10,000 lots of
# the demo product, each with a JSON detail like a signature's), then times with curl:
#   1. the first GET /api/audit/verify: seals every event (the state after upgrading a plant's database to V110)
#      and walks the chain;
#   2. a second verify: nothing to seal, the walk alone;
#   3. a verify after 1,000 new events.
#   bench/audit-chain.sh            EVENTS=200000 bench/audit-chain.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
EVENTS=${EVENTS:-1000000}
PORT=${PORT:-18460}
BENCH_DB=lotflow_bench_audit
bench_jar
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $BENCH_DB WITH (FORCE)" -c "CREATE DATABASE $BENCH_DB"
APP_ARGS="--lotflow.audit.seal-interval=PT0S --lotflow.audit.check-interval=PT0S"
bench_start "$PORT"; bench_stop
insert_events() { # $1 count
  $PSQL -d "$BENCH_DB" -c "
    INSERT INTO lot (lot_number, product_id, quantity, manufacture_date, expiration_date, location, source, status,
                     created_at, created_by)
    SELECT 'AUD-' || lpad(g::text, 6, '0'), (SELECT id FROM product ORDER BY id LIMIT 1), 1000, date '2025-01-01',
           date '2027-01-01', 'A', 'PRODUCTION', 'RELEASED', now(), 'bench'
      FROM generate_series(1, 10000) g ON CONFLICT DO NOTHING;
    INSERT INTO lot_event (lot_id, at, type, user_id, user_name, previous_status, new_status, reason, detail)
    SELECT l.id, now() - interval '1 day' + g * interval '1 millisecond', 'STATUS_CHANGED', 'jennifer', 'Jennifer Lee',
           'PENDING', 'RELEASED', 'Lab results within specification',
           '{\"signature\":{\"userId\":\"jennifer\",\"fullName\":\"Jennifer Lee\",\"at\":\"2025-01-28T14:05:00Z\",\"meaning\":\"release approval\"}}'
      FROM generate_series(1, $1) g JOIN lot l ON l.lot_number = 'AUD-' || lpad((1 + g % 10000)::text, 6, '0');"
}
t0=$(date +%s); insert_events "$EVENTS"; echo "# inserted $EVENTS events in $(( $(date +%s) - t0 )) s"
$PSQL -d "$BENCH_DB" -c "VACUUM ANALYZE lot_event"
bench_start "$PORT"
trap bench_stop EXIT
bench_machine
verify() { # $1 label
  curl -s -o /tmp/audit-verify.json -u jennifer:jennifer -w "| $1 | %{time_total} s | " \
    "http://localhost:$PORT/api/audit/verify"
  python3 -c "import json; v = json.load(open('/tmp/audit-verify.json')); print(v['events'], '|', v['intact'], '|')"
}
echo "| verification | time | events in the chain | intact |"
echo "|---|---|---|---|"
verify "first: seal $EVENTS events, walk"
verify "second: walk only"
insert_events 1000 > /dev/null
verify "after 1,000 new events"
echo "# PostgreSQL backend RSS is not measured; lotflow's heap: $(jcmd "$APP_PID" GC.heap_info 2> /dev/null | grep -o 'used [0-9]*K' | head -1)"
