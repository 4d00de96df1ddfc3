package org.lotflow.trace.internal.epcis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.LotOrigins;

/**
 * The EPCIS events of lotflow's traceability facts (the same facts as the FSMA 204 records, {@code Fsma204}):
 * <ul>
 * <li>a lot received from a supplier (source RECEIPT): {@code ObjectEvent}, action {@code ADD} (the lot's class,
 * with lotflow's lot number, begins here), bizStep {@code receiving}, its quantity; source: the supplier
 * ({@code owning_party}); destination: the plant ({@code owning_party}, {@code location}); business transaction:
 * the delivery reference ({@code desadv}); ILMD: expiration date ({@code cbvmda:itemExpirationDate}) and the
 * supplier's lot number ({@code lotflow:supplierLotNumber});</li>
 * <li>a lot made here from other lots: {@code TransformationEvent}, bizStep {@code commissioning} (as GS1's
 * example 9.6.4), {@code inputQuantityList} every input lot with the quantity used (traced or not),
 * {@code outputQuantityList} the new lot with its quantity; business transaction: the production order
 * ({@code prodorder}); ILMD: expiration date;</li>
 * <li>a lot made here without inputs: {@code ObjectEvent}, action {@code ADD}, bizStep {@code commissioning},
 * the same fields;</li>
 * <li>a shipment: {@code ObjectEvent}, action {@code OBSERVE}, bizStep {@code shipping}, disposition
 * {@code in_transit}, the quantity shipped; source: the plant ({@code owning_party}, {@code location});
 * destination: the customer ({@code owning_party}); business transaction: the sales order ({@code po});</li>
 * <li>a disposal of a lot's stock (EU GMP 5.61-5.65, recorded by a QA manager's confirmed disposition or a recall's
 * signed closing): destroyed, an {@code ObjectEvent}, action {@code DELETE} (that stock ceases to exist), bizStep
 * {@code destroying}, disposition {@code destroyed}; returned to the supplier, an {@code ObjectEvent}, action
 * {@code OBSERVE}, bizStep {@code shipping}, disposition {@code returned}, source the plant, destination the
 * supplier ({@code owning_party}); either with the quantity disposed of and lotflow's fields
 * {@code lotflow:disposalMethod}, {@code lotflow:disposalReference} (the waste manifest or return note, when given)
 * and {@code lotflow:recallNumber} (when a recall's closing disposed of it). A record of the former method
 * {@code REWORKED} is a {@code DELETE} with bizStep {@code decommissioning} and disposition {@code inactive}: the
 * stock left the lot, and the method says where.</li>
 * <li>goods of a recalled lot a customer sent back, received at the plant under the recall: an {@code ObjectEvent},
 * action {@code OBSERVE}, bizStep {@code receiving}, disposition {@code recalled}, the quantity received; source: the
 * customer ({@code owning_party}); destination: the plant ({@code owning_party}, {@code location}); lotflow's fields
 * {@code lotflow:recallNumber} and {@code lotflow:returnReference} (the return note, when given);</li>
 * <li>a lot's status change (hold, release, rejection, recall, expiry, depletion, archiving): an {@code ObjectEvent},
 * action {@code OBSERVE}, dated when it was recorded ({@link StatusChanges}).</li>
 * </ul>
 * Every event says what was so when it happened and never changes afterwards (EPCIS 2.0 section 7.4.1: an event is
 * identified by its eventID for ever; a partner that captured it keeps it). A lot's creation event therefore has the
 * disposition of a lot just received or made ({@link Dispositions#AT_CREATION}, {@code in_progress}: every lot starts
 * {@code PENDING}, awaiting its release), whatever its status now; each later status is an event of its own. Every
 * event has the plant as readPoint (and bizLocation, but shipments), and its business date as eventTime (a status
 * change: its instant; a shipment: the moment it was recorded when that is on its ship date, so a lot released at 09:04
 * and shipped at 10:15 never reads as shipped before its release: auditor's re-test 2026-12-06 Y5). Every quantity is
 * in the product's unit as {@link UnitCodes} writes it: a measure with its {@code uom}, a count of packages without,
 * and one in a unit lotflow does not know without a quantity, said in words in the event's
 * {@code lotflow:quantityAsRecorded}. A plain rule: no Spring, no database.
 */
public final class EpcisEvents {

    /**
     * A shipment of lot {@code lotId}: {@code quantity} in the lot's unit; {@code time} the moment it was recorded on
     * {@code shippedAt} (its eventTime), null when only its day is known (eventTime: the start of that day).
     */
    public record Shipment(Long lotId, String customer, String orderNumber, BigDecimal quantity,
            java.time.LocalDate shippedAt, java.time.Instant time) {

        /** A shipment of which only the day is known. */
        public Shipment(Long lotId, String customer, String orderNumber, BigDecimal quantity,
                java.time.LocalDate shippedAt) {
            this(lotId, customer, orderNumber, quantity, shippedAt, null);
        }
    }

    /**
     * A disposal of {@code quantity} (in the lot's unit) of lot {@code lotId} on {@code date}: {@code method}
     * {@code DESTROYED}, {@code RETURNED_TO_SUPPLIER} (or, in old records, {@code REWORKED}); {@code reference} and
     * {@code recallNumber} may be null; {@code time} the moment it was recorded (its eventTime; null: the start of
     * {@code date}).
     */
    public record Disposal(Long lotId, java.time.LocalDate date, String method, String reference, BigDecimal quantity,
            String recallNumber, java.time.Instant time) {
    }

    /**
     * Goods of lot {@code lotId} a customer sent back under recall {@code recallNumber}: {@code quantity} in the lot's
     * unit, received on {@code receivedOn}; {@code reference} the return note (may be null); {@code time} the moment it
     * was recorded when that is on {@code receivedOn} (its eventTime), else null (the start of that day).
     */
    public record ReturnReceipt(Long lotId, java.time.LocalDate receivedOn, String customer, BigDecimal quantity,
            String reference, String recallNumber, java.time.Instant time) {
    }

    private EpcisEvents() {
    }

    /** The events of these lots, their inputs and these shipments, without disposals. */
    public static List<EpcisEvent> of(EpcisIds ids, List<LotOrigins.Origin> lots, List<LotOrigins.Input> inputs,
            List<Shipment> shipments) {
        return of(ids, lots, inputs, shipments, List.of());
    }

    /** The events of these lots, their inputs, these shipments and disposals, without status changes. */
    public static List<EpcisEvent> of(EpcisIds ids, List<LotOrigins.Origin> lots, List<LotOrigins.Input> inputs,
            List<Shipment> shipments, List<Disposal> disposals) {
        return of(ids, lots, inputs, shipments, disposals, List.of());
    }

    /**
     * The events of these lots (each lot's creation), their inputs ({@link LotOrigins#inputsOf}), these shipments,
     * disposals and status changes ({@link StatusChanges}; whose lots are all in {@code lots}), by
     * {@link EpcisEvent#ORDER} (by {@code eventTime}).
     */
    public static List<EpcisEvent> of(EpcisIds ids, List<LotOrigins.Origin> lots, List<LotOrigins.Input> inputs,
            List<Shipment> shipments, List<Disposal> disposals, List<StatusChanges.Change> changes) {
        return of(ids, lots, inputs, shipments, List.of(), disposals, changes);
    }

    /**
     * The events of these lots (each lot's creation), their inputs ({@link LotOrigins#inputsOf}), these shipments,
     * returned goods received back, disposals and status changes, by {@link EpcisEvent#ORDER}.
     */
    public static List<EpcisEvent> of(EpcisIds ids, List<LotOrigins.Origin> lots, List<LotOrigins.Input> inputs,
            List<Shipment> shipments, List<ReturnReceipt> returns, List<Disposal> disposals,
            List<StatusChanges.Change> changes) {
        Map<Long, List<LotOrigins.Input>> inputsOf = new HashMap<>();
        inputs.forEach(i -> inputsOf.computeIfAbsent(i.madeLotId(), k -> new ArrayList<>()).add(i));
        Map<Long, LotOrigins.Origin> byId = new HashMap<>();
        lots.forEach(o -> byId.put(o.id(), o));
        String plantParty = ids.plantParty();
        String plantLocation = ids.plantLocation();
        List<EpcisEvent> events = new ArrayList<>();
        for (LotOrigins.Origin o : lots) {
            String disposition = Dispositions.AT_CREATION;
            EpcisEvent.Quantity self = UnitCodes.quantity(ids.lotClass(o.gtin(), o.lotNumber()),
                    o.quantities().quantity(), o.unit());
            List<String> asRecorded = new ArrayList<>();
            note(asRecorded, UnitCodes.asRecorded(o.lotNumber(), o.quantities().quantity(), o.unit()));
            Map<String, String> ilmd = new LinkedHashMap<>();
            if (o.expirationDate() != null) {
                ilmd.put("cbvmda:itemExpirationDate", o.expirationDate().toString());
            }
            if (o.received()) {
                if (o.supplierLotNumber() != null) {
                    ilmd.put("lotflow:supplierLotNumber", o.supplierLotNumber());
                }
                events.add(new EpcisEvent(EpcisEvent.Kind.RECEIVING, o.eventDate(), o.lotNumber(),
                        ids.event("lots", o.lotNumber(), "receiving"), "ADD", "receiving", disposition, List.of(),
                        List.of(self),
                        o.supplier() == null ? List.of()
                                : List.of(new EpcisEvent.Party("owning_party", ids.supplier(o.supplier()))),
                        List.of(new EpcisEvent.Party("owning_party", plantParty),
                                new EpcisEvent.Party("location", plantLocation)),
                        o.deliveryReference() == null ? List.of()
                                : List.of(new EpcisEvent.Transaction("desadv", ids.delivery(o.deliveryReference()))),
                        ilmd, true, withAsRecorded(Map.of(), asRecorded), null));
                continue;
            }
            List<EpcisEvent.Transaction> order = o.productionOrder() == null ? List.of()
                    : List.of(new EpcisEvent.Transaction("prodorder", ids.productionOrder(o.productionOrder())));
            List<LotOrigins.Input> used = inputsOf.getOrDefault(o.id(), List.of());
            if (used.isEmpty()) {
                events.add(new EpcisEvent(EpcisEvent.Kind.COMMISSIONING, o.eventDate(), o.lotNumber(),
                        ids.event("lots", o.lotNumber(), "commissioning"), "ADD", "commissioning", disposition,
                        List.of(), List.of(self), List.of(), List.of(), order, ilmd, true,
                        withAsRecorded(Map.of(), asRecorded), null));
            } else {
                used.forEach(i -> note(asRecorded, UnitCodes.asRecorded(i.lotNumber(), i.quantity(), i.unit())));
                events.add(new EpcisEvent(EpcisEvent.Kind.TRANSFORMATION, o.eventDate(), o.lotNumber(),
                        ids.event("lots", o.lotNumber(), "transformation"), null, "commissioning", disposition,
                        used.stream().map(i -> UnitCodes.quantity(ids.lotClass(i.gtin(), i.lotNumber()),
                                i.quantity(), i.unit())).toList(),
                        List.of(self), List.of(), List.of(), order, ilmd, true, withAsRecorded(Map.of(), asRecorded),
                        null));
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Shipment s : shipments) {
            LotOrigins.Origin o = byId.get(s.lotId());
            if (o == null) {
                throw new IllegalArgumentException("shipment of lot id " + s.lotId() + " without its lot");
            }
            String key = s.orderNumber() + "\n" + o.lotNumber() + "\n" + s.shippedAt();
            int n = seen.merge(key, 1, Integer::sum);
            String eventId = n == 1 ? ids.event("shipments", s.orderNumber(), o.lotNumber(), s.shippedAt().toString())
                    : ids.event("shipments", s.orderNumber(), o.lotNumber(), s.shippedAt().toString(), String.valueOf(n));
            events.add(new EpcisEvent(EpcisEvent.Kind.SHIPPING, s.shippedAt(), o.lotNumber(), eventId, "OBSERVE",
                    "shipping", Dispositions.SHIPPED, List.of(),
                    List.of(UnitCodes.quantity(ids.lotClass(o.gtin(), o.lotNumber()), s.quantity(), o.unit())),
                    List.of(new EpcisEvent.Party("owning_party", plantParty),
                            new EpcisEvent.Party("location", plantLocation)),
                    List.of(new EpcisEvent.Party("owning_party", ids.customer(s.customer()))),
                    s.orderNumber() == null ? List.of()
                            : List.of(new EpcisEvent.Transaction("po", ids.salesOrder(s.orderNumber()))),
                    Map.of(), false, withAsRecorded(Map.of(), asRecorded(o.lotNumber(), s.quantity(), o.unit())),
                    s.time()));
        }
        for (ReturnReceipt r : returns) {
            LotOrigins.Origin o = byId.get(r.lotId());
            if (o == null) {
                throw new IllegalArgumentException("returned goods of lot id " + r.lotId() + " without their lot");
            }
            String key = "return\n" + r.recallNumber() + "\n" + o.lotNumber() + "\n" + r.customer() + "\n"
                    + r.receivedOn();
            int n = seen.merge(key, 1, Integer::sum);
            String eventId = n == 1 ? ids.event("returns", r.recallNumber(), o.lotNumber(), r.customer(),
                    r.receivedOn().toString())
                    : ids.event("returns", r.recallNumber(), o.lotNumber(), r.customer(), r.receivedOn().toString(),
                            String.valueOf(n));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("lotflow:recallNumber", r.recallNumber());
            if (r.reference() != null) {
                fields.put("lotflow:returnReference", r.reference());
            }
            events.add(new EpcisEvent(EpcisEvent.Kind.RETURN_RECEIVING, r.receivedOn(), o.lotNumber(), eventId,
                    "OBSERVE", "receiving", Dispositions.of(org.lotflow.lot.LotStatus.RECALLED), List.of(),
                    List.of(UnitCodes.quantity(ids.lotClass(o.gtin(), o.lotNumber()), r.quantity(), o.unit())),
                    List.of(new EpcisEvent.Party("owning_party", ids.customer(r.customer()))),
                    List.of(new EpcisEvent.Party("owning_party", plantParty),
                            new EpcisEvent.Party("location", plantLocation)),
                    List.of(), Map.of(), true,
                    withAsRecorded(fields, asRecorded(o.lotNumber(), r.quantity(), o.unit())), r.time()));
        }
        for (Disposal d : disposals) {
            LotOrigins.Origin o = byId.get(d.lotId());
            if (o == null) {
                throw new IllegalArgumentException("disposal of lot id " + d.lotId() + " without its lot");
            }
            String key = "disposal\n" + o.lotNumber() + "\n" + d.date();
            int n = seen.merge(key, 1, Integer::sum);
            String eventId = n == 1 ? ids.event("disposals", o.lotNumber(), d.date().toString())
                    : ids.event("disposals", o.lotNumber(), d.date().toString(), String.valueOf(n));
            events.add(disposal(ids, o, d, eventId));
        }
        for (StatusChanges.Change c : changes) {
            LotOrigins.Origin o = byId.get(c.lotId());
            if (o == null) {
                throw new IllegalArgumentException("status change of lot id " + c.lotId() + " without its lot");
            }
            events.add(StatusChanges.event(ids, o, c));
        }
        events.sort(EpcisEvent.ORDER);
        return events;
    }

    private static EpcisEvent disposal(EpcisIds ids, LotOrigins.Origin o, Disposal d, String eventId) {
        List<EpcisEvent.Quantity> quantity = List.of(UnitCodes.quantity(ids.lotClass(o.gtin(), o.lotNumber()),
                d.quantity(), o.unit()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lotflow:disposalMethod", d.method());
        if (d.reference() != null) {
            fields.put("lotflow:disposalReference", d.reference());
        }
        if (d.recallNumber() != null) {
            fields.put("lotflow:recallNumber", d.recallNumber());
        }
        fields = withAsRecorded(fields, asRecorded(o.lotNumber(), d.quantity(), o.unit()));
        List<EpcisEvent.Party> plant = List.of(new EpcisEvent.Party("owning_party", ids.plantParty()),
                new EpcisEvent.Party("location", ids.plantLocation()));
        if ("RETURNED_TO_SUPPLIER".equals(d.method())) {
            return new EpcisEvent(EpcisEvent.Kind.DISPOSAL, d.date(), o.lotNumber(), eventId, "OBSERVE", "shipping",
                    Dispositions.RETURNED, List.of(), quantity, plant,
                    o.supplier() == null ? List.of()
                            : List.of(new EpcisEvent.Party("owning_party", ids.supplier(o.supplier()))),
                    List.of(), Map.of(), false, fields, d.time());
        }
        boolean destroyed = "DESTROYED".equals(d.method());
        return new EpcisEvent(EpcisEvent.Kind.DISPOSAL, d.date(), o.lotNumber(), eventId, "DELETE",
                destroyed ? "destroying" : "decommissioning", destroyed ? Dispositions.DESTROYED : "inactive",
                List.of(), quantity, List.of(), List.of(), List.of(), Map.of(), true, fields, d.time());
    }

    /** {@code note} added to {@code notes} when there is one. */
    private static void note(List<String> notes, String note) {
        if (note != null) {
            notes.add(note);
        }
    }

    /** The one quantity's words ({@link UnitCodes#asRecorded}), as a list: empty when it was written. */
    private static List<String> asRecorded(String lotNumber, BigDecimal quantity, String unit) {
        String note = UnitCodes.asRecorded(lotNumber, quantity, unit);
        return note == null ? List.of() : List.of(note);
    }

    /**
     * {@code extensions} with {@link UnitCodes#AS_RECORDED}: the quantities of the event written without a quantity,
     * their unit unknown, in words ({@code "RM-2025-015: 12.5 tons; RM-2025-016: 3 tanks"}); unchanged without any.
     */
    private static Map<String, String> withAsRecorded(Map<String, String> extensions, List<String> asRecorded) {
        if (asRecorded.isEmpty()) {
            return extensions;
        }
        Map<String, String> with = new LinkedHashMap<>(extensions);
        with.put(UnitCodes.AS_RECORDED, String.join("; ", asRecorded));
        return with;
    }
}
