-- A serialised unit also leaves its lot without a shipment: disposed of with the lot's stock, or consumed into another
-- lot (auditor 2026-12-06 G6: such units stayed IN_STOCK and could be named in a shipment).
ALTER TABLE serial_number DROP CONSTRAINT ck_serial_number_status;
ALTER TABLE serial_number ADD CONSTRAINT ck_serial_number_status
    CHECK (status IN ('IN_STOCK', 'SHIPPED', 'DISPOSED', 'CONSUMED'));
