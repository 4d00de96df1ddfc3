-- Lab values and specification limits as written (new user 2026-12-06 M3; ALCOA "original and accurate", 21 CFR
-- 11.10(a)): a result reported as 8.0 states a precision that 8 does not, and USP-style limits 98.0-102.0 % carry their
-- rounding convention. The NUMERIC(19, 6) columns keep the number exactly but not how many decimals it was written
-- with; these columns do (0 to 6). Null for rows recorded before: they read as before, without the column's padding.
ALTER TABLE lab_result ADD COLUMN result_decimals INTEGER;
ALTER TABLE lab_result ADD COLUMN min_decimals INTEGER;
ALTER TABLE lab_result ADD COLUMN max_decimals INTEGER;
ALTER TABLE product_spec ADD COLUMN min_decimals INTEGER;
ALTER TABLE product_spec ADD COLUMN max_decimals INTEGER;
