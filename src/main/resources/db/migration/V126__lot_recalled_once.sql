-- A lot that was ever RECALLED keeps that fact after it is archived (auditor 2026-12-05 B9: once a recalled raw
-- material was ARCHIVED at the end of its retention, a lot made from it was released, signed and certified). Nothing
-- made from recalled material is released, whatever the source's status became later. Set by the lot module with the
-- status change to RECALLED; filled here from the lots' status and their audit trail.
ALTER TABLE lot ADD COLUMN recalled_once BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE lot SET recalled_once = TRUE
 WHERE status = 'RECALLED' OR id IN (SELECT e.lot_id FROM lot_event e WHERE e.new_status = 'RECALLED');
