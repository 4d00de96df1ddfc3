-- FEFO compliance per product and period (see db/vendor/postgresql/V109; H2 has no INCLUDE).
CREATE INDEX ix_allocation_product_created ON allocation (product_id, created_at);
