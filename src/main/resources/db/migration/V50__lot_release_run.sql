-- One lab release process per lot (contract: lotRelease is started only by creating a lot).
-- The start listener of lotRelease inserts this row under the lot's row lock; the primary key
-- on lot_id makes a second release process of a lot impossible even for concurrent starts, and
-- process_instance_id binds the lot to the one instance whose listeners may act on it.
-- Lots that exist before this migration got their release process when they were created: they
-- are marked as started (process instance unknown, NULL), so no second one can start for them.

CREATE TABLE lot_release_run (
    lot_id              BIGINT      NOT NULL PRIMARY KEY REFERENCES lot (id),
    process_instance_id VARCHAR(64),
    started_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT uk_lot_release_run_instance UNIQUE (process_instance_id)
);

INSERT INTO lot_release_run (lot_id, process_instance_id, started_at)
SELECT id, NULL, CURRENT_TIMESTAMP FROM lot;
