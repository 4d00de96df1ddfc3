-- A group id is unique whatever its case (see db/vendor/postgresql/V125; auditor 2026-12-05 B5). H2 has no expression
-- index: the upper-cased id is a generated column with a unique index.
ALTER TABLE ACT_ID_GROUP ADD COLUMN ID_FOLDED VARCHAR(64) GENERATED ALWAYS AS (UPPER(ID_));
CREATE UNIQUE INDEX ux_act_id_group_folded ON ACT_ID_GROUP (ID_FOLDED);
