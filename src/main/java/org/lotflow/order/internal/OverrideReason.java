package org.lotflow.order.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.lotflow.order.Fefo;
import org.lotflow.order.Fefo.Candidate;

/**
 * Why allocating a customer's requested lot is an exception a QA manager must approve (seed chapter:
 * "FIFO allocation maintained while meeting customer shelf life requirements"): it breaks the customer's
 * minimum shelf life, and/or it skips older eligible lots, those that expire strictly before it
 * ({@link Fefo#skippedFor}), judged for a shipment today: an older lot that could ship today is skipped even when
 * it expires before the order's requiredBy, as the order may ship at once (audit 28 F1 c). No reason: no eligible lot expires before the requested one, and no override is needed;
 * lots of the same expiry are a tie FEFO does not decide (new user 2026-12-07 F4), and the order takes the requested
 * lot first ({@link Fefo#allocateRequestedFirst}).
 * A plain rule (no Spring, no database).
 */
public final class OverrideReason {

    /** The older lots (expiring before the requested one) a reason names; beyond them it says that there are more. */
    public static final int MAX_LISTED = 10;

    private OverrideReason() {
    }

    /**
     * The earliest expiration date of the candidates {@link #of} must be given: those FEFO could allocate for a
     * shipment today (the order may ship at once, whatever its requiredBy).
     */
    public static LocalDate candidatesFrom(LocalDate today, Integer minShelfLifeMonths) {
        return Fefo.earliestEligibleExpiration(today, today, minShelfLifeMonths);
    }

    /**
     * The reason, for example {@code "Requested lot B: FEFO broken: skips older lot(s) A (expires
     * 2025-01-10, 100 available)"}, or empty when the requested lot needs no override.
     *
     * @param requested the requested lot (released, unexpired today and at the ship date, with stock: checked before;
     *        a lot expired at the ship date is no exception to approve, IllegalArgumentException)
     * @param candidates released lots of the SKU: all of them, or at least the first {@link #MAX_LISTED} + 1
     *        that FEFO takes before the requested one for a shipment today ({@link #candidatesFrom})
     * @param minShelfLifeMonths the customer's minimum remaining shelf life at the ship date, or null
     */
    public static Optional<String> of(Candidate requested, List<Candidate> candidates, LocalDate today,
            LocalDate shipDate, Integer minShelfLifeMonths) {
        List<String> reasons = new ArrayList<>();
        // a lot released on a concession is always an exception, the first reason given: it goes to a customer only
        // when a QA manager approves it for that customer (new user 2026-12-06 F17)
        if (requested.concession()) {
            reasons.add("released on a concession after a confirmed out-of-specification result (a QA manager's"
                    + " signed OOS release): it goes only to a customer whose own requirement it meets, with a QA"
                    + " manager's approval");
        }
        if (!Fefo.releasable(requested, today, shipDate)) {
            // the caller refuses such a lot outright (409): an override never bends quality
            throw new IllegalArgumentException("lot " + requested.lotNumber() + " expires on "
                    + requested.expirationDate() + ", before the ship date " + shipDate + ": no override may allocate it");
        }
        if (!Fefo.meetsShelfLife(requested, shipDate, minShelfLifeMonths)) {
            reasons.add("shelf-life minimum broken: lot " + requested.lotNumber() + " has "
                    + Fefo.monthsRemaining(requested.expirationDate(), shipDate).toPlainString() + " months left at "
                    + shipDate + ", the customer requires " + minShelfLifeMonths);
        }
        // judged for a shipment today, not at requiredBy: nothing holds the goods to that date, and FEFO is judged on the
        // day they leave (audit 28 F1 c: a requiredBy after the older lots' expiry made the request no exception)
        List<Candidate> skipped = Fefo.skippedFor(requested, candidates, today, today, minShelfLifeMonths);
        if (!skipped.isEmpty()) {
            reasons.add("FEFO broken: skips older lot(s) " + skipped.stream().limit(MAX_LISTED)
                    .map(l -> l.lotNumber() + " (expires " + l.expirationDate() + ", "
                            + l.available().stripTrailingZeros().toPlainString() + " available"
                            + (Fefo.eligible(l, today, shipDate, minShelfLifeMonths) ? ""
                                    : "; it expires before the ship date " + shipDate + ", but the order may ship"
                                            + " before then") + ")")
                    .collect(Collectors.joining(", "))
                    + (skipped.size() > MAX_LISTED ? " and more older lots" : ""));
        }
        return reasons.isEmpty() ? Optional.empty()
                : Optional.of("Requested lot " + requested.lotNumber() + ": " + String.join("; ", reasons));
    }
}
