package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.expiry.internal.ExpiryRun;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 26 F4: expired stock is recorded as disposed of ({@code POST /api/lots/{lotNumber}/disposals}, the seed's
 * "Dispose expired inventory"), as after a REJECT: by QA managers and production, with method, reference and quantity,
 * in part or whole, never more than is on hand (also when two are sent at once); so the lot's quantities, the cost
 * impact report and the archiving rule see it. Today is 2025-01-28.
 */
@ApiTest
class ExpiredDisposalApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExpiryRun expiry;
    @Autowired
    ArchivableLots archivableLots;
    @Autowired
    LotService lotService;
    @Autowired
    java.time.Clock clock;

    /** A released lot of {@code quantity} drums of a product of its own, expired on {@code expires} and marked EXPIRED. */
    private String expiredLot(String quantity, String expires) {
        String sku = api.createProduct("EXD");
        String lot = api.releasedLot(sku, new BigDecimal(quantity), "2025-01-10");
        jdbc.update("UPDATE lot SET manufacture_date = DATE '2019-01-01', expiration_date = ? WHERE lot_number = ?",
                java.sql.Date.valueOf(expires), lot);
        expiry.markExpired();
        assertThat(lot(lot).get("status").asText()).isEqualTo("EXPIRED");
        return lot;
    }

    private JsonNode lot(String lotNumber) {
        Response r = api.get("tom", "/api/lots/" + lotNumber);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private Response dispose(String user, String lotNumber, Object... nameValue) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            body.put((String) nameValue[i], nameValue[i + 1]);
        }
        return api.post(user, "/api/lots/" + lotNumber + "/disposals", body);
    }

    private List<JsonNode> disposals(String lotNumber) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : api.get("tom", "/api/lots/" + lotNumber + "/history").json()) {
            if ("DISPOSAL_CONFIRMED".equals(e.get("type").asText())) {
                found.add(e);
            }
        }
        return found;
    }

    private static BigDecimal n(JsonNode node, String field) {
        assertThat(node.get(field)).as(field + " in " + node).isNotNull();
        return node.get(field).decimalValue();
    }

    /** The lot's figures and its disposals as they were: nothing changed. */
    private void assertUnchanged(String lotNumber, JsonNode before, int disposalsBefore) {
        JsonNode now = lot(lotNumber);
        for (String f : List.of("status", "available", "allocated", "disposed", "onHand", "version")) {
            assertThat(now.get(f)).as(f).isEqualTo(before.get(f));
        }
        assertThat(disposals(lotNumber)).hasSize(disposalsBefore);
    }

    @Test
    void expiredStockIsDisposedOfInPartsByProductionAndQaAndEveryFigureShowsIt() {
        String lot = expiredLot("6", "2025-01-20");
        String sku = lot(lot).get("sku").asText();

        Response first = dispose("mike", lot, "quantity", 4, "disposalMethod", "destroyed",
                "disposalReference", "WM-2025-0107");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(n(first.json(), "quantity")).isEqualByComparingTo("4");
        assertThat(first.json().get("unit").asText()).isEqualTo("drums");
        assertThat(first.json().get("disposalMethod").asText()).isEqualTo("DESTROYED");
        assertThat(first.json().get("disposalReference").asText()).isEqualTo("WM-2025-0107");
        JsonNode after = first.json().get("lot");
        assertThat(after.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(n(after, "disposed")).isEqualByComparingTo("4");
        assertThat(n(after, "onHand")).isEqualByComparingTo("2");
        assertThat(n(after, "available")).isEqualByComparingTo("2");

        JsonNode view = lot(lot);
        assertThat(n(view, "disposed")).isEqualByComparingTo("4");
        assertThat(n(view, "onHand")).isEqualByComparingTo("2");
        assertThat(n(view, "quantity")).isEqualByComparingTo(n(view, "available").add(n(view, "allocated"))
                .add(n(view, "shipped")).add(n(view, "consumed")).add(n(view, "disposed")));

        // the same record as a disposal after a REJECT: who, method, reference, quantity, unit, quantities after it
        List<JsonNode> recorded = disposals(lot);
        assertThat(recorded).hasSize(1);
        JsonNode event = recorded.get(0);
        assertThat(event.get("user").asText()).isEqualTo("mike");
        assertThat(event.get("detail").get("method").asText()).isEqualTo("DESTROYED");
        assertThat(event.get("detail").get("reference").asText()).isEqualTo("WM-2025-0107");
        assertThat(n(event.get("detail"), "quantity")).isEqualByComparingTo("4");
        assertThat(event.get("detail").get("unit").asText()).isEqualTo("drums");
        assertThat(n(event.get("detail").get("quantities"), "onHand")).isEqualByComparingTo("2");
        assertThat(event.get("reason").asText()).isEqualTo(
                "Disposed of expired stock: 4 drums destroyed (WM-2025-0107); 2 drums still on hand");

        // the rest, by a QA manager, without a reference
        Response rest = dispose("jennifer", lot, "quantity", new BigDecimal("2.000"), "disposalMethod", "DESTROYED");
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(n(rest.json().get("lot"), "onHand")).isEqualByComparingTo("0");
        assertThat(n(rest.json().get("lot"), "disposed")).isEqualByComparingTo("6");
        assertThat(disposals(lot)).hasSize(2);
        assertThat(disposals(lot).get(1).get("user").asText()).isEqualTo("jennifer");

        // the cost impact report: expired stock disposed of, nothing left on hand
        JsonNode losses = api.get("jennifer", "/api/reports/cost-impact?sku=" + sku).json().get("losses");
        JsonNode expired = null;
        for (JsonNode l : losses) {
            if ("EXPIRED".equals(l.get("status").asText())) {
                expired = l;
            }
        }
        assertThat(expired).as(losses.toString()).isNotNull();
        assertThat(n(expired, "disposed")).isEqualByComparingTo("6");
        assertThat(n(expired, "onHand")).isEqualByComparingTo("0");

        // nothing more on hand: a further disposal is refused
        Response more = dispose("mike", lot, "quantity", 1, "disposalMethod", "DESTROYED");
        assertThat(more.status()).as(more.toString()).isEqualTo(409);
        assertThat(more.json().get("detail").asText()).contains("has only 0 drums on hand");
    }

    @Test
    void moreThanIsOnHandIsRefusedWith409AndChangesNothing() {
        String lot = expiredLot("6", "2025-01-20");
        JsonNode before = lot(lot);

        Response r = dispose("mike", lot, "quantity", new BigDecimal("7"), "disposalMethod", "DESTROYED");

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).isEqualTo("Lot " + lot + " has only 6 drums on hand, so 7"
                + " drums cannot be disposed of; nothing was recorded (the lot's history says what was disposed of"
                + " before)");
        assertUnchanged(lot, before, 0);
    }

    @Test
    void aLotThatIsNotExpiredIsRefusedWith409AndChangesNothing() {
        String sku = api.createProduct("EXD");
        String released = api.releasedLot(sku, new BigDecimal("10"), "2025-01-10");
        JsonNode before = lot(released);

        Response r = dispose("jennifer", released, "quantity", 1, "disposalMethod", "DESTROYED");

        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).startsWith("Lot " + released + " is RELEASED: only an EXPIRED"
                + " lot's stock is disposed of here");
        assertUnchanged(released, before, 0);

        String rejected = api.createLot(sku, new BigDecimal("10"), "2025-01-10");
        api.rejectAndDispose(rejected, "DESTROYED", "WM-1");
        Response again = dispose("mike", rejected, "quantity", 1, "disposalMethod", "DESTROYED");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("is REJECTED").contains("Confirm disposal task");
    }

    @Test
    void onlyQaManagersAndProductionMayAndAdministratorsNot() {
        String lot = expiredLot("6", "2025-01-20");
        JsonNode before = lot(lot);
        for (String user : List.of("tom", "sarah", "rachel", "demo")) {
            Response r = dispose(user, lot, "quantity", 1, "disposalMethod", "DESTROYED");
            assertThat(r.status()).as(user + ": " + r).isEqualTo(403);
            assertThat(r.json().get("detail").asText()).as(user)
                    .startsWith("Only QA managers or Production may record a disposal of expired stock; " + user);
        }
        assertUnchanged(lot, before, 0);
    }

    /**
     * Audit 28 F2: drums are disposed of whole (400 naming quantity, nothing recorded); a lot stored with 6.5 drums
     * before the rule is still read as stored and can still be emptied: its half drum, then whole drums.
     */
    @Test
    void halfADrumIsRefusedButALotStoredWithAFractionCanStillBeEmptied() {
        String lot = expiredLot("6", "2025-01-20");
        JsonNode before = lot(lot);
        Response half = dispose("mike", lot, "quantity", new BigDecimal("0.5"), "disposalMethod", "DESTROYED");
        assertThat(half.status()).as(half.toString()).isEqualTo(400);
        assertThat(half.json().get("field").asText()).isEqualTo("quantity");
        assertThat(half.json().get("detail").asText()).endsWith("is counted in drums: 0.5 drums is not a whole"
                + " number of drums; enter a whole number of drums (nothing is rounded)");
        assertUnchanged(lot, before, 0);

        // stored before the rule: 6.5 drums, read as stored
        jdbc.update("UPDATE lot SET quantity = 6.5 WHERE lot_number = ?", lot);
        assertThat(n(lot(lot), "onHand")).isEqualByComparingTo("6.5");
        Response odd = dispose("mike", lot, "quantity", new BigDecimal("1.25"), "disposalMethod", "DESTROYED");
        assertThat(odd.status()).as("5.25 would be left: " + odd).isEqualTo(400);
        assertThat(dispose("mike", lot, "quantity", new BigDecimal("0.5"), "disposalMethod", "DESTROYED").status())
                .isEqualTo(201);
        assertThat(dispose("mike", lot, "quantity", 6, "disposalMethod", "DESTROYED").status()).isEqualTo(201);
        assertThat(n(lot(lot), "onHand")).isEqualByComparingTo("0");
    }

    @Test
    void badFieldsAreRefusedWith400NamingTheFieldAndChangeNothing() {
        String lot = expiredLot("6", "2025-01-20");
        JsonNode before = lot(lot);
        Map<String, Object[]> cases = new java.util.LinkedHashMap<>();
        cases.put("quantity", new Object[] {"disposalMethod", "DESTROYED"});
        cases.put("quantity ", new Object[] {"quantity", 0, "disposalMethod", "DESTROYED"});
        cases.put("quantity  ", new Object[] {"quantity", new BigDecimal("1.0005"), "disposalMethod", "DESTROYED"});
        cases.put("quantity   ", new Object[] {"quantity", -1, "disposalMethod", "DESTROYED"});
        cases.put("quantity    ", new Object[] {"quantity", "4", "disposalMethod", "DESTROYED"});
        cases.put("disposalMethod", new Object[] {"quantity", 1});
        cases.put("disposalMethod ", new Object[] {"quantity", 1, "disposalMethod", "BURNT"});
        cases.put("disposalMethod  ", new Object[] {"quantity", 1, "disposalMethod", "REWORKED"});
        // a lot made at the plant has no supplier to return it to
        cases.put("disposalMethod   ", new Object[] {"quantity", 1, "disposalMethod", "RETURNED_TO_SUPPLIER"});
        cases.put("disposalReference", new Object[] {"quantity", 1, "disposalMethod", "DESTROYED",
                "disposalReference", "W".repeat(201)});
        cases.put("disposalReference ", new Object[] {"quantity", 1, "disposalMethod", "DESTROYED",
                "disposalReference", "WM-1\nWM-2"});
        cases.forEach((field, body) -> {
            Response r = dispose("mike", lot, body);
            assertThat(r.status()).as(field + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).contains("application/problem+json");
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field.trim());
        });
        assertUnchanged(lot, before, 0);
        Response r = dispose("mike", lot, "quantity", 1, "disposalMethod", "DESTROYED");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    @Test
    void disposalsSentAtOnceNeverDisposeOfMoreThanIsOnHand() throws Exception {
        String lot = expiredLot("6", "2025-01-20");
        int n = 8; // 8 x 2 = 16 drums asked for, 6 on hand: 3 are recorded, 5 refused (whole drums: audit 28 F2)
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String user = i % 2 == 0 ? "mike" : "jennifer";
                calls.add(() -> dispose(user, lot, "quantity", new BigDecimal("2"), "disposalMethod", "DESTROYED"));
            }
            int recorded = 0;
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isIn(201, 409);
                recorded += r.status() == 201 ? 1 : 0;
            }
            assertThat(recorded).isEqualTo(3);
        } finally {
            pool.shutdownNow();
        }
        JsonNode after = lot(lot);
        assertThat(n(after, "disposed")).isEqualByComparingTo("6");
        assertThat(n(after, "onHand")).isEqualByComparingTo("0");
        assertThat(disposals(lot)).hasSize(3);
    }

    /** RetentionRule: an EXPIRED lot is archivable after its retention once nothing is on hand, which a disposal makes. */
    @Test
    void anExpiredLotPastRetentionBecomesArchivableOnceItsStockIsDisposedOf() {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        String lot = expiredLot("6", "2019-06-01"); // retained until 2022 or so: long past
        assertThat(RetentionRule.retainUntil(lotService.get(lot))).isBefore(today);
        assertThat(RetentionRule.archivable(lotService.get(lot), today)).as("6 drums on hand").isFalse();
        assertThat(archivableLots.find(today, 100_000).lots()).extracting(Lot::getLotNumber).doesNotContain(lot);

        assertThat(dispose("mike", lot, "quantity", 5, "disposalMethod", "DESTROYED").status()).isEqualTo(201);
        assertThat(RetentionRule.archivable(lotService.get(lot), today)).as("1 drum on hand").isFalse();

        assertThat(dispose("mike", lot, "quantity", 1, "disposalMethod", "DESTROYED").status()).isEqualTo(201);
        assertThat(RetentionRule.archivable(lotService.get(lot), today)).isTrue();
        assertThat(archivableLots.find(today, 100_000).lots()).extracting(Lot::getLotNumber).contains(lot);
        // out of other tests' archiving runs, which list the oldest archivable lots of the shared database first
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
    }
}
