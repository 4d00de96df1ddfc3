-- An allocation's closing reason is the whole reason its lot lost it: "Lot X became RECALLED: " and the recall's or the
-- hold's reason as the person wrote it (up to 2,000 characters), or the order's cancellation. It was kept to its first
-- 500 characters without a word (Allocation.cancel cut it): nothing a record says is cut. VARCHAR without a length, as
-- the history event's detail (V129): unbounded on PostgreSQL, H2's largest on H2.
ALTER TABLE allocation ALTER COLUMN close_reason SET DATA TYPE VARCHAR;
