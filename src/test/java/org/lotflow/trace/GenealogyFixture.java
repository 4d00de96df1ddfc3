package org.lotflow.trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.lotflow.support.TestClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A genealogy of three levels with shared inputs, made through the real API as mike and
 * released through the real lab release, plus shipments written straight into the shipment
 * ledger (the orders API is another module's):
 *
 * <pre>
 * rm1 ──100──> int1 ──30──> fin1  (shipped: Acme 10, Beta 5)
 *  │            ▲            ▲
 *  80   rm2 ─50─┘            │
 *  ▼                         │
 * int2 ──────────20──────────┘
 *  ▲  └────10────> fin2      (shipped: Beta 3)
 * rm3 ─40─┘
 * rm2 ──5──> fin3            (rm2 also shipped: Gamma 7)
 * </pre>
 *
 * It remembers every edge and shipment, and answers traces with an in-memory breadth-first search.
 */
public class GenealogyFixture {

    public record Shipped(String customer, String lotNumber, String orderNumber, BigDecimal quantity,
            LocalDate shippedAt) {
    }

    private final TestClient api;
    private final JdbcTemplate jdbc;
    /** lot -> (source lot -> quantity consumed) */
    public final Map<String, Map<String, BigDecimal>> sources = new LinkedHashMap<>();
    public final List<Shipped> shipments = new ArrayList<>();
    public String rm1, rm2, rm3, int1, int2, fin1, fin2, fin3;
    public String rmSku, intSku, finSku;

    public GenealogyFixture(TestClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
    }

    public static GenealogyFixture build(TestClient api, JdbcTemplate jdbc) {
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.rmSku = api.createProduct("RM");
        f.intSku = api.createProduct("INT");
        f.finSku = api.createProduct("FIN");
        f.rm1 = f.released(f.rmSku, "1000", "2025-01-02", Map.of());
        f.rm2 = f.released(f.rmSku, "1000", "2025-01-03", Map.of());
        f.rm3 = f.released(f.rmSku, "1000", "2025-01-04", Map.of());
        f.int1 = f.released(f.intSku, "150", "2025-01-10", Map.of(f.rm1, "100", f.rm2, "50"));
        f.int2 = f.released(f.intSku, "120", "2025-01-11", Map.of(f.rm1, "80", f.rm3, "40"));
        f.fin1 = f.released(f.finSku, "50", "2025-01-15", Map.of(f.int1, "30", f.int2, "20"));
        f.fin2 = f.released(f.finSku, "10", "2025-01-16", Map.of(f.int2, "10"));
        f.fin3 = f.released(f.finSku, "5", "2025-01-17", Map.of(f.rm2, "5"));
        f.ship("Acme Industrial", f.fin1, "10", "2025-01-20");
        f.ship("Beta Manufacturing", f.fin1, "5", "2025-01-21");
        f.ship("Beta Manufacturing", f.fin2, "3", "2025-01-22");
        f.ship("Gamma Services", f.rm2, "7", "2025-01-23");
        return f;
    }

    /** Creates a lot as mike (with its source lots) and takes it through lab release. */
    public String released(String sku, String quantity, String manufactureDate, Map<String, String> sourceLots) {
        String lot = created(sku, quantity, manufactureDate, sourceLots);
        api.release(lot);
        return lot;
    }

    /** Creates a lot as mike (with its source lots); it stays PENDING. */
    public String created(String sku, String quantity, String manufactureDate, Map<String, String> sourceLots) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sku", sku);
        body.put("quantity", new BigDecimal(quantity));
        body.put("manufactureDate", manufactureDate);
        body.put("location", "Plant 1, Line 3");
        body.put("productionOrder", "PO-" + UUID.randomUUID().toString().substring(0, 6));
        Map<String, BigDecimal> consumed = new TreeMap<>();
        if (!sourceLots.isEmpty()) {
            List<Map<String, Object>> list = new ArrayList<>();
            sourceLots.forEach((lot, qty) -> {
                list.add(Map.of("lotNumber", lot, "quantity", new BigDecimal(qty)));
                consumed.put(lot, new BigDecimal(qty));
            });
            body.put("sourceLots", list);
        }
        TestClient.Response r = api.post("mike", "/api/lots", body);
        if (r.status() != 201) {
            throw new AssertionError("lot not created: " + r);
        }
        String lot = r.json().get("lotNumber").asText();
        sources.put(lot, consumed);
        return lot;
    }

    /** A shipment straight into the ledger: a sales order, the shipment, and the lot's shipped quantity. */
    public String ship(String customer, String lotNumber, String quantity, String shippedAt) {
        BigDecimal qty = new BigDecimal(quantity);
        String order = "SO-T-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> lot = jdbc.queryForMap("SELECT id, product_id FROM lot WHERE lot_number = ?", lotNumber);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.update("""
                INSERT INTO sales_order (order_number, customer, product_id, quantity, status, created_at, created_by)
                VALUES (?, ?, ?, ?, 'SHIPPED', ?, 'tom')
                """, order, customer, lot.get("product_id"), qty, now);
        Long orderId = jdbc.queryForObject("SELECT id FROM sales_order WHERE order_number = ?", Long.class, order);
        jdbc.update("""
                INSERT INTO shipment (order_id, lot_id, customer, quantity, shipped_at, carrier, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, 'Regional Transport', ?, 'tom')
                """, orderId, lot.get("id"), customer, qty, LocalDate.parse(shippedAt), now);
        jdbc.update("UPDATE lot SET shipped = shipped + ?, version = version + 1 WHERE id = ?", qty, lot.get("id"));
        org.lotflow.support.TrailedEdits.shipped(jdbc, lot.get("id"), order, customer, qty, shippedAt,
                "Regional Transport");
        shipments.add(new Shipped(customer, lotNumber, order, qty, LocalDate.parse(shippedAt)));
        return order;
    }

    public List<String> lots() {
        return List.copyOf(sources.keySet());
    }

    /** Breadth-first search: every lot reached from {@code start} with its shortest depth. */
    public Map<String, Integer> bfs(String start, boolean downstream) {
        Map<String, Integer> depth = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        depth.put(start, 0);
        queue.add(start);
        while (!queue.isEmpty()) {
            String lot = queue.poll();
            for (String next : neighbours(lot, downstream)) {
                if (!depth.containsKey(next)) {
                    depth.put(next, depth.get(lot) + 1);
                    queue.add(next);
                }
            }
        }
        return depth;
    }

    private List<String> neighbours(String lot, boolean downstream) {
        if (!downstream) {
            return List.copyOf(sources.getOrDefault(lot, Map.of()).keySet());
        }
        List<String> out = new ArrayList<>();
        sources.forEach((child, inputs) -> {
            if (inputs.containsKey(lot)) {
                out.add(child);
            }
        });
        return out;
    }

    /** The shipments of a set of lots. */
    public List<Shipped> shipmentsOf(java.util.Collection<String> lots) {
        return shipments.stream().filter(s -> lots.contains(s.lotNumber())).toList();
    }
}
