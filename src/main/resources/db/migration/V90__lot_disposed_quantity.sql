-- Issue #12: a disposed (destroyed) lot kept its stock "on hand" and "available" in every view. The
-- quantity disposed of is a quantity of its own now, in the product's unit like the others, and the
-- balance of the contract holds in the database too:
--   quantity = available + allocated + shipped + consumed + disposed   (available >= 0)
-- The rule itself lives in org.lotflow.lot.LotQuantities; these checks keep the table from contradicting it.
ALTER TABLE lot ADD COLUMN disposed NUMERIC(19, 3) DEFAULT 0 NOT NULL;

ALTER TABLE lot DROP CONSTRAINT ck_lot_non_negative;
ALTER TABLE lot ADD CONSTRAINT ck_lot_non_negative
    CHECK (allocated >= 0 AND shipped >= 0 AND consumed >= 0 AND disposed >= 0);
ALTER TABLE lot DROP CONSTRAINT ck_lot_not_over_committed;
ALTER TABLE lot ADD CONSTRAINT ck_lot_not_over_committed
    CHECK (allocated + shipped + consumed + disposed <= quantity);

-- Lots whose disposal was confirmed before this version: what was on hand then (everything not shipped
-- or consumed; a rejected lot's allocations were cancelled when it became REJECTED) was disposed of.
UPDATE lot SET disposed = quantity - allocated - shipped - consumed
 WHERE EXISTS (SELECT 1 FROM lot_event e WHERE e.lot_id = lot.id AND e.type = 'DISPOSAL_CONFIRMED');
