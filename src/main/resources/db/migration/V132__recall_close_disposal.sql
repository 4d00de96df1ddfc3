-- The disposition of a recall's recalled stock, signed with its closing (21 CFR 7.55(a): a recall ends once proper
-- disposition or correction has been made): how each recalled lot's stock on hand leaves the plant, as the QA manager
-- signed it (JSON, [{lotNumber, method, reference}], method DESTROYED, RETURNED_TO_SUPPLIER or REWORKED), then, once
-- closed, what was disposed of ([{lotNumber, method, reference, quantity, unit}]); null when nothing was on hand, and
-- for recalls closed before this version. VARCHAR without a length: a recall's lots are as many as its scope.
ALTER TABLE recall ADD COLUMN close_requested_disposals VARCHAR;
ALTER TABLE recall ADD COLUMN close_disposals VARCHAR;
