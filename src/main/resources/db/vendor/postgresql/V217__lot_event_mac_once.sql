-- lot_event stays append-only (V111), with one exception: a row written before V216 may be given its record seal
-- (mac) once, by lotflow's one-time sealing of the rows that existed (history/internal/chain/AuditMacBackfill),
-- when nothing else of the row changes. A seal made without lotflow's key is no valid seal, so this lets no one
-- vouch for a row.
CREATE FUNCTION lotflow_lot_event_mac_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.mac IS NULL AND NEW.mac IS NOT NULL
            AND (to_jsonb(NEW) - 'mac') = (to_jsonb(OLD) - 'mac') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'lotflow: % on % refused: the audit trail is append-only (21 CFR 11.10(e), EU GMP Annex 11 9)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
DROP TRIGGER lot_event_append_only ON lot_event;
CREATE TRIGGER lot_event_append_only BEFORE UPDATE OR DELETE ON lot_event
    FOR EACH ROW EXECUTE FUNCTION lotflow_lot_event_mac_once();
