package org.lotflow.order;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.jdbc.core.JdbcTemplate;

/** Order-module test helpers on top of {@link TestClient}: lots with chosen dates, orders, invariants. */
final class OrderFixtures {

    private final TestClient api;
    private final JdbcTemplate jdbc;

    OrderFixtures(TestClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A released lot of {@code sku} with the given manufacture and expiration dates. */
    String releasedLot(String sku, int quantity, String manufactureDate, String expirationDate) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "quantity", quantity, "manufactureDate",
                manufactureDate, "location", "Warehouse A, Zone 3"));
        if (expirationDate != null) {
            body.put("expirationDate", expirationDate);
        }
        Response r = api.post("mike", "/api/lots", body);
        if (r.status() != 201) {
            throw new AssertionError("lot not created: " + r);
        }
        String lot = r.json().get("lotNumber").asText();
        api.release(lot);
        return lot;
    }

    static String orderNumber() {
        return "SO-T-" + UUID.randomUUID().toString().substring(0, 10).toUpperCase();
    }

    /** The customer's reason the fixtures give with a requested lot. */
    static final String REQUEST_REASON = "The customer's validation batch was qualified with this lot";

    Response order(String orderNumber, String sku, Object quantity, Object... extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderNumber", orderNumber);
        body.put("customer", "Industrial Services Inc.");
        body.put("sku", sku);
        body.put("quantity", quantity);
        for (int i = 0; i < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        if (body.containsKey("requestedLot")) { // sales says why the customer asks for it (new user 17 F5)
            body.putIfAbsent("requestReason", REQUEST_REASON);
        }
        return api.post("tom", "/api/orders", body);
    }

    JsonNode placed(String sku, Object quantity, Object... extra) {
        Response r = order(orderNumber(), sku, quantity, extra);
        if (r.status() != 201) {
            throw new AssertionError("order refused: " + r);
        }
        return r.json();
    }

    JsonNode lot(String lotNumber) {
        return api.get("tom", "/api/lots/" + lotNumber).json();
    }

    Long lotId(String lotNumber) {
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
    }

    List<String> historyTypes(String lotNumber) {
        return api.get("tom", "/api/lots/" + lotNumber + "/history").json().findValuesAsText("type");
    }

    /**
     * The allocation invariants for every lot of a SKU: open + shipped allocations never exceed the
     * lot, the lot's allocated equals its open allocations, nothing is negative; returns problems.
     */
    List<String> invariantViolations(String sku) {
        List<String> problems = new java.util.ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("""
                SELECT l.lot_number, l.quantity, l.allocated, l.shipped, l.consumed,
                  (SELECT COALESCE(SUM(a.quantity), 0) FROM allocation a WHERE a.lot_id = l.id AND a.status = 'OPEN') AS open_q,
                  (SELECT COALESCE(SUM(a.quantity), 0) FROM allocation a WHERE a.lot_id = l.id AND a.status = 'SHIPPED') AS shipped_q
                  FROM lot l JOIN product p ON p.id = l.product_id WHERE p.sku = ?""", sku)) {
            BigDecimal quantity = (BigDecimal) row.get("quantity");
            BigDecimal allocated = (BigDecimal) row.get("allocated");
            BigDecimal shipped = (BigDecimal) row.get("shipped");
            BigDecimal consumed = (BigDecimal) row.get("consumed");
            BigDecimal open = new BigDecimal(row.get("open_q").toString());
            BigDecimal shippedAlloc = new BigDecimal(row.get("shipped_q").toString());
            String lot = (String) row.get("lot_number");
            if (open.add(shippedAlloc).compareTo(quantity) > 0) {
                problems.add(lot + ": open+shipped allocations " + open.add(shippedAlloc) + " > quantity " + quantity);
            }
            if (allocated.compareTo(open) != 0) {
                problems.add(lot + ": allocated " + allocated + " != open allocations " + open);
            }
            if (shipped.compareTo(shippedAlloc) != 0) {
                problems.add(lot + ": shipped " + shipped + " != shipped allocations " + shippedAlloc);
            }
            if (quantity.subtract(allocated).subtract(shipped).subtract(consumed).signum() < 0 || allocated.signum() < 0) {
                problems.add(lot + ": negative quantity");
            }
        }
        return problems;
    }
}
