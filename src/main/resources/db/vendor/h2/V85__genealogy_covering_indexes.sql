-- PostgreSQL only (db/vendor/postgresql): covering indexes for the genealogy walk.
SELECT 1;
