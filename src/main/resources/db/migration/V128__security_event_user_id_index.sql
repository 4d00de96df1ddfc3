-- A browser session ends when its user's access changes (SessionsEndWithAccess): each request of a session reads its
-- user's security events after the session's last seen event id, by this index.
CREATE INDEX ix_security_event_user_after ON security_event (user_id, id);
