-- A customer's answer to a recall notification says how and whom the plant reached (21 CFR 7.42(b)(3): "personal
-- visits, telephone calls, letters, or a combination"; 7.49 recall communications; 7.59 effectiveness checks), and
-- keeps "returned to the plant" apart from "destroyed at the customer": two dispositions of recalled goods that were
-- one number (quantity_returned). Answers recorded before this version keep that number as it was ("returned or
-- destroyed") and have no method, person or destroyed quantity (null). Portable between PostgreSQL and H2.
ALTER TABLE recall_notification ADD COLUMN contact_method VARCHAR(16);
ALTER TABLE recall_notification ADD COLUMN contact_person VARCHAR(200);
ALTER TABLE recall_notification ADD COLUMN note VARCHAR(2000);
ALTER TABLE recall_notification ADD COLUMN quantity_destroyed NUMERIC(19, 3);
ALTER TABLE recall_notification ADD CONSTRAINT ck_recall_contact_method CHECK (contact_method IS NULL
    OR contact_method IN ('PHONE', 'EMAIL', 'LETTER', 'FAX', 'VISIT'));
ALTER TABLE recall_notification ADD CONSTRAINT ck_recall_destroyed CHECK (quantity_destroyed IS NULL
    OR (quantity_destroyed >= 0 AND COALESCE(quantity_returned, 0) + quantity_destroyed <= quantity_shipped));
