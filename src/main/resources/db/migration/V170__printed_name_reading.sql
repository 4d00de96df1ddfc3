-- Every printed name a user has carried, by its readings (security.PrintedNames): a name printed on signatures stays
-- its first holder's after a rename, so two people never share one over time (auditor 2026-12-07 H1). One row per
-- reading (SHA-256 of the name's confusable skeleton, as written and in lower case); the key makes the first holder win
-- a race.
CREATE TABLE printed_name_reading (
    reading_hash  VARCHAR(64)  NOT NULL PRIMARY KEY,
    user_id       VARCHAR(64)  NOT NULL,
    printed_name  VARCHAR(512) NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX printed_name_reading_user ON printed_name_reading (user_id);
