-- The override requests of a product's orders (see db/vendor/postgresql/V120; H2 has no partial index).
CREATE INDEX ix_sales_order_override_requests ON sales_order (product_id, override_status, created_at);
