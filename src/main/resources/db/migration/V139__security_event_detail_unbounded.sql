-- A security event keeps its whole detail: a profile change says the printed name before and after (two names of up
-- to 255 + 255 characters each, and who changed it), which was cut at 1,000 characters (auditor 2026-12-06 A8).
-- Nothing a record says is cut. VARCHAR without a length (V129, V134).
ALTER TABLE security_event ALTER COLUMN detail SET DATA TYPE VARCHAR;
