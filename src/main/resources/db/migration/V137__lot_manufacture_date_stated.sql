-- Whether the supplier stated a received lot's manufacture date; false when the receipt date stands in for it (a
-- delivery line without one), so every screen can say so (new user 2026-12-06 M6). Null for lots made here and for
-- lots received before this version (their manufacture date is shown as recorded).
ALTER TABLE lot ADD COLUMN manufacture_date_stated BOOLEAN;
