#!/usr/bin/env bash
# Benchmark: "who got batch X?" on a plant-sized genealogy, on PostgreSQL.
#
#   bench/trace-and-recall.sh            (builds the jar if needed; needs PostgreSQL on 127.0.0.1:5432)
#
# Creates the database lotflow_bench, starts lotflow on it (postgres profile, demo users), loads
#   500 raw-material lots -> 5,000 intermediate lots (3 inputs each) -> 50,000 finished lots
#   (2 inputs each), 50,000 orders and 100,000 shipments to 5,000 customers,
# then times (median of RUNS calls, curl's time_total, server on the same machine):
#   - trace downstream of a raw-material lot (~30 intermediates, ~600 finished lots, ~1,200 shipments), JSON and CSV
#   - trace upstream of a finished lot
#   - POST /api/recalls of a raw-material lot (scope, RECALLED statuses, history, process start), 5 different lots
# and the JVM's heap after the runs. Figures are written down in bench/RESULTS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18181}
RUNS=${RUNS:-20}
DB=lotflow_bench
PSQL="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

[ -f target/lotflow-0.1.0-SNAPSHOT.jar ] || mvn -q -B -DskipTests package
$PSQL -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

LOTFLOW_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB LOTFLOW_DEMO_DATA=true \
  java -Xmx1g -jar target/lotflow-0.1.0-SNAPSHOT.jar --spring.profiles.active=postgres \
  --server.port=$PORT --lotflow.today=2025-01-28 > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
curl -sf localhost:$PORT/actuator/health >/dev/null || { echo "lotflow did not start"; tail -50 target/bench-app.log; exit 1; }

echo "loading the genealogy and the shipment ledger..."
t0=$(date +%s.%N)
$PSQL -d $DB <<'SQL'
INSERT INTO product (sku, name, unit, shelf_life_months, lot_number_pattern, created_at, created_by) VALUES
  ('BENCH-RM', 'Bench base oil', 'kg', 36, 'BRM-{yyyy}-{seq:5}', now(), 'bench'),
  ('BENCH-IM', 'Bench additive blend', 'kg', 36, 'BIM-{yyyy}-{seq:5}', now(), 'bench'),
  ('BENCH-FG', 'Bench lubricant, 55 gal drum', 'drums', 24, 'BFG-{yyyy}-{seq:5}', now(), 'bench');
INSERT INTO lot (lot_number, product_id, quantity, consumed, manufacture_date, receipt_date, expiration_date,
                 location, source, status, created_at, created_by)
SELECT 'BRM-' || lpad(g::text, 5, '0'), (SELECT id FROM product WHERE sku = 'BENCH-RM'), 100000, 900,
       date '2024-06-01', date '2024-06-03', date '2027-06-01', 'Tank farm', 'RECEIPT', 'RELEASED', now(), 'bench'
  FROM generate_series(1, 500) g;
INSERT INTO lot (lot_number, product_id, quantity, consumed, manufacture_date, expiration_date,
                 location, source, status, created_at, created_by)
SELECT 'BIM-' || lpad(g::text, 5, '0'), (SELECT id FROM product WHERE sku = 'BENCH-IM'), 10000, 400,
       date '2024-07-01', date '2027-07-01', 'Blending', 'PRODUCTION', 'RELEASED', now(), 'bench'
  FROM generate_series(1, 5000) g;
INSERT INTO lot (lot_number, product_id, quantity, shipped, manufacture_date, expiration_date,
                 location, source, status, created_at, created_by)
SELECT 'BFG-' || lpad(g::text, 5, '0'), (SELECT id FROM product WHERE sku = 'BENCH-FG'), 1000, 200,
       date '2024-09-01', date '2026-09-01', 'Warehouse A', 'PRODUCTION', 'RELEASED', now(), 'bench'
  FROM generate_series(1, 50000) g;
INSERT INTO lot_source (lot_id, source_lot_id, quantity)
SELECT DISTINCT im.id, rm.id, 30
  FROM generate_series(1, 5000) g CROSS JOIN generate_series(0, 2) k
  JOIN lot im ON im.lot_number = 'BIM-' || lpad(g::text, 5, '0')
  JOIN lot rm ON rm.lot_number = 'BRM-' || lpad(((g * 7 + k * 131) % 500 + 1)::text, 5, '0');
INSERT INTO lot_source (lot_id, source_lot_id, quantity)
SELECT DISTINCT fg.id, im.id, 20
  FROM generate_series(1, 50000) g CROSS JOIN generate_series(0, 1) k
  JOIN lot fg ON fg.lot_number = 'BFG-' || lpad(g::text, 5, '0')
  JOIN lot im ON im.lot_number = 'BIM-' || lpad(((g * 13 + k * 2477) % 5000 + 1)::text, 5, '0');
INSERT INTO sales_order (order_number, customer, product_id, quantity, status, created_at, created_by)
SELECT 'BSO-' || lpad(g::text, 6, '0'), 'Customer ' || lpad((g % 5000)::text, 4, '0'),
       (SELECT id FROM product WHERE sku = 'BENCH-FG'), 200, 'SHIPPED', now(), 'bench'
  FROM generate_series(1, 50000) g;
INSERT INTO shipment (order_id, lot_id, customer, quantity, shipped_at, carrier, created_at, created_by)
SELECT o.id, fg.id, o.customer, 100, date '2024-10-01' + (k * 30 + g % 60), 'Bench Freight', now(), 'bench'
  FROM generate_series(1, 50000) g CROSS JOIN generate_series(0, 1) k
  JOIN sales_order o ON o.order_number = 'BSO-' || lpad(g::text, 6, '0')
  JOIN lot fg ON fg.lot_number = 'BFG-' || lpad(g::text, 5, '0');
ANALYZE;
SQL
echo "loaded in $(echo "$(date +%s.%N) - $t0" | bc) s"

median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f ms (min %.1f, max %.1f, n=%d)\n", m*1000, a[1]*1000, a[NR]*1000, NR}'; }
time_get() { # user accept path
  curl -s -o /dev/null -u "$1:$1" -H "Accept: $2" localhost:$PORT$3   # warm-up
  for _ in $(seq 1 "$RUNS"); do curl -s -o /dev/null -w '%{time_total}\n' -u "$1:$1" -H "Accept: $2" localhost:$PORT$3; done | median
}

echo "downstream trace of a raw-material lot:"
curl -s -u rachel:rachel localhost:$PORT/api/lots/BRM-00042/trace?direction=downstream \
  | python3 -c 'import json,sys; t=json.load(sys.stdin); print("  reaches", len(t["lots"]), "lots and", len(t["customers"]), "shipments")'
echo -n "  JSON: "; time_get rachel application/json "/api/lots/BRM-00042/trace?direction=downstream"
echo -n "  CSV:  "; time_get rachel text/csv "/api/lots/BRM-00042/trace?direction=downstream"
echo -n "upstream trace of a finished lot: "; time_get rachel application/json "/api/lots/BFG-01234/trace?direction=upstream"

echo "recall of a raw-material lot (scope, statuses, history, process):"
for lot in BRM-00101 BRM-00202 BRM-00303 BRM-00404 BRM-00455; do
  curl -s -o target/bench-recall.json -w '%{time_total}\n' -u rachel:rachel -H 'Content-Type: application/json' \
    localhost:$PORT/api/recalls -d "{\"lots\":[\"$lot\"],\"reason\":\"benchmark contamination\",\"classification\":\"CLASS_II\"}"
done | median | sed 's/^/  /'
python3 -c 'import json; r=json.load(open("target/bench-recall.json")); print("  last recall:", r.get("recallNumber"), "affected lots:", len(r.get("affectedLots", r.get("lots", []))))' || true

heap=$(curl -s -u demo:demo "localhost:$PORT/actuator/metrics/jvm.memory.used?tag=area:heap" \
  | python3 -c 'import json,sys; print(round(json.load(sys.stdin)["measurements"][0]["value"]/1048576))')
rss=$(ps -o rss= -p $APP | awk '{print int($1/1024)}')
echo "JVM heap used: ${heap} MiB, process RSS: ${rss} MiB (-Xmx1g)"
