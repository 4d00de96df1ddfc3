-- A serial is found whatever the case it is typed in (auditor 2026-12-06 X1), also without its product
-- (GET /api/serials/{serial}: "who got unit m7-a2?"): an index on the upper-cased serial, as V122's unique index is per
-- product. H2, the embedded default, compares without one.
CREATE INDEX ix_serial_number_upper ON serial_number (UPPER(serial));
