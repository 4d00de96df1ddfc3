package org.lotflow.lot.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.LotStatus;
import org.lotflow.shared.PlantGauges;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lot module's dashboard figures ({@link PlantGauges}, issue #13), each one set-based query:
 * <ul>
 * <li>{@code lotflow_lots{status}}: lots in each status of {@link LotStatus}, zero included;</li>
 * <li>{@code lotflow_quantity_on_hold{sku, unit}}: stock on hand ({@code quantity - shipped - consumed -
 * disposed}) of lots in QUARANTINE, per product in its own unit (units of different products never add
 * up);</li>
 * <li>{@code lotflow_lots_expiring{within_days}}: PENDING, RELEASED or QUARANTINE lots with stock on hand
 * that expire after today and within {@code lotflow.expiry.alert-days} (the seed's expiration alerts;
 * lots already expired are counted by status);</li>
 * <li>{@code lotflow_lots_past_expiry}: PENDING, RELEASED or QUARANTINE lots with stock on hand whose
 * expiration date has come (expired by the contract's rule, {@code expirationDate <= today}) but whose
 * status does not say so yet: until the daily expiry run for RELEASED and QUARANTINE lots, for a held lot until its
 * signed disposition (the expiry run leaves it in QUARANTINE: audit 26 F3), and for a PENDING lot until its release
 * decision (the expiry run leaves lab releases alone). Such a lot is never
 * allocated; the figure says someone should look.</li>
 * </ul>
 */
@Component
class LotGauges {

    LotGauges(PlantGauges gauges, JdbcTemplate jdbc, Clock clock, @Value("${lotflow.expiry.alert-days:90}") int alertDays) {
        gauges.register("lotflow.lots", "Lots by status", null, List.of("status"), () -> {
            Map<List<String>, Long> byStatus = new LinkedHashMap<>();
            Map<LotStatus, Long> counts = new EnumMap<>(LotStatus.class);
            jdbc.query("SELECT status, count(*) FROM lot GROUP BY status",
                    rs -> { counts.put(LotStatus.valueOf(rs.getString(1)), rs.getLong(2)); });
            for (LotStatus s : LotStatus.values()) {
                byStatus.put(List.of(s.name()), counts.getOrDefault(s, 0L));
            }
            return byStatus;
        });
        gauges.register("lotflow.quantity.on.hold", "Stock on hand of lots in quarantine, per product in its unit",
                null, List.of("sku", "unit"), () -> {
                    Map<List<String>, BigDecimal> bySku = new LinkedHashMap<>();
                    jdbc.query("SELECT p.sku, p.unit, sum(l.quantity - l.shipped - l.consumed - l.disposed)"
                            + " FROM lot l JOIN product p ON p.id = l.product_id WHERE l.status = 'QUARANTINE'"
                            + " GROUP BY p.sku, p.unit ORDER BY p.sku",
                            rs -> { bySku.put(List.of(rs.getString(1), rs.getString(2)), rs.getBigDecimal(3)); });
                    return bySku;
                });
        gauges.register("lotflow.lots.expiring", "Lots with stock on hand expiring within the alert window", null,
                List.of("within_days"), () -> {
                    LocalDate today = LocalDate.now(clock);
                    Long n = jdbc.queryForObject("SELECT count(*) FROM lot WHERE status IN ('PENDING', 'RELEASED',"
                            + " 'QUARANTINE') AND expiration_date > ? AND expiration_date <= ?"
                            + " AND quantity - shipped - consumed - disposed > 0", Long.class, today,
                            today.plusDays(alertDays));
                    return Map.of(List.of(String.valueOf(alertDays)), n);
                });
        gauges.register("lotflow.lots.past.expiry", "Lots with stock on hand past their expiration date, not yet EXPIRED",
                null, List.of(), () -> Map.of(List.of(), jdbc.queryForObject("SELECT count(*) FROM lot"
                        + " WHERE status IN ('PENDING', 'RELEASED', 'QUARANTINE') AND expiration_date <= ?"
                        + " AND quantity - shipped - consumed - disposed > 0", Long.class, LocalDate.now(clock))));
    }
}
