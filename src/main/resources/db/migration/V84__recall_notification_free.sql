-- The next customer notification without a task, in customer order, for each notifyCustomer task a
-- recall creates (RecallStore.bindNextNotification, issue #11): one index step instead of reading all.
CREATE INDEX ix_recall_notification_free ON recall_notification (recall_id, task_id, customer, id);
