package org.lotflow.lot;

/**
 * Published, inside the creating transaction, when a lot is created. The release module starts
 * {@code lotRelease} on it unless {@code startsInQuarantine}; the quarantine module places a hold (and
 * starts {@code quarantineInvestigation}) when {@code startsInQuarantine}: unidentified stock, and a lot
 * received from a supplier of a product whose receiving rule is QUARANTINE
 * ({@link org.lotflow.product.ReceivingStatus}). A QUARANTINE lot always has its hold.
 */
public record LotCreated(Long lotId, String lotNumber, LotSource source, boolean startsInQuarantine) {

    /** A lot created PENDING, or unidentified stock (which always starts in quarantine). */
    public LotCreated(Long lotId, String lotNumber, LotSource source) {
        this(lotId, lotNumber, source, source == LotSource.UNIDENTIFIED_STOCK);
    }
}
