-- A user id is unique whatever its case (auditor 2026-12-05 A3): "JENNIFER" beside "jennifer" passed four eyes as
-- two people while every record and certificate read as one (21 CFR 11.100(a): a signature unique to one
-- individual). The engine REST gate refuses such an id with 409 first; this index holds on every surface and decides
-- a race. A database that already holds two user ids differing only in case stops this migration: rename one first.
CREATE UNIQUE INDEX ux_act_id_user_folded ON ACT_ID_USER (UPPER(ID_));
