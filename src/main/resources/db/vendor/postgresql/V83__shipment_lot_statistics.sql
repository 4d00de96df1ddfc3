-- "Who got batch X?" reads the shipments of thousands of lots at once (issue #11). ANALYZE's default
-- sample misjudged how many lots the 10-million-line ledger holds (207,000 instead of 855,000 on the
-- benchmark data), and PostgreSQL then scanned the whole table: a larger sample for this column.
ALTER TABLE shipment ALTER COLUMN lot_id SET STATISTICS 1000;
