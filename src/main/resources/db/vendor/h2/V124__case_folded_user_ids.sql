-- A user id is unique whatever its case (see db/vendor/postgresql/V124; auditor 2026-12-05 A3). H2 has no expression
-- index: the upper-cased id is a generated column with a unique index (the engine names its columns when it writes).
ALTER TABLE ACT_ID_USER ADD COLUMN ID_FOLDED VARCHAR(64) GENERATED ALWAYS AS (UPPER(ID_));
CREATE UNIQUE INDEX ux_act_id_user_folded ON ACT_ID_USER (ID_FOLDED);
