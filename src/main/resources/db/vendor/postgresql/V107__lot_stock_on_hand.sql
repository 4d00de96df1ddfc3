-- Paged stock-on-hand reports at a plant's scale (issue #13: GET /api/reports/fefo and /expiring answered every
-- lot at once, 137 MB and 69 MB on the 1,000,000-lot data set). A page starts where the cursor left off in FEFO
-- order; these partial indexes hold only lots with stock on hand, so the first page does not walk a product's
-- years of shipped-out lots. As with V96's stock_available, the indexes name a stored generated column, never a
-- quantity: it changes only when a lot's stock on hand runs out, so shipping still updates a lot in place.
--   stock_on_hand = quantity > shipped + consumed + disposed  (LotQuantities#onHand > 0)
ALTER TABLE lot ADD COLUMN stock_on_hand boolean
    GENERATED ALWAYS AS (quantity > shipped + consumed + disposed) STORED;
-- the FIFO management report of one product: every status but ARCHIVED
CREATE INDEX ix_lot_product_on_hand_fefo ON lot (product_id, expiration_date, manufacture_date, lot_number)
    WHERE stock_on_hand AND status <> 'ARCHIVED';
-- the expiry alert list over all products (ExpiringLots: PENDING, RELEASED, QUARANTINE, EXPIRED)
CREATE INDEX ix_lot_on_hand_expiry ON lot (expiration_date, manufacture_date, lot_number)
    WHERE stock_on_hand AND status IN ('PENDING', 'RELEASED', 'QUARANTINE', 'EXPIRED');
