-- A signed RELEASE disposition that could not be carried out because a lot the held lot was made from became unfit
-- for use (RECALLED, held in QUARANTINE or REJECTED) between the signature and its releaseHeldLot step (re-test 27
-- R3): the hold stays open, its decision is cleared so a QA manager can sign a new one, and the decision that was not
-- carried out is kept here with when and why (the lot history also records DISPOSITION_NOT_CARRIED_OUT).
ALTER TABLE lot_hold ADD COLUMN not_carried_out_decision VARCHAR(16);
ALTER TABLE lot_hold ADD COLUMN not_carried_out_decided_by VARCHAR(64);
ALTER TABLE lot_hold ADD COLUMN not_carried_out_decided_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lot_hold ADD COLUMN not_carried_out_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE lot_hold ADD COLUMN not_carried_out_reason VARCHAR(4000);
