-- The identity version (race28 F1): one row, bumped by every node in the same transaction as any change to users,
-- groups, tenants or memberships (CredentialCache's hook on the engine's writable identity session). Each node
-- compares it with the version its kept HTTP Basic logins were verified under before it uses one, so a role removed,
-- a user deleted or a password changed on one node is in force on every node from the commit on.
CREATE TABLE identity_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL,
    CONSTRAINT identity_version_one_row CHECK (id = 1)
);
INSERT INTO identity_version (id, version) VALUES (1, 0);
