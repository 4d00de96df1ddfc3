-- A held lot's retained samples as judged against its specification when the investigation was recorded (new user
-- 2026-12-07 N3: a RELEASE was signed over a retained sample out of specification shown as unjudged text): one line per
-- test with its limits and verdict, and the failing tests ("waterContent 0.09 % > 0.05 %"), which refuse a RELEASE.
-- Kept as judged, so a later change of the specification does not rewrite them. Null verdicts for holds investigated
-- before: shown "not judged", never refused on.
ALTER TABLE lot_hold ADD COLUMN retained_sample_verdicts VARCHAR(16000);
ALTER TABLE lot_hold ADD COLUMN retained_sample_failures VARCHAR(16000);
