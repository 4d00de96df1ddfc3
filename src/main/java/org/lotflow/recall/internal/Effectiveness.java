package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The recall effectiveness check: customers acknowledged, quantities shipped and returned, and
 * the FDA effectiveness-check level (21 CFR 7.42(b)(3)) the acknowledged share of customers
 * reaches: A = 100 %, B = more than 10 % but less than 100 %, C = more than 2 % up to 10 %,
 * D = more than 0 % up to 2 %, E = none. No customers: no level (nothing to check).
 */
public record Effectiveness(int customers, int notified, int acknowledged, BigDecimal acknowledgedPercent,
        BigDecimal quantityShipped, BigDecimal quantityReturned, BigDecimal returnedPercent, String level,
        String levelMeaning) {

    static Effectiveness of(List<NotificationStore.NotificationRow> notifications) {
        int customers = notifications.size();
        int notified = 0;
        int acknowledged = 0;
        BigDecimal shipped = BigDecimal.ZERO;
        BigDecimal returned = BigDecimal.ZERO;
        for (NotificationStore.NotificationRow n : notifications) {
            shipped = shipped.add(n.quantityShipped());
            if (n.done()) {
                notified++;
            }
            if (Boolean.TRUE.equals(n.acknowledged())) {
                acknowledged++;
            }
            if (n.quantityReturned() != null) {
                returned = returned.add(n.quantityReturned());
            }
        }
        String level = level(acknowledged, customers);
        return new Effectiveness(customers, notified, acknowledged, percent(acknowledged, customers), shipped,
                returned, shipped.signum() == 0 ? null
                        : returned.multiply(BigDecimal.valueOf(100)).divide(shipped, 1, RoundingMode.HALF_UP),
                level, meaning(level));
    }

    /**
     * Whether this check reaches the target level ({@code A} best, {@code E} worst; 21 CFR 7.42(b)(3)):
     * a recall no customer received (no level) always does.
     */
    boolean meets(String target) {
        return level == null || level.compareTo(target) <= 0;
    }

    static String level(int acknowledged, int customers) {
        if (customers == 0) {
            return null;
        }
        if (acknowledged >= customers) {
            return "A";
        }
        if (acknowledged * 10L > customers) {
            return "B";
        }
        if (acknowledged * 50L > customers) {
            return "C";
        }
        return acknowledged > 0 ? "D" : "E";
    }

    /** The check as one sentence, for the recall's timeline and the closing form. */
    String summary() {
        if (customers == 0) {
            return "Effectiveness: no customer received the affected lots";
        }
        return "Effectiveness " + level + ": " + acknowledged + " of " + customers
                + " customer(s) acknowledged (" + acknowledgedPercent + "%), " + Quantities.plain(quantityReturned)
                + " of " + Quantities.plain(quantityShipped) + " returned"
                + (returnedPercent == null ? "" : " (" + returnedPercent + "%)");
    }

    static String meaning(String level) {
        if (level == null) {
            return "no customer received the affected lots: nothing to check";
        }
        return switch (level) {
            case "A" -> "Level A: 100% of customers acknowledged";
            case "B" -> "Level B: more than 10% but less than 100% of customers acknowledged";
            case "C" -> "Level C: more than 2% and at most 10% of customers acknowledged";
            case "D" -> "Level D: at most 2% of customers acknowledged";
            default -> "Level E: no customer acknowledged";
        };
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
