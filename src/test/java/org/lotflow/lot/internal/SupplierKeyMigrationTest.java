package org.lotflow.lot.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.input.PartyNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * V142 and V143 on a database of the version before: every received lot on record gets what its supplier prints as
 * (the key new receipts are checked against, which a look-alike spelling shares); a lot made at the plant has none.
 */
class SupplierKeyMigrationTest {

    @Test
    void theReceivedLotsOnRecordGetTheirSuppliersReading() {
        SimpleDriverDataSource ds = new SimpleDriverDataSource(new org.h2.Driver(),
                "jdbc:h2:mem:v143;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2")
                .target("141").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        jdbc.update("""
                INSERT INTO product (sku, name, unit, shelf_life_months, lot_number_pattern, created_at, created_by)
                VALUES ('RM-1', 'Base oil', 'kg', 24, 'RM1-{seq:3}', CURRENT_TIMESTAMP, 'mike')""");
        long product = jdbc.queryForObject("SELECT id FROM product WHERE sku = 'RM-1'", Long.class);
        String insert = """
                INSERT INTO lot (lot_number, product_id, quantity, manufacture_date, expiration_date, source, status,
                                 created_at, created_by, supplier)
                VALUES (?, ?, 100, DATE '2025-01-10', DATE '2027-01-10', ?, 'RELEASED', CURRENT_TIMESTAMP, 'mike', ?)""";
        jdbc.update(insert, "RM1-001", product, "RECEIPT", "Gulf Coast Base Oils");
        jdbc.update(insert, "RM1-002", product, "RECEIPT", "GULF COAST BASE OILS");
        jdbc.update(insert, "RM1-003", product, "PRODUCTION", null);
        jdbc.update(insert, "RM1-004", product, "RECEIPT", "Ilex Oils");
        jdbc.update(insert, "RM1-005", product, "RECEIPT", "ilex oils");

        Flyway.configure().dataSource(ds).locations("classpath:db/migration", "classpath:db/vendor/h2").load()
                .migrate();

        assertThat(jdbc.queryForList("SELECT supplier_key FROM lot WHERE lot_number IN ('RM1-001', 'RM1-002') ORDER BY lot_number",
                String.class)).containsExactly(PartyNames.printsAs("Gulf Coast Base Oils"),
                PartyNames.printsAs("GULF COAST BASE OILS"));
        assertThat(jdbc.queryForObject("SELECT supplier_key FROM lot WHERE lot_number = 'RM1-003'", String.class))
                .isNull();
        assertThat(new LotRepositoryReading(jdbc).suppliers(PartyNames.printsAs("Gulf \u0421\u043e\u0430st Base Oils")))
                .as("a Cyrillic look-alike finds the supplier on record").containsExactly("Gulf Coast Base Oils");
        // V148: the first name of each reading is the one a look-alike is told of
        assertThat(jdbc.queryForList("SELECT name FROM party_reading WHERE kind = 'supplier' AND reading_hash = ?",
                String.class, org.lotflow.shared.PartyReadings.hash(PartyNames.printsAs("Gulf Coast Base Oils"))))
                .containsExactly("Gulf Coast Base Oils");
        // V152: the reading of each name's lower case holds the party's first spelling, whatever read apart before (a
        // capital I reads as l): every spelling of it is exported under that one (re-test F2)
        assertThat(jdbc.queryForList("SELECT name FROM party_reading WHERE kind = 'supplier' AND reading_hash = ?",
                String.class, org.lotflow.shared.PartyReadings.hash(PartyNames.printsAs("ilex oils"))))
                .containsExactly("Ilex Oils");
        jdbc.execute("DROP ALL OBJECTS");
    }

    /** The query of {@link LotRepository#suppliersPrintingAs}, without its ordering of duplicates. */
    private record LotRepositoryReading(JdbcTemplate jdbc) {
        java.util.List<String> suppliers(String key) {
            return jdbc.queryForList("SELECT supplier FROM lot WHERE supplier_key = ?", String.class, key);
        }
    }
}
