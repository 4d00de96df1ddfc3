-- Order numbers are unique whatever their case, as lot numbers, SKUs and serials are (V122; auditor 2026-12-06 G9):
-- "so-a8-1" beside "SO-A8-1" read as one order in traces, recall exports and EPCIS. A database that already holds two
-- order numbers differing only in case stops this migration: rename one first.
CREATE UNIQUE INDEX ux_sales_order_number_folded ON sales_order (UPPER(order_number));
