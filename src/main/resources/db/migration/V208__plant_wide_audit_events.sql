-- Events of the audit trail that belong to no lot (sig28 L3; 21 CFR 11.10(e), EU GMP Annex 11 §9): CLOCK_SET, a start
-- of lotflow on a fixed day (lotflow.today), recorded in lot_event with no lot so that the hash chain seals it like
-- every other event (its canonical lotId is null). Only those types may leave lot_id empty.
ALTER TABLE lot_event ALTER COLUMN lot_id DROP NOT NULL;
ALTER TABLE lot_event ADD CONSTRAINT ck_lot_event_lot CHECK (lot_id IS NOT NULL OR type = 'CLOCK_SET');
