package org.lotflow.order.internal;

import java.time.Clock;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.order.OrderEventTypes;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.security.Groups;
import org.lotflow.shared.FourEyesViolation;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a QA manager decides an allocation override ({@code approveOverride}). The decision is an
 * electronic signature (21 CFR 11.50, 11.200: user id and password at this signing) in the requested
 * lot's history, recorded on the order row where the outcome service tasks re-check it
 * ({@link OverrideOutcome}).
 */
@Service
public class OverrideDecision {

    /** The longest decision comment, in characters. */
    public static final int MAX_COMMENT = 2000;

    private final OrderLocking locking;
    private final SalesOrderRepository orders;
    private final LotStock lots;
    private final LotHistory history;
    private final ElectronicSignatures signatures;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final OverrideStanding standing;
    private final FefoCandidates fefo;

    public OverrideDecision(OrderLocking locking, SalesOrderRepository orders, LotStock lots, LotHistory history,
            ElectronicSignatures signatures, CurrentUser currentUser, Clock clock, OverrideStanding standing,
            FefoCandidates fefo) {
        this.standing = standing;
        this.fefo = fefo;
        this.locking = locking;
        this.orders = orders;
        this.lots = lots;
        this.history = history;
        this.signatures = signatures;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Four eyes: the salesperson who asked for the override does not decide it (403). */
    static void requireNotRequester(String user, String requester) {
        if (user.equals(requester)) {
            throw new FourEyesViolation(user, "asked for this override", "decide it");
        }
    }

    /**
     * What the {@code approveOverride} form tells the person who asked for the override (user id -> sentence;
     * {@link org.lotflow.shared.FourEyesNotices}): they decide neither way.
     */
    public static java.util.Map<String, String> fourEyesNotices(String requester) {
        return org.lotflow.shared.FourEyesNotices.of(java.util.Collections.singletonList(requester),
                p -> requireNotRequester(p, requester), p -> requireNotRequester(p, requester), null);
    }

    /**
     * Records the decision on the override the process {@code processInstanceId} was started for (the
     * order of its business key, never a variable) and returns it. The inputs are the task form's fields:
     * {@code approved} (required, no default) and {@code comment} (non-blank, at most 2000 characters).
     * Refused (the task stays open, nothing changes): 400 for a missing input or a comment too long;
     * 403 for anyone but a logged-in QA manager (sales included) and for the person who asked for it (four
     * eyes); 409 for an override no longer pending or already decided, another process than the bound one, or an
     * approval of a requested lot that can no longer be allocated ({@link OverrideStanding}: not RELEASED, expired
     * today or at the ship date, no stock available), refused before the signature. The signed record keeps the
     * reason as it stands at the decision ({@code overrideReason}) and, for a refusal, why the lot could no longer be
     * allocated ({@code requestedLotUnavailable}).
     */
    @Transactional
    public boolean decide(String orderNumber, String processInstanceId, Boolean approved, String comment) {
        if (approved == null) {
            throw new InvalidInput("approved", "a decision (true or false) is required");
        }
        if (org.lotflow.shared.input.InputRules.blank(comment)) {
            throw new InvalidInput("comment", "give the reason for the decision");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInput("comment", "at most " + MAX_COMMENT + " characters");
        }
        if (!currentUser.isAuthenticated()) {
            throw new NotPermitted("An override decision must be made by a logged-in QA manager");
        }
        String user = currentUser.id();
        currentUser.requireSigningMembership("decide an allocation override", Groups.QA_MANAGER);
        SalesOrder order = locking.overrideOrder(orderNumber, processInstanceId, true);
        requireNotRequester(user, order.getCreatedBy());
        if (!order.isOverridePending() || order.getOverrideDecision() != null) {
            throw new StateConflict("The override of order " + orderNumber + " is "
                    + (order.getOverrideDecision() != null ? "already decided (" + order.getOverrideDecision() + ")"
                            : order.getOverrideStatus()) + "; it cannot be decided again")
                    .with("orderNumber", orderNumber);
        }
        // the facts signed are those of now, and nothing is approved that can no longer be carried out (auditor
        // 2026-12-07 M4: an approval recorded "skips older lot A (10 available)" when A was empty and the requested lot
        // DEPLETED)
        // under the product's lock, which every allocation of the product takes: an order allocating its stock at this
        // moment has either committed (and is read here) or waits for this decision (re-test 2026-12-07 F5: an approval
        // signed 13 ms after another order emptied the skipped lot recorded it with its stock)
        fefo.lockProduct(order.getProductId());
        // and the requested lot's row, which a hold, a recall or an expiry locks to change its status (re-test
        // 2026-12-07 G3: an approval was signed after the lot was put on hold): seen here, or changed after
        Lot lot = lots.lockAllByLotNumber(java.util.List.of(order.getRequestedLot())).stream().findFirst()
                .orElseThrow();
        OverrideStanding.Standing now = standing.of(order, lot, "at the decision");
        if (approved && now.unavailable() != null) {
            throw new StateConflict("Lot " + order.getRequestedLot() + " can no longer be allocated to order "
                    + orderNumber + ": " + now.unavailable() + ". There is nothing to approve: refuse the override"
                    + " with your reason, and the order is allocated first-expired-first-out; nothing was signed")
                    .with("orderNumber", orderNumber);
        }
        String meaning = approved ? "allocation override approval" : "allocation override refusal";
        signatures.sign(meaning, "order " + orderNumber); // user id and password at this signing (21 CFR 11.200)
        // one signature, one time: the order's decidedAt, the event and its signature (auditor sig28 L1)
        java.time.Instant signedAt = clock.instant();
        history.event(lot.getId(), approved ? OrderEventTypes.OVERRIDE_APPROVED : OrderEventTypes.OVERRIDE_REFUSED)
                .by(user).at(signedAt).reason(comment.trim()).detail("orderNumber", order.getOrderNumber())
                .detail("overrideReason", now.reason())
                .detail("requestedLotUnavailable", now.unavailable())
                .signature(meaning).record();
        // the comment as the event records it (trimmed), so the row and its signature agree (re-test N3)
        order.signOverrideDecision(approved, user, comment.trim(), signedAt, now.reason());
        orders.save(order);
        return approved;
    }
}
