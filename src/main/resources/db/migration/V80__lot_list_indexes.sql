-- The lot list (GET /api/lots, issue #11): one index per filter combination, each starting with the
-- filter's equality columns and continuing in FEFO order, so any page is one short index range scan.
-- ix_lot_fefo (no filter, or expiring only) and ix_lot_product_fefo (product) exist since V2.
CREATE INDEX ix_lot_status_fefo ON lot (status, expiration_date, manufacture_date, lot_number);
CREATE INDEX ix_lot_product_status_fefo ON lot (product_id, status, expiration_date, manufacture_date, lot_number);
-- ix_lot_status is the first column of ix_lot_status_fefo.
DROP INDEX ix_lot_status;
