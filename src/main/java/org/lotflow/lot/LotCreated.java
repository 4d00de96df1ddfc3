package org.lotflow.lot;

/**
 * Published, inside the creating transaction, when a lot is created. The release module starts
 * {@code lotRelease} on it unless {@code startsInQuarantine}; the quarantine module places a hold (and
 * starts {@code quarantineInvestigation}) when {@code startsInQuarantine}: unidentified stock, and a lot
 * received from a supplier of a product whose receiving rule is QUARANTINE
 * ({@link org.lotflow.product.ReceivingStatus}), or a received lot of a supplier lot one of whose earlier lots was
 * RECALLED or REJECTED, or is held by QA ({@code unfitSupplierLot}: the sentence naming them, the hold's reason; null
 * otherwise; audit 26b F1, audit 27 F1 and F2). A QUARANTINE lot always has its hold.
 */
public record LotCreated(Long lotId, String lotNumber, LotSource source, boolean startsInQuarantine,
        String unfitSupplierLot) {

    /** A lot created, with no word about its supplier lot. */
    public LotCreated(Long lotId, String lotNumber, LotSource source, boolean startsInQuarantine) {
        this(lotId, lotNumber, source, startsInQuarantine, null);
    }

    /** A lot created PENDING, or unidentified stock (which always starts in quarantine). */
    public LotCreated(Long lotId, String lotNumber, LotSource source) {
        this(lotId, lotNumber, source, source == LotSource.UNIDENTIFIED_STOCK);
    }
}
