-- One name per reading of a party (re-test 2026-12-06: two look-alike spellings of one new supplier, received at the
-- same moment, both passed once in five suite runs under the lock-and-look check): the first name recorded for what a
-- customer's or supplier's name prints as (PartyNames.printsAs, as a SHA-256 hex key) is kept here under a primary key,
-- so of two look-alikes sent at once the database itself takes one and refuses the other. Filled for the parties on
-- record by V148.
CREATE TABLE party_reading (
    kind         VARCHAR(16)  NOT NULL,
    reading_hash CHAR(64)     NOT NULL,
    name         VARCHAR(200) NOT NULL,
    PRIMARY KEY (kind, reading_hash)
);
