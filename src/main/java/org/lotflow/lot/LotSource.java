package org.lotflow.lot;

/**
 * Where a lot came from: made here ({@code PRODUCTION}), received from a supplier ({@code RECEIPT}, through
 * {@code POST /api/receipts}, with its supplier, supplier lot number and delivery reference), repacked, or
 * found unidentified (quarantined at once).
 */
public enum LotSource {
    PRODUCTION, RECEIPT, REPACKAGING, UNIDENTIFIED_STOCK
}
