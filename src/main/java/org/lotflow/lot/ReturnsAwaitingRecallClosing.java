package org.lotflow.lot;

import java.math.BigDecimal;
import java.util.List;

/**
 * Goods of a lot that customers sent back under a recall that is not closed yet: stock on hand of the lot again
 * ({@link LotReturns#receiveRecalled}) that the recall's signed closing disposes of ({@link
 * LotDisposal#confirmRecalled}, with the recall's number). A REJECTED lot's own disposal ({@link LotDisposal#confirm},
 * its {@code Confirm disposal} task) leaves them on hand for that closing, so every quantity is disposed of once and
 * under the record that took it back (mass 27 M2).
 *
 * <p>The recall module keeps the receipts and the recalls' states and answers this; the lot module asks and never
 * reads a recall's tables (the recall module uses the lot module, not the other way round). Without an answer (no
 * recall module), nothing is awaiting a closing.
 */
public interface ReturnsAwaitingRecallClosing {

    /** {@code quantity} of the lot, in its product's unit, received back under recall {@code recallNumber}. */
    record Held(String recallNumber, BigDecimal quantity) {
    }

    /**
     * What each recall not yet CLOSED received of lot {@code lotId}, by recall number; recalls that received none of it
     * are left out. Read in the caller's transaction.
     */
    List<Held> of(long lotId);
}
