-- Stock on hand as a generated column (see db/vendor/postgresql/V107: there partial indexes name it so
-- the paged reports read only lots with stock); H2 has no partial index, the queries name the column on both.
--   stock_on_hand = quantity > shipped + consumed + disposed  (LotQuantities#onHand > 0)
ALTER TABLE lot ADD COLUMN stock_on_hand BOOLEAN
    GENERATED ALWAYS AS (quantity > shipped + consumed + disposed);
