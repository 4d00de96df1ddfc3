-- The quality history and trend of a product (GET /api/reports/quality-history, /quality-trend) read its lots
-- created in a date range in creation order, the first few thousand: with the product first, that is one short
-- range of this index. Through ix_lot_created_at (V97) PostgreSQL read every lot of the range and sorted them
-- (1.2 s for FG-01's first 5,000 lots on the benchmark data, whose lots were all created in one load).
-- created_at never changes, so no in-place (HOT) update of a lot is lost.
CREATE INDEX ix_lot_product_created ON lot (product_id, created_at, id);
