-- What a received lot's supplier prints as (its confusable skeleton, lower case; PartyNames.printsAs), so a receipt
-- from a supplier that prints like another one already on record ("Gulf Соast Base Oils" with a Cyrillic "С" and "о"
-- beside "Gulf Coast Base Oils") is refused instead of splitting one supplier in two in every raw-material recall and
-- FSMA 204 record (the supplier is the immediate previous source). Filled for the lots on record by V143; null for
-- lots made at the plant and for lots loaded by SQL around the application (benchmarks).
ALTER TABLE lot ADD COLUMN supplier_key VARCHAR(800);
CREATE INDEX ix_lot_supplier_key ON lot (supplier_key);
