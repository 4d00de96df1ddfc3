-- A hold is bound to exactly one quarantineInvestigation instance and an instance to one hold:
-- the process's listeners and service tasks find their hold by the process instance id, never by
-- a process variable (issue #8), so the binding must be unambiguous.
ALTER TABLE lot_hold ADD CONSTRAINT uk_lot_hold_process_instance UNIQUE (process_instance_id);
