package org.lotflow.trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The FSMA 204 records ({@link Fsma204}) of a lot's trace, of a date range, or of a set of lots (a recall's
 * scope), built from lotflow's own tables through the owners' APIs: lots and their inputs from the lot module
 * ({@link LotOrigins}, the walk of {@link TraceService}), shipments from the order module's ledger
 * ({@link Deliveries}), returns to a supplier from the lot history's disposals ({@link HistoryReports#disposals}: stock
 * returned is shipped back, a SHIPPING record to the supplier with the return note as its reference document), goods
 * customers sent back under a recall from its {@code RETURN_RECEIVED} records (a RECEIVING record from the customer), the
 * plant's location description from configuration ({@link Plant}). Never from a process variable.
 */
@Service
public class TraceabilityRecords {

    private final TraceService trace;
    private final LotService lots;
    private final LotOrigins origins;
    private final Deliveries deliveries;
    private final CurrentUser currentUser;
    private final Plant plant;
    private final HistoryReports history;
    private final java.time.Clock clock;

    public TraceabilityRecords(TraceService trace, LotService lots, LotOrigins origins, Deliveries deliveries,
            CurrentUser currentUser, Plant plant, HistoryReports history, java.time.Clock clock) {
        this.history = history;
        this.clock = clock;
        this.trace = trace;
        this.lots = lots;
        this.origins = origins;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
        this.plant = plant;
    }

    /**
     * A shipment to record: {@code quantity} (in its lot's unit) of lot {@code lotId}; {@code recordedAt} when the
     * shipment was recorded (null when unknown).
     */
    public record Shipment(Long lotId, String customer, String orderNumber, BigDecimal quantity, LocalDate shippedAt,
            String carrier, java.time.Instant recordedAt) {
    }

    /**
     * Records and whether they are cut: {@code truncated} when the lot's genealogy goes on beyond
     * {@code lotflow.trace.max-depth} in either direction (the lots beyond are not in the records).
     */
    public record Records(List<Fsma204.Record> records, boolean truncated) {
    }

    /**
     * The records of a lot's trace, both directions: the receiving or transformation of the lot, of every lot
     * it was made from (upstream, to the suppliers) and of every lot made from it (downstream), and the
     * shipments of the lot and of the lots made from it (to the customers); only those dated between
     * {@code from} and {@code to} when given (null: open). Any member of a business group; 404 for an unknown
     * lot. By date ({@link Fsma204#BY_DATE}).
     */
    @Transactional(readOnly = true)
    public Records ofLot(String lotNumber, LocalDate from, LocalDate to) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        return ofLots(List.of(lots.get(lotNumber).getId()), from, to);
    }

    /**
     * {@link #ofLot} of several lots in one document, each event once: the lots received of one supplier lot
     * (traceability lot code; trace29 F1: an FDA request names the TLC, and a supplier lot received as several lots
     * was exported in halves that overlapped downstream). Any member of a business group.
     */
    @Transactional(readOnly = true)
    public Records ofLots(Collection<Long> lotIds, LocalDate from, LocalDate to) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        TraceService.BothWays reach = trace.bothWays(lotIds);
        List<Shipment> shipments = shipmentsOf(reach.downstreamIds());
        List<LotOrigins.Origin> reached = origins.of(reach.lotIds());
        List<Fsma204.Record> all = new ArrayList<>(records(reached, shipments));
        all.addAll(returns(reached, history.disposals(reach.lotIds())));
        all.addAll(receivedBack(reached, history.returnsReceived(reach.lotIds())));
        List<Fsma204.Record> records = all.stream().filter(r -> within(r.date(), from, to)).sorted(Fsma204.BY_DATE)
                .toList();
        return new Records(records, reach.truncated());
    }

    /**
     * Every critical tracking event dated between {@code from} and {@code to} (both included): lots received
     * (by receipt date), lots made (by manufacture date) and shipments (by date shipped). Any member of a
     * business group. By date ({@link Fsma204#BY_DATE}).
     */
    @Transactional(readOnly = true)
    public Records between(LocalDate from, LocalDate to) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        List<LotOrigins.Origin> created = new ArrayList<>();
        origins.createdBetween(from, to, created::add);
        List<Shipment> shipments = deliveries.between(from, to).stream().map(s -> shipment(s.lotId(), s.delivery()))
                .toList();
        List<Fsma204.Record> records = new ArrayList<>(records(created, shipments));
        java.time.ZoneId zone = clock.getZone();
        List<HistoryReports.Disposal> disposals = history.disposalsBetween(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        records.addAll(returns(origins.of(disposals.stream().map(HistoryReports.Disposal::lotId).toList()), disposals));
        List<HistoryReports.ReturnReceived> back = history.returnsReceivedBetween(from, to, zone);
        records.addAll(receivedBack(origins.of(back.stream().map(HistoryReports.ReturnReceived::lotId).toList()), back));
        return new Records(records.stream().sorted(Fsma204.BY_DATE).toList(), false);
    }

    /**
     * The records of these lots (their receiving or transformation) and of these shipments, unsorted: a
     * recall's frozen scope. The caller checks the rights.
     */
    @Transactional(readOnly = true)
    public List<Fsma204.Record> of(Collection<Long> lotIds, List<Shipment> shipments) {
        List<LotOrigins.Origin> lots = origins.of(lotIds);
        List<Fsma204.Record> records = new ArrayList<>(records(lots, shipments));
        records.addAll(returns(lots, history.disposals(lotIds)));
        records.addAll(receivedBack(lots, history.returnsReceived(lotIds)));
        return records;
    }

    /**
     * The RECEIVING records of goods customers sent back under a recall (the lots' origins among {@code lots}): the
     * quantity received, the day it arrived, the customer as the immediate previous source, the return note as the
     * reference document (re-test 2026-12-06 1: only the EPCIS documents had them).
     */
    private List<Fsma204.Record> receivedBack(List<LotOrigins.Origin> lots, List<HistoryReports.ReturnReceived> back) {
        Map<Long, LotOrigins.Origin> byId = byId(lots);
        String here = plant.description();
        List<Fsma204.Record> records = new ArrayList<>();
        for (HistoryReports.ReturnReceived r : back) {
            LotOrigins.Origin o = byId.get(r.lotId());
            if (o == null) {
                continue;
            }
            records.add(new Fsma204.Record(Fsma204.Event.RECEIVING, code(o), o.productName(), o.sku(), r.quantity(),
                    o.unit(), r.receivedOn(), here, o.location(), codeSource(o, here), r.customer(),
                    o.received() ? o.supplierLotNumber() : null, null, List.of(),
                    r.reference() == null ? Fsma204.RECALL : Fsma204.RETURN_NOTE, r.reference() == null ? r.recallNumber()
                            : r.reference(), null, o.lotNumber()));
        }
        return records;
    }

    /** The lots' origins by lot id. */
    private static Map<Long, LotOrigins.Origin> byId(List<LotOrigins.Origin> lots) {
        Map<Long, LotOrigins.Origin> byId = new HashMap<>();
        lots.forEach(o -> byId.put(o.id(), o));
        return byId;
    }

    /**
     * The SHIPPING records of these disposals that returned stock to its supplier (the lots' origins among
     * {@code lots}): the quantity returned, the date in the plant's zone, the supplier as the immediate subsequent
     * recipient, the return note (the disposal's reference) as the reference document. Destroyed stock is no
     * shipment: the rule names no event for it (its record is the lot history's and the EPCIS document's).
     */
    private List<Fsma204.Record> returns(List<LotOrigins.Origin> lots, List<HistoryReports.Disposal> disposals) {
        Map<Long, LotOrigins.Origin> byId = byId(lots);
        String here = plant.description();
        List<Fsma204.Record> records = new ArrayList<>();
        for (HistoryReports.Disposal d : disposals) {
            LotOrigins.Origin o = byId.get(d.lotId());
            if (o == null || !"RETURNED_TO_SUPPLIER".equals(d.method())) {
                continue;
            }
            records.add(new Fsma204.Record(Fsma204.Event.SHIPPING, code(o), o.productName(), o.sku(),
                    d.quantity(), o.unit(), d.at().atZone(clock.getZone()).toLocalDate(), here, o.location(),
                    codeSource(o, here), null, o.supplierLotNumber(), o.supplier(), List.of(),
                    d.reference() == null ? null : Fsma204.RETURN_NOTE, d.reference(), null, o.lotNumber()));
        }
        return records;
    }

    private List<Shipment> shipmentsOf(List<Long> lotIds) {
        Map<String, Long> idByNumber = new HashMap<>();
        origins.of(lotIds).forEach(o -> idByNumber.put(o.lotNumber(), o.id()));
        return deliveries.ofLots(lotIds).stream().map(d -> shipment(idByNumber.get(d.lotNumber()), d)).toList();
    }

    private static Shipment shipment(Long lotId, Delivery d) {
        return new Shipment(lotId, d.customer(), d.orderNumber(), d.quantity(), d.shippedAt(), d.carrier(),
                d.recordedAt());
    }

    private List<Fsma204.Record> records(List<LotOrigins.Origin> created, List<Shipment> shipments) {
        Map<Long, LotOrigins.Origin> byId = new LinkedHashMap<>();
        created.forEach(o -> byId.put(o.id(), o));
        Set<Long> missing = new LinkedHashSet<>();
        shipments.forEach(s -> {
            if (!byId.containsKey(s.lotId())) {
                missing.add(s.lotId());
            }
        });
        Map<Long, LotOrigins.Origin> shippedLots = new HashMap<>(byId);
        origins.of(missing).forEach(o -> shippedLots.put(o.id(), o));
        Map<Long, List<Fsma204.Input>> inputs = new HashMap<>();
        origins.inputsOf(created.stream().filter(o -> !o.received()).map(LotOrigins.Origin::id).toList())
                .forEach(i -> inputs.computeIfAbsent(i.madeLotId(), k -> new ArrayList<>())
                        .add(new Fsma204.Input(Fsma204.traceabilityLotCode(i.supplierLotNumber() != null,
                                i.supplierLotNumber(), i.lotNumber()), i.productName(), i.quantity(), i.unit(),
                                i.lotNumber())));
        String here = plant.description();
        List<Fsma204.Record> records = new ArrayList<>();
        for (LotOrigins.Origin o : created) {
            if (o.received()) {
                records.add(new Fsma204.Record(Fsma204.Event.RECEIVING, code(o), o.productName(), o.sku(),
                        o.quantities().quantity(), o.unit(), o.eventDate(), here, o.location(), codeSource(o, here),
                        o.supplier(), o.supplierLotNumber(), null, List.of(),
                        o.deliveryReference() == null ? null : "Delivery note", o.deliveryReference(), null,
                        o.lotNumber()));
            } else {
                records.add(new Fsma204.Record(Fsma204.Event.TRANSFORMATION, o.lotNumber(), o.productName(), o.sku(),
                        o.quantities().quantity(), o.unit(), o.eventDate(), here, o.location(), here, null, null, null,
                        inputs.getOrDefault(o.id(), List.of()),
                        o.productionOrder() == null ? null : "Production order", o.productionOrder(), null,
                        o.lotNumber(), o.repacked()));
            }
        }
        for (Shipment s : shipments) {
            LotOrigins.Origin o = shippedLots.get(s.lotId());
            records.add(new Fsma204.Record(Fsma204.Event.SHIPPING, code(o), o.productName(), o.sku(),
                    s.quantity(), o.unit(), s.shippedAt(), here, o.location(), codeSource(o, here), null,
                    o.received() ? o.supplierLotNumber() : null, s.customer(), List.of(), Fsma204.SALES_ORDER,
                    s.orderNumber(), s.carrier(), o.lotNumber()));
        }
        return records;
    }

    /** The lot's traceability lot code: its supplier's when received ({@link Fsma204#traceabilityLotCode}). */
    private static String code(LotOrigins.Origin o) {
        return Fsma204.traceabilityLotCode(o.received(), o.supplierLotNumber(), o.lotNumber());
    }

    /** Where the lot's traceability lot code was assigned ({@link Fsma204#traceabilityLotCodeSource}). */
    private static String codeSource(LotOrigins.Origin o, String plant) {
        return Fsma204.traceabilityLotCodeSource(o.received(), o.supplierLotNumber(), o.supplier(), plant);
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
