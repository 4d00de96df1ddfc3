-- PostgreSQL gets a partial index here (db/vendor/postgresql); H2 has none, and its FEFO candidates
-- are read through ix_lot_product_status_fefo. Kept so both databases have the same migration versions.
SELECT 1;
