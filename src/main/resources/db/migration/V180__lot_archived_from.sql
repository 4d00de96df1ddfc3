-- The status a lot was archived from (audit 26b F4): a loss (stock rejected, recalled or expired, and what was disposed
-- of it) is a fact of the lot's history, not of its current status, and the cost-impact report kept dropping a period's
-- losses every night lots were archived (status ARCHIVED). Set by the lot module with the status change to ARCHIVED,
-- as recalled_once (V126) is with the change to RECALLED, so the report reads it from the lot row in its one set-based
-- statement; filled here from the audit trail: the previous status of the lot's (last) change to ARCHIVED. Written once,
-- with the change of status that rewrites the row anyway; no index (the report reads every lot of its filter).
ALTER TABLE lot ADD COLUMN archived_from VARCHAR(16);
UPDATE lot SET archived_from = (SELECT e.previous_status FROM lot_event e
                                 WHERE e.id = (SELECT MAX(x.id) FROM lot_event x
                                                WHERE x.lot_id = lot.id AND x.new_status = 'ARCHIVED'))
 WHERE status = 'ARCHIVED';
