-- The lots a reviewExpiringLots task listed, as listed (audit 26 F1): one row per lot of the table the reviewer saw,
-- written when the task is created. The reviewer's note is recorded in the history of these lots only, with the
-- figures the reviewer saw (expiration date, days left, available), never of lots that entered the alert window
-- after the task opened. Kept after the review as the record of what was reviewed.
CREATE TABLE expiry_review_line (
    process_instance_id VARCHAR(64)              NOT NULL,
    position            INTEGER                  NOT NULL,
    lot_id              BIGINT                   NOT NULL,
    lot_number          VARCHAR(64)              NOT NULL,
    expiration_date     DATE                     NOT NULL,
    days_remaining      BIGINT                   NOT NULL,
    available           NUMERIC(19, 3)           NOT NULL,
    listed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_expiry_review_line PRIMARY KEY (process_instance_id, position)
);
