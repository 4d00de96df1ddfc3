#!/usr/bin/env bash
# Loads a plant-sized data set into a PostgreSQL database that lotflow has already migrated
# (start lotflow once on it with the postgres profile, or let a bench script do it).
#
#   bench/data/load.sh <database>            SCALE=0.01 bench/data/load.sh <database>   (a 1% copy)
#
# At SCALE=1 (about 4.5 minutes on 2 cores): 20 products, 1,000,105 lots, 2.94M genealogy links,
# 2.57M sales orders (one SHIPPED allocation each) and 10.26M shipment lines to 20,000 customers.
# See bench/data/README.md for the shape and the lots worth tracing. Run lotflow with
# --lotflow.today=2026-12-01: statuses and expirations are set for that day.
set -euo pipefail
DB=${1:?usage: bench/data/load.sh <database>}
SCALE=${SCALE:-1}
PSQL="psql -h ${PGHOST:-127.0.0.1} -U ${PGUSER:-postgres} -d $DB -v ON_ERROR_STOP=1 -q"
n() { awk -v s="$SCALE" -v n="$1" 'BEGIN { v = int(n * s + 0.5); print (v < 1 ? 1 : v) }'; }
N_RAW=$(n 20000); N_IM=$(n 80000); N_FG=$(n 900000); N_CUST=$(n 20000)

if [ "$($PSQL -tAc "SELECT count(*) FROM product WHERE sku = 'FG-01'")" != 0 ]; then
  echo "$DB already holds the bench data (product FG-01)"; exit 1
fi
t0=$(date +%s)
$PSQL -v n_raw="$N_RAW" -v n_im="$N_IM" -v n_fg="$N_FG" -v n_cust="$N_CUST" <<'SQL'
SET synchronous_commit = off;
INSERT INTO product (sku, name, unit, shelf_life_months, lot_number_pattern, created_at, created_by)
SELECT sku, name, unit, months, prefix || '-{yyyy}-{seq:7}', now(), 'bench' FROM (VALUES
  ('RM-01', 'Base oil group II', 'kg', 36, 'RM01'), ('RM-02', 'Base oil group III', 'kg', 36, 'RM02'),
  ('RM-03', 'Viscosity modifier', 'kg', 36, 'RM03'), ('RM-04', 'Antioxidant package', 'kg', 36, 'RM04'),
  ('RM-05', 'Pour point depressant', 'kg', 36, 'RM05'),
  ('IM-01', 'Additive blend A', 'kg', 30, 'IM01'), ('IM-02', 'Additive blend B', 'kg', 30, 'IM02'),
  ('IM-03', 'Additive blend C', 'kg', 30, 'IM03'), ('IM-04', 'Additive blend D', 'kg', 30, 'IM04'),
  ('FG-01', 'Industrial lubricant 55 gal', 'drums', 24, 'FG01'), ('FG-02', 'Hydraulic fluid 55 gal', 'drums', 24, 'FG02'),
  ('FG-03', 'Gear oil 5 gal', 'pails', 24, 'FG03'), ('FG-04', 'Turbine oil 55 gal', 'drums', 24, 'FG04'),
  ('FG-05', 'Compressor oil 5 gal', 'pails', 24, 'FG05'), ('FG-06', 'Way oil 5 gal', 'pails', 24, 'FG06'),
  ('FG-07', 'Food-grade lubricant 1 gal', 'cases', 24, 'FG07'), ('FG-08', 'Chain oil 1 gal', 'cases', 24, 'FG08'),
  ('FG-09', 'Cutting fluid 1 gal', 'cases', 24, 'FG09'), ('FG-10', 'Spindle oil 1 gal', 'cases', 24, 'FG10'),
  ('RW-01', 'Reworked lubricant 55 gal', 'drums', 24, 'RW01')) p(sku, name, unit, months, prefix);

CREATE TEMP TABLE k AS SELECT
  (SELECT coalesce(max(id), 0) FROM lot) AS base,
  (SELECT id FROM product WHERE sku = 'RW-01') AS rw,
  (SELECT coalesce(max(id), 0) FROM sales_order) AS obase,
  :n_raw::bigint AS n_raw, :n_im::bigint AS n_im, :n_fg::bigint AS n_fg, :n_cust::bigint AS n_cust;
-- product ids by layer and position (RM-01 = rm 0 ...), looked up by exact SKU: the demo's products
-- (RM-BASE-OIL, ...) share the prefixes
CREATE TEMP TABLE bp AS
SELECT substr(sku, 1, 2) AS layer, CAST(substr(sku, 4) AS int) - 1 AS n, id FROM product
 WHERE sku ~ '^(RM|IM|FG)-[0-9]{2}$';

-- Raw-material lots: ids base+1 .. base+n_raw. Lots 1, 2 and 3 are the hubs (see the intermediates).
INSERT INTO lot (id, lot_number, product_id, quantity, consumed, manufacture_date, receipt_date, expiration_date,
                 location, source, status, created_at, created_by)
SELECT k.base + i, 'RM0' || ((i - 1) % 5 + 1) || '-B' || lpad(i::text, 7, '0'),
       (SELECT id FROM bp WHERE layer = 'RM' AND n = (i - 1) % 5),
       100000, 90000, date '2024-01-01' + (i % 700)::int, date '2024-01-03' + (i % 700)::int,
       date '2027-01-01' + (i % 700)::int, 'Tank farm', 'RECEIPT', 'RELEASED', now(), 'bench'
  FROM k, generate_series(1, k.n_raw) i;

-- Intermediate lots: ids base+n_raw+j, three raw inputs each; every 30th also uses raw lot 1, every
-- 180th raw lot 2, every 450th raw lot 3.
INSERT INTO lot (id, lot_number, product_id, quantity, consumed, manufacture_date, expiration_date,
                 location, production_order, source, status, created_at, created_by)
SELECT k.base + k.n_raw + j, 'IM0' || ((j - 1) % 4 + 1) || '-B' || lpad(j::text, 7, '0'),
       (SELECT id FROM bp WHERE layer = 'IM' AND n = (j - 1) % 4),
       10000, 9000, date '2024-03-01' + (j % 600)::int, date '2026-09-01' + (j % 600)::int,
       'Blending', 'PO-IM-' || j, 'PRODUCTION', 'RELEASED', now(), 'bench'
  FROM k, generate_series(1, k.n_im) j;
INSERT INTO lot_source (lot_id, source_lot_id, quantity)
SELECT DISTINCT k.base + k.n_raw + j, k.base + r, 3000
  FROM k, generate_series(1, k.n_im) j,
       LATERAL (SELECT 4 + ((j * 7919 + x * 104729) % greatest(k.n_raw - 3, 1)) AS r FROM generate_series(0, 2) x
                UNION SELECT 1 WHERE j % 30 = 0 UNION SELECT 2 WHERE j % 180 = 0 UNION SELECT 3 WHERE j % 450 = 0) s
 WHERE s.r <= k.n_raw;

-- Finished lots: ids base+n_raw+n_im+f, three intermediate inputs each; product sizes 400:200:100:80:60:40:12:4:2:2
-- (of every 900). Status by q = (f + f / 900) % 100 (f % 100 alone would give each product a few fixed
-- statuses, since 100 divides 900; manufacture dates mix in f / 900 for the same reason): 90-94 PENDING
-- (never shipped), 95-97 QUARANTINE, 98 REJECTED, else RELEASED, and EXPIRED when the expiration date is on or before 2026-12-01. Shipped lots: 1,000 units, 600 shipped.
INSERT INTO lot (id, lot_number, product_id, quantity, shipped, manufacture_date, expiration_date,
                 location, production_order, source, status, created_at, created_by)
SELECT k.base + k.n_raw + k.n_im + f, 'FG' || lpad((p + 1)::text, 2, '0') || '-B' || lpad(f::text, 7, '0'),
       (SELECT id FROM bp WHERE layer = 'FG' AND n = p),
       1000, CASE WHEN q BETWEEN 90 AND 94 THEN 0 ELSE 600 END,
       mfg, mfg + 730, 'Warehouse ' || chr(65 + (f % 4)::int), 'PO-FG-' || f, 'PRODUCTION',
       CASE WHEN q BETWEEN 90 AND 94 THEN 'PENDING'
            WHEN q BETWEEN 95 AND 97 THEN 'QUARANTINE'
            WHEN q = 98 THEN 'REJECTED'
            WHEN mfg + 730 <= date '2026-12-01' THEN 'EXPIRED'
            ELSE 'RELEASED' END, now(), 'bench'
  FROM k, generate_series(1, k.n_fg) f,
       LATERAL (SELECT date '2024-06-01' + ((f * 37 + f / 900) % 900)::int AS mfg, (f + f / 900) % 100 AS q,
                       CASE WHEN (f - 1) % 900 < 400 THEN 0 WHEN (f - 1) % 900 < 600 THEN 1
                            WHEN (f - 1) % 900 < 700 THEN 2 WHEN (f - 1) % 900 < 780 THEN 3
                            WHEN (f - 1) % 900 < 840 THEN 4 WHEN (f - 1) % 900 < 880 THEN 5
                            WHEN (f - 1) % 900 < 892 THEN 6 WHEN (f - 1) % 900 < 896 THEN 7
                            WHEN (f - 1) % 900 < 898 THEN 8 ELSE 9 END AS p) d;
INSERT INTO lot_source (lot_id, source_lot_id, quantity)
SELECT DISTINCT k.base + k.n_raw + k.n_im + f, k.base + k.n_raw + 1 + ((f * 7919 + x * 15485863) % k.n_im), 100
  FROM k, generate_series(1, k.n_fg) f, generate_series(0, 2) x;

-- Rework chains: 5 chains of 21 lots, each made from the one before; the first from finished lot c.
INSERT INTO lot (id, lot_number, product_id, quantity, manufacture_date, expiration_date,
                 location, source, status, created_at, created_by)
SELECT k.base + k.n_raw + k.n_im + k.n_fg + (c - 1) * 21 + d, 'RW01-C' || c || '-D' || lpad(d::text, 2, '0'), k.rw,
       100, date '2025-06-01' + d, date '2027-06-01' + d, 'Rework bay', 'REPACKAGING', 'RELEASED', now(), 'bench'
  FROM k, generate_series(1, 5) c, generate_series(1, 21) d;
INSERT INTO lot_source (lot_id, source_lot_id, quantity)
SELECT k.base + k.n_raw + k.n_im + k.n_fg + (c - 1) * 21 + d,
       CASE WHEN d = 1 THEN k.base + k.n_raw + k.n_im + least(c, k.n_fg)
            ELSE k.base + k.n_raw + k.n_im + k.n_fg + (c - 1) * 21 + d - 1 END, 100
  FROM k, generate_series(1, 5) c, generate_series(1, 21) d;

-- Three orders per shipped finished lot (200 units, one SHIPPED allocation each), shipped in four lines of 50.
-- Customers by a multiplicative hash modulo a prime: lots made from the same inputs go to unrelated customers.
INSERT INTO sales_order (id, order_number, customer, product_id, quantity, status, created_at, created_by)
SELECT k.obase + (f - 1) * 3 + o, 'SO-B' || lpad(((f - 1) * 3 + o)::text, 8, '0'),
       'Customer ' || lpad((1 + (((f * 3 + o) * 2654435761) % 1000003) % k.n_cust)::text, 5, '0'), l.product_id,
       200, 'SHIPPED',
       now(), 'bench'
  FROM k, generate_series(1, k.n_fg) f, generate_series(1, 3) o, lot l
 WHERE l.id = k.base + k.n_raw + k.n_im + f AND l.status <> 'PENDING';
-- The per-day tally of allocations (V119) is kept by a row trigger on allocation; 2.57M inserts into the same few
-- tally rows in one statement would each update the row the one before updated (a version chain that grows with
-- every row), so the load adds its allocations with that trigger off and then adds them to the tally in one pass,
-- the same sums the trigger would have made (one transaction: a failed load leaves the trigger on).
BEGIN;
ALTER TABLE allocation DISABLE TRIGGER allocation_day_tally_insert;
INSERT INTO allocation (order_id, product_id, lot_id, quantity, status, fefo, created_at, created_by, closed_at)
SELECT o.id, o.product_id, k.base + k.n_raw + k.n_im + ((o.id - k.obase - 1) / 3 + 1), 200, 'SHIPPED', true, now(), 'bench', now()
  FROM k, sales_order o WHERE o.id > k.obase;
INSERT INTO allocation_day_tally AS t (product_id, allocation_day, fefo, allocations, quantity)
SELECT a.product_id, (a.created_at AT TIME ZONE 'UTC')::date, a.fefo, COUNT(*), SUM(a.quantity)
  FROM k, allocation a JOIN sales_order o ON o.id = a.order_id WHERE o.id > k.obase
 GROUP BY a.product_id, (a.created_at AT TIME ZONE 'UTC')::date, a.fefo
    ON CONFLICT (product_id, allocation_day, fefo)
    DO UPDATE SET allocations = t.allocations + EXCLUDED.allocations, quantity = t.quantity + EXCLUDED.quantity;
ALTER TABLE allocation ENABLE TRIGGER allocation_day_tally_insert;
COMMIT;
INSERT INTO shipment (order_id, lot_id, customer, quantity, shipped_at, carrier, created_at, created_by)
SELECT o.id, k.base + k.n_raw + k.n_im + ((o.id - k.obase - 1) / 3 + 1), o.customer, 50,
       l.manufacture_date + 20 + line * 7, 'Bench Freight', now(), 'bench'
  FROM k, sales_order o, generate_series(0, 3) line, lot l
 WHERE o.id > k.obase AND l.id = k.base + k.n_raw + k.n_im + ((o.id - k.obase - 1) / 3 + 1);

DO $$ BEGIN
  PERFORM setval(pg_get_serial_sequence('lot', 'id'), (SELECT max(id) FROM lot));
  PERFORM setval(pg_get_serial_sequence('sales_order', 'id'), (SELECT max(id) FROM sales_order));
  PERFORM setval(pg_get_serial_sequence('allocation', 'id'), (SELECT max(id) FROM allocation));
  PERFORM setval(pg_get_serial_sequence('shipment', 'id'), (SELECT max(id) FROM shipment));
END $$;
ANALYZE;
SQL
echo "loaded $DB at SCALE=$SCALE in $(( $(date +%s) - t0 )) s:"
$PSQL -tA -F' ' -c "SELECT 'lots', count(*) FROM lot UNION ALL SELECT 'genealogy links', count(*) FROM lot_source
  UNION ALL SELECT 'orders', count(*) FROM sales_order UNION ALL SELECT 'shipment lines', count(*) FROM shipment
  UNION ALL SELECT 'customers', count(DISTINCT customer) FROM sales_order"
