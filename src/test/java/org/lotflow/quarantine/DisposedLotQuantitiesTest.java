package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.expiry.internal.ExpiryRun;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #12: after {@code confirmDisposal} a destroyed lot shows nothing available and nothing on hand,
 * and {@code disposed} = what was on hand, in every view and report that shows its quantities (lot API,
 * lot list, trace both ways, FIFO and expiry reports, history); and in every view the quantities of a lot
 * balance, {@code quantity = available + allocated + shipped + consumed + disposed}, whatever its status.
 */
@ApiTest
class DisposedLotQuantitiesTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ExpiryRun expiry;

    @Autowired
    LotService lotService;

    QuarantineFixture q;

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
    }

    private JsonNode lot(String lotNumber) {
        Response r = api.get("tom", "/api/lots/" + lotNumber);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static BigDecimal n(JsonNode node, String field) {
        JsonNode v = node.get(field);
        assertThat(v).as(field + " in " + node).isNotNull();
        assertThat(v.isNumber()).as(field + " is a number in " + node).isTrue();
        return v.decimalValue();
    }

    /** quantity = available + allocated + shipped + consumed + disposed, and onHand = available + allocated. */
    private static void assertBalances(JsonNode view) {
        BigDecimal sum = n(view, "available").add(n(view, "allocated")).add(n(view, "shipped"))
                .add(n(view, "consumed")).add(n(view, "disposed"));
        assertThat(n(view, "quantity")).as("quantity = available + allocated + shipped + consumed + disposed: " + view)
                .isEqualByComparingTo(sum);
        assertThat(n(view, "onHand")).as("onHand = available + allocated: " + view)
                .isEqualByComparingTo(n(view, "available").add(n(view, "allocated")));
        assertThat(n(view, "available").signum()).as("available >= 0: " + view).isGreaterThanOrEqualTo(0);
    }

    private static JsonNode byLotNumber(JsonNode items, String lotNumber) {
        for (JsonNode i : items) {
            if (lotNumber.equals(i.get("lotNumber").asText())) {
                return i;
            }
        }
        return null;
    }

    private String order(String sku, String orderNumber, int quantity) {
        Response r = api.post("tom", "/api/orders", Map.of("orderNumber", orderNumber, "customer", "Acme " + orderNumber,
                "sku", sku, "quantity", quantity));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return orderNumber;
    }

    private void ship(String orderNumber) {
        Response r = api.post("tom", "/api/orders/" + orderNumber + "/shipments", Map.of());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    private String lotMadeFrom(String sku, String source, int consumed) {
        Response r = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 40, "manufactureDate", "2025-01-20",
                "location", "Warehouse A, Zone 5", "sourceLots", List.of(Map.of("lotNumber", source,
                        "quantity", consumed))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("lotNumber").asText();
    }

    /** Held, investigated and rejected by jennifer, customers informed if any received it: confirmDisposal is open. */
    private String rejectedAwaitingDisposal(String lotNumber) {
        assertThat(q.hold("jennifer", lotNumber, "Flash point test failed on retest").status()).isEqualTo(202);
        q.investigate("jennifer", lotNumber);
        Response reject = q.dispose("jennifer", lotNumber, Map.of("decision", "REJECT", "justification",
                "Flash point 212 °C below the 220 °C minimum", "password", "jennifer"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(200);
        api.executeJobs();
        if (q.hasTask("jennifer", lotNumber, "informCustomers")) {
            Response informed = q.submit("jennifer", q.taskId("jennifer", lotNumber, "informCustomers"),
                    Map.of("customerNotice", "Phoned the customers on 2025-01-28; lot rejected, return not needed"));
            assertThat(informed.status()).as(informed.toString()).isEqualTo(204);
        }
        return q.taskId("mike", lotNumber, "confirmDisposal");
    }

    private void confirmDisposal(String taskId) {
        Response done = q.submit("mike", taskId, Map.of("disposalMethod", "DESTROYED",
                "disposalReference", "WM-2025-0042", "figuresShown", api.figuresShown("mike", taskId)));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
    }

    @Test
    void afterConfirmDisposalTheLotShowsNothingAvailableOrOnHandAndTheQuantityDisposedEverywhere() {
        String sku = api.createProduct("DISP");
        String lot = api.releasedLot(sku, new BigDecimal("500"), "2024-11-15");
        String made = lotMadeFrom(sku, lot, 10);             // 10 consumed
        ship(order(sku, "SO-DISP-1-" + sku, 12));             // 12 shipped
        order(sku, "SO-DISP-2-" + sku, 30);                   // 30 allocated, cancelled when the lot is rejected

        String task = rejectedAwaitingDisposal(lot);
        JsonNode before = lot(lot);
        assertThat(n(before, "allocated")).as("allocations cancelled on REJECTED").isEqualByComparingTo("0");
        assertThat(n(before, "onHand")).isEqualByComparingTo("478");
        assertThat(n(before, "disposed")).isEqualByComparingTo("0");
        assertThat(api.get("mike", "/engine-rest/task/" + task + "/form-variables").json().get("onHand").get("value")
                .asText()).isEqualTo("478 drums");
        // before the disposal the FIFO report still lists the rejected lot's stock on hand
        JsonNode fefoBefore = byLotNumber(api.get("tom", "/api/reports/fefo?sku=" + sku).json().get("lots"), lot);
        assertThat(fefoBefore).isNotNull();
        assertThat(n(fefoBefore, "onHand")).isEqualByComparingTo("478");

        confirmDisposal(task);

        // the lot API
        JsonNode after = lot(lot);
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(n(after, "quantity")).isEqualByComparingTo("500");
        assertThat(n(after, "available")).isEqualByComparingTo("0");
        assertThat(n(after, "onHand")).isEqualByComparingTo("0");
        assertThat(n(after, "allocated")).isEqualByComparingTo("0");
        assertThat(n(after, "shipped")).isEqualByComparingTo("12");
        assertThat(n(after, "consumed")).isEqualByComparingTo("10");
        assertThat(n(after, "disposed")).isEqualByComparingTo("478");
        assertBalances(after);

        // the lot list
        JsonNode listed = byLotNumber(api.get("tom", "/api/lots?sku=" + sku + "&status=REJECTED").json().get("items"),
                lot);
        assertThat(listed).isNotNull();
        assertThat(n(listed, "available")).isEqualByComparingTo("0");
        assertThat(n(listed, "onHand")).isEqualByComparingTo("0");
        assertThat(n(listed, "disposed")).isEqualByComparingTo("478");
        assertBalances(listed);

        // the history: who disposed of how much, and the quantities after it
        JsonNode disposal = null;
        for (JsonNode e : q.history(lot)) {
            if ("DISPOSAL_CONFIRMED".equals(e.get("type").asText())) {
                disposal = e;
            }
        }
        assertThat(disposal).isNotNull();
        assertThat(disposal.get("user").asText()).isEqualTo("mike");
        assertThat(n(disposal.get("detail"), "quantity")).isEqualByComparingTo("478");
        assertThat(disposal.get("detail").get("unit").asText()).isEqualTo("drums");
        assertThat(n(disposal.get("detail").get("quantities"), "onHand")).isEqualByComparingTo("0");
        assertThat(n(disposal.get("detail").get("quantities"), "disposed")).isEqualByComparingTo("478");

        // the trace, downstream from the lot and upstream from what was made of it
        JsonNode down = byLotNumber(api.get("rachel", "/api/lots/" + lot + "/trace?direction=downstream").json()
                .get("lots"), lot);
        assertThat(n(down, "available")).isEqualByComparingTo("0");
        assertThat(n(down, "onHand")).isEqualByComparingTo("0");
        assertThat(n(down, "disposed")).isEqualByComparingTo("478");
        assertBalances(down);
        JsonNode up = byLotNumber(api.get("rachel", "/api/lots/" + made + "/trace?direction=upstream").json()
                .get("lots"), lot);
        assertThat(n(up, "onHand")).isEqualByComparingTo("0");
        assertThat(n(up, "disposed")).isEqualByComparingTo("478");
        assertBalances(up);

        // the reports list stock on hand: a disposed lot has none
        assertThat(byLotNumber(api.get("tom", "/api/reports/fefo?sku=" + sku).json().get("lots"), lot)).isNull();
        assertThat(byLotNumber(api.get("tom", "/api/reports/expiring?days=3650").json().get("lots"), lot)).isNull();
    }

    @Test
    void quantitiesBalanceInEveryViewForLotsInEveryStatus() {
        String sku = api.createProduct("BAL", "kg"); // 100.5, 80.25: a measure (drums are counted whole: audit 28 F2)
        String pending = api.createLot(sku, new BigDecimal("100.5"), "2025-01-10");

        // FEFO takes the only released lot each time
        String depleted = api.releasedLot(sku, new BigDecimal("15"), "2024-11-01");
        ship(order(sku, "SO-BAL-1-" + sku, 15));               // all shipped: DEPLETED
        String released = api.releasedLot(sku, new BigDecimal("300"), "2024-12-01");
        lotMadeFrom(sku, released, 7);                          // 7 consumed
        order(sku, "SO-BAL-2-" + sku, 20);                      // 20 allocated
        ship(order(sku, "SO-BAL-3-" + sku, 5));                 // 5 shipped

        String quarantined = api.releasedLot(sku, new BigDecimal("80.25"), "2024-12-05");
        assertThat(q.hold("sarah", quarantined, "Customer complaint: haze").status()).isEqualTo(202);

        String rejected = api.releasedLot(sku, new BigDecimal("60"), "2024-12-06");
        confirmDisposal(rejectedAwaitingDisposal(rejected));

        String recalled = api.releasedLot(sku, new BigDecimal("40"), "2024-12-08");
        Map<String, Object> recall = new HashMap<>(Map.of("lots", List.of(recalled), "reason", "Supplier contamination",
                "classification", "CLASS_II"));
        Response opened = api.post("rachel", "/api/recalls", recall);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);

        // made two years ago: their expiry has come since (an expired lot is not created, F18)
        String expired = api.releasedLot(sku, new BigDecimal("25"), "2024-01-28");
        String archived = api.releasedLot(sku, new BigDecimal("35"), "2024-01-27");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number IN (?, ?)", expired, archived);
        expiry.run();
        lotService.changeStatus(lotService.get(archived).getId(), LotStatus.ARCHIVED, "Past retention");

        Map<String, String> expected = Map.of(pending, "PENDING", released, "RELEASED", quarantined, "QUARANTINE",
                rejected, "REJECTED", depleted, "DEPLETED", recalled, "RECALLED", expired, "EXPIRED",
                archived, "ARCHIVED");
        Set<LotStatus> seen = EnumSet.noneOf(LotStatus.class);
        JsonNode list = api.get("tom", "/api/lots?sku=" + sku + "&size=100").json().get("items");
        JsonNode fefo = api.get("tom", "/api/reports/fefo?sku=" + sku).json().get("lots");
        JsonNode expiring = api.get("tom", "/api/reports/expiring?days=3650").json().get("lots");
        List<String> inReports = new ArrayList<>();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String number = e.getKey();
            JsonNode view = lot(number);
            assertThat(view.get("status").asText()).as(number).isEqualTo(e.getValue());
            seen.add(LotStatus.valueOf(view.get("status").asText()));
            assertBalances(view);
            assertBalances(byLotNumber(list, number));
            assertBalances(byLotNumber(api.get("rachel", "/api/lots/" + number + "/trace?direction=downstream").json()
                    .get("lots"), number));
            for (JsonNode report : List.of(fefo, expiring)) {
                JsonNode line = byLotNumber(report, number);
                if (line != null) {
                    assertBalances(line);
                    assertThat(n(line, "onHand").signum()).as("reports list stock on hand: " + line).isPositive();
                    inReports.add(number);
                }
            }
        }
        assertThat(seen).as("a lot in every status").isEqualTo(EnumSet.allOf(LotStatus.class));
        assertThat(inReports).as("the reports were checked too").contains(released, quarantined, expired);
        // the figures each status should show
        assertThat(n(lot(released), "allocated")).isEqualByComparingTo("20");
        assertThat(n(lot(released), "shipped")).isEqualByComparingTo("5");
        assertThat(n(lot(released), "consumed")).isEqualByComparingTo("7");
        assertThat(n(lot(released), "available")).isEqualByComparingTo("268");
        assertThat(n(lot(rejected), "disposed")).isEqualByComparingTo("60");
        assertThat(n(lot(rejected), "onHand")).isEqualByComparingTo("0");
        assertThat(n(lot(depleted), "onHand")).isEqualByComparingTo("0");
        assertThat(n(lot(depleted), "disposed")).isEqualByComparingTo("0");
        assertThat(n(lot(quarantined), "onHand")).isEqualByComparingTo("80.25");
    }
}
