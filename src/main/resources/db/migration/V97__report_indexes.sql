-- The seed's reports (issue #13) read the history of one day, or everything that happened after a day,
-- for the daily review of any past date (GET /api/reports/daily): each such read is a short range of one of
-- these indexes instead of a scan of the whole table. All the indexed columns are written once, when the
-- row is inserted (allocation.closed_at when an allocation ships or is cancelled, which already rewrites the
-- row's index entries because allocation.status is indexed), so no in-place (HOT) update is lost.
-- Built plainly, not CONCURRENTLY: Flyway keeps a transaction open on its own connection while it migrates,
-- which a concurrent build waits for forever. On the 1,000,000-lot benchmark database the six took 11 s
-- (2026-12-04, 2 busy cores; the 10-million-line shipment ledger most of it), while writes to these tables wait.
CREATE INDEX ix_lot_event_type_at ON lot_event (type, at);
CREATE INDEX ix_lot_created_at ON lot (created_at);
CREATE INDEX ix_lab_result_recorded_at ON lab_result (recorded_at);
CREATE INDEX ix_allocation_created_at ON allocation (created_at);
CREATE INDEX ix_allocation_closed_at ON allocation (closed_at);
CREATE INDEX ix_shipment_created_at ON shipment (created_at);
