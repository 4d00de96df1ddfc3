package org.lotflow.lot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V189 on a database of the version before (re-test 27 R2): every received lot on record gets its supplier lot
 * number's key ({@link SupplierLotRules#key}), so "AS 2", "AS2" and "AS‐2" find the lots of "AS-2"; a lot made at the
 * plant has none.
 */
class SupplierLotKeyMigrationTest {

    @Test
    void theReceivedLotsOnRecordGetTheirSupplierLotKey() {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:v189;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("185").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                INSERT INTO product (sku, name, unit, shelf_life_months, lot_number_pattern, created_at, created_by)
                VALUES ('RAW-A', 'Raw A', 'kg', 24, 'RAWA-{seq:3}', CURRENT_TIMESTAMP, 'mike')""");
        long product = jdbc.queryForObject("SELECT id FROM product WHERE sku = 'RAW-A'", Long.class);
        String insert = """
                INSERT INTO lot (lot_number, product_id, quantity, manufacture_date, expiration_date, source, status,
                                 created_at, created_by, supplier, supplier_lot_number)
                VALUES (?, ?, 100, DATE '2025-01-10', DATE '2027-01-10', ?, 'REJECTED', CURRENT_TIMESTAMP, 'mike', ?,
                        ?)""";
        jdbc.update(insert, "RAWA-001", product, "RECEIPT", "Audit Supplies Ltd", "AS-2");
        jdbc.update(insert, "RAWA-002", product, "RECEIPT", "Audit Supplies Ltd", "as 2");
        jdbc.update(insert, "RAWA-003", product, "RECEIPT", "Audit Supplies Ltd", "AS\u20102");
        jdbc.update(insert, "RAWA-004", product, "RECEIPT", "Audit Supplies Ltd", "AS-3");
        jdbc.update(insert, "RAWA-005", product, "PRODUCTION", null, null);

        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();

        assertThat(jdbc.queryForList("SELECT supplier_lot_key FROM lot ORDER BY lot_number", String.class))
                .containsExactly("AS2", "AS2", "AS2", "AS3", null);
        // the receipt's query (LotRepository#receivedOfSupplierLot) finds every spelling of the supplier lot
        assertThat(jdbc.queryForList("SELECT lot_number FROM lot WHERE supplier_lot_key = ? ORDER BY lot_number",
                String.class, SupplierLotRules.key("AS2"))).containsExactly("RAWA-001", "RAWA-002", "RAWA-003");
        assertThat(jdbc.queryForList("SELECT index_name FROM information_schema.indexes WHERE table_name = 'LOT'"
                + " AND index_name = 'IX_LOT_SUPPLIER_LOT_KEY_FEFO'", String.class)).isNotEmpty(); // V190, in FEFO order
        jdbc.execute("DROP ALL OBJECTS");
    }
}
