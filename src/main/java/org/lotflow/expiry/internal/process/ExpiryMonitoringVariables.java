package org.lotflow.expiry.internal.process;

import org.lotflow.expiry.internal.ExpiryReview;
import org.lotflow.shared.process.Variable;

/**
 * The variables of {@code expiryMonitoring}, typed: the run's counts and routing flag (written by
 * {@code checkExpiry}), and the review task's one input. Which lots and who come from lotflow's tables and
 * the login, never from variables (issue #8).
 */
public final class ExpiryMonitoringVariables {

    /** The process definition key. */
    public static final String PROCESS_KEY = "expiryMonitoring";
    /** The review task of sales and QA managers. */
    public static final String TASK_REVIEW = "reviewExpiringLots";

    /** How many lots this run marked EXPIRED (for the operator; nothing routes on it). */
    public static final Variable<Integer> EXPIRED_COUNT = Variable.integer("expiredCount");
    /** How many lots expire within the alert window (for the operator). */
    public static final Variable<Integer> EXPIRING_COUNT = Variable.integer("expiringCount");
    /** Routing flag: lots expire within the window and no earlier review is still open. */
    public static final Variable<Boolean> REVIEW_NEEDED = Variable.bool("reviewNeeded");
    /** The review task's input: what happens to the expiring lots (text, required, at most 2000 characters). */
    public static final Variable<String> REVIEW_NOTE = Variable.text(ExpiryReview.NOTE_FIELD);

    private ExpiryMonitoringVariables() {
    }
}
