-- The released lots an allocation passed over only because they expire before the ship date it assumed (the order's
-- requiredBy, later than the day of the allocation), as FEFO would have taken them for a shipment that day (audit 28
-- F1). Shipping refuses the allocation on a date before requiredBy while one of them is still eligible on it: FEFO is
-- judged on the day the goods leave. No foreign key to lot: it is a record of what was looked at, not a reservation.
CREATE TABLE allocation_passed_over (
    allocation_id BIGINT NOT NULL REFERENCES allocation (id),
    lot_id BIGINT NOT NULL,
    PRIMARY KEY (allocation_id, lot_id)
);
