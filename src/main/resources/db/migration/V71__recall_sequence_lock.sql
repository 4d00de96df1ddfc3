-- Recall numbers are handed out in the opening transaction's own connection (issue 9): the first
-- recall of a year creates the year's sequence row under this lock instead of in a second
-- transaction (which needed a second pooled connection).
INSERT INTO app_lock (name) VALUES ('recall-sequence');
