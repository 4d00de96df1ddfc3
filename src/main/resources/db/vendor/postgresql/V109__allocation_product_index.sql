-- FEFO compliance per product and period read from the index alone (an index-only scan): the allocation's
-- product and time as keys, how it was chosen and how much as included columns. None of them changes after the
-- allocation is made, so shipping or cancelling it still updates the row in place.
CREATE INDEX ix_allocation_product_created ON allocation (product_id, created_at) INCLUDE (fefo, quantity);
