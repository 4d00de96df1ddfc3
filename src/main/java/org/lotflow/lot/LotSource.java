package org.lotflow.lot;

/**
 * Where a lot came from: made here ({@code PRODUCTION}), received from a supplier ({@code RECEIPT}, through
 * {@code POST /api/receipts}, with its supplier, supplier lot number and delivery reference), repacked here from
 * existing inventory ({@code REPACKAGING}: at least one source lot, and an expiration date no later than the earliest
 * of them, as repacking does not renew shelf life), or found unidentified (quarantined at once).
 */
public enum LotSource {
    PRODUCTION("Made here (production)"), RECEIPT("Received from a supplier"), REPACKAGING("Repackaged here"),
    UNIDENTIFIED_STOCK("Unidentified stock, found and quarantined");

    private final String words;

    LotSource(String words) {
        this.words = words;
    }

    /** Where the lot came from, as the Console's pages write it ("Received from a supplier"); the code stays the API's. */
    public String inWords() {
        return words;
    }
}
