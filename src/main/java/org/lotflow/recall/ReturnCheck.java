package org.lotflow.recall;

import java.math.BigDecimal;

/**
 * What a recall's goods received back at the plant say against a customer's answer (21 CFR 7.55(a): the recall's
 * retrieval checked, not taken on the customer's word): the one rule behind the closing form's "CHECK:" remarks and the
 * recall impact report's {@code check}. A plain rule: no Spring, no database.
 */
public enum ReturnCheck {
    /** Nothing to check. */
    NONE,
    /** Goods came back from a customer whose answer says it could not be reached. */
    FROM_NOT_REACHED,
    /** Goods came back before the customer answered. */
    BEFORE_ANSWER,
    /** The customer said it returned another quantity than arrived. */
    DIFFERS;

    /**
     * The check for one customer (and unit): {@code answered} its notification, {@code notReached} its answer says it
     * could not be reached, {@code said} the quantity it said it returned (null when it said none), {@code received}
     * what arrived at the plant (null as 0).
     */
    public static ReturnCheck of(boolean answered, boolean notReached, BigDecimal said, BigDecimal received) {
        boolean arrived = received != null && received.signum() > 0;
        if (answered && notReached) {
            return arrived ? FROM_NOT_REACHED : NONE;
        }
        if (!answered) {
            return arrived ? BEFORE_ANSWER : NONE;
        }
        return said != null && said.compareTo(received == null ? BigDecimal.ZERO : received) != 0 ? DIFFERS : NONE;
    }
}
