package org.lotflow.quarantine.internal;

/**
 * What triggered a quarantine hold. {@code RECEIPT}: a lot received from a supplier of a product whose
 * receiving rule is QUARANTINE ({@link org.lotflow.product.ReceivingStatus}), held as it is received.
 */
public enum HoldSource {
    COMPLAINT, TEST_FAILURE, UNIDENTIFIED_STOCK, REGULATOR, OTHER, RECEIPT
}
