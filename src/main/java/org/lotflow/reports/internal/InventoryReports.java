package org.lotflow.reports.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.lotflow.lot.LotReports;
import org.lotflow.lot.LotStatus;
import org.lotflow.product.Product;
import org.lotflow.reports.internal.rules.AgeBuckets;
import org.lotflow.reports.internal.rules.Turnover;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seed's management reports ("Inventory aging analysis", "Rotation efficiency metrics", "Cost impact of
 * expired inventory"), per product, quantities as exact decimals in each product's {@code unit}. Products
 * carry no unit cost in lotflow, so the reports give quantities, never money. Production, QA and sales may
 * read them (administrators always); anyone else 403.
 */
@Service
@Transactional(readOnly = true)
public class InventoryReports {

    /** Who may read inventory reports (and the FIFO, expiry and FEFO compliance reports). */
    static final String[] INVENTORY = {Groups.PRODUCTION, Groups.QA_ANALYST, Groups.QA_MANAGER, Groups.SALES};

    private final LotReports lots;
    private final ReportFilters filters;
    private final CurrentUser currentUser;

    public InventoryReports(LotReports lots, ReportFilters filters, CurrentUser currentUser) {
        this.lots = lots;
        this.filters = filters;
        this.currentUser = currentUser;
    }

    /**
     * One bucket: its label, lots with stock on hand, on hand (any status) and available quantities (what sales may
     * allocate: RELEASED lots not expired, less their allocations; held, PENDING or recalled stock is on hand, never
     * available).
     */
    public record Bucket(String bucket, long lots, BigDecimal onHand, BigDecimal available) {
    }

    /** One product's aging: the same stock on hand by age and by remaining shelf life. */
    public record ProductAging(String sku, String unit, long lots, BigDecimal onHand, List<Bucket> byAge,
            List<Bucket> byShelfLife) {
    }

    /**
     * Inventory aging on {@code date} (today): lots with stock on hand, neither ARCHIVED nor DEPLETED,
     * bucketed by {@link AgeBuckets}.
     */
    public record Aging(LocalDate date, String sku, List<ProductAging> products) implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("sku", "unit", "dimension", "bucket", "lots", "onHand", "available");
        }

        @Override
        public List<List<Object>> csvRows() {
            List<List<Object>> rows = new ArrayList<>();
            for (ProductAging p : products) {
                p.byAge().forEach(b -> rows.add(Arrays.asList(p.sku(), p.unit(), "age", b.bucket(), b.lots(),
                        b.onHand(), b.available())));
                p.byShelfLife().forEach(b -> rows.add(Arrays.asList(p.sku(), p.unit(), "shelfLife", b.bucket(),
                        b.lots(), b.onHand(), b.available())));
            }
            return rows;
        }
    }

    /** {@code GET /api/reports/inventory-aging}. */
    public Aging aging(String sku) {
        currentUser.require(INVENTORY);
        Product product = filters.product(sku);
        LocalDate today = filters.today();
        Map<Long, Product> products = filters.productsById();
        Map<Long, Bucket[][]> byProduct = new TreeMap<>();
        for (LotReports.AgingGroup g : lots.aging(product == null ? null : product.getId(),
                AgeBuckets.manufacturedOnOrAfter(today), AgeBuckets.expiringBefore(today))) {
            Bucket[][] b = byProduct.computeIfAbsent(g.productId(), k -> new Bucket[][] {
                    empty(AgeBuckets.AGE_LABELS), empty(AgeBuckets.SHELF_LIFE_LABELS)});
            b[0][g.ageBucket()] = plus(b[0][g.ageBucket()], g);
            b[1][g.shelfLifeBucket()] = plus(b[1][g.shelfLifeBucket()], g);
        }
        List<ProductAging> out = new ArrayList<>();
        byProduct.forEach((id, b) -> {
            Product p = products.get(id);
            long n = Arrays.stream(b[0]).mapToLong(Bucket::lots).sum();
            BigDecimal onHand = Arrays.stream(b[0]).map(Bucket::onHand).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new ProductAging(p.getSku(), p.getUnit(), n, onHand, List.of(b[0]), List.of(b[1])));
        });
        out.sort(java.util.Comparator.comparing(ProductAging::sku));
        return new Aging(today, product == null ? null : product.getSku(), out);
    }

    private static Bucket[] empty(List<String> labels) {
        return labels.stream().map(l -> new Bucket(l, 0, BigDecimal.ZERO, BigDecimal.ZERO)).toArray(Bucket[]::new);
    }

    /**
     * A bucket with a group's lots added: their stock on hand whatever their status, and as available only what sales
     * may allocate, the unallocated stock of RELEASED lots not expired, as the daily review and FEFO count it (new
     * user 2026-12-06 N3: 250 kg of a lot held since it arrived read as available).
     */
    private static Bucket plus(Bucket b, LotReports.AgingGroup g) {
        boolean saleable = g.status() == org.lotflow.lot.LotStatus.RELEASED && g.shelfLifeBucket() != 0;
        return new Bucket(b.bucket(), b.lots() + g.lots(), b.onHand().add(g.onHand()),
                saleable ? b.available().add(g.available()) : b.available());
    }

    /** One product's rotation ({@link Turnover}). */
    public record ProductRotation(String sku, String unit, long lotsMade, BigDecimal made, BigDecimal shippedOrConsumed,
            BigDecimal disposed, BigDecimal monthlyProduction, BigDecimal onHand, BigDecimal monthsOfStockAtProduction) {
    }

    /**
     * Rotation efficiency over {@code [from, to]} (default the last 365 days): per product, the quantity of its
     * lots manufactured in the period ({@code made}), how much of it has since been shipped or consumed
     * ({@code shippedOrConsumed}) and how much disposed of after a rejection or recall ({@code disposed}: no rotation),
     * the production per month of the period ({@code monthlyProduction}), the stock on hand today and how many months
     * it lasts at that rate ({@code monthsOfStockAtProduction}; the seed's "Inventory turnover: 8.5 months average").
     * The rate is what the plant made, which in a steady state is what it ships, and is named so (new user 2026-12-06
     * F10: read as shipments): the shipment ledger by ship date is not read (at 10 million lines, 3.7 s). Compare
     * {@code shippedOrConsumed} with {@code made} to see whether the period's production moved.
     */
    public record Rotation(LocalDate from, LocalDate to, long periodDays, BigDecimal periodMonths, String sku,
            List<ProductRotation> products) implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("sku", "unit", "lotsMade", "made", "shippedOrConsumed", "disposed", "monthlyProduction",
                    "onHand", "monthsOfStockAtProduction");
        }

        @Override
        public List<List<Object>> csvRows() {
            return products.stream().map(p -> Arrays.<Object>asList(p.sku(), p.unit(), p.lotsMade(), p.made(),
                    p.shippedOrConsumed(), p.disposed(), p.monthlyProduction(), p.onHand(),
                    p.monthsOfStockAtProduction())).toList();
        }
    }

    /** {@code GET /api/reports/rotation}. */
    public Rotation rotation(String sku, String from, String to) {
        currentUser.require(INVENTORY);
        Product product = filters.product(sku);
        ReportFilters.Range range = filters.range(from, to, 365);
        Map<Long, Product> products = filters.productsById();
        List<ProductRotation> out = new ArrayList<>();
        for (LotReports.Rotation r : lots.rotation(product == null ? null : product.getId(), range.from(),
                range.to())) {
            Product p = products.get(r.productId());
            out.add(new ProductRotation(p.getSku(), p.getUnit(), r.lotsMade(), r.made(), r.used(), r.disposed(),
                    Turnover.monthly(r.made(), range.from(), range.to()), r.onHand(),
                    Turnover.months(r.onHand(), r.made(), range.from(), range.to())));
        }
        out.sort(java.util.Comparator.comparing(ProductRotation::sku));
        return new Rotation(range.from(), range.to(), java.time.temporal.ChronoUnit.DAYS.between(range.from(),
                range.to()) + 1, Turnover.periodMonths(range.from(), range.to()),
                product == null ? null : product.getSku(), out);
    }

    /** One product's losses in one status: lots, on hand (still to dispose of), disposed of. */
    public record Loss(String sku, String unit, String status, long lots, BigDecimal onHand, BigDecimal disposed) {
    }

    /**
     * Cost impact of expired and rejected inventory (seed: "Cost impact of expired inventory"), in quantities:
     * per product and status, the lots REJECTED, RECALLED or EXPIRED, and the lots still PENDING, RELEASED or
     * QUARANTINE but expired today ({@code status} {@code EXPIRED_NOT_YET_MARKED}), with the stock still on
     * hand (to dispose of) and the stock already disposed of; optionally only lots expiring in
     * {@code [from, to]}. An ARCHIVED lot keeps counting under the status it was archived from: a loss is a fact of
     * the lot's history, not of its status now ({@link LotReports#losses}; auditor 26b F4).
     */
    public record CostImpact(LocalDate date, LocalDate from, LocalDate to, String sku, List<Loss> losses)
            implements ReportTable {

        @Override
        public List<String> csvHeader() {
            return List.of("sku", "unit", "status", "lots", "onHand", "disposed");
        }

        @Override
        public List<List<Object>> csvRows() {
            return losses.stream().map(l -> Arrays.<Object>asList(l.sku(), l.unit(), l.status(), l.lots(), l.onHand(),
                    l.disposed())).toList();
        }
    }

    /** {@code GET /api/reports/cost-impact}. */
    public CostImpact costImpact(String sku, String from, String to) {
        currentUser.require(INVENTORY);
        Product product = filters.product(sku);
        LocalDate fromDate = filters.date("from", from);
        LocalDate toDate = filters.date("to", to);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            throw new org.lotflow.shared.InvalidInput("from", "must not be after to (" + toDate + "), was " + fromDate);
        }
        LocalDate today = filters.today();
        Map<Long, Product> products = filters.productsById();
        Map<String, Loss> merged = new TreeMap<>();
        for (LotReports.LossGroup g : lots.losses(product == null ? null : product.getId(), today, fromDate, toDate)) {
            boolean unmarked = g.expired() && (g.status() == LotStatus.RELEASED || g.status() == LotStatus.PENDING
                    || g.status() == LotStatus.QUARANTINE);
            String status = unmarked ? "EXPIRED_NOT_YET_MARKED" : g.status().name();
            Product p = products.get(g.productId());
            merged.merge(p.getSku() + "\u0000" + status, new Loss(p.getSku(), p.getUnit(), status, g.lots(),
                    g.onHand(), g.disposed()), (a, b) -> new Loss(a.sku(), a.unit(), a.status(), a.lots() + b.lots(),
                    a.onHand().add(b.onHand()), a.disposed().add(b.disposed())));
        }
        return new CostImpact(today, fromDate, toDate, product == null ? null : product.getSku(),
                new ArrayList<>(merged.values()));
    }
}
