package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotDisposal;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.ReturnsAwaitingRecallClosing;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What of a recall is still to be disposed of when it closes (21 CFR 7.55(a): a recall is terminated once "proper
 * disposition or correction has been made"; EU GMP Chapter 5.65: recalled products are stored apart until their fate
 * is decided): the stock on hand of the recall's RECALLED lots (quantity minus shipped, consumed and disposed of), and
 * of the REJECTED lots of its scope it received goods of from customers (the recall notified their customers; what
 * came back is stock of the rejected lot, and the closing disposes of it with the rest: auditor 2026-12-07 F1; the
 * rejection's own disposal leaves what the recall received on hand for it, {@link ReturnsAwaitingClosing}, so the
 * closing's {@code disposals} account for the recall's {@code returnsReceived}: mass 27 M2). The
 * QA manager who signs the closing says how each lot leaves the plant ({@link RecallClosing#sign},
 * {@link RecalledStockDisposals}). What customers returned or destroyed is their answer's record
 * ({@code quantityReturned}, {@code quantityDestroyed}), not stock of the lot.
 */
@Component
class RecalledStock {

    /** A recalled lot's stock on hand, in its product's unit. */
    record OnHand(Lot lot, BigDecimal quantity, String unit, String leftForOtherRecalls) {

        /** Stock on hand that is all the recall's to dispose of. */
        OnHand(Lot lot, BigDecimal quantity, String unit) {
            this(lot, quantity, unit, null);
        }

        String describe() {
            return lot.getLotNumber() + " (" + Quantities.plain(quantity) + " " + unit
                    + (lot.getStatus() == LotStatus.REJECTED ? ", a REJECTED lot the recall kept as it was" : "")
                    + (leftForOtherRecalls == null ? "" : "; besides it " + leftForOtherRecalls + " stay on hand for"
                            + " the closing of the recall that received them back")
                    + ")";
        }
    }

    /** The recall's recalled lots with stock on hand, by lot number. */
    record Left(List<OnHand> onHand) {
        /** At most this many lots are named in {@link #describe}; the others are counted. */
        static final int NAMED = 10;

        boolean isEmpty() {
            return onHand.isEmpty();
        }

        /**
         * In words: {@code "stock on hand of the 2 recalled lots L1 (40 kg) and L2 (3 drums)"}; past {@value #NAMED}
         * lots, the first by lot number and how many more.
         */
        String describe() {
            if (onHand.isEmpty()) {
                return "no stock on hand";
            }
            List<String> named = onHand.stream().limit(NAMED).map(OnHand::describe).toList();
            // a REJECTED lot goods came back to is not a recalled lot (re-test 2026-12-07 F3)
            String recalled = onHand.stream().noneMatch(o -> o.lot().getStatus() == LotStatus.REJECTED) ? "recalled "
                    : "";
            StringBuilder sb = new StringBuilder(onHand.size() == 1 ? "stock on hand of the " + recalled + "lot "
                    : "stock on hand of the " + onHand.size() + " " + recalled + "lots ");
            if (onHand.size() <= NAMED) {
                sb.append(String.join(", ", named.subList(0, named.size() - 1))).append(named.size() > 1 ? " and " : "")
                        .append(named.get(named.size() - 1));
            } else {
                sb.append(String.join(", ", named)).append(" and ").append(onHand.size() - NAMED).append(" more");
            }
            return sb.toString();
        }
    }

    private final RecallStore store;
    private final ReturnReceiptStore receipts;
    private final LotStock lots;
    private final ReturnsAwaitingClosing otherRecalls;

    RecalledStock(RecallStore store, ReturnReceiptStore receipts, LotStock lots, ReturnsAwaitingClosing otherRecalls) {
        this.store = store;
        this.receipts = receipts;
        this.lots = lots;
        this.otherRecalls = otherRecalls;
    }

    /** What the recall {@code recallId} leaves to dispose of, read from lotflow's tables now. */
    @Transactional(readOnly = true)
    Left left(long recallId) {
        java.util.Set<Long> rejectedBack = new java.util.HashSet<>(receipts.lotIds(recallId));
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>(store.recalledLotIds(recallId));
        ids.addAll(rejectedBack);
        // what other recalls not yet closed received back of a lot stays on hand for their closings (two open
        // recalls of one lot: the first to close disposed of the other's returns too, session 27's note)
        java.util.Map<Long, List<ReturnsAwaitingRecallClosing.Held>> others = otherRecalls.ofOtherRecalls(recallId, ids);
        List<OnHand> onHand = lots.findAllById(ids).stream()
                .filter(l -> (l.getStatus() == LotStatus.RECALLED
                        || l.getStatus() == LotStatus.REJECTED && rejectedBack.contains(l.getId()))
                        && l.quantities().onHand().signum() > 0)
                .map(l -> {
                    LotDisposal.RejectedStock stock = LotDisposal.leaving(l, others.getOrDefault(l.getId(), List.of()));
                    return new OnHand(l, stock.toDispose(), l.getProduct().getUnit(),
                            stock.awaitingRecalls().isEmpty() ? null : stock.recalls());
                })
                .filter(o -> o.quantity().signum() > 0)
                .sorted(Comparator.comparing(o -> o.lot().getLotNumber())).toList();
        return new Left(onHand);
    }
}
