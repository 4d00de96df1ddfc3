-- A unit that left its lot without a shipment (DISPOSED with its lot's stock, CONSUMED into another lot; V135) has
-- left for good, as a shipped one has: on PostgreSQL the database refuses to change its record again (auditor
-- 2026-12-06 G6). The ways open stay IN_STOCK -> SHIPPED (with its shipment line), DISPOSED or CONSUMED.
CREATE OR REPLACE FUNCTION lotflow_guard_serial_number() RETURNS trigger LANGUAGE plpgsql AS $$
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
    IF OLD.status IN ('DISPOSED', 'CONSUMED') THEN
        RAISE EXCEPTION 'lotflow: serial % left its lot (%); its record cannot change', OLD.serial, OLD.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
