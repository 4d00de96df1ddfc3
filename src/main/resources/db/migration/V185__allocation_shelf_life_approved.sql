-- The ship date up to which an allocation's approved override bent the customer's minimum shelf life: the lot had
-- less than the minimum at the ship date the QA manager's approval was judged at (the order's requiredBy, or the day
-- of the approval when later). Shipping skips the shelf-life re-check for it only up to that date: later, the lot has
-- less shelf life left than the signature allowed, and the minimum is judged again (re-test 2026-12-07 R4). NULL: the
-- override bent FEFO only (or the allocation was made by FEFO), and the minimum is judged like any allocation's.
ALTER TABLE allocation ADD COLUMN shelf_life_approved_through DATE;
-- allocations approved before this version: the signed reason said it ("shelf-life minimum broken", OverrideReason);
-- the date is the order's requiredBy, or the day the allocation was made when that was later
UPDATE allocation SET shelf_life_approved_through = (
        SELECT CASE WHEN o.required_by IS NULL OR o.required_by < CAST(allocation.created_at AS DATE)
                    THEN CAST(allocation.created_at AS DATE) ELSE o.required_by END
          FROM sales_order o WHERE o.id = allocation.order_id)
 WHERE approved_by IS NOT NULL AND override_reason LIKE '%shelf-life minimum broken%';
