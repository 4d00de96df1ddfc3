-- Whether an allocation's approved override bent the customer's minimum shelf life: the lot had less than the
-- minimum at the ship date when the QA manager approved it. Only such an allocation ships without the shelf-life
-- re-check at shipping; an override that bent FEFO alone (or a concession) is re-checked like any allocation
-- (known-open until 2026-12-07: any approved override exempted the lot from the re-check).
ALTER TABLE allocation ADD COLUMN shelf_life_approved BOOLEAN DEFAULT FALSE NOT NULL;
-- allocations approved before this version: the signed reason said it ("shelf-life minimum broken", OverrideReason)
UPDATE allocation SET shelf_life_approved = TRUE
 WHERE approved_by IS NOT NULL AND override_reason LIKE '%shelf-life minimum broken%';
