-- Issue #8: the allocationOverride process reads its facts from the order row, never from process
-- variables. The order row binds the process instance lotflow started for it (a start without an
-- unbound pending order is refused) and records the QA manager's signed decision, which the
-- outcome service tasks re-check before they allocate anything.
ALTER TABLE sales_order ADD COLUMN override_process_instance_id VARCHAR(64);
ALTER TABLE sales_order ADD COLUMN override_decision VARCHAR(16);
ALTER TABLE sales_order ADD COLUMN override_decision_by VARCHAR(64);
ALTER TABLE sales_order ADD COLUMN override_decision_comment VARCHAR(2000);
ALTER TABLE sales_order ADD COLUMN override_decision_at TIMESTAMP WITH TIME ZONE;
-- Overrides requested before this version already have their process: mark them bound, so no
-- second process can be started for them.
UPDATE sales_order SET override_process_instance_id = 'pre-V60' WHERE override_status IS NOT NULL;
