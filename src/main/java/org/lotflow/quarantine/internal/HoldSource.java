package org.lotflow.quarantine.internal;

/** What triggered a quarantine hold. */
public enum HoldSource {
    COMPLAINT, TEST_FAILURE, UNIDENTIFIED_STOCK, REGULATOR, OTHER
}
