-- A receipt's supplier lot number is checked against the ones on record whatever their case (re-test 2026-12-06 Y2:
-- "dc-7" beside "DC-7" of one supplier split the supplier lot): an index on the upper-cased number. H2, the embedded
-- default, compares without one.
CREATE INDEX ix_lot_supplier_lot_upper ON lot (UPPER(supplier_lot_number));
