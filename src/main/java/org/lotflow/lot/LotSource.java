package org.lotflow.lot;

/** Where a lot came from: made here, received from a supplier, repacked, or found unidentified. */
public enum LotSource {
    PRODUCTION, SUPPLIER_RECEIPT, REPACKAGING, UNIDENTIFIED_STOCK
}
