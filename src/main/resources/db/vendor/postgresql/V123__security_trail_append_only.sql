-- The security audit trail is append-only in the database itself, like the lot audit trail (V111; auditor 2026-12-05
-- F14): logins, failed signatures, lockouts and every change of who may log in or sign (security_event) are not
-- updated, deleted or truncated by anyone, lotflow included (21 CFR 11.10(d) and (e); EU GMP Annex 11 12.3 and 9).
-- It is not in the lot events' hash chain: only the owner of the table can take the triggers away.
CREATE TRIGGER security_event_append_only BEFORE UPDATE OR DELETE ON security_event
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_audit_change();
CREATE TRIGGER security_event_no_truncate BEFORE TRUNCATE ON security_event
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_audit_change();
