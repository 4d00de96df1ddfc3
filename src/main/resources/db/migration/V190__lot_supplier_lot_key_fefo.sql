-- The lot list's supplier lot filter (GET /api/lots?supplierLotNumber=, the Console's lot filter) compares by the
-- supplier lot key (V189: NFKC, capitals, letters and digits only), as the receipt's and the release's checks do, so
-- "GCB 25 0112", "gcb-25-0112" and "GCB‐25‐0112" list the lots of GCB-25-0112 (session 27's note: the filter ignored
-- capitals only). The key's index continues in FEFO order, so a page is one index range without a sort; it replaces
-- V189's index on the key alone (its prefix) and V159's upper-cased column and index, which nothing reads any more.
CREATE INDEX ix_lot_supplier_lot_key_fefo ON lot (supplier_lot_key, expiration_date, manufacture_date, lot_number);
DROP INDEX ix_lot_supplier_lot_key;
DROP INDEX ix_lot_supplier_lot_folded_fefo;
ALTER TABLE lot DROP COLUMN supplier_lot_folded;
