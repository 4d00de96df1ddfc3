-- A hold's case is complete when its investigation process has ended, that is when its last step
-- (informing customers, confirming the disposal) is done; until then an investigation whose outcome is
-- carried out shows FOLLOW_UP, not CLOSED (issue #12). Holds closed before this version count as
-- complete when they closed.
ALTER TABLE lot_hold ADD COLUMN completed_at TIMESTAMP WITH TIME ZONE;
UPDATE lot_hold SET completed_at = closed_at WHERE closed_at IS NOT NULL;
