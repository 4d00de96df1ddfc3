-- The quality history and trend of a product pick its lots by manufacture date, in order of manufacture (re-test
-- 2026-12-06 F4: they picked lots by when they were entered, so a lot made in 2023 and entered in 2025 stood in a
-- 2024-2025 window and was missing from the 2023 one): one index range per product and period.
CREATE INDEX ix_lot_product_made ON lot (product_id, manufacture_date, id);
