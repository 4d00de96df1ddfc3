-- A lot released despite a confirmed out-of-specification result (a QA manager's signed OOS decision RELEASE, 21 CFR
-- 211.192) is released on a concession: it goes to a customer only as a lot sales requests for that customer and a QA
-- manager approves, never by automatic FEFO (new user 2026-12-06 F17: FEFO put 20 failing drums into a 1,600-drum
-- order, and the lot list and FIFO report called it "next to allocate"). Set by the lab release of a failed verdict,
-- cleared by the release of a passing one (a retest). Filled for the lots on record from their latest lab release.
ALTER TABLE lot ADD COLUMN released_on_concession BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE lot SET released_on_concession = TRUE WHERE id IN (
    SELECT e.lot_id FROM lot_event e
     WHERE e.type = 'STATUS_CHANGED' AND e.new_status = 'RELEASED'
       AND e.reason LIKE 'Released despite out-of-specification result%'
       AND NOT EXISTS (SELECT 1 FROM lot_event later
                        WHERE later.lot_id = e.lot_id AND later.id > e.id AND later.type = 'STATUS_CHANGED'
                          AND later.new_status = 'RELEASED'
                          AND later.reason LIKE 'Lab results within specification%'));
