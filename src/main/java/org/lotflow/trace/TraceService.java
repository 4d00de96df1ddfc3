package org.lotflow.trace;

import java.util.Collection;
import java.util.List;

import org.lotflow.lot.Genealogies;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.order.Deliveries;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Genealogy trace: the lot module's walk ({@link Genealogies}, one recursive query per direction)
 * bounded by {@code lotflow.trace.max-depth}, and downstream the shipments of the reached lots from
 * the order module's ledger ({@link Deliveries}, a second query). The recall module opens its scope
 * with {@link #walkWhole} (FSMA 204: every lot made from a recalled lot, and its customers).
 */
@Service
public class TraceService {

    private final Genealogies genealogies;
    private final LotService lots;
    private final Deliveries deliveries;
    private final CurrentUser currentUser;
    private final int maxDepth;
    private final org.lotflow.serial.SerialLedger serials;

    public TraceService(Genealogies genealogies, LotService lots, Deliveries deliveries,
            CurrentUser currentUser, @Value("${lotflow.trace.max-depth:100}") int maxDepth,
            org.lotflow.serial.SerialLedger serials) {
        this.serials = serials;
        this.genealogies = genealogies;
        this.lots = lots;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
        this.maxDepth = maxDepth;
    }

    /** The trace of one lot for the API: any member of a business group may read it. 404 for an unknown lot. */
    @Transactional(readOnly = true)
    public Trace trace(String lotNumber, Direction direction) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        Lot start = lots.get(lotNumber);
        List<Trace.TracedLot> reached = walk(List.of(start.getId()), direction);
        List<Trace.CustomerShipment> customers = direction == Direction.DOWNSTREAM
                ? shipments(reached.stream().map(Trace.TracedLot::id).toList())
                : List.of();
        return new Trace(start.getLotNumber(), direction.label(), reached, customers,
                isCut(List.of(start.getId()), direction, reached), maxDepth);
    }

    /**
     * The trace from a serial (issue #16): {@code serial}, where the serial is ({@link
     * org.lotflow.serial.SerialLedger#find}: its lot, status and customer), and {@code trace}, its lot's trace in
     * the direction asked.
     */
    public record SerialTrace(org.lotflow.serial.SerialLedger.SerialView serial, Trace trace) {
    }

    /**
     * The trace of a serial's lot (business groups): the serial as {@code GET /api/serials/{serial}} answers it
     * (same refusals: 400 naming {@code serial} or {@code sku}, 404 for no such serial) and its lot's
     * {@link #trace}, whose shipments list the serials that went with them.
     */
    @Transactional(readOnly = true)
    public SerialTrace traceOfSerial(String serial, String sku, Direction direction) {
        org.lotflow.serial.SerialLedger.SerialView found = serials.find(serial, sku);
        return new SerialTrace(found, trace(found.lotNumber(), direction));
    }

    /**
     * Whether the walk from the start lots stops at {@code lotflow.trace.max-depth} with genealogy
     * left beyond it: the lots past the bound are not in {@link #walk}'s answer.
     */
    @Transactional(readOnly = true)
    public boolean isCut(Collection<Long> startIds, Direction direction) {
        return genealogies.continuesBeyond(startIds, way(direction), maxDepth);
    }

    /**
     * {@link #isCut(Collection, Direction)} given the walk's answer: a walk that stopped short of the bound
     * was not cut, and the genealogy is not walked a second time to say so.
     */
    public boolean isCut(Collection<Long> startIds, Direction direction, List<Trace.TracedLot> reached) {
        return reached.stream().anyMatch(l -> l.depth() >= maxDepth) && isCut(startIds, direction);
    }

    /**
     * {@link #walk}, refusing ({@link StateConflict}, 409) when the genealogy is deeper than the bound:
     * for a recall's scope, where a lot left out would stay shippable and its customers never be told.
     */
    @Transactional(readOnly = true)
    public List<Trace.TracedLot> walkWhole(Collection<Long> startIds, Direction direction) {
        List<Trace.TracedLot> reached = walk(startIds, direction);
        if (isCut(startIds, direction, reached)) {
            throw new StateConflict("The genealogy " + direction.label() + " of these lots is deeper than "
                    + maxDepth + " levels (lotflow.trace.max-depth): a recall would leave the deeper lots and their "
                    + "customers out. Raise lotflow.trace.max-depth and open the recall again.")
                    .with("maxDepth", maxDepth);
        }
        return reached;
    }

    /**
     * A lot's whole trace both ways, as the FSMA 204 and EPCIS documents read it: the lots it was made from
     * ({@code upstream}, to the suppliers) and the lots made from it ({@code downstream}, to the customers), each
     * list starting with the lot itself at depth 0; {@code lotIds} every lot of both, upstream first, each once;
     * {@code truncated} when either walk stopped at {@code lotflow.trace.max-depth} with genealogy beyond it.
     */
    public record BothWays(List<Trace.TracedLot> upstream, List<Trace.TracedLot> downstream,
            java.util.Set<Long> lotIds, boolean truncated) {

        /** The ids of the downstream lots, whose shipments reached customers. */
        public List<Long> downstreamIds() {
            return downstream.stream().map(Trace.TracedLot::id).toList();
        }
    }

    /** {@link BothWays} from one lot (by its id). */
    @Transactional(readOnly = true)
    public BothWays bothWays(Long lotId) {
        return bothWays(List.of(lotId));
    }

    /**
     * {@link BothWays} from several lots at once (the lots of one supplier lot, trace29 F1), each start lot at depth
     * 0, every lot reached once.
     */
    @Transactional(readOnly = true)
    public BothWays bothWays(Collection<Long> startIds) {
        List<Trace.TracedLot> down = walk(startIds, Direction.DOWNSTREAM);
        List<Trace.TracedLot> up = walk(startIds, Direction.UPSTREAM);
        boolean truncated = isCut(startIds, Direction.DOWNSTREAM, down) || isCut(startIds, Direction.UPSTREAM, up);
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        up.forEach(l -> ids.add(l.id()));
        down.forEach(l -> ids.add(l.id()));
        return new BothWays(up, down, java.util.Collections.unmodifiableSet(ids), truncated);
    }

    /** Every lot reached from the start lots (depth 0) in one query, each once at its smallest depth. */
    @Transactional(readOnly = true)
    public List<Trace.TracedLot> walk(Collection<Long> startIds, Direction direction) {
        return genealogies.walk(startIds, way(direction), maxDepth).stream().map(TraceService::traced).toList();
    }

    /**
     * Every shipment of the given lots (the order module's shipment ledger), each with the serials shipped with it
     * (the serial module's ledger, one more query).
     */
    @Transactional(readOnly = true)
    public List<Trace.CustomerShipment> shipments(Collection<Long> lotIds) {
        List<org.lotflow.order.Delivery> shipped = deliveries.ofLots(lotIds);
        java.util.Map<Long, List<String>> serialsOf = serials.ofShipments(shipped.stream()
                .map(org.lotflow.order.Delivery::shipmentId).filter(java.util.Objects::nonNull).toList());
        return shipped.stream().map(d -> new Trace.CustomerShipment(d.customer(), d.lotNumber(),
                d.orderNumber(), d.quantity(), d.shippedAt(), d.carrier(),
                d.shipmentId() == null ? null : serialsOf.get(d.shipmentId()), d.recordedAt())).toList();
    }

    private static Genealogies.Way way(Direction direction) {
        return direction == Direction.DOWNSTREAM ? Genealogies.Way.DOWNSTREAM : Genealogies.Way.UPSTREAM;
    }

    private static Trace.TracedLot traced(Genealogies.ReachedLot l) {
        org.lotflow.lot.LotQuantities q = l.quantities();
        return new Trace.TracedLot(l.id(), l.lotNumber(), l.sku(), l.productName(), l.unit(), l.status(), l.depth(),
                q.quantity(), q.shipped(), q.consumed(), q.available(), q.allocated(), q.disposed(), q.onHand(),
                l.location(), l.manufactureDate(), l.links().stream().map(e -> new Trace.Link(e.source(), e.made(), e.quantity()))
                        .toList());
    }
}
