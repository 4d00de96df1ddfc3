-- Why the customer asks for a specific lot (the seed: "Document customer requirement" before a FEFO override; its
-- valid reasons: regulatory requirements, quality consistency needs, previous performance history, technical
-- compatibility): recorded with the order by sales, shown to the QA manager who decides the override and in the
-- FEFO compliance report (new user 2026-12-06 F5: the QA manager decided blind). Null for orders without a requested
-- lot and for those placed before V150.
ALTER TABLE sales_order ADD COLUMN request_reason VARCHAR(1000);
