-- Each customer notification of a recall runs in a process of its own (recallNotification), started
-- by lotRecall in batches outside the transaction that opened the recall (issue #11: one
-- multi-instance of thousands of customers had to be created in that one transaction, and Camunda's
-- flush of it grew with the square of its size). The notification row is bound to its process when
-- lotflow starts it; the process's steps find their notification by this id, never by a variable.
ALTER TABLE recall_notification ADD COLUMN process_instance_id VARCHAR(64);
CREATE UNIQUE INDEX uk_recall_notification_process ON recall_notification (process_instance_id);
