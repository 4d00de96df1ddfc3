-- A customer's answer to a recall notification says whether the customer was reached at all (21 CFR 7.49 recall
-- communications; 7.53 status reports count the consignees notified): "could not be reached" is its own answer, no
-- longer one "not acknowledged" with "told but did not acknowledge". A customer not reached is not notified and
-- cannot have acknowledged. Answers recorded before this version (and open notifications) keep null: those answered
-- were counted as notified, and still are. Portable between PostgreSQL and H2.
ALTER TABLE recall_notification ADD COLUMN reached BOOLEAN;
ALTER TABLE recall_notification ADD CONSTRAINT ck_recall_reached_acknowledged CHECK (reached IS NULL
    OR reached = TRUE OR acknowledged IS NULL OR acknowledged = FALSE);
