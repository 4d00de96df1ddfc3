-- GET /api/traceability/fsma204?from=&to= (issue #14): shipping events by the date shipped.
CREATE INDEX ix_shipment_shipped_at ON shipment (shipped_at);
