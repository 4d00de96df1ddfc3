package org.lotflow.order;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.order.internal.Allocation;
import org.lotflow.order.internal.AllocationRepository;
import org.lotflow.order.internal.OrderLocking;
import org.lotflow.order.internal.OrderQueries;
import org.lotflow.order.internal.SalesOrder;
import org.lotflow.order.internal.Shipment;
import org.lotflow.order.internal.ShipmentRepository;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.InputRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: sales ships an order ({@code POST /api/orders/{orderNumber}/shipments}; the demo data ships
 * the seed's orders). Every open
 * allocation ships; each shipment line goes into the shipment ledger that recalls and impact
 * assessments read ("who got batch X?", FSMA 204 shipping records) and into the lot's history. A lot
 * whose stock is all shipped or consumed becomes DEPLETED.
 */
@Service
public class Shipping {

    private final OrderLocking locking;
    private final AllocationRepository allocations;
    private final ShipmentRepository shipments;
    private final LotStock lots;
    private final LotService lotService;
    private final OrderQueries queries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.lotflow.serial.SerialShipments serials;
    private final org.lotflow.order.internal.OlderStockLeftBehind olderStock;

    public Shipping(OrderLocking locking, AllocationRepository allocations, ShipmentRepository shipments, LotStock lots,
            LotService lotService, OrderQueries queries, LotHistory history, CurrentUser currentUser, Clock clock,
            org.lotflow.serial.SerialShipments serials, org.lotflow.order.internal.OlderStockLeftBehind olderStock) {
        this.serials = serials;
        this.olderStock = olderStock;
        this.locking = locking;
        this.allocations = allocations;
        this.shipments = shipments;
        this.lots = lots;
        this.lotService = lotService;
        this.queries = queries;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The answer to a shipment request: the order and the shipment lines this call created. */
    public record ShipmentResult(OrderView order, List<OrderView.ShipmentLine> shipped) {
        public boolean created() {
            return !shipped.isEmpty();
        }
    }

    /**
     * Ships every open allocation of the order on {@code shippedAt} (null: today). Nothing left to ship after an
     * earlier shipment: nothing happens (no lines); nothing ever allocated nor shipped: 409. Refusals: 403 for anyone but sales; 400 for a date before the day an open
     * allocation was made (the lot cannot have left before it was released and allocated) or a day its lot spent
     * wholly on hold ({@link org.lotflow.order.internal.ShipDates}), a date in the future or
     * before the order was placed, a carrier over 200 characters, empty, of spaces only, with a space at either edge
     * or two in a row, or no party's name ({@link org.lotflow.shared.input.SpacedNames#searchedParty}: it is kept as
     * typed and searched in traces, an FSMA 204 shipping KDE); 404 for an unknown order; 409 for a
     * cancelled order, and for the whole shipment when any lot may not ship ({@link #mayNotShip}): expired, not
     * released, or with less than the customer's minimum shelf life left on the ship date (unless a QA manager's
     * approved override allocated it), each lot named with why; and 409 naming {@code shippedAt} for a date before the
     * order's {@code requiredBy} while an older lot its allocation passed over for that date would still be FEFO's
     * choice on it ({@link #notFefoOn}: FEFO is judged on the day the goods leave, audit 28 F1); and 409 naming
     * {@code shippedAt} when a FEFO allocation would leave behind an older lot eligible for the order on that day, its
     * stock free or held by another open order: the sentence names the older lot, the orders holding it and the ways
     * out (ship the holder first, ...; {@link org.lotflow.order.internal.OlderStockLeftBehind}, re-test N4: a throw-away
     * order taking the older lot, cancelled after the shipment, let the newer lot leave first unnoticed).
     */
    @Transactional
    public ShipmentResult ship(String orderNumber, LocalDate shippedAt, String carrier) {
        return ship(orderNumber, shippedAt, carrier, null);
    }

    /**
     * {@link #ship(String, LocalDate, String)} naming the serials shipped (issue #16): for a serialised product
     * every unit shipped is named, as many per lot as its open allocations ship, each of an allocated lot and in
     * stock; they become SHIPPED to the order's customer with their shipment line and are listed in the lot's
     * audit trail. For another product {@code serialNumbers} must be null or empty. Refused before anything
     * changes as {@link org.lotflow.serial.SerialShipments#check} says (400 naming {@code serials} or
     * {@code serials[i]}; 409 for a serial already shipped), after the refusals above.
     */
    @Transactional
    public ShipmentResult ship(String orderNumber, LocalDate shippedAt, String carrier, List<String> serialNumbers) {
        currentUser.requireToRecord("ship an order", Groups.SALES);
        LocalDate today = LocalDate.now(clock);
        if (shippedAt != null && shippedAt.isAfter(today)) {
            throw new InvalidInput("shippedAt", "must not be in the future (today is " + today + ")");
        }
        if (carrier != null && carrier.length() > 200) {
            throw new InvalidInput("carrier", "must be at most 200 characters");
        }
        if (carrier != null && carrier.isEmpty()) {
            throw new InvalidInput("carrier", "is empty: give the carrier's name, or leave the field out");
        }
        // an FSMA 204 shipping KDE a recall searches: kept exactly as typed, so never blank, edge or double spaces
        // ('DHL  Freight' beside 'DHL Freight' would be two carriers; auditor round 22 M1)
        InputRules.require("carrier", org.lotflow.shared.input.SpacedNames.searchedParty(carrier, "carrier"));
        LocalDate date = shippedAt == null ? today : shippedAt;
        SalesOrder order = locking.order(orderNumber);
        if (order.isCancelled()) {
            throw new StateConflict("Order " + orderNumber + " is cancelled; it cannot ship");
        }
        LocalDate placed = LocalDate.ofInstant(order.getCreatedAt(), clock.getZone());
        if (date.isBefore(placed)) {
            // the date it is compared with, as the other date refusals say it (new user 2026-12-07 L10)
            throw new InvalidInput("shippedAt", "is " + date + ", before the day order " + orderNumber + " was placed ("
                    + placed + "): an order ships on or after the day it was placed");
        }
        Map<Long, Lot> locked = locking.lotsOfOpenAllocations(order);
        List<Allocation> open = allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.OPEN);
        if (open.isEmpty()) {
            OrderView view = queries.view(order);
            if (view.shipments() == null || view.shipments().isEmpty()) {
                // nothing was ever shipped and nothing is allocated: a 200 would read as goods that left (auditor
                // 2026-12-06 L2: an order whose lot expired, its allocation cancelled, "shipped" with 200)
                throw new StateConflict("Order " + orderNumber + " has nothing allocated, so nothing can ship (status "
                        + view.status() + ", shortfall " + view.shortfall().stripTrailingZeros().toPlainString()
                        + "): it ships once stock is allocated to it").with("orderNumber", orderNumber)
                        .with("orderStatus", view.status());
            }
            return new ShipmentResult(view, List.of());
        }
        // stock leaves only once allocated to the order, which needs the lot made or received and released: a ship date
        // before that day would put the shipment before the lot existed in FSMA 204 and EPCIS (re-test 2026-12-06 F6)
        for (Allocation a : open) {
            LocalDate allocatedOn = LocalDate.ofInstant(a.getCreatedAt(), clock.getZone());
            if (date.isBefore(allocatedOn)) {
                throw new InvalidInput("shippedAt", "must not be before " + allocatedOn + ", the day lot "
                        + locked.get(a.getLotId()).getLotNumber() + " was allocated to this order (it was released"
                        + " and allocated then; it cannot have left before)");
            }
        }
        // an allocation stays through a hold: a date the lot spent wholly on hold (QUARANTINE) would ship it while held,
        // as FSMA 204 and EPCIS would then say (auditor 2026-12-06 F6); a day it was released, before a later hold, is
        // a true ship date (re-test R4)
        for (Lot lot : locked.values()) {
            List<org.lotflow.order.internal.ShipDates.Change> changes = history.of(lot.getId(),
                    org.lotflow.history.LotEventTypes.STATUS_CHANGED).stream()
                    .map(e -> new org.lotflow.order.internal.ShipDates.Change(e.at(), e.previousStatus(), e.newStatus()))
                    .toList();
            // the status the ship gate reads must be the one the lot's trail ends with: a status edited in the database
            // (a held lot made RELEASED) ships nothing (audit 29 F2; read from the changes already read here)
            String trailStatus = changes.isEmpty() ? LotStatus.PENDING.name() : changes.get(changes.size() - 1).to();
            if (!lot.getStatus().name().equals(trailStatus)) {
                throw new StateConflict("Order " + orderNumber + " cannot ship: lot " + lot.getLotNumber() + "'s record"
                        + " disagrees with its audit trail (its status is " + lot.getStatus() + ", its trail says "
                        + trailStatus + "); QA must check /api/audit/verify").with("lotNumber", lot.getLotNumber());
            }
            org.lotflow.order.internal.ShipDates.notShippableOn(lot.getLotNumber(), date, changes, clock.getZone())
                    .ifPresent(reason -> {
                        throw new InvalidInput("shippedAt", reason);
                    });
        }
        List<String> refusals = new ArrayList<>();
        for (Lot lot : locked.values()) {
            mayNotShip(Fefo.Candidate.of(lot), today, date, order.getMinShelfLifeMonths(),
                    approvedForThisOrder(lot.getId(), open)).ifPresent(refusals::add);
        }
        if (!refusals.isEmpty()) {
            throw new StateConflict("Order " + orderNumber + " cannot ship: " + String.join("; ", refusals))
                    .with("lots", refusals);
        }
        String notFefo = notFefoOn(order.getOrderNumber(), order.getRequiredBy(), order.getMinShelfLifeMonths(),
                locked.values().stream().map(Lot::getLotNumber).sorted().toList(), today, date);
        if (notFefo != null) {
            throw new StateConflict("Order " + orderNumber + " cannot ship on " + date + ": " + notFefo)
                    .with("field", "shippedAt");
        }
        // older stock held by another open order is left behind as its free stock is: a throw-away order taking the
        // older lot, cancelled after this shipment, would otherwise let the newer lot leave first (re-test N4)
        String behind = olderStock.refusal(order, open, locked, today, date);
        if (behind != null) {
            throw new StateConflict("Order " + orderNumber + " cannot ship on " + date + ": " + behind)
                    .with("field", "shippedAt");
        }
        org.lotflow.serial.SerialShipments.Picked picked = serials.check(
                locked.get(open.get(0).getLotId()).getProduct(), open.stream()
                        .map(a -> new org.lotflow.serial.SerialShipments.ShippedLot(a.getLotId(),
                                locked.get(a.getLotId()).getLotNumber(), a.getQuantity())).toList(), serialNumbers);
        List<OrderView.ShipmentLine> lines = new ArrayList<>();
        for (Allocation a : open) {
            Lot lot = locked.get(a.getLotId());
            lots.ship(lot, a.getQuantity());
            a.shipped(clock.instant());
            allocations.save(a);
            Shipment shipment = shipments.save(new Shipment(order.getId(), lot.getId(), order.getCustomer(),
                    a.getQuantity(), date, carrier, clock.instant(), currentUser.id()));
            history.event(lot.getId(), OrderEventTypes.SHIPPED)
                    .reason("Shipped to " + order.getCustomer() + " on order " + orderNumber)
                    .detail("orderNumber", orderNumber).detail("customer", order.getCustomer())
                    .detail("quantity", a.getQuantity()).detail("shippedAt", date.toString())
                    .detail("carrier", carrier)
                    // the ledger line this event records, for the audit check to pair them (audit 29 F2)
                    .detail("shipmentId", shipment.getId()).record();
            List<String> shippedSerials = picked.ship(lot.getId(), a.getQuantity(), shipment.getId(),
                    order.getCustomer(), orderNumber, date);
            lines.add(new OrderView.ShipmentLine(lot.getLotNumber(), a.getQuantity(), date, carrier,
                    shippedSerials.isEmpty() ? null : shippedSerials));
        }
        for (Lot lot : locked.values()) {
            if (lot.isFullyUsed()) {
                lotService.changeStatus(lot, LotStatus.DEPLETED, "All stock shipped or consumed");
            }
        }
        return new ShipmentResult(queries.view(order), lines);
    }

    /**
     * Why shipping the order's open allocations of {@code allocatedLots} on {@code date} breaks FEFO, in a sales clerk's
     * words, or null when it does not (audit 28 F1; seed, "Expiration and FIFO Management": "Rotation enforcement -
     * System prevents newer lot allocation when older lots available", overrides by a Quality Manager only; EU GDP
     * 2013/C 343/01 5.5). FEFO is judged on the day the goods leave: an allocation judged at the order's
     * {@code requiredBy} passed over the lots expiring before it ({@code allocation_passed_over}, V197); shipped before
     * {@code requiredBy}, while one of those lots is still eligible on the ship date (released, unexpired, shelf life
     * met, stock free: FEFO would take it that day), it would send the newer lot ahead of the older. The sentence names
     * the older lot FEFO would take, the first day this allocation may ship (when none of them qualifies any more), and
     * the ways out. Reads the passed-over lots without locking them (the order's own lots are locked by the caller:
     * the lock order stays as it was); a date in the past is judged on today, as expiry is.
     */
    private String notFefoOn(String orderNumber, LocalDate requiredBy, Integer minShelfLifeMonths,
            List<String> allocatedLots, LocalDate today, LocalDate date) {
        if (requiredBy == null || !date.isBefore(requiredBy)) {
            return null;
        }
        List<Long> passedOver = allocations.passedOverByOpenAllocations(orderNumber);
        if (passedOver.isEmpty()) {
            return null;
        }
        LocalDate judged = date.isBefore(today) ? today : date;
        List<Lot> still = lots.findAllById(passedOver).stream()
                .filter(l -> Fefo.eligible(l, today, judged, minShelfLifeMonths)).sorted(Fefo.LOT_ORDER).toList();
        if (still.isEmpty()) {
            return null;
        }
        LocalDate from = still.stream().map(l -> Fefo.firstDayNotEligible(Fefo.Candidate.of(l), minShelfLifeMonths))
                .max(LocalDate::compareTo).orElseThrow();
        if (from.isAfter(requiredBy)) {
            from = requiredBy;
        }
        Lot older = still.get(0);
        String newer = String.join(", ", allocatedLots);
        return "the order was allocated lot " + newer + " for delivery by " + requiredBy + " (requiredBy), passing over"
                + " older stock that expires before then. Shipped now, first expiry, first out (FEFO) would send the"
                + " older lot " + older.getLotNumber() + " (expires " + older.getExpirationDate() + ", "
                + older.getAvailable().stripTrailingZeros().toPlainString() + " available)"
                + (still.size() > 1 ? " and " + (still.size() - 1) + " more older lot(s)" : "") + " instead. This"
                + " allocation may ship from " + from + ", when the older stock no longer qualifies. Either ship on or"
                + " after " + from + "; or cancel the order and place it again without requiredBy, so that FEFO"
                + " allocates the older lot; or, if the customer needs lot " + newer + ", place the order again asking"
                + " for it (requestedLot), for a QA manager to approve the exception";
    }

    /**
     * Why the order's open allocations could not ship today, one sentence per lot as {@link #ship} would refuse it
     * ("lot IL250-2025-001 is QUARANTINE (on hold until released)"); empty when they could, or nothing is open. Reads
     * only, locks nothing: for the Console's order page, which offers <i>Ship</i> only when it would not be refused
     * (new user 2026-12-06 D11).
     */
    @Transactional(readOnly = true)
    public List<String> refusalsToday(OrderView order) {
        LocalDate today = LocalDate.now(clock);
        if (order.allocations() == null) {
            return List.of();
        }
        List<String> open = order.allocations().stream().filter(a -> "OPEN".equals(a.status()))
                .map(OrderView.AllocationLine::lotNumber).distinct().sorted().toList();
        String notFefo = open.isEmpty() ? null : notFefoOn(order.orderNumber(), order.requiredBy(),
                order.minShelfLifeMonths(), open, today, today);
        if (notFefo == null && !open.isEmpty()) {
            notFefo = olderStock.refusalToday(order.orderNumber(), today);
        }
        return java.util.stream.Stream.concat(order.allocations().stream().filter(a -> "OPEN".equals(a.status()))
                .map(OrderView.AllocationLine::lotNumber).distinct()
                .map(n -> mayNotShip(Fefo.Candidate.of(lotService.get(n)), today, today, order.minShelfLifeMonths(),
                        approvedThrough(order.allocations().stream()
                                .filter(a -> "OPEN".equals(a.status()) && n.equals(a.lotNumber()))
                                .map(OrderView.AllocationLine::shelfLifeApprovedThrough).toList())))
                .flatMap(Optional::stream), java.util.stream.Stream.ofNullable(notFefo)).toList();
    }

    /**
     * The ship date up to which every open allocation of the order on this lot was made by a QA manager's approved
     * override that bent the customer's minimum shelf life (the lot was short of it at that date when approved): the
     * signed exception for this lot and this customer (never quality), so up to that date the minimum is not judged
     * again at shipping. Null when any of them bent none (FEFO only, or FEFO's own allocation): the minimum is judged
     * as for any allocation (an approval of FEFO alone exempted the lot before 2026-12-07).
     */
    private static LocalDate approvedForThisOrder(Long lotId, List<Allocation> open) {
        return approvedThrough(open.stream().filter(a -> a.getLotId().equals(lotId))
                .map(Allocation::getShelfLifeApprovedThrough).toList());
    }

    /** The earliest of the dates, null when there are none or any is null (not approved). */
    static LocalDate approvedThrough(List<LocalDate> dates) {
        if (dates.isEmpty() || dates.stream().anyMatch(java.util.Objects::isNull)) {
            return null;
        }
        return dates.stream().min(LocalDate::compareTo).orElseThrow();
    }

    /**
     * Why a lot may not ship today on {@code date}: expired (by today or the ship date, whatever its
     * status says), or not RELEASED (a QUARANTINE lot is on hold until released); empty when it may. The customer's
     * minimum shelf life is not looked at ({@link #mayNotShip(Fefo.Candidate, LocalDate, LocalDate, Integer, boolean)}).
     */
    static Optional<String> mayNotShip(Fefo.Candidate lot, LocalDate today, LocalDate date) {
        return mayNotShip(lot, today, date, null, null);
    }

    /**
     * Why a lot may not ship on {@code date} to an order whose customer requires {@code minShelfLifeMonths} of shelf
     * life: as {@link #mayNotShip(Fefo.Candidate, LocalDate, LocalDate)}, and also when the lot has less than that
     * minimum left on the ship date, judged by the rule allocation judges it by ({@link Fefo#meetsShelfLife}, calendar
     * months, the expiration date counting as the last day; the months said as {@link Fefo#monthsRemaining}). The seed's
     * allocation checks "Shelf Life: 22.5 months (exceeds 18-month requirement)" against the expected ship date, and its
     * goal is "FIFO allocation maintained while meeting customer shelf life requirements" (seed, "Operational
     * Efficiency"): the requirement is the customer's on the day the goods leave, not only on the day they were
     * allocated. An allocation that waited through a hold, or ships after {@code requiredBy}, may have lost the shelf
     * life it had when allocated (auditor 26b F7: shipped with 9.8 months left of the 11 required). A shipment dated
     * in the past is judged on today as well, as expiry is (re-test 26 R1: back-dating it shipped the refused goods).
     *
     * @param shelfLifeApprovedThrough null, or the ship date up to which the lot was allocated to this order by a QA
     *        manager's approved override that bent the shelf-life minimum (never quality, which is still judged): up
     *        to that date the minimum is not judged again; later the lot has less left than the signature allowed
     *        (re-test 2026-12-07 R4: an approval of 23.6 months shipped a year later with 11.6), and it is
     */
    static Optional<String> mayNotShip(Fefo.Candidate lot, LocalDate today, LocalDate date,
            Integer minShelfLifeMonths, LocalDate shelfLifeApprovedThrough) {
        Optional<String> quality = qualityRefusal(lot, today, date);
        // judged on today too, as expiry is: a shipment dated back to a day the lot still had the months would
        // otherwise ship goods refused today (re-test 26 R1)
        LocalDate judged = date.isBefore(today) ? today : date;
        boolean approved = shelfLifeApprovedThrough != null && !judged.isAfter(shelfLifeApprovedThrough);
        if (quality.isPresent() || approved || Fefo.meetsShelfLife(lot, judged, minShelfLifeMonths)) {
            return quality;
        }
        if (shelfLifeApprovedThrough != null) {
            return Optional.of("lot " + lot.lotNumber() + " has " + Fefo.monthsRemaining(lot.expirationDate(), judged)
                    .toPlainString() + " months of shelf life left on " + judged + " (it expires on "
                    + lot.expirationDate() + "), less than the customer's minimum of " + minShelfLifeMonths
                    + " months: a QA manager approved it for this order with the "
                    + Fefo.monthsRemaining(lot.expirationDate(), shelfLifeApprovedThrough).toPlainString()
                    + " months it had on " + shelfLifeApprovedThrough + ", and it ships later, with less than that"
                    + " approval allowed. Cancel the order and place it again asking for lot " + lot.lotNumber()
                    + ", for a QA manager to approve the shelf life it has now, or so that a lot with enough shelf"
                    + " life is allocated");
        }
        return Optional.of("lot " + lot.lotNumber() + " has " + Fefo.monthsRemaining(lot.expirationDate(), judged)
                .toPlainString() + " months of shelf life left on " + judged + (judged.equals(date) ? ""
                        : " (today; the shipment is dated " + date + ", but the goods leave with what is left now)")
                + " (it expires on " + lot.expirationDate()
                + "), less than the customer's minimum of " + minShelfLifeMonths + " months (an expiration on or after "
                + judged.plusMonths(minShelfLifeMonths) + "): it had them when it was allocated, not on the day it"
                + " ships. Cancel the order and place it again, so that a lot with enough shelf life is allocated; or,"
                + " if the customer accepts this lot, place it again asking for lot " + lot.lotNumber()
                + ", for a QA manager to approve the shorter shelf life");
    }

    private static Optional<String> qualityRefusal(Fefo.Candidate lot, LocalDate today, LocalDate date) {
        if (lot.expiredOn(today) || lot.expiredOn(date)) {
            return Optional.of("lot " + lot.lotNumber() + " expired on " + lot.expirationDate());
        }
        if (lot.status() != LotStatus.RELEASED) {
            // the status in words, as the pages say it (re-test 2026-12-07 24c F7: "is QUARANTINE")
            return Optional.of("lot " + lot.lotNumber() + " is " + lot.status().inWords()
                    + (lot.status() == LotStatus.QUARANTINE ? " (on hold until released)" : ""));
        }
        return Optional.empty();
    }
}
