-- The record seal of every lot event (audit29 F4; 21 CFR 11.10(e), 11.70; EU GMP Annex 11 §9, §14): an HMAC-SHA256
-- with a key lotflow holds outside the database (history/internal/chain/EventMac gives the rule). A row without a
-- valid seal was not written by lotflow: it is never sealed into the hash chain and /api/audit/verify names it.
-- Unique: every seal has its own nonce, so a copied row (a replayed signature) is refused.
ALTER TABLE lot_event ADD COLUMN mac VARCHAR(120);
CREATE UNIQUE INDEX ux_lot_event_mac ON lot_event (mac);

-- One row: the fingerprint of the key (HMAC of a constant), so a node started with another key refuses to start
-- instead of writing rows the other nodes cannot verify; and the one-time sealing of the rows written before
-- this version (which rows, when, or why it was refused).
CREATE TABLE audit_mac_key (
    id                INT          NOT NULL PRIMARY KEY,
    fingerprint       VARCHAR(64)  NOT NULL,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    backfilled_at     TIMESTAMP WITH TIME ZONE,
    backfilled_up_to  BIGINT,
    backfilled_events BIGINT,
    backfill_note     VARCHAR(1000)
);
