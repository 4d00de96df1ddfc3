package org.lotflow.reports.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lotflow.history.HistoryReports;
import org.lotflow.history.LotEventTypes;
import org.lotflow.lot.LotReports;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.OrderReports;
import org.lotflow.product.Product;
import org.lotflow.quarantine.HoldReports;
import org.lotflow.release.LabReports;
import org.lotflow.reports.internal.rules.Percent;
import org.lotflow.reports.internal.rules.ReleaseTime;
import org.lotflow.reports.internal.rules.StockAtEnd;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's 5 PM daily lot management review (seed chapter, "Monday, 5:00 PM — Daily Lot Management
 * Review"), computed from the history for any past day (or today so far), so yesterday's review can be
 * repeated with the same figures. The day is a calendar day of the plant's zone ({@code lotflow.zone}).
 *
 * <p>Activity of the day: lots created; lab test rounds recorded and how many passed; releases (PENDING to
 * RELEASED: hours from the lot's creation, average and worst, against the release target
 * {@code lotflow.release.sla}, 8 hours as the seed's); release decisions (lots that became RELEASED, from
 * PENDING or from QUARANTINE) and rejections; investigations completed (holds whose disposition was signed,
 * and out-of-specification investigations decided); orders allocated with FEFO compliance (share of the
 * day's allocations FEFO chose) and shelf-life requirements met (share of the day's orders with a minimum
 * remaining shelf life whose every lot allocated that day met it); certificates of analysis handed out
 * (lot history events {@value #COA_PROVIDED}).
 *
 * <p>Inventory at the end of the day ({@link StockAtEnd}): the lots as they stand now, each lot changed
 * since taken back by its history (status changes, net allocations, shipments, consumption and disposal
 * recorded after the day). One aggregate over the lot table plus the rows of the lots changed since: the
 * cost grows with what happened after the day (or, for a day with at most {@value #BY_LOT} lots, with those
 * lots' ledger), not with the size of the plant's stock.
 */
@Service
@Transactional(readOnly = true)
public class DailyReview {

    /**
     * The lot history event of a certificate of analysis handed out (the certificate module's type; named
     * here because that module is built beside this one, issue #13).
     */
    public static final String COA_PROVIDED = "CERTIFICATE_PROVIDED";

    /**
     * Up to this many lots existing at the end of the day, what changed since is read by lot (their ids);
     * beyond, by time (everything recorded since, through V97's indexes): the cheaper of the two when a day
     * long past had few lots, or a recent day has much stock and one day's activity after it.
     */
    static final int BY_LOT = 20_000;

    /** {@link #BY_LOT}; a test sets it to 0 to compare both ways of reading the changes. */
    int byLot = BY_LOT;

    private final LotReports lots;
    private final HistoryReports history;
    private final LabReports lab;
    private final HoldReports holds;
    private final OrderReports orders;
    private final ReportFilters filters;
    private final CurrentUser currentUser;
    private final Duration releaseTarget;

    public DailyReview(LotReports lots, HistoryReports history, LabReports lab, HoldReports holds, OrderReports orders,
            ReportFilters filters, CurrentUser currentUser, @Value("${lotflow.release.sla:PT8H}") Duration releaseTarget) {
        this.lots = lots;
        this.history = history;
        this.lab = lab;
        this.holds = holds;
        this.orders = orders;
        this.filters = filters;
        this.currentUser = currentUser;
        this.releaseTarget = releaseTarget;
    }

    /**
     * One product's inventory at the end of the day, quantities in its {@code unit}: {@code expiredLots} and
     * {@code expiredInventory} are the stock still on hand past its expiration date ({@link StockAtEnd#expiredOnHand}),
     * which no active figure counts.
     */
    public record ProductInventory(String sku, String unit, long activeLots, BigDecimal totalInventory,
            BigDecimal availableInventory, long quarantinedLots, long expiredLots, BigDecimal expiredInventory) {
    }

    /**
     * The review. The contract's fields first; rates are percentages with one decimal ({@link Percent}, null
     * when nothing was counted), hours decimals with two ({@link ReleaseTime}), quantities exact decimals in
     * {@code unit}: {@code totalInventory} and {@code availableInventory} are null when the products covered
     * have several units (they never add up), and {@code inventory} gives each product's figures.
     * {@code expiredLots} and {@code expiredInventory}: lots past their expiration date on the day with stock still on
     * hand (held, released, pending or EXPIRED), awaiting disposal, and that stock (null like {@code totalInventory}
     * across units): the seed's "Total inventory" counts active lots only, so expired stock on the floor is named apart
     * (audit28 F3; EU GMP Part I 5.61-5.64, expired materials segregated and disposed of).
     */
    public record Review(LocalDate date, String sku, int lotsCreated, BigDecimal labPassRate,
            BigDecimal releaseHoursAverage, BigDecimal releaseHoursWorst, int investigationsCompleted,
            int releaseDecisions, int ordersAllocated, BigDecimal fefoCompliance, BigDecimal shelfLifeMet,
            long activeLots, BigDecimal totalInventory, BigDecimal availableInventory, long quarantinedLots,
            int coaRequests, String unit, int labRoundsTested, int labRoundsPassed, BigDecimal releaseTargetHours,
            int releases, int releasesPastTarget, int releasedFromQuarantine, int rejections,
            int holdInvestigationsCompleted, int oosInvestigationsCompleted, int allocations, int fefoAllocations,
            int shelfLifeOrders, int shelfLifeOrdersMet, int complaintsReceived, int complaintsResolved,
            long expiredLots, BigDecimal expiredInventory, List<ProductInventory> inventory) implements ReportTable {

        static final List<String> HEADER = List.of("date", "sku", "lotsCreated", "labPassRate", "releaseHoursAverage",
                "releaseHoursWorst", "investigationsCompleted", "releaseDecisions", "ordersAllocated", "fefoCompliance",
                "shelfLifeMet", "activeLots", "totalInventory", "availableInventory", "quarantinedLots", "coaRequests",
                "unit", "labRoundsTested", "labRoundsPassed", "releaseTargetHours", "releases", "releasesPastTarget",
                "releasedFromQuarantine", "rejections", "holdInvestigationsCompleted", "oosInvestigationsCompleted",
                "allocations", "fefoAllocations", "shelfLifeOrders", "shelfLifeOrdersMet", "complaintsReceived",
                "complaintsResolved", "expiredLots", "expiredInventory");

        @Override
        public List<String> csvHeader() {
            return HEADER;
        }

        /**
         * The review's row, then, for a review of several products, one row per product with its inventory at the end
         * of the day ({@code sku}, {@code activeLots}, {@code totalInventory}, {@code availableInventory},
         * {@code quarantinedLots}, {@code expiredLots}, {@code expiredInventory}, {@code unit}; the day's activity columns empty: they are the plant's, in the first
         * row), as the screen shows them (new user 2026-12-06 U14: the CSV of all products had no inventory).
         */
        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new java.util.ArrayList<>();
            rows.add(java.util.Arrays.asList(date, sku, lotsCreated, labPassRate, releaseHoursAverage,
                    releaseHoursWorst, investigationsCompleted, releaseDecisions, ordersAllocated, fefoCompliance,
                    shelfLifeMet, activeLots, totalInventory, availableInventory, quarantinedLots, coaRequests, unit,
                    labRoundsTested, labRoundsPassed, releaseTargetHours, releases, releasesPastTarget,
                    releasedFromQuarantine, rejections, holdInvestigationsCompleted, oosInvestigationsCompleted,
                    allocations, fefoAllocations, shelfLifeOrders, shelfLifeOrdersMet, complaintsReceived,
                    complaintsResolved, expiredLots, expiredInventory));
            if (sku == null && inventory != null) {
                for (ProductInventory p : inventory) {
                    List<Object> row = new java.util.ArrayList<>(java.util.Collections.nCopies(HEADER.size(), null));
                    row.set(HEADER.indexOf("date"), date);
                    row.set(HEADER.indexOf("sku"), p.sku());
                    row.set(HEADER.indexOf("activeLots"), p.activeLots());
                    row.set(HEADER.indexOf("totalInventory"), p.totalInventory());
                    row.set(HEADER.indexOf("availableInventory"), p.availableInventory());
                    row.set(HEADER.indexOf("quarantinedLots"), p.quarantinedLots());
                    row.set(HEADER.indexOf("expiredLots"), p.expiredLots());
                    row.set(HEADER.indexOf("expiredInventory"), p.expiredInventory());
                    row.set(HEADER.indexOf("unit"), p.unit());
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    /**
     * The review of {@code date} (required, not after today), optionally of one product. 400 naming
     * {@code date} or {@code sku}; 403 outside the business groups.
     */
    public Review of(String dateParam, String sku) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        LocalDate date = filters.date("date", dateParam);
        if (date == null) {
            throw new InvalidInput("date", "is required (a date written year-month-day, e.g. 2025-01-28)");
        }
        if (date.isAfter(filters.today())) {
            throw new InvalidInput("date", "must not be after today (" + filters.today() + "), was " + date);
        }
        Product product = filters.product(sku);
        Long productId = product == null ? null : product.getId();
        Instant start = filters.startOf(date);
        Instant end = filters.startOf(date.plusDays(1));

        // what happened that day
        int lotsCreated = lots.created(productId, start, end).size();
        List<LabReports.Round> rounds = lab.rounds(start, end);
        List<HistoryReports.Event> events = history.events(List.of(LotEventTypes.STATUS_CHANGED, COA_PROVIDED),
                start, end);
        List<HoldReports.HoldRow> decided = holds.decided(start, end);
        // the seed's "Customer complaints resolved": holds a complaint triggered, placed and decided that day (new user
        // 2026-12-06 F23)
        List<HoldReports.HoldRow> placedOnComplaint = holds.placed(start, end).stream()
                .filter(h -> "COMPLAINT".equals(h.source())).toList();
        List<LabReports.OosDecision> oos = lab.oosDecided(start, end);
        OrderReports.AllocationCounts allocated = orders.allocationCounts(productId, start, end);
        List<OrderReports.AllocationRow> shelfLifeAllocations = orders.allocationsWithShelfLifeMinimum(productId,
                start, end);

        Set<Long> dayLots = new HashSet<>();
        rounds.forEach(r -> dayLots.add(r.lotId()));
        events.forEach(e -> dayLots.add(e.lotId()));
        decided.forEach(h -> dayLots.add(h.lotId()));
        placedOnComplaint.forEach(h -> dayLots.add(h.lotId()));
        oos.forEach(o -> dayLots.add(o.lotId()));
        shelfLifeAllocations.forEach(a -> dayLots.add(a.lotId()));
        Map<Long, LotReports.LotRow> lot = lots.lots(dayLots).stream()
                .collect(Collectors.toMap(LotReports.LotRow::id, Function.identity()));
        java.util.function.Predicate<Long> inScope = id -> lot.containsKey(id)
                && (productId == null || productId.equals(lot.get(id).productId()));

        List<LabReports.Round> tested = rounds.stream().filter(r -> inScope.test(r.lotId())).toList();
        int passed = (int) tested.stream().filter(LabReports.Round::passed).count();

        List<Instant[]> releaseTimes = new ArrayList<>();
        int releaseDecisions = 0;
        int fromQuarantine = 0;
        int rejections = 0;
        int coa = 0;
        for (HistoryReports.Event e : events) {
            if (!inScope.test(e.lotId())) {
                continue;
            }
            if (COA_PROVIDED.equals(e.type())) {
                coa++;
            } else if (LotStatus.RELEASED.name().equals(e.newStatus())) {
                releaseDecisions++;
                if (LotStatus.PENDING.name().equals(e.previousStatus())) {
                    releaseTimes.add(new Instant[] {lot.get(e.lotId()).createdAt(), e.at()});
                } else if (LotStatus.QUARANTINE.name().equals(e.previousStatus())) {
                    fromQuarantine++;
                }
            } else if (LotStatus.REJECTED.name().equals(e.newStatus())) {
                rejections++;
            }
        }
        ReleaseTime release = ReleaseTime.of(releaseTimes, releaseTarget);
        int holdInvestigations = (int) decided.stream().filter(h -> inScope.test(h.lotId())).count();
        int oosInvestigations = (int) oos.stream().filter(o -> inScope.test(o.lotId())).count();

        Map<String, Boolean> shelfLifeOrders = new LinkedHashMap<>();
        for (OrderReports.AllocationRow a : shelfLifeAllocations) {
            LocalDate allocatedOn = a.createdAt().atZone(filters.zone()).toLocalDate();
            LotReports.LotRow l = lot.get(a.lotId());
            boolean met = l != null && !l.expirationDate().isBefore(allocatedOn.plusMonths(a.minShelfLifeMonths()));
            shelfLifeOrders.merge(a.orderNumber(), met, Boolean::logicalAnd);
        }
        int shelfLifeMet = (int) shelfLifeOrders.values().stream().filter(Boolean::booleanValue).count();

        // the inventory at the end of the day
        Map<Long, Product> products = filters.productsById();
        Map<Long, long[]> counts = new TreeMap<>(); // product -> {activeLots, quarantinedLots, expiredLots}
        Map<Long, BigDecimal[]> quantities = new TreeMap<>(); // product -> {total, available, expired}
        long existed = 0;
        for (LotReports.StockGroup g : lots.stock(productId, end, date)) {
            StockAtEnd shape = new StockAtEnd(g.status(), g.expired(), BigDecimal.ONE, BigDecimal.ZERO);
            add(counts, quantities, g.productId(), shape, g.lotsOnHand(), g.onHand(), g.available(), 1);
            existed += g.lots();
        }
        // what changed since: of the few lots that existed then, by lot; else the ledger since, by time
        java.util.Collection<Long> of = existed <= byLot ? lots.idsCreatedBefore(productId, end, byLot) : null;
        boolean none = of != null && of.isEmpty();
        List<HistoryReports.Event> since = none ? List.of()
                : history.events(List.of(LotEventTypes.STATUS_CHANGED, LotEventTypes.DISPOSAL_CONFIRMED,
                        LotEventTypes.RETURN_RECEIVED), end, null);
        Map<Long, BigDecimal> allocatedSince = none ? Map.of() : orders.allocatedSince(end, of);
        Map<Long, BigDecimal> shippedSince = none ? new HashMap<>() : new HashMap<>(orders.shippedSince(end, of));
        Map<Long, BigDecimal> consumedSince = none ? Map.of() : lots.consumedSince(end, of);
        Map<Long, String> statusThen = new HashMap<>();
        Set<Long> disposedSince = new HashSet<>();
        Set<Long> returnedSince = new HashSet<>();
        for (HistoryReports.Event e : since) {
            if (LotEventTypes.STATUS_CHANGED.equals(e.type())) {
                statusThen.putIfAbsent(e.lotId(), e.previousStatus());
            } else if (LotEventTypes.RETURN_RECEIVED.equals(e.type())) {
                returnedSince.add(e.lotId());
            } else {
                disposedSince.add(e.lotId());
            }
        }
        // shipped net of the goods received back from customers since (a recall's returns: on hand again)
        history.returnsReceived(returnedSince).stream().filter(r -> !r.at().isBefore(end))
                .filter(r -> of == null || of.contains(r.lotId()))
                .forEach(r -> shippedSince.merge(r.lotId(), r.quantity().negate(), BigDecimal::add));
        Set<Long> changed = new HashSet<>(statusThen.keySet());
        changed.addAll(disposedSince);
        changed.addAll(allocatedSince.keySet());
        changed.addAll(shippedSince.keySet());
        changed.addAll(consumedSince.keySet());
        for (LotReports.LotRow l : lots.lots(changed)) {
            if (!l.createdAt().isBefore(end) || (productId != null && !productId.equals(l.productId()))) {
                continue;
            }
            StockAtEnd now = StockAtEnd.now(l.status(), l.expirationDate(), date, l.quantities());
            add(counts, quantities, l.productId(), now, now.onHand().signum() > 0 ? 1 : 0, now.onHand(),
                    now.available(), -1);
            String previous = statusThen.get(l.id());
            StockAtEnd then = StockAtEnd.then(l.status(), previous == null ? null : LotStatus.valueOf(previous),
                    l.expirationDate(), date, l.quantities(), allocatedSince.getOrDefault(l.id(), BigDecimal.ZERO),
                    shippedSince.getOrDefault(l.id(), BigDecimal.ZERO),
                    consumedSince.getOrDefault(l.id(), BigDecimal.ZERO), disposedSince.contains(l.id()));
            add(counts, quantities, l.productId(), then, then.onHand().signum() > 0 ? 1 : 0, then.onHand(),
                    then.available(), 1);
        }
        List<ProductInventory> inventory = new ArrayList<>();
        long activeLots = 0;
        long quarantinedLots = 0;
        long expiredLots = 0;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal available = BigDecimal.ZERO;
        BigDecimal expired = BigDecimal.ZERO;
        for (Map.Entry<Long, long[]> c : counts.entrySet()) {
            Product p = products.get(c.getKey());
            BigDecimal[] q = quantities.get(c.getKey());
            if (c.getValue()[0] == 0 && c.getValue()[1] == 0 && c.getValue()[2] == 0 && q[0].signum() == 0
                    && q[1].signum() == 0 && q[2].signum() == 0) {
                continue;
            }
            inventory.add(new ProductInventory(p.getSku(), p.getUnit(), c.getValue()[0], q[0], q[1], c.getValue()[1],
                    c.getValue()[2], q[2]));
            activeLots += c.getValue()[0];
            quarantinedLots += c.getValue()[1];
            expiredLots += c.getValue()[2];
            total = total.add(q[0]);
            available = available.add(q[1]);
            expired = expired.add(q[2]);
        }
        inventory.sort(java.util.Comparator.comparing(ProductInventory::sku));
        String unit = product != null ? product.getUnit()
                : inventory.stream().map(ProductInventory::unit).distinct().count() <= 1
                        ? inventory.stream().map(ProductInventory::unit).findFirst().orElse(null) : null;
        boolean oneUnit = product != null || inventory.stream().map(ProductInventory::unit).distinct().count() <= 1;
        return new Review(date, product == null ? null : product.getSku(), lotsCreated,
                Percent.of(passed, tested.size()), release.averageHours(), release.worstHours(),
                holdInvestigations + oosInvestigations, releaseDecisions, (int) allocated.orders(),
                Percent.of(allocated.fefoAllocations(), allocated.allocations()), Percent.of(shelfLifeMet, shelfLifeOrders.size()), activeLots,
                oneUnit ? total : null, oneUnit ? available : null, quarantinedLots, coa, unit, tested.size(), passed,
                ReleaseTime.hours(releaseTarget), releaseTimes.size(), release.pastTarget(), fromQuarantine,
                rejections, holdInvestigations, oosInvestigations, (int) allocated.allocations(),
                (int) allocated.fefoAllocations(), shelfLifeOrders.size(),
                shelfLifeMet, (int) placedOnComplaint.stream().filter(h -> inScope.test(h.lotId())).count(),
                (int) decided.stream().filter(h -> "COMPLAINT".equals(h.source()) && inScope.test(h.lotId())).count(),
                expiredLots, oneUnit ? expired : null, inventory);
    }

    /**
     * Adds ({@code sign} 1) or takes away ({@code -1}) lots of one shape: {@code lotsOnHand} of them with stock
     * on hand, {@code onHand} and {@code available} their sums.
     */
    private static void add(Map<Long, long[]> counts, Map<Long, BigDecimal[]> quantities, Long productId,
            StockAtEnd shape, long lotsOnHand, BigDecimal onHand, BigDecimal available, int sign) {
        long[] c = counts.computeIfAbsent(productId, k -> new long[3]);
        BigDecimal[] q = quantities.computeIfAbsent(productId,
                k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        boolean activeShape = !shape.expired() && (shape.status() == LotStatus.PENDING
                || shape.status() == LotStatus.RELEASED || shape.status() == LotStatus.QUARANTINE);
        if (activeShape) {
            c[0] += sign * lotsOnHand;
            q[0] = sign > 0 ? q[0].add(onHand) : q[0].subtract(onHand);
        }
        if (shape.status() == LotStatus.QUARANTINE) {
            c[1] += sign * lotsOnHand;
        }
        if (shape.allocatable()) {
            q[1] = sign > 0 ? q[1].add(available) : q[1].subtract(available);
        }
        if (shape.expiredShape()) {
            c[2] += sign * lotsOnHand;
            q[2] = sign > 0 ? q[2].add(onHand) : q[2].subtract(onHand);
        }
    }
}
