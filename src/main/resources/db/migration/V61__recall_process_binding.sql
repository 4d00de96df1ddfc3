-- Issue #8: the lotRecall process reads its facts from the recall tables, never from process
-- variables. A customer notification is bound to its notifyCustomer task (task_id, already there)
-- and to the subprocess instance the task runs in (task_scope, for the escalation timer); the
-- QA manager's closing decision is recorded on the recall, where the report task re-checks it.
ALTER TABLE recall_notification ADD COLUMN task_scope VARCHAR(64);
CREATE INDEX ix_recall_notification_task ON recall_notification (task_id);
ALTER TABLE recall ADD COLUMN close_requested_by VARCHAR(64);
ALTER TABLE recall ADD COLUMN close_requested_comment VARCHAR(2000);
ALTER TABLE recall ADD COLUMN close_requested_at TIMESTAMP WITH TIME ZONE;
