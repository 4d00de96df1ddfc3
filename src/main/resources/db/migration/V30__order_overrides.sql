-- Allocation overrides (FEFO / shelf-life exceptions approved or refused by a QA manager).
-- The order keeps the request and its decision; each allocation keeps why it broke FEFO.
ALTER TABLE sales_order ADD COLUMN override_status VARCHAR(24);
ALTER TABLE sales_order ADD COLUMN override_reason VARCHAR(2000);
ALTER TABLE sales_order ADD COLUMN override_decided_by VARCHAR(64);
ALTER TABLE sales_order ADD COLUMN override_comment VARCHAR(2000);
ALTER TABLE sales_order ADD COLUMN cancelled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sales_order ADD COLUMN cancelled_by VARCHAR(64);
ALTER TABLE allocation ADD COLUMN override_reason VARCHAR(2000);
ALTER TABLE allocation ADD COLUMN override_comment VARCHAR(2000);
CREATE INDEX ix_sales_order_product ON sales_order (product_id);
