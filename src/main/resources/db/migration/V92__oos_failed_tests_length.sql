-- An out-of-specification round may fail many tests: a product has up to 100 tests named in up to 100
-- characters, so the failed-tests text ("name = value, ...") can pass 4,000 characters, and such a round,
-- a valid if bad result, could not be recorded at all. 16,000 like lot_event.reason (V86).
ALTER TABLE oos_investigation ALTER COLUMN failed_tests SET DATA TYPE VARCHAR(16000);
