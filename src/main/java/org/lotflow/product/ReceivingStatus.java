package org.lotflow.product;

/**
 * A product's receiving rule: the status a lot of it received from a supplier ({@code POST /api/receipts})
 * starts in (the seed, "Lot creation process", step 4 "Set initial status": "released, quarantine, or
 * pending"; issue #14 "it starts in quarantine or pending as the product requires").
 */
public enum ReceivingStatus {
    /** The default: incoming inspection through the lab release ({@code lotRelease}), like a lot made here. */
    PENDING,
    /**
     * Received into quarantine: a hold is placed as the lot is created (reason, {@code quarantineInvestigation}
     * started), and the QA manager's signed disposition releases or rejects it. No lab release.
     */
    QUARANTINE
}
