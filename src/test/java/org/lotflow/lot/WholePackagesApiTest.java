package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 28 F2: a product counted in packages (drums) takes whole numbers only, at every entry point of a quantity:
 * 400 naming the field, nothing made.
 */
@ApiTest
class WholePackagesApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private void refused(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).isEqualTo(field);
        assertThat(r.json().get("detail").asText()).contains("is counted in drums: 0.5 drums is not a whole number"
                + " of drums; enter a whole number of drums (nothing is rounded)");
    }

    @Test
    void halfADrumIsRefusedEverywhere() {
        String sku = api.createProduct("WPK"); // drums
        long lotsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM lot", Long.class);
        refused(api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", new BigDecimal("0.5"),
                "manufactureDate", "2025-01-27", "location", "A1")), "quantity");
        refused(api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "Drum Supply Co",
                "supplierLotNumber", "WP-" + sku, "receiptDate", "2025-01-27", "location", "Dock 1",
                "lines", List.of(Map.of("quantity", 2, "expirationDate", "2026-07-31"),
                        Map.of("quantity", new BigDecimal("0.5"), "expirationDate", "2027-01-15")))),
                "lines[1].quantity");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot", Long.class)).as("no lot made")
                .isEqualTo(lotsBefore);
        String source = api.releasedLot(sku, new BigDecimal("4"), "2025-01-10");
        refused(api.post("mike", "/api/lots", Map.of("sku", api.createProduct("WPM"), "quantity", 1,
                "manufactureDate", "2025-01-28", "location", "A1",
                "sourceLots", List.of(Map.of("lotNumber", source, "quantity", new BigDecimal("0.5"))))),
                "sourceLots[0].quantity");
        refused(api.post("tom", "/api/orders", Map.of("orderNumber", "SO-WP-" + sku, "customer", "Half Drum Co",
                "sku", sku, "quantity", new BigDecimal("0.5"))), "quantity");
        assertThat(api.get("tom", "/api/lots/" + source).json().get("available").decimalValue())
                .as("nothing consumed or allocated").isEqualByComparingTo("4");
        // a whole number of drums is taken
        Response whole = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-WQ-" + sku, "customer",
                "Half Drum Co", "sku", sku, "quantity", 1));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(201);
    }

    /** A measure keeps its decimals, as typed: 12.345 kg consumed is 12.345 kg, not rounded. */
    @Test
    void aMeasureKeepsItsDecimals() {
        String kg = api.createProduct("WPKG", "kg");
        String source = api.releasedLot(kg, new BigDecimal("20.5"), "2025-01-10");
        Response made = api.post("mike", "/api/lots", Map.of("sku", api.createProduct("WPKM", "kg"), "quantity",
                new BigDecimal("12.345"), "manufactureDate", "2025-01-28", "location", "A1",
                "sourceLots", List.of(Map.of("lotNumber", source, "quantity", new BigDecimal("12.345")))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("quantity").decimalValue()).isEqualByComparingTo("12.345");
        assertThat(api.get("tom", "/api/lots/" + source).json().get("available").decimalValue())
                .isEqualByComparingTo("8.155");
    }

    /**
     * A lot stored with a fraction of a drum before the rule is read as stored and can still be used up: the half drum
     * that leaves its stock whole, or whole drums; never a fraction leaving a fraction.
     */
    @Test
    void aSourceLotStoredWithAFractionCanStillBeUsedUp() {
        String sku = api.createProduct("WPL"); // drums
        String source = api.releasedLot(sku, new BigDecimal("3"), "2025-01-10");
        jdbc.update("UPDATE lot SET quantity = 3.5 WHERE lot_number = ?", source);
        assertThat(api.get("tom", "/api/lots/" + source).json().get("available").decimalValue())
                .isEqualByComparingTo("3.5");
        String made = api.createProduct("WPLM");
        Response odd = api.post("mike", "/api/lots", Map.of("sku", made, "quantity", 1, "manufactureDate",
                "2025-01-28", "location", "A1", "sourceLots", List.of(Map.of("lotNumber", source, "quantity",
                        new BigDecimal("0.25")))));
        assertThat(odd.status()).as("3.25 would be left: " + odd).isEqualTo(400);
        assertThat(odd.json().get("field").asText()).isEqualTo("sourceLots[0].quantity");
        assertThat(odd.json().get("detail").asText()).contains("0.25 drums is not a whole number of drums");
        for (String taken : new String[] {"0.5", "2"}) {
            Response r = api.post("mike", "/api/lots", Map.of("sku", made, "quantity", 1, "manufactureDate",
                    "2025-01-28", "location", "A1", "sourceLots", List.of(Map.of("lotNumber", source, "quantity",
                            new BigDecimal(taken)))));
            assertThat(r.status()).as(taken + ": " + r).isEqualTo(201);
        }
        assertThat(api.get("tom", "/api/lots/" + source).json().get("available").decimalValue())
                .isEqualByComparingTo("1");
    }
}
