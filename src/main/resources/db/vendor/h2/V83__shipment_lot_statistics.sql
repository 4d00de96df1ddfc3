-- PostgreSQL only (db/vendor/postgresql): a larger statistics sample for shipment.lot_id.
SELECT 1;
