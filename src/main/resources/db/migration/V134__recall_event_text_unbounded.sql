-- A recall timeline entry keeps its whole text: the closing's entry says how every recalled lot's stock left the plant,
-- a list as long as the recall's lots, and a customer's answer or a comment beside it. It was kept to its first 4,000
-- characters without a word (RecallStore cut it): nothing a record says is cut. VARCHAR without a length (V129).
ALTER TABLE recall_event ALTER COLUMN text SET DATA TYPE VARCHAR;
