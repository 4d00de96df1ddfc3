-- Supplier receipts (issue #14; the seed's "Supplier receipts" and "mixed expiration dates in one
-- shipment"; FSMA 204, 21 CFR 1.1345): a received lot records its supplier (the immediate previous
-- source), the supplier's own lot number and the delivery reference (the reference document).
-- The lot source SUPPLIER_RECEIPT is renamed RECEIPT, the contract's name, in the stored rows too.
UPDATE lot SET source = 'RECEIPT' WHERE source = 'SUPPLIER_RECEIPT';

ALTER TABLE lot ADD COLUMN supplier VARCHAR(200);
ALTER TABLE lot ADD COLUMN supplier_lot_number VARCHAR(64);
ALTER TABLE lot ADD COLUMN delivery_reference VARCHAR(100);

-- GET /api/lots?supplierLotNumber=: the filter's equality column, then FEFO order (as V80's indexes).
CREATE INDEX ix_lot_supplier_lot_fefo ON lot (supplier_lot_number, expiration_date, manufacture_date, lot_number);
-- GET /api/traceability/fsma204?from=&to=: receiving events by receipt date.
CREATE INDEX ix_lot_receipt_date ON lot (receipt_date);
-- ... and transformation events by the date the new lot was made.
CREATE INDEX ix_lot_manufacture_date ON lot (manufacture_date);

-- The product's receiving rule: a received lot starts PENDING (incoming inspection through the lab
-- release) or in QUARANTINE (through a hold and its quarantineInvestigation).
ALTER TABLE product ADD COLUMN receiving_status VARCHAR(16) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE product ADD CONSTRAINT ck_product_receiving_status CHECK (receiving_status IN ('PENDING', 'QUARANTINE'));
