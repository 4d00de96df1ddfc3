-- Memberships and authorizations are written one at a time across a cluster (IdentityWritesInOrder): each takes this
-- lock, so that two writes sent at the same moment cannot each pass role separation's checks and together break it
-- (auditor 2026-12-05 C2).
INSERT INTO app_lock (name) VALUES ('identity-rights');
