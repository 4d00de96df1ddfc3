-- Lot numbers, SKUs and a product's serials are unique whatever their case (auditor 2026-12-05 F4): "IL250-2025-013"
-- and "il250-2025-013" would be two lots that every person, label and recall list reads as one. Expression indexes
-- on the upper-cased text; the creating code looks them up the same way (upper(x) = upper(?)). A database that
-- already holds two identifiers differing only in case stops this migration: rename one first.
CREATE UNIQUE INDEX ux_lot_number_folded ON lot (UPPER(lot_number));
CREATE UNIQUE INDEX ux_product_sku_folded ON product (UPPER(sku));
CREATE UNIQUE INDEX ux_serial_number_folded ON serial_number (product_id, UPPER(serial));
