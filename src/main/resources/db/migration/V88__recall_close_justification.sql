-- Closing a recall whose effectiveness check is below the target level (lotflow.recall.target-effectiveness,
-- FDA levels A-E, 21 CFR 7.42(b)(3)) needs a written justification from the QA manager who signs the
-- closing (issue #12); it is kept with the signed closing and goes into the recall report.
ALTER TABLE recall ADD COLUMN close_requested_justification VARCHAR(2000);
ALTER TABLE recall ADD COLUMN close_justification VARCHAR(2000);
