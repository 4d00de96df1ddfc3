-- The audit trail is append-only in the database itself (issue #16; 21 CFR 11.10(e): "record changes shall not
-- obscure previously recorded information"): UPDATE, DELETE and TRUNCATE of lot events, their seals and the
-- record of checks are refused whoever asks, lotflow included. Only the owner of the tables can take the
-- triggers away (ALTER TABLE ... DISABLE TRIGGER), and the chain then names what was changed.
CREATE FUNCTION lotflow_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'lotflow: % on % refused: the audit trail is append-only (21 CFR 11.10(e), EU GMP Annex 11 9)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER lot_event_append_only BEFORE UPDATE OR DELETE ON lot_event
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_audit_change();
CREATE TRIGGER lot_event_no_truncate BEFORE TRUNCATE ON lot_event
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_audit_change();
CREATE TRIGGER audit_seal_append_only BEFORE UPDATE OR DELETE ON audit_seal
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_audit_change();
CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON audit_seal
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_audit_change();
CREATE TRIGGER audit_check_append_only BEFORE UPDATE OR DELETE ON audit_check
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_audit_change();
CREATE TRIGGER audit_check_no_truncate BEFORE TRUNCATE ON audit_check
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_audit_change();
