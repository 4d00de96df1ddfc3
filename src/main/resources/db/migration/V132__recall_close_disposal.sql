-- The disposition of a recall's recalled stock, signed with its closing (21 CFR 7.55(a): a recall ends once proper
-- disposition or correction has been made): how the recalled lots' stock on hand and the customers' returns leave
-- the plant (DESTROYED, RETURNED_TO_SUPPLIER or REWORKED) and the waste manifest or return note, as the QA manager
-- signed them; null when nothing was left to dispose of, and for recalls closed before this version.
ALTER TABLE recall ADD COLUMN close_requested_disposal_method VARCHAR(32);
ALTER TABLE recall ADD COLUMN close_requested_disposal_reference VARCHAR(200);
