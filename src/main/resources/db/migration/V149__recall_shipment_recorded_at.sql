-- When each shipment of a recall's frozen scope was recorded (the shipment ledger's created_at), so the recall's EPCIS
-- document dates a shipment as the lot's own document does: at the moment it was recorded on its ship date, never at
-- the start of that day, before the release that allowed it (auditor's re-test 2026-12-06 Y5). Filled for the scopes
-- on record from the ledger line of the same lot, order and ship date (the earliest, when there are several).
ALTER TABLE recall_shipment ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE;
UPDATE recall_shipment SET recorded_at = (
    SELECT MIN(s.created_at) FROM shipment s JOIN sales_order o ON o.id = s.order_id
     WHERE s.lot_id = recall_shipment.lot_id AND o.order_number = recall_shipment.order_number
       AND s.shipped_at = recall_shipment.shipped_at);
