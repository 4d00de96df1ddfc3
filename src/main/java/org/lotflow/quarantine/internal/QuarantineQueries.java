package org.lotflow.quarantine.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotflow.lot.Lot;
import org.lotflow.lot.Genealogies;
import org.lotflow.lot.LotService;
import org.lotflow.order.Deliveries;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine's read side: holds by id, by lot and by the process instance they are bound to, and
 * the impact assessment of a lot (its quantities from the lot module, its deliveries from the order
 * module's {@link Deliveries}; never their tables).
 */
@Service
public class QuarantineQueries {

    private final HoldRepository holds;
    private final LotService lots;
    private final Deliveries deliveries;

    private final Genealogies genealogies;

    public QuarantineQueries(HoldRepository holds, LotService lots, Deliveries deliveries, Genealogies genealogies) {
        this.genealogies = genealogies;
        this.holds = holds;
        this.lots = lots;
        this.deliveries = deliveries;
    }

    /** A hold by id; {@link NotFound} (404) when there is none. */
    @Transactional(readOnly = true)
    public Hold get(Long holdId) {
        return holds.findById(holdId).orElseThrow(() -> new NotFound("Hold", String.valueOf(holdId)));
    }

    /** The latest hold of a lot (active or not), or null. */
    @Transactional(readOnly = true)
    public Hold latest(Long lotId) {
        return holds.findFirstByLotIdOrderByIdDesc(lotId).orElse(null);
    }

    /** The lot's holds before {@code hold}, the latest first (a lot held again: its earlier holds and their outcome). */
    @Transactional(readOnly = true)
    public java.util.List<Hold> earlier(Hold hold) {
        return holds.findEarlier(hold.getLotId(), hold.getId());
    }

    /** A hold's signed decision as committed: {@code decision}, {@code decidedBy} and {@code decidedAt} null before. */
    public record Decided(Disposition decision, String decidedBy, java.time.Instant decidedAt) {
    }

    /**
     * The hold's decision as the database holds it now, read past this transaction's copy of the hold: for the loser of
     * two signatures at once, who decided while it waited.
     */
    @Transactional(readOnly = true)
    public Decided decidedNow(Hold hold) {
        return holds.findDecided(hold.getId()).orElse(new Decided(null, null, null));
    }

    /** The lot's active hold, if it is held. */
    @Transactional(readOnly = true)
    public Optional<Hold> active(Long lotId) {
        return holds.findByActiveLotId(lotId);
    }

    /**
     * The hold a running {@code quarantineInvestigation} instance concerns: the one bound to this
     * instance, whose lot must be the one named by the business key. Never a variable (21 CFR 11.10(f)).
     *
     * @throws StateConflict 409 when no hold is bound to the instance or its lot is another
     */
    @Transactional(readOnly = true)
    public Hold boundTo(String businessKey, String processInstanceId) {
        Hold hold = holds.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new StateConflict(
                "Process instance " + processInstanceId + " is bound to no hold"));
        if (businessKey == null || !lots.get(hold.getLotId()).getLotNumber().equals(businessKey)) {
            throw new StateConflict("Process instance " + processInstanceId + " is not the investigation of lot "
                    + businessKey);
        }
        return hold;
    }

    /** What holding the lot affects now: quantities and the customers who received it. */
    @Transactional(readOnly = true)
    public ImpactAssessment impact(Lot lot) {
        return ImpactAssessment.of(lot, deliveries.ofLots(List.of(lot.getId())), madeInto(lot));
    }

    /**
     * The lots made directly from {@code lot} (one step of the genealogy downstream), by lot number, each with its
     * status and the quantity of {@code lot} it consumed (the sum, if it took the lot in several entries).
     */
    private List<ImpactAssessment.MadeInto> madeInto(Lot lot) {
        Map<String, java.math.BigDecimal> consumed = new java.util.TreeMap<>();
        Map<String, String> status = new java.util.HashMap<>();
        for (Genealogies.ReachedLot reached : genealogies.walk(List.of(lot.getId()), Genealogies.Way.DOWNSTREAM, 1)) {
            if (reached.depth() != 1) {
                continue;
            }
            for (Genealogies.Edge e : reached.links()) {
                if (e.source().equals(lot.getLotNumber()) && e.made().equals(reached.lotNumber())) {
                    consumed.merge(reached.lotNumber(), e.quantity(), java.math.BigDecimal::add);
                    status.put(reached.lotNumber(), reached.status());
                }
            }
        }
        return consumed.entrySet().stream().map(e -> new ImpactAssessment.MadeInto(e.getKey(), status.get(e.getKey()),
                e.getValue())).toList();
    }
}
