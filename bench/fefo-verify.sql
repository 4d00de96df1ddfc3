-- After bench/fefo-allocation.sh: are this run's allocations (orders numbered :'prefix'-...) correct?
-- Every count must be 0. Run: psql -d lotflow_bench1m -v prefix=RUN1 -v today=2026-12-01 -f bench/fefo-verify.sql
\set QUIET on
\pset footer off
CREATE TEMP TABLE run_allocation AS
SELECT a.id, a.order_id, a.lot_id, a.quantity, l.product_id, l.expiration_date, l.manufacture_date, l.lot_number
  FROM allocation a JOIN sales_order o ON o.id = a.order_id JOIN lot l ON l.id = a.lot_id
 WHERE o.order_number LIKE :'prefix' || '-%';

SELECT 'orders of the run' AS check, count(*) AS value FROM sales_order WHERE order_number LIKE :'prefix' || '-%'
UNION ALL
SELECT 'allocations of the run', count(*) FROM run_allocation
UNION ALL
-- over-allocation: a lot holding more than it has, its allocated column not its open allocations, an order over-filled
SELECT 'over-allocated lots (allocated + shipped + consumed > quantity)', count(*)
  FROM lot WHERE allocated + shipped + consumed > quantity OR allocated < 0
UNION ALL
SELECT 'lots whose allocated differs from their open allocations', count(*)
  FROM lot l JOIN (SELECT lot_id, sum(quantity) q FROM allocation WHERE status = 'OPEN' GROUP BY lot_id) a
    ON a.lot_id = l.id WHERE a.q <> l.allocated
UNION ALL
SELECT 'orders allocated beyond their quantity', count(*)
  FROM sales_order o JOIN (SELECT order_id, sum(quantity) q FROM allocation WHERE status IN ('OPEN', 'SHIPPED')
                            GROUP BY order_id) a ON a.order_id = o.id WHERE a.q > o.quantity
UNION ALL
SELECT 'allocations of non-eligible lots (not RELEASED at the end, or expired)', count(*)
  FROM run_allocation r JOIN lot l ON l.id = r.lot_id
 WHERE l.status <> 'RELEASED' OR r.expiration_date <= :'today'::date
UNION ALL
-- FEFO replay: one product's allocations, in the order they were made (ids are handed out under the
-- product's lock), never step back to an earlier lot in FEFO order ...
SELECT 'FEFO: allocations stepping back to an earlier lot', count(*) FROM (
  SELECT (expiration_date, manufacture_date, lot_number) <
         (lag(expiration_date) OVER w, lag(manufacture_date) OVER w, lag(lot_number) OVER w) AS back
    FROM run_allocation WINDOW w AS (PARTITION BY product_id ORDER BY id)) s WHERE back
UNION ALL
-- ... and leave no stock behind them: every eligible lot before the last one taken is used up
SELECT 'FEFO: eligible lots skipped with stock left', count(*)
  FROM lot l JOIN (SELECT DISTINCT ON (product_id) product_id, expiration_date, manufacture_date, lot_number
                     FROM run_allocation ORDER BY product_id, id DESC) f ON f.product_id = l.product_id
 WHERE l.status = 'RELEASED' AND l.expiration_date > :'today'::date
   AND l.quantity > l.allocated + l.shipped + l.consumed
   AND (l.expiration_date, l.manufacture_date, l.lot_number) < (f.expiration_date, f.manufacture_date, f.lot_number)
UNION ALL
-- the data set has far more stock than a run orders: a short order would mean a lot was missed
SELECT 'orders of the run not fully allocated', count(*)
  FROM sales_order o LEFT JOIN (SELECT order_id, sum(quantity) q FROM run_allocation GROUP BY order_id) a
    ON a.order_id = o.id
 WHERE o.order_number LIKE :'prefix' || '-%' AND coalesce(a.q, 0) < o.quantity;
