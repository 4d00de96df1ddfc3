package org.lotflow.reports;

import org.lotflow.shared.InvalidInput;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.expiry.ExpiryMonitoringService;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Fefo;
import org.lotflow.product.Product;
import org.lotflow.product.ProductRepository;
import org.lotflow.security.CurrentUser;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The seed's FIFO management report, the expiry alert list and FEFO compliance. Read-only. */
@Service
public class ReportService {

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lots;
    private final ProductRepository products;
    private final ExpiryMonitoringService expiry;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReportService(NamedParameterJdbcTemplate jdbc, LotStock lots, ProductRepository products,
            ExpiryMonitoringService expiry, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.products = products;
        this.expiry = expiry;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record FefoLine(int position, String lotNumber, String status, LocalDate manufactureDate,
            LocalDate expirationDate, BigDecimal monthsRemaining, BigDecimal quantity, BigDecimal available,
            BigDecimal allocated, BigDecimal shipped, boolean allocatable, String action) {
    }

    public record FefoReport(String sku, String productName, String unit, LocalDate reportDate,
            String nextToAllocate, BigDecimal allocatableQuantity, List<FefoLine> lots) {
    }

    public record ExpiringReport(LocalDate reportDate, int days, List<ExpiryMonitoringService.ExpiringLot> lots) {
    }

    public record OverrideLine(String orderNumber, String customer, String requestedLot, String status, String reason,
            String decidedBy, String decidedByName, String comment, BigDecimal quantityAllocatedByOverride) {
    }

    public record ComplianceReport(String sku, LocalDate reportDate, int allocations, int fefoAllocations,
            int overrideAllocations, BigDecimal fefoSharePercent, BigDecimal allocatedQuantity,
            BigDecimal fefoQuantity, BigDecimal fefoQuantitySharePercent, List<OverrideLine> overrides) {
    }

    private Product product(String sku) {
        if (sku == null || sku.isBlank()) {
            throw new InvalidInput("sku", "is required");
        }
        return products.findBySku(sku).orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + sku
                + "'"));
    }

    /** Lots of the SKU with stock on hand in allocation (FEFO) order, and the next lot to allocate. */
    @Transactional(readOnly = true)
    public FefoReport fefo(String sku) {
        Product product = product(sku);
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM lot WHERE product_id = :productId AND status <> 'ARCHIVED'
                   AND quantity - shipped - consumed > 0""", Map.of("productId", product.getId()), Long.class);
        List<Lot> found = new ArrayList<>(lots.findAllById(ids));
        found.sort(Fefo.ORDER);
        List<FefoLine> lines = new ArrayList<>();
        String next = null;
        BigDecimal allocatable = BigDecimal.ZERO;
        int position = 1;
        for (Lot l : found) {
            boolean can = Fefo.eligible(l, today, today, null);
            String action;
            if (can && next == null) {
                next = l.getLotNumber();
                action = "NEXT TO ALLOCATE: primary allocation source";
            } else if (can) {
                action = "Reserve for future allocation";
            } else if (l.isExpiredOn(today) || l.getStatus() == LotStatus.EXPIRED) {
                action = "Expired: never allocated or shipped; dispose";
            } else if (l.getStatus() == LotStatus.QUARANTINE) {
                action = "Hold pending investigation (allocations stay, cannot ship)";
            } else if (l.getStatus() == LotStatus.PENDING) {
                action = "Awaiting lab release";
            } else if (l.getStatus() == LotStatus.RELEASED) {
                action = "Fully allocated: ship open allocations";
            } else {
                action = "Blocked: " + l.getStatus();
            }
            if (can) {
                allocatable = allocatable.add(l.getAvailable());
            }
            lines.add(new FefoLine(position++, l.getLotNumber(), l.getStatus().name(), l.getManufactureDate(),
                    l.getExpirationDate(), Fefo.monthsRemaining(l, today), l.getQuantity(), l.getAvailable(),
                    l.getAllocated(), l.getShipped(), can, action));
        }
        return new FefoReport(product.getSku(), product.getName(), product.getUnit(), today, next, allocatable, lines);
    }

    @Transactional(readOnly = true)
    public ExpiringReport expiring(Integer days) {
        int d = days == null ? expiry.alertDays() : days;
        if (d < 0 || d > 3650) {
            throw new InvalidInput("days", "must be between 0 and 3650, was " + d);
        }
        return new ExpiringReport(LocalDate.now(clock), d, expiry.expiring(d));
    }

    /** Share of the SKU's allocations that followed FEFO, and every override request with its decision. */
    @Transactional(readOnly = true)
    public ComplianceReport compliance(String sku) {
        Product product = product(sku);
        Map<String, Object> params = Map.of("productId", product.getId());
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT a.fefo, COUNT(*) AS n, COALESCE(SUM(a.quantity), 0) AS q
                  FROM allocation a JOIN sales_order o ON o.id = a.order_id
                 WHERE o.product_id = :productId
                 GROUP BY a.fefo""", params);
        int fefo = 0;
        int overrides = 0;
        BigDecimal fefoQ = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        for (Map<String, Object> r : rows) {
            boolean isFefo = Boolean.TRUE.equals(r.get("fefo")) || Boolean.TRUE.equals(r.get("FEFO"));
            Number n = (Number) (r.containsKey("n") ? r.get("n") : r.get("N"));
            BigDecimal q = new BigDecimal(String.valueOf(r.containsKey("q") ? r.get("q") : r.get("Q")));
            if (isFefo) {
                fefo += n.intValue();
                fefoQ = fefoQ.add(q);
            } else {
                overrides += n.intValue();
            }
            total = total.add(q);
        }
        int all = fefo + overrides;
        List<OverrideLine> lines = jdbc.query("""
                SELECT o.order_number, o.customer, o.requested_lot, o.override_status, o.override_reason,
                       o.override_decided_by, o.override_comment,
                       (SELECT COALESCE(SUM(a.quantity), 0) FROM allocation a
                         WHERE a.order_id = o.id AND a.fefo = FALSE) AS override_quantity
                  FROM sales_order o
                 WHERE o.product_id = :productId AND o.override_status IS NOT NULL
                 ORDER BY o.created_at, o.id""", params, (rs, i) -> new OverrideLine(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(6) == null ? null : currentUser.fullName(rs.getString(6)), rs.getString(7),
                rs.getBigDecimal(8)));
        return new ComplianceReport(product.getSku(), LocalDate.now(clock), all, fefo, overrides,
                percent(BigDecimal.valueOf(fefo), BigDecimal.valueOf(all)), total, fefoQ, percent(fefoQ, total), lines);
    }

    private static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? null
                : part.multiply(BigDecimal.valueOf(100)).divide(whole, 1, RoundingMode.HALF_UP);
    }

}
