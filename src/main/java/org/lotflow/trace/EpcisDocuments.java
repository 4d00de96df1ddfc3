package org.lotflow.trace;

import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.history.HistoryReports;
import org.lotflow.lot.LotOrigins;
import org.lotflow.lot.LotService;
import org.lotflow.order.Deliveries;
import org.lotflow.order.Delivery;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.Plant;
import org.lotflow.trace.internal.epcis.EpcisEvent;
import org.lotflow.trace.internal.epcis.EpcisEvents;
import org.lotflow.trace.internal.epcis.EpcisIds;
import org.lotflow.trace.internal.epcis.EpcisWriter;
import org.lotflow.trace.internal.epcis.StatusChanges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EPCIS 2.0 (GS1) documents of lotflow's traceability (issue #14): the lot's trace, or a recall's scope, as the
 * {@code EPCISDocument} retailers and pharma partners exchange, valid against GS1's EPCIS 2.0 JSON Schema. The
 * same facts as the FSMA 204 records ({@link TraceabilityRecords}), read the same way: the walk of
 * {@link TraceService} (one recursive query per direction), the lots and their inputs from the lot module
 * ({@link LotOrigins}, one array parameter per query), shipments from the order module's ledger
 * ({@link Deliveries}), the lots' disposals and status changes from the lot history ({@link HistoryReports#disposals},
 * {@link HistoryReports#statusChanges}: each hold, release, rejection, recall or expiry an event of its own, dated
 * when it was recorded, while the lot's receiving or making keeps the disposition it had then); the plant's GLN
 * from configuration ({@link Plant}); never from a process variable.
 *
 * <p>What each event says, and which identifiers it uses: {@link EpcisEvents} and {@link EpcisIds} (LGTIN where
 * the product has a GTIN, {@code lotflow.epcis.id-base}'s URIs otherwise). The facts are read in the
 * transaction; the document is written afterwards, event by event, to the client ({@link Document#write}).
 */
@Service
public class EpcisDocuments {

    private final TraceService trace;
    private final LotService lots;
    private final LotOrigins origins;
    private final Deliveries deliveries;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final EpcisIds ids;
    private final HistoryReports history;

    public EpcisDocuments(TraceService trace, LotService lots, LotOrigins origins, Deliveries deliveries,
            HistoryReports history, CurrentUser currentUser, Clock clock, Plant plant,
            @Value("${lotflow.epcis.id-base:https://lotflow.invalid/plant}") String idBase) {
        this.history = history;
        this.trace = trace;
        this.lots = lots;
        this.origins = origins;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
        this.clock = clock;
        this.ids = new EpcisIds(idBase, plant.gln(), plant.companyPrefix());
    }

    /**
     * An EPCIS document ready to be written: its events, read, and whether the trace was cut at
     * {@code lotflow.trace.max-depth} ({@code truncated}: the lots beyond are not in it).
     */
    public static final class Document {

        private final List<EpcisEvent> events;
        private final EpcisIds ids;
        private final Instant created;
        private final java.time.ZoneId zone;
        private final boolean truncated;

        Document(List<EpcisEvent> events, EpcisIds ids, Instant created, java.time.ZoneId zone, boolean truncated) {
            this.events = events;
            this.ids = ids;
            this.created = created;
            this.zone = zone;
            this.truncated = truncated;
        }

        public boolean truncated() {
            return truncated;
        }

        /** The number of events. */
        public int size() {
            return events.size();
        }

        /** Writes the JSON-LD document (UTF-8) to {@code out}, event by event, and flushes it. */
        public void write(OutputStream out) {
            EpcisWriter.write(events, ids, created, zone, out);
        }
    }

    /**
     * The document of a lot's trace, both directions, as {@code GET /api/traceability/fsma204?lot=}: the
     * receiving or making of the lot, of everything it was made from back to the suppliers and of everything
     * made from it, and the shipments of the lot and of what was made from it. Any member of a business group
     * (else 403); 404 for an unknown lot.
     */
    @Transactional(readOnly = true)
    public Document ofLot(String lotNumber) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        return ofLots(List.of(lots.get(lotNumber).getId()));
    }

    /**
     * {@link #ofLot} of several lots in one document, each event once: the lots received of one supplier lot
     * (traceability lot code; trace29 F1). Any member of a business group.
     */
    @Transactional(readOnly = true)
    public Document ofLots(java.util.Collection<Long> lotIds) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        TraceService.BothWays reach = trace.bothWays(lotIds);
        Map<String, Long> idByNumber = new LinkedHashMap<>();
        reach.downstream().forEach(l -> idByNumber.put(l.lotNumber(), l.id()));
        List<EpcisEvents.Shipment> shipments = new ArrayList<>();
        for (Delivery d : deliveries.ofLots(reach.downstreamIds())) {
            shipments.add(new EpcisEvents.Shipment(idByNumber.get(d.lotNumber()), d.customer(), d.orderNumber(),
                    d.quantity(), d.shippedAt(), onShipDate(d.recordedAt(), d.shippedAt())));
        }
        return document(reach.lotIds(), shipments, reach.truncated());
    }

    /**
     * The document of these lots (their receiving or making) and these shipments: a recall's frozen scope
     * ({@code GET /api/recalls/{n}/epcis}); a shipped lot outside the lots is listed with its receiving or making
     * too. The caller checks the rights.
     */
    @Transactional(readOnly = true)
    public Document of(Collection<Long> lotIds, List<TraceabilityRecords.Shipment> shipments) {
        Set<Long> all = new LinkedHashSet<>(lotIds);
        shipments.forEach(s -> all.add(s.lotId()));
        return document(all, shipments.stream().map(s -> new EpcisEvents.Shipment(s.lotId(), s.customer(),
                s.orderNumber(), s.quantity(), s.shippedAt(), onShipDate(s.recordedAt(), s.shippedAt()))).toList(),
                false);
    }

    /**
     * A shipment's (or a return's receipt's) eventTime: the moment it was recorded when that moment is on its ship (or
     * receipt) date in the plant's zone; else
     * (unknown, or a shipment recorded on another day than the one it states) null, the start of the ship date.
     */
    private Instant onShipDate(Instant recordedAt, java.time.LocalDate shippedAt) {
        return recordedAt != null && recordedAt.atZone(clock.getZone()).toLocalDate().equals(shippedAt) ? recordedAt
                : null;
    }

    private Document document(Set<Long> lotIds, List<EpcisEvents.Shipment> shipments, boolean truncated) {
        List<LotOrigins.Origin> found = origins.of(lotIds);
        List<LotOrigins.Input> inputs = origins.inputsOf(found.stream().filter(o -> !o.received())
                .map(LotOrigins.Origin::id).toList());
        List<EpcisEvents.Disposal> disposals = history.disposals(lotIds).stream()
                .map(d -> new EpcisEvents.Disposal(d.lotId(), d.at().atZone(clock.getZone()).toLocalDate(), d.method(),
                        d.reference(), d.quantity(), d.recallNumber(), d.at())).toList();
        List<EpcisEvents.ReturnReceipt> returns = history.returnsReceived(lotIds).stream()
                .map(r -> new EpcisEvents.ReturnReceipt(r.lotId(), r.receivedOn(), r.customer(), r.quantity(),
                        r.reference(), r.recallNumber(), onShipDate(r.at(), r.receivedOn()))).toList();
        List<StatusChanges.Change> changes = history.statusChanges(lotIds).stream()
                .map(c -> new StatusChanges.Change(c.id(), c.lotId(), c.at(),
                        c.at().atZone(clock.getZone()).toLocalDate(), c.previousStatus(), c.newStatus())).toList();
        Map<String, Instant> placed = deliveries.placedAt(shipments.stream().filter(s -> s.time() == null)
                .map(EpcisEvents.Shipment::orderNumber).toList());
        List<EpcisEvent> events = EpcisEvents.of(ids, found, inputs, afterRelease(shipments, changes, placed, clock),
                returns, disposals, changes);
        return new Document(events, ids, clock.instant(), clock.getZone(), truncated);
    }

    /**
     * A shipment known only by its day (entered on a later day) is dated just after the later of the lot's last release
     * of that day and the placing of its order that day, else at the day's start: it left after the release that
     * allowed it and the order it went on, so it never reads as shipped before either (re-test 2026-12-06 F6: eventTime
     * 00:00 before the release at 09:03; N6: before its order was placed). The same in the lot's and the recall's
     * document: both read the same records.
     */
    private static List<EpcisEvents.Shipment> afterRelease(List<EpcisEvents.Shipment> shipments,
            List<StatusChanges.Change> changes, Map<String, Instant> placed, Clock clock) {
        Map<String, Instant> released = new java.util.HashMap<>();
        for (StatusChanges.Change c : changes) {
            if ("RELEASED".equals(c.newStatus())) {
                released.merge(c.lotId() + "|" + c.date(), c.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return shipments.stream().map(s -> {
            if (s.time() != null) {
                return s;
            }
            Instant release = released.get(s.lotId() + "|" + s.shippedAt());
            Instant order = placed.get(s.orderNumber());
            if (order != null && !order.atZone(clock.getZone()).toLocalDate().equals(s.shippedAt())) {
                order = null;
            }
            Instant floor = release == null ? order : order == null || release.isAfter(order) ? release : order;
            return floor == null ? s : new EpcisEvents.Shipment(s.lotId(), s.customer(), s.orderNumber(),
                    s.quantity(), s.shippedAt(), floor.plusMillis(1));
        }).toList();
    }
}
