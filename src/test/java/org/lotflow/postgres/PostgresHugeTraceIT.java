package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A trace without a size limit (issue #11): a raw-material lot reaching 72,301 lots, more than the
 * 65,535 bind parameters one PostgreSQL statement takes, answers in full, equal to an independent
 * breadth-first search over {@code lot_source}, with every shipment of the reached lots.
 */
@PostgresApiTest
class PostgresHugeTraceIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTraceReachingMoreLotsThanOneStatementTakesParametersAnswersInFull() {
        String sku = api.createProduct("HUGE");
        long product = jdbc.queryForObject("SELECT id FROM product WHERE sku = ?", Long.class, sku);
        long base = jdbc.queryForObject("SELECT coalesce(max(id), 0) + 1000 FROM lot", Long.class);
        // 1 raw lot -> 300 intermediates -> 240 finished lots each (72,000), loaded by SQL
        jdbc.update("""
                INSERT INTO lot (id, lot_number, product_id, quantity, manufacture_date, expiration_date, source, status,
                                 created_at, created_by)
                SELECT ? + g, ? || '-' || g, ?, 100, date '2024-06-01', date '2026-06-01', 'PRODUCTION', 'RELEASED',
                       now(), 'test'
                  FROM generate_series(0, 72300) g
                """, base, sku, product);
        jdbc.update("INSERT INTO lot_source (lot_id, source_lot_id, quantity) SELECT ? + g, ?, 1"
                + " FROM generate_series(1, 300) g", base, base);
        jdbc.update("INSERT INTO lot_source (lot_id, source_lot_id, quantity) SELECT ? + 300 + g, ? + 1 + (g - 1) / 240, 1"
                + " FROM generate_series(1, 72000) g", base, base);
        // and a second input for every 7th finished lot: more than one path, the smallest depth counts
        jdbc.update("INSERT INTO lot_source (lot_id, source_lot_id, quantity) SELECT ? + 300 + g, ? + 1 + (g + 150) % 300, 1"
                + " FROM generate_series(7, 72000, 7) g WHERE 1 + (g + 150) % 300 <> 1 + (g - 1) / 240", base, base);
        jdbc.update("INSERT INTO sales_order (order_number, customer, product_id, quantity, status, created_at, created_by)"
                + " SELECT ? || '-SO-' || g, 'Customer ' || (g % 97), ?, 1, 'SHIPPED', now(), 'test'"
                + " FROM generate_series(1, 3000) g", sku, product);
        jdbc.update("""
                INSERT INTO shipment (order_id, lot_id, customer, quantity, shipped_at, created_at, created_by)
                SELECT o.id, ? + 300 + 24 * g, o.customer, 1, date '2024-07-01', now(), 'test'
                  FROM generate_series(1, 3000) g JOIN sales_order o ON o.order_number = ? || '-SO-' || g
                """, base, sku);

        try {
            traceInFull(sku, base);
        } finally {
            // the shared database's audit check compares every lot and shipment line with its events (audit 29 F2):
            // the lots and lines loaded by SQL, which have none, go again (shipment lines are append-only, V213)
            jdbc.execute("ALTER TABLE shipment DISABLE TRIGGER shipment_unchanged");
            try {
                jdbc.update("DELETE FROM shipment WHERE lot_id >= ? AND lot_id <= ? + 72300", base, base);
            } finally {
                jdbc.execute("ALTER TABLE shipment ENABLE TRIGGER shipment_unchanged");
            }
            jdbc.update("DELETE FROM sales_order WHERE product_id = ?", product);
            jdbc.update("DELETE FROM lot_source WHERE lot_id >= ? AND lot_id <= ? + 72300", base, base);
            jdbc.update("DELETE FROM lot WHERE id >= ? AND id <= ? + 72300", base, base);
        }
    }

    private void traceInFull(String sku, long base) {
        String start = sku + "-0";
        TestClient.Response trace = api.get("rachel", "/api/lots/" + start + "/trace?direction=downstream");
        assertThat(trace.status()).as(trace.toString().substring(0, Math.min(300, trace.toString().length())))
                .isEqualTo(200);
        JsonNode body = trace.json();
        Map<String, Integer> depths = new HashMap<>();
        body.get("lots").forEach(l -> depths.put(l.get("lotNumber").asText(), l.get("depth").asInt()));
        assertThat(depths).hasSize(72301).isEqualTo(bfs(base, sku));
        assertThat(body.get("customers")).hasSize(3000);

        TestClient.Response csv = api.call("rachel", "rachel", org.springframework.http.HttpMethod.GET,
                "/api/lots/" + start + "/trace?direction=downstream", null, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text().lines().count()).as("a header and a row per lot and per shipment, at least")
                .isGreaterThan(72301 + 3000);
    }

    /** Breadth-first over the edges as stored, independent of lotflow's query. */
    private Map<String, Integer> bfs(long base, String sku) {
        Map<Long, List<Long>> out = new HashMap<>();
        jdbc.query("SELECT source_lot_id, lot_id FROM lot_source WHERE source_lot_id >= ?", rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(rs.getLong(2));
        }, base);
        Map<Long, Integer> depth = new HashMap<>();
        ArrayDeque<Long> queue = new ArrayDeque<>(List.of(base));
        depth.put(base, 0);
        while (!queue.isEmpty()) {
            long lot = queue.poll();
            for (long next : out.getOrDefault(lot, List.of())) {
                if (!depth.containsKey(next)) {
                    depth.put(next, depth.get(lot) + 1);
                    queue.add(next);
                }
            }
        }
        Map<String, Integer> byNumber = new HashMap<>();
        depth.forEach((id, d) -> byNumber.put(sku + "-" + (id - base), d));
        return byNumber;
    }
}
