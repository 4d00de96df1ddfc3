-- A serial belongs to exactly one lot for good (issue #16): on PostgreSQL the database itself refuses to delete a
-- serial, to move it to another lot or product, to rename it or to rewrite who registered it and when, and to
-- change a shipped serial again (its customer, order and date are the record of who got it). Only the way
-- IN_STOCK -> SHIPPED, with its shipment line, is open; V114's checks keep SHIPPED and its shipment line together.
CREATE FUNCTION lotflow_guard_serial_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        RAISE EXCEPTION 'lotflow: % on serial_number refused: a serial belongs to its lot for good', TG_OP
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.product_id <> OLD.product_id OR NEW.lot_id <> OLD.lot_id OR NEW.serial <> OLD.serial
            OR NEW.registered_at <> OLD.registered_at OR NEW.registered_by <> OLD.registered_by THEN
        RAISE EXCEPTION 'lotflow: serial % cannot move to another lot or product, be renamed or re-registered',
            OLD.serial USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF OLD.status = 'SHIPPED' THEN
        RAISE EXCEPTION 'lotflow: serial % was shipped; its shipment record cannot change', OLD.serial
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER serial_number_guard BEFORE UPDATE OR DELETE ON serial_number
    FOR EACH ROW EXECUTE FUNCTION lotflow_guard_serial_number();
CREATE TRIGGER serial_number_no_truncate BEFORE TRUNCATE ON serial_number
    FOR EACH STATEMENT EXECUTE FUNCTION lotflow_guard_serial_number();
