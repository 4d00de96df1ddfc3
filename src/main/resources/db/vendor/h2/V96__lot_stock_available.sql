-- The rule's balance as a generated column (see db/vendor/postgresql/V96: there it keeps allocation
-- updates off the indexes); H2 has no partial index, the FEFO queries name the column on both.
--   stock_available = quantity > allocated + shipped + consumed + disposed  (LotQuantities#available > 0)
ALTER TABLE lot ADD COLUMN stock_available BOOLEAN
    GENERATED ALWAYS AS (quantity > allocated + shipped + consumed + disposed);
