-- What an order's customer prints as (its confusable skeleton, lower case; InputRules.printsAs), so a new order's
-- customer that prints like another one already on record ("Асме Foods" in Cyrillic beside "Acme Foods") is refused
-- instead of splitting one customer in two in every recall (re-test 2026-12-06 R2). Filled for the orders on record
-- by V141; null only for orders loaded by SQL around the application (benchmarks).
ALTER TABLE sales_order ADD COLUMN customer_key VARCHAR(800);
CREATE INDEX ix_sales_order_customer_key ON sales_order (customer_key);
