-- An observation for a test the specification records without limits ("appearance = clear amber liquid", "thermal
-- stability = Excellent"): the seed's lab report has such results beside the numeric ones, and a "recorded only" test
-- took only a number (new user 2026-12-06 F1). One line of visible text, at most 200 characters; null for a number.
ALTER TABLE lab_result ADD COLUMN result_text VARCHAR(200);
