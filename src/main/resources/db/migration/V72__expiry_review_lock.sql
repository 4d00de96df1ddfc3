-- One open expiry review at a time (issue 9): concurrent expiryMonitoring runs queue on this row
-- before they look for an open review, so the rule is kept by a lock, not by a query then an insert.
INSERT INTO app_lock (name) VALUES ('expiry-review');
