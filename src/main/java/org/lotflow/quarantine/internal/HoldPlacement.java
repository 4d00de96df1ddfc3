package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotCreated;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.quarantine.internal.process.InvestigationProcess;
import org.lotflow.release.LabReleaseStopped;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Placing a hold: the lot goes to QUARANTINE, the hold is recorded with its impact assessment and
 * decision due date, and {@code quarantineInvestigation} starts, in one transaction. Four doors with
 * the same checks ({@link HoldRules}): {@code POST /api/lots/{lotNumber}/holds}, the Tasklist start
 * form, unidentified stock as it is created (the seed: "Quarantine immediately"), and a signed lab release
 * that a recall stopped ({@link LabReleaseStopped}).
 *
 * <p>Concurrency: a hold locks the lot's row first (and the database refuses a second active hold of a
 * lot), so two holds of one lot, or a hold racing a status change or a shipment, serialize; the second
 * finds the lot held and gets 409, a shipment's hold waits and wins.
 */
@Service
public class HoldPlacement {

    private final LotService lots;
    private final HoldRepository holds;
    private final QuarantineQueries queries;
    private final InvestigationProcess process;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final DecisionDeadline deadline;
    private final Clock clock;

    public HoldPlacement(LotService lots, HoldRepository holds, QuarantineQueries queries,
            InvestigationProcess process, LotHistory history, CurrentUser currentUser, DecisionDeadline deadline,
            Clock clock) {
        this.lots = lots;
        this.holds = holds;
        this.queries = queries;
        this.process = process;
        this.history = history;
        this.currentUser = currentUser;
        this.deadline = deadline;
        this.clock = clock;
    }

    /** A placed hold: the hold, the lot as it is now, the investigation's process instance and the impact. */
    public record Placed(Hold hold, Lot lot, String processInstanceId, ImpactAssessment impact) {
    }

    /**
     * {@code POST /api/lots/{lotNumber}/holds}: QA holds a lot. Refusals in this order: not QA 403
     * ({@link org.lotflow.shared.NotPermitted}), unknown lot 404, invalid field 400, lot not holdable 409.
     */
    @Transactional
    public Placed hold(String lotNumber, HoldInput in) {
        currentUser.requireToRecord("place a lot on hold", Groups.QA_ANALYST, Groups.QA_MANAGER);
        Lot lot = lots.get(lotNumber);
        Hold hold = place(lot, HoldRules.validate(in), false);
        String processInstanceId = process.start(hold, lot.getLotNumber());
        Lot current = lots.get(lot.getId());
        return new Placed(hold, current, processInstanceId, queries.impact(current));
    }

    /**
     * A lot that starts in quarantine ({@link LotCreated#startsInQuarantine()}) is held as it is created (same
     * transaction), through the same hold as QA's: unidentified stock, and a lot received from a supplier of a
     * product received into quarantine ({@link org.lotflow.product.ReceivingStatus#QUARANTINE}; the hold's
     * reference is the delivery reference), or of a supplier lot one of whose earlier lots was RECALLED or REJECTED or is
     * held by QA (the reason names them: {@link LotCreated#unfitSupplierLot()}; audit 26b F1, audit 27 F1 and F2). Never a QUARANTINE lot without a hold
     * and its investigation.
     */
    @EventListener
    public void onLotCreated(LotCreated created) {
        if (!created.startsInQuarantine()) {
            return;
        }
        Lot lot = lots.get(created.lotId());
        HoldInput in = created.source() == LotSource.RECEIPT && created.unfitSupplierLot() != null
                ? new HoldInput("Received into quarantine: " + created.unfitSupplierLot(), HoldSource.RECEIPT,
                        lot.getDeliveryReference())
                : created.source() == LotSource.RECEIPT
                ? new HoldInput("Received into quarantine: product " + lot.getProduct().getSku()
                        + " requires incoming inspection before use (supplier " + lot.getSupplier() + ", supplier lot "
                        + lot.getSupplierLotNumber() + ")", HoldSource.RECEIPT, lot.getDeliveryReference())
                : new HoldInput("Unidentified stock: origin and quality of the stock are unknown",
                        HoldSource.UNIDENTIFIED_STOCK, lot.getProductionOrder());
        Hold hold = place(lot, HoldRules.validate(in), false);
        // lotflow's own hold of a lot Production just created or received: started past the caller's Camunda rights,
        // so Production needs no start right of quarantineInvestigation (audit 29 F5: Tasklist offered Production the
        // hold's start form, which lotflow then refused: only QA places holds)
        process.startForLotflow(hold, lot.getLotNumber());
    }

    /**
     * A signed lab release that a recalled, held or rejected source stopped ({@link LabReleaseStopped}, published by
     * {@code lotRelease}'s {@code holdLot} in the release job's transaction): the PENDING lot is held, source
     * {@link HoldSource#RECALLED_MATERIAL} (any source recalled) or {@link HoldSource#UNFIT_MATERIAL} (held or rejected
     * only), on behalf of lotflow ({@code system}), and its investigation starts. The lab release is ending in this very
     * transaction, so the PENDING rule's "still in lab release" does not apply. The reason names the unfit material,
     * why, and who signed the release that was not carried out; for a received lot stopped by another lot of its
     * supplier lot ({@link LabReleaseStopped#siblings}), "lot X is of supplier lot AS-1 of ..., of which lot Y was
     * REJECTED by QA", source {@link HoldSource#UNFIT_MATERIAL}.
     */
    @EventListener
    public void onLabReleaseStopped(LabReleaseStopped stopped) {
        Lot lot = lots.get(stopped.lotId());
        java.util.List<String> why = new java.util.ArrayList<>();
        java.util.List<String> rules = new java.util.ArrayList<>();
        if (!stopped.unfitSources().isEmpty()) {
            boolean onlyRecalled = stopped.unfitSources().stream().allMatch(d -> d.endsWith(" (RECALLED)"));
            String sources = onlyRecalled ? lotNumbers(stopped.unfitSources())
                    : String.join(", ", stopped.unfitSources());
            why.add("material this lot was made from was " + (onlyRecalled ? "recalled" : stopped.anyRecalled()
                    ? "recalled, held or rejected by QA" : "held or rejected by QA") + " (" + sources + ")");
            rules.add("Nothing made from " + (onlyRecalled ? "recalled" : "recalled, held or rejected")
                    + " material is released");
        }
        if (stopped.siblings() != null) {
            // another lot of its supplier lot, not its material: the receipt's rule (SupplierLotRules), never "made from"
            why.add(stopped.siblings());
            rules.add((rules.isEmpty() ? "" : "nor ") + "a delivery of a supplier lot another lot of which was recalled"
                    + " or rejected, or is held by QA");
        }
        String reason = "Release approved by " + currentUser.fullName(stopped.approvedBy()) + " was not carried out: "
                + String.join("; and ", why) + ". " + String.join(", ", rules) + "; decide its disposition";
        if (reason.length() > FieldText.MAX_TEXT) {
            reason = reason.substring(0, FieldText.MAX_TEXT - 3) + "...";
        }
        java.util.List<String> named = new java.util.ArrayList<>(stopped.unfitSources());
        named.addAll(stopped.siblingLots());
        HoldInput in = new HoldInput(reason, stopped.anyRecalled() ? HoldSource.RECALLED_MATERIAL
                : HoldSource.UNFIT_MATERIAL, lotNumbers(named));
        Hold hold = place(lot, HoldRules.validate(in), true);
        process.start(hold, lot.getLotNumber());
    }

    /**
     * The Tasklist start form (a process started without a hold): the same checks as the API, and the
     * hold is bound to the instance being started.
     */
    @Transactional
    public Hold holdFromStartForm(String lotNumber, String reason, String source, String reference,
            String processInstanceId) {
        currentUser.requireToRecord("place a lot on hold", Groups.QA_ANALYST, Groups.QA_MANAGER);
        if (lotNumber == null || lotNumber.isBlank()) {
            throw new InvalidInput("lotNumber", "must not be empty");
        }
        Lot lot = lots.get(lotNumber.trim());
        HoldSource holdSource = HoldRules.source(source);
        Hold hold = place(lot, HoldRules.validate(new HoldInput(reason, holdSource, reference)), false);
        hold.bind(processInstanceId);
        holds.saveAndFlush(hold);
        return hold;
    }

    /** The number of the hold's lot, as stored. */
    @Transactional(readOnly = true)
    public String lotNumberOf(Hold hold) {
        return lots.get(hold.getLotId()).getLotNumber();
    }

    /**
     * lotflow's own start of the investigation of hold {@code holdId}, just placed by {@link #hold} or
     * {@link #onLotCreated}: binds the instance to the hold, which must be active, not yet bound and of
     * the lot named by the business key (409 otherwise).
     */
    @Transactional
    public Hold bindOwnStart(Long holdId, String businessKey, String processInstanceId) {
        Hold hold = queries.get(holdId);
        Lot lot = lots.get(hold.getLotId());
        if (!hold.isActive() || hold.getProcessInstanceId() != null || !lot.getLotNumber().equals(businessKey)) {
            throw new StateConflict("Hold " + holdId + " is not waiting for an investigation to start");
        }
        hold.bind(processInstanceId);
        holds.saveAndFlush(hold);
        return hold;
    }

    /**
     * The checks and the hold itself: lot locked, QUARANTINE, hold row, history.
     *
     * @param byLotflowForRecall lotflow's RECALLED_MATERIAL hold, placed as the lot's lab release ends
     */
    private Hold place(Lot unlocked, HoldInput in, boolean byLotflowForRecall) {
        Lot lot = lots.lockForChange(unlocked);
        String n = lot.getLotNumber();
        if (!byLotflowForRecall) {
            HoldRules.requireSourceFits(n, in.source(), lot.getSource());
        }
        HoldRules.requireHoldable(n, lot.getStatus(), holds.findByActiveLotId(lot.getId()).isPresent(),
                () -> !byLotflowForRecall && process.inLabRelease(n));
        String by = currentUser.id();
        Instant due = deadline.dueAt(process.now());
        Hold hold = holds.saveAndFlush(new Hold(lot.getId(), in.source(), in.reason(), in.reference(), by,
                clock.instant(), due));
        ImpactAssessment impact = queries.impact(lot);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("trigger", in.source().name());
        detail.put("reference", in.reference());
        detail.put("decisionDueAt", due.toString());
        detail.put("impact", impact.asDetail());
        history.event(lot.getId(), QuarantineEventTypes.HOLD_PLACED).reason(in.reason()).details(detail).record();
        Map<String, Object> statusDetail = new LinkedHashMap<>();
        statusDetail.put("trigger", in.source().name());
        statusDetail.put("remaining", impact.onHand());
        statusDetail.put("allocatedOnHold", impact.allocated());
        statusDetail.put("investigation", "In progress");
        lots.changeStatus(lot, LotStatus.QUARANTINE, "Quality hold: " + in.reason(), statusDetail, by);
        return hold;
    }

    /**
     * Whether the lot may be held now, by the rules {@link HoldRules#requireHoldable} applies when a hold is placed
     * (for a page that offers only what may be done; new user 2026-12-06 W12: a PENDING lot under lab release was
     * offered a hold that is always refused).
     */
    public boolean holdable(Lot lot) {
        return HoldRules.whyNotHoldable(lot.getLotNumber(), lot.getStatus(), holds.findByActiveLotId(lot.getId())
                .isPresent(), () -> process.inLabRelease(lot.getLotNumber())) == null;
    }

    /**
     * The lot numbers of "lot (why)" descriptions, as the hold's reference (at most 200 characters: the lots that fit,
     * then "and N more"; the reason names them all).
     */
    static String lotNumbers(java.util.List<String> described) {
        java.util.List<String> numbers = described.stream().map(d -> d.contains(" (") ? d.substring(0, d.indexOf(" ("))
                : d).toList();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            String next = (i == 0 ? "" : ", ") + numbers.get(i);
            String more = " and " + (numbers.size() - i) + " more";
            if (text.length() + next.length() + (i == numbers.size() - 1 ? 0 : more.length() + 2) > 200) {
                return text + more;
            }
            text.append(next);
        }
        return text.toString();
    }
}
