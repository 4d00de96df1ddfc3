-- Lot numbers, SKUs and a product's serials are unique whatever their case (see db/vendor/postgresql/V122; auditor
-- 2026-12-05 F4). H2 has no expression index: the upper-cased text is a generated column with a unique index.
ALTER TABLE lot ADD COLUMN lot_number_folded VARCHAR(64) GENERATED ALWAYS AS (UPPER(lot_number));
CREATE UNIQUE INDEX ux_lot_number_folded ON lot (lot_number_folded);
ALTER TABLE product ADD COLUMN sku_folded VARCHAR(64) GENERATED ALWAYS AS (UPPER(sku));
CREATE UNIQUE INDEX ux_product_sku_folded ON product (sku_folded);
ALTER TABLE serial_number ADD COLUMN serial_folded VARCHAR(64) GENERATED ALWAYS AS (UPPER(serial));
CREATE UNIQUE INDEX ux_serial_number_folded ON serial_number (product_id, serial_folded);
