-- An event's detail holds lists whose length the data decides, not the user: a hold's impact assessment (every
-- customer a lot reached, with its shipments), the lab results of a specification's every test, a recall's scope. At
-- 16,000 characters a hold on a lot shipped to about 90 customers, and the lab results of a 100-test specification,
-- failed with "the values break a database rule" and left the lot RELEASED (auditor 2026-12-06 G1). VARCHAR without a
-- length: unbounded on PostgreSQL (no rewrite: the old type coerces), H2's largest on H2. The failed tests an OOS
-- investigation names are such a list too.
ALTER TABLE lot_event ALTER COLUMN detail SET DATA TYPE VARCHAR;
ALTER TABLE oos_investigation ALTER COLUMN failed_tests SET DATA TYPE VARCHAR;
