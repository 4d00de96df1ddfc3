-- A serialised unit a customer sent back under a recall (RETURNED): at the plant again until the recall's closing
-- disposes of it, its shipment kept on the row (who received it stays answerable: the recall's and the trace's serials
-- per customer). DISPOSED may keep a shipment too (a returned unit disposed of with its lot).
ALTER TABLE serial_number DROP CONSTRAINT ck_serial_number_status;
ALTER TABLE serial_number ADD CONSTRAINT ck_serial_number_status
    CHECK (status IN ('IN_STOCK', 'SHIPPED', 'RETURNED', 'DISPOSED', 'CONSUMED'));
ALTER TABLE serial_number DROP CONSTRAINT ck_serial_number_shipped;
ALTER TABLE serial_number ADD CONSTRAINT ck_serial_number_shipped
    CHECK ((status NOT IN ('SHIPPED', 'RETURNED') OR shipment_id IS NOT NULL)
       AND (status NOT IN ('IN_STOCK', 'CONSUMED') OR shipment_id IS NULL));
