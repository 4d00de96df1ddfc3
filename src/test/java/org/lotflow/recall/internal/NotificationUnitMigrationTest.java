package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V131 on a database of the version before (auditor 2026-12-06 G2): an existing notification takes the unit of its
 * customer's shipments where they were all in one unit, and keeps none (its old sum) where they were in several; a
 * customer may then have one notification per unit.
 */
class NotificationUnitMigrationTest {

    @Test
    void existingNotificationsTakeTheirCustomersOnlyUnitAndMixedOnesKeepNone() {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:v131;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("130").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        long drums = product(jdbc, "D-1", "drums");
        long kg = product(jdbc, "K-1", "kg");
        long rm = lot(jdbc, "D-1-001", drums);
        long blend = lot(jdbc, "K-1-001", kg);
        jdbc.update("""
                INSERT INTO recall (recall_number, classification, reason, status, opened_at, opened_by)
                VALUES ('RC-2025-001', 'CLASS_I', 'Salmonella', 'NOTIFYING', CURRENT_TIMESTAMP, 'rachel')""");
        long recall = jdbc.queryForObject("SELECT id FROM recall", Long.class);
        shipment(jdbc, recall, "Acme Foods", rm, "5");
        shipment(jdbc, recall, "Acme Foods", blend, "40");
        shipment(jdbc, recall, "Beta Bakery", blend, "20");
        notification(jdbc, recall, "Acme Foods", "45", 0);
        notification(jdbc, recall, "Beta Bakery", "20", 1);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT customer, unit FROM recall_notification ORDER BY customer");
        assertThat(rows).extracting(r -> r.get("CUSTOMER") + " " + r.get("UNIT"))
                .containsExactly("Acme Foods null", "Beta Bakery kg");
        // from now on a customer has one notification per unit
        notificationIn(jdbc, recall, "Beta Bakery", "drums", 2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recall_notification WHERE customer = 'Beta Bakery'",
                Integer.class)).isEqualTo(2);
        jdbc.execute("DROP ALL OBJECTS");
    }

    private static long product(JdbcTemplate jdbc, String sku, String unit) {
        jdbc.update("""
                INSERT INTO product (sku, name, unit, shelf_life_months, lot_number_pattern, created_at, created_by)
                VALUES (?, ?, ?, 24, ?, CURRENT_TIMESTAMP, 'mike')""", sku, "Product " + sku, unit, sku + "-{seq:3}");
        return jdbc.queryForObject("SELECT id FROM product WHERE sku = ?", Long.class, sku);
    }

    private static long lot(JdbcTemplate jdbc, String number, long product) {
        jdbc.update("""
                INSERT INTO lot (lot_number, product_id, quantity, manufacture_date, expiration_date, source, status,
                                 created_at, created_by)
                VALUES (?, ?, 100, DATE '2025-01-10', DATE '2027-01-10', 'PRODUCTION', 'RECALLED', CURRENT_TIMESTAMP,
                        'mike')""", number, product);
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, number);
    }

    private static void shipment(JdbcTemplate jdbc, long recall, String customer, long lot, String quantity) {
        jdbc.update("""
                INSERT INTO recall_shipment (recall_id, customer, order_number, lot_id, quantity, shipped_at)
                VALUES (?, ?, 'SO-1', ?, ?, DATE '2025-01-22')""", recall, customer, lot, new java.math.BigDecimal(
                quantity));
    }

    private static void notification(JdbcTemplate jdbc, long recall, String customer, String shipped, int position) {
        jdbc.update("""
                INSERT INTO recall_notification (recall_id, customer, quantity_shipped, status, position)
                VALUES (?, ?, ?, 'OPEN', ?)""", recall, customer, new java.math.BigDecimal(shipped), position);
    }

    private static void notificationIn(JdbcTemplate jdbc, long recall, String customer, String unit, int position) {
        jdbc.update("""
                INSERT INTO recall_notification (recall_id, customer, unit, quantity_shipped, status, position)
                VALUES (?, ?, ?, 1, 'OPEN', ?)""", recall, customer, unit, position);
    }
}
