-- A product's GMP master data is never changed or removed in place (sig28 M1; 21 CFR 11.10(a), (c) and (e), EU GMP
-- Annex 11 9): UPDATE, DELETE and TRUNCATE of products (unit, shelf life, lot number pattern, receiving status, GTIN,
-- category, retention, serialisation, ...) and of their specifications (product_spec: the limits lab results are
-- judged against) are refused, whoever asks, lotflow included. lotflow creates a product with its specification once
-- (POST /api/products) and never updates or deletes either row. Only the owner of the tables can take the triggers
-- away (ALTER TABLE ... DISABLE TRIGGER), and the audit check then names the first lot event whose product no longer
-- gives the fingerprint it recorded (ProductFingerprint).
CREATE FUNCTION lotflow_refuse_master_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'lotflow: % on % refused: a product''s GMP master data and specification are never changed in place (21 CFR 11.10(e), EU GMP Annex 11 9)',
        TG_OP, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER product_unchanged BEFORE UPDATE OR DELETE ON product
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_master_data_change();
CREATE TRIGGER product_no_truncate BEFORE TRUNCATE ON product
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_master_data_change();
CREATE TRIGGER product_spec_unchanged BEFORE UPDATE OR DELETE ON product_spec
    FOR EACH ROW EXECUTE FUNCTION lotflow_refuse_master_data_change();
CREATE TRIGGER product_spec_no_truncate BEFORE TRUNCATE ON product_spec
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_refuse_master_data_change();
