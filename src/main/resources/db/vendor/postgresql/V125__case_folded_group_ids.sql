-- A group id is unique whatever its case (auditor 2026-12-05 B5): "QA-MANAGER" beside the role group "qa-manager" read
-- as the role in Admin and in the security trail while no rule saw it. The engine REST gate refuses such an id with 409
-- first; this index holds on every surface. A database that already holds two such group ids stops this migration:
-- rename one first.
CREATE UNIQUE INDEX ux_act_id_group_folded ON ACT_ID_GROUP (UPPER(ID_));
