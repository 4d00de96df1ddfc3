-- Order numbers are unique whatever their case, as lot numbers, SKUs and serials are (V122; auditor 2026-12-06 G9):
-- "so-a8-1" beside "SO-A8-1" read as one order in traces, recall exports and EPCIS. H2 has no expression index: the
-- upper-cased text is a generated column with a unique index.
ALTER TABLE sales_order ADD COLUMN order_number_folded VARCHAR(64) GENERATED ALWAYS AS (UPPER(order_number));
CREATE UNIQUE INDEX ux_sales_order_number_folded ON sales_order (order_number_folded);
