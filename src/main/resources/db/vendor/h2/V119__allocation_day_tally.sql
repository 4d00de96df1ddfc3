-- The per-day allocation tally (see db/vendor/postgresql/V119, where it is a table kept by a trigger so that a
-- million-lot plant's FEFO compliance over all time reads days, not allocations). The embedded H2 database holds
-- a plant's demo or a small site: the same shape as a view, computed when read, so it is never out of step.
CREATE VIEW allocation_day_tally AS
SELECT product_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE) AS allocation_day, fefo,
       CAST(COUNT(*) AS BIGINT) AS allocations, SUM(quantity) AS quantity
  FROM allocation
 GROUP BY product_id, CAST(created_at AT TIME ZONE 'UTC' AS DATE), fefo;
