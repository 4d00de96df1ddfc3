package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What of a recall is still to be disposed of when it closes (21 CFR 7.55(a): a recall is terminated once "proper
 * disposition or correction has been made"; EU GMP Chapter 5.65: recalled products are stored apart until their fate
 * is decided): the stock on hand of the recall's RECALLED lots (quantity minus shipped, consumed and disposed of) and
 * what the customers returned, per unit. The QA manager who signs the closing says how it leaves the plant
 * ({@link RecallClosing#sign}).
 */
@Component
class RecalledStock {

    /** A recalled lot's stock on hand, in its product's unit. */
    record OnHand(Lot lot, BigDecimal quantity, String unit) {
        String describe() {
            return lot.getLotNumber() + " (" + Quantities.plain(quantity) + " " + unit + ")";
        }
    }

    /**
     * The recall's leftovers: {@code onHand} by lot number, {@code returned} the customers' returns per unit (units
     * with nothing returned left out).
     */
    record Left(List<OnHand> onHand, List<Effectiveness.UnitQuantities> returned) {
        boolean isEmpty() {
            return onHand.isEmpty() && returned.isEmpty();
        }

        /** At most this many lots are named in {@link #describe}; the others are counted. */
        static final int NAMED = 10;

        /**
         * In words: {@code "stock on hand of the recalled lots L1 (40 kg) and L2 (3 drums); 12 kg returned by
         * customers"}; past {@value #NAMED} lots, the first by lot number and how many more.
         */
        String describe() {
            StringBuilder sb = new StringBuilder();
            if (!onHand.isEmpty()) {
                List<String> named = onHand.stream().limit(NAMED).map(OnHand::describe).toList();
                sb.append(onHand.size() == 1 ? "stock on hand of the recalled lot " : "stock on hand of the "
                        + onHand.size() + " recalled lots ");
                if (onHand.size() <= NAMED) {
                    sb.append(String.join(", ", named.subList(0, named.size() - 1)))
                            .append(named.size() > 1 ? " and " : "").append(named.get(named.size() - 1));
                } else {
                    sb.append(String.join(", ", named)).append(" and ").append(onHand.size() - NAMED).append(" more");
                }
            }
            if (!returned.isEmpty()) {
                sb.append(sb.isEmpty() ? "" : "; ").append(returned.stream()
                        .map(q -> Quantities.plain(q.returned()) + (q.unit() == null ? "" : " " + q.unit()))
                        .collect(Collectors.joining(" and "))).append(" returned by customers");
            }
            return sb.toString();
        }
    }

    private final RecallStore store;
    private final NotificationStore notifications;
    private final LotStock lots;

    RecalledStock(RecallStore store, NotificationStore notifications, LotStock lots) {
        this.store = store;
        this.notifications = notifications;
        this.lots = lots;
    }

    /** What the recall {@code recallId} leaves to dispose of, read from lotflow's tables now. */
    @Transactional(readOnly = true)
    Left left(long recallId) {
        List<Long> recalled = store.lots(recallId).stream().filter(RecallStore.LotRow::recalled)
                .map(RecallStore.LotRow::lotId).toList();
        List<OnHand> onHand = lots.findAllById(recalled).stream()
                .filter(l -> l.getStatus() == LotStatus.RECALLED && l.quantities().onHand().signum() > 0)
                .map(l -> new OnHand(l, l.quantities().onHand(), l.getProduct().getUnit()))
                .sorted(Comparator.comparing(o -> o.lot().getLotNumber())).toList();
        List<Effectiveness.UnitQuantities> returned = Effectiveness.of(notifications.all(recallId)).quantities()
                .stream().filter(q -> q.returned() != null && q.returned().signum() > 0).toList();
        return new Left(onHand, returned);
    }
}
