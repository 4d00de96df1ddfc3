-- The override requests of a product's orders (FEFO compliance's list, order.AllocationReports#overrides) from
-- an index of only the orders that asked for a lot out of FEFO order, instead of a pass over every order of the
-- product: 300 ms for FG-01's 1.14 million orders on the 1,000,000-lot benchmark (issue #13), of which a handful
-- asked. override_status is written when an override is asked for and changes as it is decided, so only those
-- orders' rows lose in-place updates; product_id and created_at never change.
CREATE INDEX ix_sales_order_override_requests ON sales_order (product_id, created_at, id)
    WHERE override_status IS NOT NULL;
