package org.lotflow.recall.internal;

import org.lotflow.shared.InvalidInput;

/**
 * Whether a recall's closing needs a written justification, and what it says it covers: below the target
 * effectiveness level, with product still at customers ({@link StillAtCustomers}), with goods returned by a
 * customer's word but not received at the plant ({@link ReturnsNotReceived}), or with more accounted for than was
 * shipped ({@link AccountedBeyondShipped}); 21 CFR 7.55(a), 7.42(b)(3). The rule {@link RecallClosing} applies when a
 * QA manager signs the closing and writes into the signed report. Plain rule, tested without Spring.
 */
final class ClosingJustification {

    /** What {@link ReturnsNotReceived} is, in the closing's words. */
    static final String NOT_RECEIVED = "returned by the customer's word but not received at the plant";

    /** What {@link AccountedBeyondShipped} is, in the closing's words. */
    static final String BEYOND_SHIPPED = "more accounted for than shipped (returned or received back, plus destroyed)";

    /** What a justification of {@link AccountedBeyondShipped} says, in the refusal's words. */
    private static final String WHICH_FIGURE = "which figure is right where more is accounted for than was shipped"
            + " (for instance the quantity the customer said it destroyed, or the goods received back at the plant:"
            + " miscounted, or another customer's)";

    /**
     * The justification to keep with the closing: null when the check reaches the target level, no product is left
     * at a customer and every return a customer stated was received at the plant (a justification given then is
     * refused, 400 naming it: signed text is never dropped without a word, auditor 2026-12-06 A7), else the text
     * given, required (400 naming {@code justification}: text, at most 2000 characters): below the target level, why
     * the recall may close anyway; with product still at customers ({@link StillAtCustomers}, whatever the level: new
     * user 2026-12-07 F1), what became of it (21 CFR 7.55(a)); with goods returned by a customer's word but not
     * received at the plant ({@link ReturnsNotReceived}, whatever the level: new user 2026-12-07 N1), what became of
     * them (in transit, lost, miscounted): neither removed nor disposed of on the record (21 CFR 7.55(a)), nor what
     * the effectiveness checks verified (21 CFR 7.42(b)(3)); with more accounted for than was shipped to a customer
     * ({@link AccountedBeyondShipped}, whatever the level), which figure is right: figures that contradict each other
     * show neither removal nor disposal (21 CFR 7.55(a), 7.42(b)(3)) and are not an accurate record to sign (ALCOA+).
     * The refusal names the lines. Plain rule, tested without Spring.
     */
    static String of(Effectiveness e, String target, Object justification) {
        if (justification != null && !(justification instanceof String)) {
            throw new InvalidInput("justification", "must be text");
        }
        String why = justification instanceof String j && !org.lotflow.shared.input.InputRules.blank(j) ? j.strip() : null;
        if (why != null && why.length() > RecallClosing.MAX_COMMENT) {
            throw new InvalidInput("justification", "at most " + RecallClosing.MAX_COMMENT + " characters");
        }
        StillAtCustomers left = new StillAtCustomers(e.stillAtCustomers());
        ReturnsNotReceived notReceived = new ReturnsNotReceived(e.returnsNotReceived());
        AccountedBeyondShipped beyond = new AccountedBeyondShipped(e.accountedBeyondShipped());
        if (e.meets(target) && left.isEmpty() && notReceived.isEmpty() && beyond.isEmpty()) {
            if (why != null) {
                throw new InvalidInput("justification", "not needed: the effectiveness check reached level "
                        + e.level() + ", the target is " + target + ", nothing shipped is left at a customer,"
                        + " every return a customer stated was received at the plant and no customer accounts for"
                        + " more than it was shipped; leave it empty and say what you want recorded in the comment");
            }
            return null;
        }
        if (why == null) {
            String stillThere = left.isEmpty() ? "" : "still at customers, neither returned nor destroyed: "
                    + left.inWords();
            String missing = notReceived.isEmpty() ? "" : NOT_RECEIVED + ": " + notReceived.inWords();
            String beyondShipped = beyond.isEmpty() ? "" : BEYOND_SHIPPED + ": " + beyond.inWords();
            String goods = and(and(stillThere, missing), beyondShipped);
            String whatBecame = stillThere.isEmpty() && missing.isEmpty() ? "" : missing.isEmpty()
                    ? "what became of it (for instance used or dispensed before the recall reached them)"
                    : "what became of " + (stillThere.isEmpty() ? "them" : "it and of them") + " (for instance"
                            + (stillThere.isEmpty() ? "" : " used or dispensed before the recall reached them;")
                            + " still in transit, lost, or miscounted)";
            String ask = beyond.isEmpty() ? whatBecame : whatBecame.isEmpty() ? WHICH_FIGURE
                    : whatBecame + ", and " + WHICH_FIGURE;
            throw new InvalidInput("justification", e.meets(target)
                    ? "required: " + goods + ". Say " + ask + " before the recall closes (21 CFR 7.55)"
                    : "required: the effectiveness check reached level " + e.level() + " (" + e.acknowledged()
                            + " of " + e.customers() + " customers acknowledged), below the target level " + target
                            + (goods.isEmpty() ? "" : ", and " + goods) + "; say why the recall may close anyway"
                            + (beyond.isEmpty() ? "" : ", and " + WHICH_FIGURE));
        }
        return why;
    }

    /** Two parts of the refusal's sentence, "; and " between them when both say something. */
    private static String and(String first, String second) {
        return first + (first.isEmpty() || second.isEmpty() ? "" : "; and ") + second;
    }

    /**
     * What a justified closing covers, for the signed report's sentence: " with product still at customers (...)",
     * " with goods returned by the customer's word but not received at the plant (...)" and/or " with more accounted
     * for than shipped (...)", " and" between them; "" for none.
     */
    static String goodsOut(StillAtCustomers left, ReturnsNotReceived notReceived, AccountedBeyondShipped beyond) {
        String out = (left.isEmpty() ? "" : " with product still at customers (" + left.inWords() + ")")
                + (left.isEmpty() || notReceived.isEmpty() ? "" : " and")
                + (notReceived.isEmpty() ? "" : " with goods " + NOT_RECEIVED + " (" + notReceived.inWords() + ")");
        return out + (out.isEmpty() || beyond.isEmpty() ? "" : " and")
                + (beyond.isEmpty() ? "" : " with more accounted for than shipped (" + beyond.inWords() + ")");
    }

    private ClosingJustification() {
    }
}
