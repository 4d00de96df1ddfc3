-- Allocation updates a lot's quantities without touching any index (issue #11, FEFO allocation).
-- Before, the partial FEFO index named allocated, shipped and consumed in its predicate, so PostgreSQL
-- could never update a lot in place (a HOT update): every allocation wrote a new entry into each of
-- the lot table's seven indexes. The rule's balance is now a stored generated column that changes only
-- when a lot's available stock reaches zero (or comes back), and the index names that column.
--   stock_available = quantity > allocated + shipped + consumed + disposed  (LotQuantities#available > 0)
-- A page kept 10 % free lets the new row version stay on its page: the fill factor is set first, so
-- that adding the column, which rewrites the table once, leaves that room on every page.
ALTER TABLE lot SET (fillfactor = 90);
ALTER TABLE lot ADD COLUMN stock_available boolean
    GENERATED ALWAYS AS (quantity > allocated + shipped + consumed + disposed) STORED;
DROP INDEX ix_lot_fefo_available;
CREATE INDEX ix_lot_fefo_available ON lot (product_id, expiration_date, manufacture_date, lot_number)
    WHERE status = 'RELEASED' AND stock_available;
