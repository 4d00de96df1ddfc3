package org.lotflow.reports.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.expiry.ExpiringLot;
import org.lotflow.expiry.ExpiryQueries;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotPage;
import org.lotflow.lot.StockOnHand;
import org.lotflow.order.AllocationReports;
import org.lotflow.order.Fefo;
import org.lotflow.product.Product;
import org.lotflow.product.ProductService;
import org.lotflow.security.CurrentUser;
import org.lotflow.reports.internal.rules.Percent;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's FIFO management report, the expiry alert list and FEFO compliance (seed chapter, "FIFO
 * management report"). Read-only, built from the lot module ({@link StockOnHand}), the expiry module
 * ({@link ExpiryQueries}) and the order module ({@link AllocationReports}); no other module's tables.
 * Quantities are in the product's unit, shares in percent with one decimal. Production, QA and sales may read
 * them ({@link InventoryReports#INVENTORY}; administrators always), anyone else 403.
 */
@Service
@Transactional(readOnly = true)
public class ReportQueries {

    private final StockOnHand stock;
    private final ProductService products;
    private final ExpiryQueries expiry;
    private final AllocationReports allocations;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ReportFilters filters;

    private final org.lotflow.recall.LotRecalls recalls;
    private final org.lotflow.history.HistoryReports history;
    private final org.lotflow.lot.LotStock lots;

    public ReportQueries(StockOnHand stock, ProductService products, ExpiryQueries expiry,
            AllocationReports allocations, CurrentUser currentUser, Clock clock, ReportFilters filters,
            org.lotflow.recall.LotRecalls recalls, org.lotflow.history.HistoryReports history,
            org.lotflow.lot.LotStock lots) {
        this.recalls = recalls;
        this.history = history;
        this.lots = lots;
        this.filters = filters;
        this.stock = stock;
        this.products = products;
        this.expiry = expiry;
        this.allocations = allocations;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * One lot of the FIFO management report. Quantities are decimals in the report's {@code unit}, from the
     * lot module's rule ({@link org.lotflow.lot.LotQuantities}): {@code quantity = available + allocated +
     * shipped + consumed + disposed}, {@code onHand = available + allocated} (always more than 0 here: the
     * report lists the lots with stock on hand).
     */
    public record FefoLine(int position, String lotNumber, String status, LocalDate manufactureDate,
            LocalDate expirationDate, BigDecimal monthsRemaining, BigDecimal quantity, BigDecimal available,
            BigDecimal allocated, BigDecimal shipped, BigDecimal consumed, BigDecimal disposed, BigDecimal onHand,
            boolean allocatable, String action) {
    }

    /**
     * A page of the FIFO management report: {@code nextToAllocate} (every page), {@code allocatableQuantity} and
     * {@code allocatableLots} (the first page only, null on later pages) are over all the SKU's lots; {@code lots}
     * is the page; {@code nextCursor} the
     * {@code cursor} of the next page (null on the last), also sent as a {@code Link: <...>; rel="next"} header so
     * the CSV can be paged too.
     */
    public record FefoReport(String sku, String productName, String unit, LocalDate reportDate,
            String nextToAllocate, BigDecimal allocatableQuantity, Long allocatableLots, List<FefoLine> lots,
            String nextCursor) implements ReportTable, PagedReport {

        @Override
        public List<String> csvHeader() {
            return List.of("position", "lotNumber", "status", "manufactureDate", "expirationDate", "monthsRemaining",
                    "quantity", "available", "allocated", "shipped", "consumed", "disposed", "onHand", "unit",
                    "allocatable", "action");
        }

        @Override
        public List<List<Object>> csvRows() {
            return lots.stream().map(l -> java.util.Arrays.<Object>asList(l.position(), l.lotNumber(), l.status(),
                    l.manufactureDate(), l.expirationDate(), l.monthsRemaining(), l.quantity(), l.available(),
                    l.allocated(), l.shipped(), l.consumed(), l.disposed(), l.onHand(), unit, l.allocatable(),
                    l.action())).toList();
        }
    }

    /** A page of the expiry alert list; {@code nextCursor} as in {@link FefoReport}. */
    public record ExpiringReport(LocalDate reportDate, int days, String sku, List<ExpiringLot> lots,
            String nextCursor) implements ReportTable, PagedReport {

        @Override
        public List<String> csvHeader() {
            return List.of("lotNumber", "sku", "status", "expirationDate", "daysRemaining", "monthsRemaining",
                    "quantity", "available", "allocated", "shipped", "consumed", "disposed", "onHand", "unit",
                    "location");
        }

        @Override
        public List<List<Object>> csvRows() {
            return lots.stream().map(l -> java.util.Arrays.<Object>asList(l.lotNumber(), l.sku(), l.status(),
                    l.expirationDate(), l.daysRemaining(), l.monthsRemaining(), l.quantity(), l.available(),
                    l.allocated(), l.shipped(), l.consumed(), l.disposed(), l.onHand(), l.unit(), l.location()))
                    .toList();
        }
    }

    /**
     * An override request and its decision. The signed decision as the requested lot's hash-chained history recorded
     * it (auditor sig28 H1, M2; 21 CFR 11.50): {@code decidedBy} (the signer's id), {@code decidedByName} (the printed
     * name signed with, never the signer's current name), {@code signedAt} (UTC) and {@code meaning}; all null while
     * undecided.
     */
    public record OverrideLine(String orderNumber, String customer, String requestedLot, String status, String reason,
            String decidedBy, String decidedByName, String comment, BigDecimal quantityAllocatedByOverride,
            String requestReason, Instant signedAt, String meaning) {
    }

    public record ComplianceReport(String sku, LocalDate reportDate, LocalDate from, LocalDate to, int allocations, int fefoAllocations,
            int overrideAllocations, BigDecimal fefoSharePercent, BigDecimal allocatedQuantity,
            BigDecimal fefoQuantity, BigDecimal fefoQuantitySharePercent, List<OverrideLine> overrides)
            implements ReportTable {

        /**
         * The CSV: the FEFO share (the report's point: how many allocations, and how much, followed FEFO) first on
         * every line, then the overrides, every one with its decision (the seed: "Exception tracking"); with no
         * override, one line with the share and empty override cells (new user 2026-12-06 N2: the Console said
         * "Nothing to report" while 4 of 4 allocations followed FEFO).
         */
        @Override
        public List<String> csvHeader() {
            return List.of("sku", "from", "to", "allocations", "fefoAllocations", "overrideAllocations",
                    "fefoSharePercent", "allocatedQuantity", "fefoQuantity", "fefoQuantitySharePercent",
                    "orderNumber", "customer", "requestedLot", "status", "reason", "decidedBy", "decidedByName",
                    "comment", "quantityAllocatedByOverride", "signedAt", "meaning");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<Object> share = java.util.Arrays.asList(sku, from, to, allocations, fefoAllocations,
                    overrideAllocations, fefoSharePercent, allocatedQuantity, fefoQuantity, fefoQuantitySharePercent);
            if (overrides.isEmpty()) {
                List<Object> row = new java.util.ArrayList<>(share);
                row.addAll(java.util.Collections.nCopies(11, null));
                return List.of(row);
            }
            return overrides.stream().map(o -> {
                List<Object> row = new java.util.ArrayList<>(share);
                row.addAll(java.util.Arrays.asList(o.orderNumber(), o.customer(), o.requestedLot(), o.status(),
                        o.reason(), o.decidedBy(), o.decidedByName(), o.comment(), o.quantityAllocatedByOverride(),
                        o.signedAt(), o.meaning()));
                return row;
            }).toList();
        }
    }

    /** The product of a required SKU; 400 naming {@code sku} when it is missing or unknown. */
    private Product product(String sku) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidInput("sku", "is required");
        }
        return products.findBySku(sku).orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + sku
                + "'"));
    }

    /** Lines per page of the paged reports when the caller names none, and the most a page may hold. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    public static final int MAX_PAGE_SIZE = 5000;

    /**
     * One page of the SKU's lots with stock on hand in allocation (FEFO) order, numbered from the report's start,
     * and the next lot to allocate (over all the SKU's lots, not only the page's); the first page also the
     * quantity FEFO may allocate today and of how many lots. 400 naming {@code sku}, {@code size} (1-{@value #MAX_PAGE_SIZE}) or {@code cursor}.
     */
    public FefoReport fefo(String sku, Integer size, String cursor) {
        currentUser.require(InventoryReports.INVENTORY);
        Product product = product(sku);
        int pageSize = pageSize(size);
        ReportCursor at = ReportCursor.decode(cursor);
        LocalDate today = LocalDate.now(clock);
        // the totals read every allocatable lot of the product (at 1,000,000 lots, 290,000 of FG-01): the first
        // page carries them, deeper pages only the next lot to allocate (the first entry of an index)
        StockOnHand.Allocatable allocatable = at.lots() == null ? stock.allocatable(product.getId(), today) : null;
        String next = allocatable != null ? allocatable.firstLotNumber() : stock.nextToAllocate(product.getId(), today);
        LotPage page = stock.pageOfProduct(product.getId(), pageSize, at.lots());
        List<FefoLine> lines = new ArrayList<>();
        int position = at.nextPosition();
        // the recall that recalled each RECALLED lot of the page, one query a page: its line says to follow it
        java.util.Map<Long, org.lotflow.recall.LotRecalls.LotRecall> recalledBy = new java.util.HashMap<>();
        recalls.ofLots(page.items().stream().filter(l -> l.getStatus() == org.lotflow.lot.LotStatus.RECALLED)
                .map(Lot::getId).toList()).forEach((lotId, rs) -> rs.stream()
                        .filter(org.lotflow.recall.LotRecalls.LotRecall::recalled)
                        .forEach(r -> recalledBy.put(lotId, r)));
        for (Lot l : page.items()) {
            boolean can = Fefo.eligible(l, today, today, null); // never a lot released on a concession (F17)
            org.lotflow.recall.LotRecalls.LotRecall recall = recalledBy.get(l.getId());
            String action = LotAction.of(can, l.getLotNumber().equals(next), l.isExpiredOn(today), l.getStatus(),
                    l.isReleasedOnConcession(), recall == null ? null : recall.recallNumber(),
                    recall != null && !"CLOSED".equals(recall.status()));
            org.lotflow.lot.LotQuantities q = l.quantities();
            lines.add(new FefoLine(position++, l.getLotNumber(), l.getStatus().name(), l.getManufactureDate(),
                    l.getExpirationDate(), Fefo.monthsRemaining(l, today), q.quantity(), q.available(),
                    q.allocated(), q.shipped(), q.consumed(), q.disposed(), q.onHand(), can, action));
        }
        String nextCursor = page.nextCursor() == null ? null : new ReportCursor(position, page.nextCursor()).encode();
        return new FefoReport(product.getSku(), product.getName(), product.getUnit(), today, next,
                allocatable == null ? null : allocatable.quantity(), allocatable == null ? null : allocatable.lots(),
                lines, nextCursor);
    }

    /**
     * One page of the lots with stock on hand expiring within {@code days} (null: the alert window), optionally of
     * one product, in FEFO order; 400 naming {@code days} outside 0-3650, {@code sku} for an unknown product,
     * {@code size} (1-{@value #MAX_PAGE_SIZE}) or {@code cursor}.
     */
    public ExpiringReport expiring(Integer days, String sku, Integer size, String cursor) {
        currentUser.require(InventoryReports.INVENTORY);
        Long productId = sku == null ? null : product(sku).getId();
        int d = days == null ? expiry.alertDays() : days;
        if (d < 0 || d > 3650) {
            throw new InvalidInput("days", "must be between 0 and 3650, was " + d);
        }
        int pageSize = pageSize(size);
        ReportCursor at = ReportCursor.decode(cursor);
        ExpiryQueries.Page page = expiry.page(d, productId, pageSize, at.lots());
        String nextCursor = page.nextCursor() == null ? null
                : new ReportCursor(at.nextPosition() + page.lots().size(), page.nextCursor()).encode();
        return new ExpiringReport(LocalDate.now(clock), d, sku, page.lots(), nextCursor);
    }

    private static int pageSize(Integer size) {
        if (size == null) {
            return DEFAULT_PAGE_SIZE;
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_PAGE_SIZE + " lines, was " + size);
        }
        return size;
    }

    /**
     * Share of the SKU's allocations that followed FEFO (the allocation's {@code fefo}: chosen by FEFO, or a requested
     * lot no eligible lot expired before, a tie on expiry included, new user 2026-12-07 F4; an approved override is
     * not), and every override request with its decision: of all
     * time, or of allocations made (and override requests placed) in {@code [from, to]} when either is given
     * (ISO dates, days in the plant's zone; {@code from} alone runs to today, {@code to} alone covers the 365
     * days up to it). 400 naming {@code sku}, {@code from} or {@code to}.
     */
    public ComplianceReport compliance(String sku, String from, String to) {
        currentUser.require(InventoryReports.INVENTORY);
        Product product = product(sku);
        Instant start = null;
        Instant end = null;
        if (from != null || to != null) {
            ReportFilters.Range range = filters.range(from, to, 365);
            start = filters.startOf(range.from());
            end = filters.startOf(range.to().plusDays(1));
        }
        AllocationReports.Split split = allocations.split(product.getId(), start, end);
        int all = split.fefoAllocations() + split.overrideAllocations();
        BigDecimal total = split.fefoQuantity().add(split.overrideQuantity());
        List<AllocationReports.OverrideRequest> overrides = allocations.overrides(product.getId(), start, end);
        // each decision's signature as the requested lot's history recorded it (one query for all), matched by order
        java.util.Map<String, org.lotflow.history.RecordedSignature> signed = overrideSignatures(overrides);
        List<OverrideLine> lines = overrides.stream().map(o -> {
            // by the order, whatever its decided_by column says (an edit of it hides no signature; re-test N3)
            org.lotflow.history.RecordedSignature s = signed.get(o.orderNumber());
            // the decision and its comment as signed, never sales_order's columns (re-test N3)
            return new OverrideLine(o.orderNumber(), o.customer(), o.requestedLot(),
                    org.lotflow.order.OrderView.Override.signedStatus(o.status(), s), o.reason(),
                    s == null ? o.decidedBy() : s.userId(), s == null ? null : s.fullName(),
                    s == null ? o.comment() : s.reason(),
                    o.quantityAllocatedByOverride(), o.requestReason(), s == null ? null : s.at(),
                    s == null ? null : s.meaning());
        }).toList();
        return new ComplianceReport(product.getSku(), LocalDate.now(clock),
                start == null ? null : LocalDate.ofInstant(start, filters.zone()),
                end == null ? null : LocalDate.ofInstant(end, filters.zone()).minusDays(1), all, split.fefoAllocations(),
                split.overrideAllocations(), percent(BigDecimal.valueOf(split.fefoAllocations()),
                        BigDecimal.valueOf(all)), total, split.fefoQuantity(), percent(split.fefoQuantity(), total),
                lines);
    }

    /** {@code part} of {@code whole} in percent as every rate of the reports ({@link Percent#of}). */
    static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return Percent.of(part, whole);
    }

    /**
     * The latest signed decision of each order's override (order number -> signature), as the requested lots'
     * histories recorded them ({@code OVERRIDE_APPROVED}, {@code OVERRIDE_REFUSED}); one query for all.
     */
    private java.util.Map<String, org.lotflow.history.RecordedSignature> overrideSignatures(
            List<AllocationReports.OverrideRequest> overrides) {
        java.util.Set<String> requested = new java.util.HashSet<>();
        overrides.stream().filter(o -> o.requestedLot() != null)
                .forEach(o -> requested.add(o.requestedLot()));
        java.util.Map<String, org.lotflow.history.RecordedSignature> byOrder = new java.util.HashMap<>();
        if (requested.isEmpty()) {
            return byOrder;
        }
        for (org.lotflow.history.RecordedSignature s : history.signatures(lots.ids(requested).values(),
                List.of(org.lotflow.order.OrderEventTypes.OVERRIDE_APPROVED,
                        org.lotflow.order.OrderEventTypes.OVERRIDE_REFUSED))) {
            String order = s.detailText("orderNumber");
            if (order != null) {
                byOrder.put(order, s); // oldest first: the latest stays
            }
        }
        return byOrder;
    }
}
