package org.lotflow.lot;

/**
 * Published, inside the transaction, when all of a serialised lot's stock on hand left it without a shipment: {@code DISPOSED}
 * (destroyed or returned to its supplier, {@link LotDisposal}) or {@code CONSUMED} (used up as the source of another
 * lot; a serialised lot is consumed only whole, {@link LotCreation}). The serial module marks the lot's units still
 * in stock accordingly, so a serial never reads IN_STOCK for a unit that is gone (auditor 2026-12-06 G6).
 */
public record LotStockLeft(Long lotId, How how) {

    /** How the stock left. */
    public enum How {
        DISPOSED, CONSUMED
    }
}
