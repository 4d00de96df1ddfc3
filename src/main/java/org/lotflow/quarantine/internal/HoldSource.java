package org.lotflow.quarantine.internal;

/**
 * What triggered a quarantine hold. {@code RECEIPT}: a lot received from a supplier of a product whose
 * receiving rule is QUARANTINE ({@link org.lotflow.product.ReceivingStatus}), held as it is received.
 * {@code RECALLED_MATERIAL}: a lot whose signed lab release was not carried out because material it was made from
 * became RECALLED first ({@link org.lotflow.release.LabReleaseStopped}). {@code UNFIT_MATERIAL}: the same for material
 * QA held (QUARANTINE) or REJECTED after the release was signed, none of it recalled (audit 26b F2). All three are
 * placed by lotflow, never by hand.
 */
public enum HoldSource {
    COMPLAINT, TEST_FAILURE, UNIDENTIFIED_STOCK, REGULATOR, OTHER, RECEIPT, RECALLED_MATERIAL, UNFIT_MATERIAL
}
