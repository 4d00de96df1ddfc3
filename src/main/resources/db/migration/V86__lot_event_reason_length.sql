-- A history event keeps its whole reason (it was cut at 2,000 characters without a word: a recall's
-- reason is the coordinator's text behind "Recall RC-… (CLASS_I): "). 16,000 like the detail column.
ALTER TABLE lot_event ALTER COLUMN reason SET DATA TYPE VARCHAR(16000);
