-- The shipment ledger and the lab results are never changed or removed in place (audit 29 F2; 21 CFR 11.10(a), (e),
-- EU GMP Annex 11 9, FSMA 204 shipping KDEs): UPDATE, DELETE and TRUNCATE of shipment lines (who received what, how
-- much, when: traces, recall scopes, FSMA 204 and EPCIS read them) and of lab_result rows (the value, limits and
-- verdict of each test of each round) are refused, whoever asks, lotflow included. lotflow writes a shipment line once
-- (Shipping) and a lab result once (LabResultsRecording: a retest is a new round, the original stays); returns, recalls,
-- cancellations and archiving add their own records and never touch these rows. Only the owner of the tables can take
-- the triggers away (ALTER TABLE ... DISABLE TRIGGER), and the audit check then names each row that no longer says what
-- its SHIPPED or LAB_RESULTS_RECORDED event recorded (BusinessRecordsWalk).
CREATE FUNCTION lotflow_refuse_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'lotflow: % on % refused: shipment lines and lab results are never changed in place (21 CFR 11.10(e), EU GMP Annex 11 9)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER shipment_unchanged BEFORE UPDATE OR DELETE ON shipment
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_record_change();
CREATE TRIGGER shipment_no_truncate BEFORE TRUNCATE ON shipment
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_record_change();
CREATE TRIGGER lab_result_unchanged BEFORE UPDATE OR DELETE ON lab_result
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_record_change();
CREATE TRIGGER lab_result_no_truncate BEFORE TRUNCATE ON lab_result
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_record_change();
