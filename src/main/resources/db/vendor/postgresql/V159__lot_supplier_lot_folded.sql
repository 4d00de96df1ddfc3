-- The lot list's supplier lot filter (GET /api/lots?supplierLotNumber=) finds a supplier lot whatever the case it is
-- typed in, as receipts already take "dc-7" and "DC-7" for one supplier lot (auditor round 22 M5: "gcb-24-7781" found
-- no lot). The upper-cased number is a stored generated column (the same column as on H2, so one query serves both),
-- the filter's equality column in an index in FEFO order; it replaces V100's ix_lot_supplier_lot_fefo (the number as
-- written, which nothing searches by any more) and V146's index on UPPER(supplier_lot_number) (a receipt's check now
-- reads the column, the first column of the new index).
ALTER TABLE lot ADD COLUMN supplier_lot_folded VARCHAR(192) GENERATED ALWAYS AS (UPPER(supplier_lot_number)) STORED;
CREATE INDEX ix_lot_supplier_lot_folded_fefo ON lot (supplier_lot_folded, expiration_date, manufacture_date,
    lot_number);
DROP INDEX ix_lot_supplier_lot_fefo;
DROP INDEX ix_lot_supplier_lot_upper;
