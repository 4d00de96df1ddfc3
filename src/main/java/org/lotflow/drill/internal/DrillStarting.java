package org.lotflow.drill.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.lotflow.drill.internal.process.MockRecallProcess;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a mock-recall drill ({@code POST /api/mock-recalls}; issue #14): a recall coordinator (or an
 * administrator) names any lot, whatever its status; lotflow traces it as a recall would
 * ({@link DrillTracing}), works out the mass balance of every lot of the scope, numbers the drill
 * {@code MR-{yyyy}-{seq:4}} ({@link DrillSequence}), records it with its scope, and starts
 * {@code mockRecall} with the drill number as business key, all in one transaction. Nothing else
 * changes: no lot status, no allocation, no order, no hold, no customer notification, no lot history.
 *
 * <p>The target time is {@code lotflow.drill.target} (an ISO-8601 duration of whole minutes, default
 * {@code PT4H}: BRCGS and SQF expect a drill's trace and reconciliation within 4 hours), fixed on the
 * drill when it starts. Refusals: 403 for other users, 400 naming {@code lotNumber} when it is missing,
 * 404 naming it for an unknown lot, 409 when the genealogy is deeper than {@code lotflow.trace.max-depth}.
 */
@Service
public class DrillStarting {

    private final CurrentUser currentUser;
    private final LotStock lots;
    private final DrillTracing tracing;
    private final DrillSequence sequence;
    private final DrillStore store;
    private final DrillScopeJson json;
    private final MockRecallProcess process;
    private final Clock clock;
    private final int targetMinutes;

    DrillStarting(CurrentUser currentUser, LotStock lots, DrillTracing tracing, DrillSequence sequence,
            DrillStore store, DrillScopeJson json, MockRecallProcess process, Clock clock,
            @Value("${lotflow.drill.target:PT4H}") Duration target) {
        this.currentUser = currentUser;
        this.lots = lots;
        this.tracing = tracing;
        this.sequence = sequence;
        this.store = store;
        this.json = json;
        this.process = process;
        this.clock = clock;
        this.targetMinutes = targetMinutes(target);
    }

    /** {@code lotflow.drill.target} in minutes: whole minutes, at least one (the start is refused otherwise). */
    static int targetMinutes(Duration target) {
        if (target == null || target.isNegative() || target.isZero() || target.toSecondsPart() != 0
                || target.toMinutes() > Integer.MAX_VALUE) {
            throw new IllegalStateException("lotflow.drill.target must be a positive ISO-8601 duration of whole"
                    + " minutes (for example PT4H or PT90M), not " + target);
        }
        return (int) target.toMinutes();
    }

    /** Starts a drill on the lot; its number. */
    @Transactional
    public String start(String lotNumberAsSent) {
        currentUser.requireToRecord("start a mock-recall drill", Groups.RECALL_COORDINATOR);
        String lotNumber = org.lotflow.shared.input.TypedLotNumber.of("lotNumber", lotNumberAsSent,
                "required: the number of the lot the drill traces");
        Lot lot = lots.findByLotNumber(lots.asStored(java.util.List.of(lotNumber)).get(0)).orElseThrow(() -> new NotFound("Lot", lotNumber)
                .with("field", "lotNumber").with("lotNumber", lotNumber));
        DrillScope scope = tracing.trace(lot.getId());
        Instant now = clock.instant();
        DrillNumber number = sequence.next(LocalDate.ofInstant(now, clock.getZone()).getYear());
        store.insert(number, lot.getId(), now, currentUser.id(), targetMinutes, scope.reconciliationPercent(),
                json.write(scope));
        process.start(number.toString());
        return number.toString();
    }
}
