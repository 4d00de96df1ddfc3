-- Why an allocation override was an exception as it stood at the QA manager's signature (OverrideDecision): the
-- allocation the approval makes records this reason, so the signed record and the allocation never disagree
-- (re-test 2026-12-07 F5). Null for decisions signed before: the allocation then reads the stock again.
ALTER TABLE sales_order ADD COLUMN override_decision_reason VARCHAR(16000);
