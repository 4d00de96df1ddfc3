-- A recall's customer notifications, one per customer and unit (auditor 2026-12-06 G2): a customer that received
-- lots of two units (pails and kg) had one notification whose quantity shipped added pails to kilograms, answered
-- one returned quantity for both, and the recall's effectiveness summed them. A notification now holds the unit of
-- what it counts; existing notifications take the unit of their customer's shipments where they had only one, and
-- keep none (the old mixed sum, shown as such) where they had several.
ALTER TABLE recall_notification ADD COLUMN unit VARCHAR(32);
UPDATE recall_notification SET unit = (
    SELECT MIN(p.unit) FROM recall_shipment s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
     WHERE s.recall_id = recall_notification.recall_id AND s.customer = recall_notification.customer)
 WHERE (SELECT COUNT(DISTINCT p.unit) FROM recall_shipment s JOIN lot l ON l.id = s.lot_id
          JOIN product p ON p.id = l.product_id
         WHERE s.recall_id = recall_notification.recall_id AND s.customer = recall_notification.customer) = 1;
ALTER TABLE recall_notification DROP CONSTRAINT uk_recall_notification;
ALTER TABLE recall_notification ADD CONSTRAINT uk_recall_notification UNIQUE (recall_id, customer, unit);
