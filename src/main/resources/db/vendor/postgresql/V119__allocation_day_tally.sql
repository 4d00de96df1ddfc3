-- FEFO compliance over any period in a time that does not grow with the number of allocations (issue #13: every
-- report within 1 s at 1,000,000 lots; over all time FG-01's 1.14 million allocations took 0.9-1.1 s even from
-- the index alone). One row per product, UTC day and way of choosing (FEFO or override) with the count and the
-- quantity of the allocations made that day. The report sums whole days from here and reads only the partial
-- first and last day of a period from ix_allocation_product_created (order.AllocationReports#split).
--
-- Kept by the database itself, in the transaction that writes the allocation, so it can never disagree with
-- the allocations: an insert adds, a delete subtracts, and an update of a counted column (the application never
-- makes one: product, time, way and quantity are fixed when an allocation is made) moves the allocation from
-- its old row to its new one. Allocations of one product are already made one transaction at a time (the
-- product's lock, V81), so the tally row adds no waiting on the allocation path.
CREATE TABLE allocation_day_tally (
    product_id  BIGINT         NOT NULL,
    allocation_day DATE           NOT NULL,
    fefo        BOOLEAN        NOT NULL,
    allocations BIGINT         NOT NULL,
    quantity    NUMERIC(19, 3) NOT NULL,
    PRIMARY KEY (product_id, allocation_day, fefo)
);

INSERT INTO allocation_day_tally (product_id, allocation_day, fefo, allocations, quantity)
SELECT product_id, (created_at AT TIME ZONE 'UTC')::date, fefo, COUNT(*), SUM(quantity)
  FROM allocation
 GROUP BY product_id, (created_at AT TIME ZONE 'UTC')::date, fefo;

CREATE FUNCTION allocation_day_tally_keep() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE allocation_day_tally
           SET allocations = allocations - 1, quantity = quantity - OLD.quantity
         WHERE product_id = OLD.product_id AND allocation_day = (OLD.created_at AT TIME ZONE 'UTC')::date AND fefo = OLD.fefo;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO allocation_day_tally AS t (product_id, allocation_day, fefo, allocations, quantity)
        VALUES (NEW.product_id, (NEW.created_at AT TIME ZONE 'UTC')::date, NEW.fefo, 1, NEW.quantity)
        ON CONFLICT (product_id, allocation_day, fefo)
        DO UPDATE SET allocations = t.allocations + 1, quantity = t.quantity + EXCLUDED.quantity;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER allocation_day_tally_insert AFTER INSERT OR DELETE ON allocation
    FOR EACH ROW EXECUTE FUNCTION allocation_day_tally_keep();

-- Hibernate writes every mapped column on an update (shipping, cancelling): only a real change of a counted
-- column moves the allocation between rows.
CREATE TRIGGER allocation_day_tally_update AFTER UPDATE OF product_id, created_at, fefo, quantity ON allocation
    FOR EACH ROW
    WHEN (OLD.product_id IS DISTINCT FROM NEW.product_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
          OR OLD.fefo IS DISTINCT FROM NEW.fefo OR OLD.quantity IS DISTINCT FROM NEW.quantity)
    EXECUTE FUNCTION allocation_day_tally_keep();
