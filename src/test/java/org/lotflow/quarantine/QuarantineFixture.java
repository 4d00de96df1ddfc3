package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Test helpers of the quarantine tests: the order module's ledger (built elsewhere) written
 * directly, holds, tasks and their completion through the engine REST API as Tasklist does it.
 */
public final class QuarantineFixture {

    private final TestClient api;
    private final JdbcTemplate jdbc;

    QuarantineFixture(TestClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    /**
     * What the order module records for the seed's IL250-2024-089: 150 allocated to an open
     * order and 65 shipped to two customers.
     */
    void seedOrders(String lotNumber, String suffix) {
        Long lotId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
        Long productId = jdbc.queryForObject("SELECT product_id FROM lot WHERE id = ?", Long.class, lotId);
        long metro = order("SO-2024-2156-" + suffix, "Metro Manufacturing", productId, "50");
        long services = order("SO-2024-2201-" + suffix, "Industrial Services Inc.", productId, "15");
        long open = order("SO-2025-0031-" + suffix, "Allied Machining", productId, "150");
        shipment(metro, lotId, "Metro Manufacturing", "50", "2024-11-22");
        shipment(services, lotId, "Industrial Services Inc.", "15", "2024-12-10");
        jdbc.update("INSERT INTO allocation (order_id, product_id, lot_id, quantity, status, fefo, created_at,"
                + " created_by) VALUES (?, ?, ?, 150, 'OPEN', TRUE, ?, 'tom')", open, productId, lotId, java.sql.Timestamp.from(Instant.now()));
        jdbc.update("UPDATE lot SET allocated = 150, shipped = 65, version = version + 1 WHERE id = ?", lotId);
    }

    /**
     * One shipment of 1 from the lot to each of {@code customers} customers, each with a 200-character name (the
     * longest a customer's name may be): a lot that reached many customers.
     */
    void seedShipmentsToManyCustomers(String lotNumber, int customers) {
        Long lotId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
        Long productId = jdbc.queryForObject("SELECT product_id FROM lot WHERE id = ?", Long.class, lotId);
        for (int i = 1; i <= customers; i++) {
            String customer = String.format("Customer %03d ", i) + "Industriebedarf GmbH & Co. KG, Werk Nord, ".repeat(5);
            customer = customer.substring(0, 200).strip();
            long order = order("SO-MANY-" + i + "-" + lotNumber, customer, productId, "1");
            shipment(order, lotId, customer, "1", "2024-12-10");
        }
        jdbc.update("UPDATE lot SET shipped = shipped + ?, version = version + 1 WHERE id = ?", customers, lotId);
    }

    private long order(String number, String customer, Long productId, String quantity) {
        jdbc.update("INSERT INTO sales_order (order_number, customer, product_id, quantity, status, created_at, "
                + "created_by) VALUES (?, ?, ?, ?, 'OPEN', ?, 'tom')", number, customer, productId,
                new BigDecimal(quantity), java.sql.Timestamp.from(Instant.now()));
        return jdbc.queryForObject("SELECT id FROM sales_order WHERE order_number = ?", Long.class, number);
    }

    private void shipment(long orderId, Long lotId, String customer, String quantity, String shippedAt) {
        jdbc.update("INSERT INTO shipment (order_id, lot_id, customer, quantity, shipped_at, carrier, created_at, "
                + "created_by) VALUES (?, ?, ?, ?, ?, 'Regional Transport', ?, 'tom')", orderId, lotId, customer,
                new BigDecimal(quantity), java.sql.Date.valueOf(LocalDate.parse(shippedAt)),
                java.sql.Timestamp.from(Instant.now()));
        String orderNumber = jdbc.queryForObject("SELECT order_number FROM sales_order WHERE id = ?", String.class,
                orderId);
        org.lotflow.support.TrailedEdits.shipped(jdbc, lotId, orderNumber, customer, new BigDecimal(quantity),
                shippedAt, "Regional Transport");
    }

    Response hold(String user, String lotNumber, String reason) {
        return api.post(user, "/api/lots/" + lotNumber + "/holds", Map.of("reason", reason, "source", "COMPLAINT",
                "reference", "Industrial Services Inc., complaint CC-2025-014"));
    }

    String taskId(String user, String lotNumber, String key) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lotNumber
                + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("open " + key + " tasks of " + lotNumber + " visible to " + user).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    boolean hasTask(String user, String lotNumber, String key) {
        return api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lotNumber + "&taskDefinitionKey="
                + key).json().size() > 0;
    }

    /** Completes a task as Tasklist does: the form's fields submitted as that user. */
    Response submit(String user, String password, String taskId, Map<String, Object> fields) {
        Map<String, Object> vars = new HashMap<>();
        fields.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.call(user, password, org.springframework.http.HttpMethod.POST, "/engine-rest/task/" + taskId
                + "/submit-form", Map.of("variables", vars), "application/json");
    }

    Response submit(String user, String taskId, Map<String, Object> fields) {
        return submit(user, user, taskId, fields);
    }

    void investigate(String user, String lotNumber) {
        Response done = submit(user, taskId(user, lotNumber, "investigateLot"), Map.of(
                "findings", "Retained sample retested at 249 cSt (within 245-255); customer sample contaminated "
                        + "with water in the customer's tank.",
                "rootCause", "Storage at the customer site, not the batch",
                "retainedSampleResults", "viscosity = 249 cSt\nflashPoint = 224 °C"));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    /** Completes {@code investigateLot} with these retained-sample results, as the form submits them. */
    Response investigate(String user, String lotNumber, String retainedSampleResults) {
        return submit(user, taskId(user, lotNumber, "investigateLot"), Map.of("findings",
                "Retained sample retested", "retainedSampleResults", retainedSampleResults));
    }

    Response dispose(String user, String lotNumber, Map<String, Object> body) {
        return api.post(user, "/api/lots/" + lotNumber + "/disposition", body);
    }

    String status(String lotNumber) {
        return api.get("mike", "/api/lots/" + lotNumber).json().get("status").asText();
    }

    JsonNode history(String lotNumber) {
        return api.get("mike", "/api/lots/" + lotNumber + "/history").json();
    }
}
