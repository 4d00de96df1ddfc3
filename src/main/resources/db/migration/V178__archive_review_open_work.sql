-- Lot archiving leaves lots under other lotflow work alone (auditor 26b F3: lots archived out of an OPEN recall could
-- no longer take their goods back). A review records, besides the lots it listed, the status each had when listed
-- (listed_statuses, one a line in the order of listed_lots: a lot whose status changed since, say one RECALLED by a
-- recall opened while the review was open, is not archived on a decision taken on another status), the lots past
-- their retention it left off because a recall that is not CLOSED has them in its scope or an open hold is on them
-- (kept_lots, "lot: reason" one a line), and the listed lots the archiving step did not archive under their lock,
-- with why (skipped_lots, same form). Reviews recorded before this version have no listed statuses: their lots are
-- judged on the rule and the open work alone.
ALTER TABLE archive_review ADD COLUMN listed_statuses TEXT;
ALTER TABLE archive_review ADD COLUMN kept_lots TEXT;
ALTER TABLE archive_review ADD COLUMN skipped_lots TEXT;
