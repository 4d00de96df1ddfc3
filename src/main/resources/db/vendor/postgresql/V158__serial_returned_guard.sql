-- A shipped unit may now come back under a recall (V157): on PostgreSQL the database lets a SHIPPED serial become
-- RETURNED, and a RETURNED one DISPOSED with its lot at the recall's closing, each keeping its shipment record (customer,
-- order, date: who got it stays answerable); nothing else of a shipped or returned unit changes, and a unit that left
-- its lot (DISPOSED, CONSUMED) has left for good (V136).
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
    IF OLD.status IN ('SHIPPED', 'RETURNED') THEN
        IF NOT ((OLD.status = 'SHIPPED' AND NEW.status = 'RETURNED') OR (OLD.status = 'RETURNED' AND NEW.status = 'DISPOSED'))
                OR NEW.shipment_id IS DISTINCT FROM OLD.shipment_id OR NEW.customer IS DISTINCT FROM OLD.customer
                OR NEW.order_number IS DISTINCT FROM OLD.order_number OR NEW.shipped_at IS DISTINCT FROM OLD.shipped_at THEN
            RAISE EXCEPTION 'lotflow: serial % was shipped; its shipment record cannot change', OLD.serial
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF OLD.status IN ('DISPOSED', 'CONSUMED') THEN
        RAISE EXCEPTION 'lotflow: serial % left its lot (%); its record cannot change', OLD.serial, OLD.status
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
