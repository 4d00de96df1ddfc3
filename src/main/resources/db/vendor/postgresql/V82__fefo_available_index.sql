-- FEFO candidates (LotRepository.findFefoCandidateIds, issue #11): only RELEASED lots with stock
-- available are in this index, so fully allocated lots at the head of a product's FEFO order are never
-- read again. PostgreSQL only (H2 has no partial indexes; there ix_lot_product_status_fefo serves).
CREATE INDEX ix_lot_fefo_available ON lot (product_id, expiration_date, manufacture_date, lot_number)
    WHERE status = 'RELEASED' AND quantity > allocated + shipped + consumed;
