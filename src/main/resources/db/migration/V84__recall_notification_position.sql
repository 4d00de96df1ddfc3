-- Each customer notification of a recall has its place in customer order (0, 1, ...): the n-th
-- notifyCustomer task a recall creates takes the notification at place n (its multi-instance loop
-- counter, set by the engine in the same transaction) by one unique-index step. Finding "the next
-- notification without a task" instead re-read, for every task, every row the opening had already
-- updated (issue #11: quadratic in the number of customers). Earlier recalls keep NULL places.
ALTER TABLE recall_notification ADD COLUMN position INTEGER;
CREATE UNIQUE INDEX uk_recall_notification_position ON recall_notification (recall_id, position);
