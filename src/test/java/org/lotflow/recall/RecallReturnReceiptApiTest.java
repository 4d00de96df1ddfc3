package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Goods a customer sends back under a recall are received at the plant by lot ({@code POST
 * /api/recalls/{n}/received-returns}): on hand again in their lot ({@code shipped} smaller by them, a
 * {@code RETURN_RECEIVED} record in its history, the recall's timeline and its EPCIS document), and the recall's signed
 * closing disposes of them with the lot's stock: a lot shipped whole and sent back is destroyed on the record (21 CFR
 * 7.55(a); the seed's "coordinate product retrieval"). Never more from a customer than it was shipped of that lot;
 * nothing once the closing is signed.
 */
@ApiTest
class RecallReturnReceiptApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private static void refused(Response r, String field, String... detailContains) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        for (String part : detailContains) {
            assertThat(r.json().get("detail").asText()).as(r.toString()).contains(part);
        }
    }

    private JsonNode lot(String lotNumber) {
        return api.get("tom", "/api/lots/" + lotNumber).json();
    }

    private long receipts(String recallNumber) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recall_return_receipt x JOIN recall r ON r.id = x.recall_id"
                + " WHERE r.recall_number = ?", Long.class, recallNumber);
    }

    @Test
    void goodsSentBackAreOnHandAgainAndTheClosingDisposesOfThem() {
        String sku = api.createProduct("RRR");
        String lotNumber = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Acme Foods", lotNumber, "60", "2025-01-22");
        f.ship("Bayou Hydraulics", lotNumber, "40", "2025-01-23");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Foreign matter", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        String receive = "/api/recalls/" + number + "/received-returns";
        assertThat(lot(lotNumber).get("onHand").decimalValue()).as("shipped whole").isEqualByComparingTo("0");

        // refusals in words, naming the field, and nothing changes
        assertThat(api.post("tom", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 5))
                .status()).isEqualTo(403);
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods")), "quantity");
        refused(api.post("rachel", receive, body("customer", "Acme Foods", "quantity", 5)), "lotNumber");
        refused(api.post("rachel", receive, body("lotNumber", "NO-SUCH-LOT", "customer", "Acme Foods", "quantity", 5)),
                "lotNumber", "is not a lot of recall " + number);
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Cedar Mills", "quantity", 5)),
                "customer", "shipped nothing of lot " + lotNumber + " to 'Cedar Mills'", "Acme Foods",
                "Bayou Hydraulics");
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 61)),
                "quantity", "which was shipped 60");
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 0)),
                "quantity");
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity",
                new BigDecimal("1.0001"))), "quantity");
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 5,
                "receivedOn", "2099-01-01")), "receivedOn", "is after today");
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 5,
                "receivedOn", "2025-01-01")), "receivedOn", "before recall " + number + " was opened");
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 5,
                "reference", "RMA-1\nRMA-2")), "reference");
        assertThat(lot(lotNumber).get("shipped").decimalValue()).isEqualByComparingTo("100");
        assertThat(receipts(number)).isZero();

        // received, in any case of the lot and the customer, under the names the recall keeps
        Response first = api.post("rachel", receive, body("lotNumber", lotNumber.toLowerCase(), "customer",
                "acme foods", "quantity", 25, "reference", "RMA-2025-031"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode received = first.json().get("returnsReceived");
        assertThat(received).hasSize(1);
        assertThat(received.get(0).get("lotNumber").asText()).isEqualTo(lotNumber);
        assertThat(received.get(0).get("customer").asText()).isEqualTo("Acme Foods");
        assertThat(received.get(0).get("quantity").decimalValue()).isEqualByComparingTo("25");
        assertThat(received.get(0).get("reference").asText()).isEqualTo("RMA-2025-031");
        assertThat(received.get(0).get("recordedBy").asText()).isEqualTo("rachel");
        assertThat(received.get(0).get("receivedOn").asText()).isEqualTo(first.json().get("openedAt").asText()
                .substring(0, 10));
        JsonNode after = lot(lotNumber);
        assertThat(after.get("shipped").decimalValue()).isEqualByComparingTo("75");
        assertThat(after.get("onHand").decimalValue()).isEqualByComparingTo("25");
        assertThat(after.get("status").asText()).isEqualTo("RECALLED");
        JsonNode event = StreamSupport.stream(api.get("tom", "/api/lots/" + lotNumber + "/history").json()
                .spliterator(), false).filter(e -> e.get("type").asText().equals("RETURN_RECEIVED")).findFirst()
                .orElseThrow();
        assertThat(event.get("user").asText()).isEqualTo("rachel");
        assertThat(event.get("detail").get("customer").asText()).isEqualTo("Acme Foods");
        assertThat(event.get("detail").get("recallNumber").asText()).isEqualTo(number);
        assertThat(event.get("detail").get("quantity").decimalValue()).isEqualByComparingTo("25");
        assertThat(first.json().get("timeline")).anySatisfy(t -> {
            assertThat(t.get("type").asText()).isEqualTo("RETURN_RECEIVED");
            assertThat(t.get("text").asText()).contains("25").contains("Acme Foods").contains("RMA-2025-031");
        });
        // what came back counts: 25 + 36 is more than the 60 shipped to Acme; 35 is all of the rest
        refused(api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Acme Foods", "quantity", 36)),
                "quantity", "25 " , "received already");
        assertThat(api.post("jennifer", receive, body("lotNumber", lotNumber, "customer", "Acme Foods",
                "quantity", 35, "receivedOn", first.json().get("openedAt").asText().substring(0, 10))).status())
                .isEqualTo(201);
        assertThat(lot(lotNumber).get("onHand").decimalValue()).isEqualByComparingTo("60");
        // the lot's page says why shipped is 40 while its shipments add up to 100 (re-test 2026-12-06 M2)
        assertThat(org.lotflow.console.ConsoleSession.login(port, "tom").get("/console/lots/" + lotNumber).html())
                .contains("id=\"received-back\"").contains("of 100 drums shipped, 60 came back under a"
                        + " recall");

        // the recall's EPCIS document: the goods' receiving from the customer, a valid document
        Response epcis = api.call("rachel", "rachel", HttpMethod.GET, "/api/recalls/" + number + "/epcis", null,
                "application/ld+json");
        assertThat(epcis.status()).as(epcis.toString()).isEqualTo(200);
        assertThat(org.lotflow.trace.EpcisSchema.errors(epcis.json())).as(epcis.text()).isEmpty();
        List<JsonNode> returns = StreamSupport.stream(epcis.json().get("epcisBody").get("eventList").spliterator(),
                false).filter(e -> e.get("eventID").asText().contains("/events/returns/")).toList();
        assertThat(returns).hasSize(2);
        assertThat(returns.get(0).get("bizStep").asText()).isEqualTo("receiving");
        assertThat(returns.get(0).get("disposition").asText()).isEqualTo("recalled");
        assertThat(returns.get(0).get("sourceList").get(0).get("source").asText()).contains("Acme");
        assertThat(returns.get(0).get("quantityList").get(0).get("quantity").decimalValue())
                .isEqualByComparingTo("25");

        // the FSMA 204 records: a RECEIVING from the customer, by lot and by date range, and in the recall's export
        for (String records : List.of("/api/traceability/fsma204?lot=" + lotNumber,
                "/api/traceability/fsma204?from=2025-01-01&to=2025-12-31", "/api/recalls/" + number + "/export")) {
            String csv = api.call("rachel", "rachel", HttpMethod.GET, records, null, "text/csv").text();
            assertThat(csv.lines().filter(l -> l.contains("RECEIVING") && l.contains("Acme Foods")
                    && l.contains("RMA-2025-031")).count()).as(records + ":\n" + csv).isEqualTo(1);
        }

        // the customers answer; the closing must say how the 60 on hand leave the plant, and disposes of them
        for (String customer : List.of("Acme Foods", "Bayou Hydraulics")) {
            Response answered = api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer",
                    customer, "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "QA desk",
                    "quantityReturned", customer.startsWith("Acme") ? 60 : 0));
            assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        }
        api.executeJobs();
        // what arrived beside what each customer said: Bayou said 0 and sent none, Acme said 60 and 60 came
        JsonNode answered = api.get("rachel", "/api/recalls/" + number).json();
        answered.get("customers").forEach(c -> assertThat(c.get("quantityReceived").decimalValue())
                .isEqualByComparingTo(c.get("customer").asText().startsWith("Acme") ? "60" : "0"));
        // and so says the recall impact report, with nothing to check (new user 2026-12-07 L9)
        JsonNode impact = api.get("jennifer", "/api/reports/recall-impact?recall=" + number).json().get("recalls").get(0);
        impact.get("byCustomer").forEach(c -> {
            assertThat(c.get("quantityReceived").decimalValue())
                    .isEqualByComparingTo(c.get("customer").asText().startsWith("Acme") ? "60" : "0");
            assertThat(c.get("check").asText()).isEmpty();
        });
        String closeTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        String summary = api.get("jennifer", "/engine-rest/task/" + closeTask + "/form-variables").json().toString();
        assertThat(summary).contains("received back at the plant 60").doesNotContain("CHECK:");
        assertThat(summary).as("the class in FDA's words (re-test 2026-12-07 N8)").contains("Class II")
                .doesNotContain("CLASS_II");
        String close = "/api/recalls/" + number + "/close";
        // Bayou Hydraulics still holds 40 drums: the closing says what became of them (new user 2026-12-07 F1)
        refused(api.post("jennifer", close, body("comment", "Retrieved", "disposalMethod", "DESTROYED",
                "password", "jennifer")), "justification", "Bayou Hydraulics: 40 drums");
        // a justification that shows nothing is none (re-test 2026-12-07 N5)
        for (String nothing : new String[] {"\u200B", "\u3164", " \u2800 "}) {
            refused(api.post("jennifer", close, body("comment", "Retrieved", "disposalMethod", "DESTROYED",
                    "justification", nothing, "password", "jennifer")), "justification", "Bayou Hydraulics: 40 drums");
        }
        String used = "Bayou Hydraulics used its 40 drums before the recall reached it";
        refused(api.post("jennifer", close, body("comment", "Retrieved", "justification", used, "password",
                "jennifer")), "disposalMethod", lotNumber);
        Response closed = api.post("jennifer", close, body("comment", "Retrieved", "disposalMethod", "DESTROYED",
                "disposalReference", "WM-2025-0300", "justification", used, "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        // signed: goods that arrive now are not what the closing disposes of
        Response late = api.post("rachel", receive, body("lotNumber", lotNumber, "customer", "Bayou Hydraulics",
                "quantity", 5));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("is signed");
        api.executeJobs();
        JsonNode view = api.get("rachel", "/api/recalls/" + number).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        // the signed report says what arrived beside what was said (re-test 2026-12-06 M2)
        assertThat(view.get("timeline").toString()).contains("Received back at the plant: Acme Foods 60 drums");
        JsonNode closedRecord = null;
        for (JsonNode e : api.get("tom", "/api/lots/" + lotNumber + "/history").json()) {
            if (e.get("type").asText().equals("RECALL_CLOSED")) {
                closedRecord = e;
            }
        }
        assertThat(closedRecord.get("detail").get("receivedAtPlant").get(0).get("quantityReceived").decimalValue())
                .isEqualByComparingTo("60");
        // level A, and what was still at a customer, with what the QA manager signed about it
        assertThat(closedRecord.get("detail").get("stillAtCustomers").asText()).isEqualTo("Bayou Hydraulics: 40 drums");
        assertThat(closedRecord.get("detail").get("closeJustification").asText()).isEqualTo(used);
        assertThat(closedRecord.get("reason").asText()).contains("Closed with product still at customers (Bayou"
                + " Hydraulics: 40 drums), justified: " + used);
        assertThat(view.get("effectiveness").get("stillAtCustomers").get(0).get("quantity").decimalValue())
                .isEqualByComparingTo("40");
        assertThat(org.lotflow.console.ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + number)
                .html()).contains("id=\"still-at-customers\"").contains("Bayou Hydraulics: 40 drums")
                .contains("Closed with product still at customers because: " + used)
                .contains("the effectiveness checks verified") // the level named once, in the headline (re-check N10)
                .doesNotContainPattern("Level [A-E]: the effectiveness checks");
        assertThat(view.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo("60");
        JsonNode disposed = lot(lotNumber);
        assertThat(disposed.get("disposed").decimalValue()).isEqualByComparingTo("60");
        assertThat(disposed.get("shipped").decimalValue()).isEqualByComparingTo("40");
        assertThat(disposed.get("onHand").decimalValue()).isEqualByComparingTo("0");
        // the closing shows as the QA manager's signature with its meaning (new user 2026-12-06 L5)
        assertThat(org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/recalls/" + number).html())
                .contains("id=\"close-signature\"").contains("Signed by Jennifer Lee (jennifer) ").contains(", meaning: recall closure");
        // its page gives no shelf life left for stock that is gone (new user 2026-12-06 L5)
        assertThat(org.lotflow.console.ConsoleSession.login(port, "tom").get("/console/lots/" + lotNumber).html())
                .contains("id=\"nothing-on-hand\"").doesNotContain("months left)");
        Response afterClose = api.post("rachel", receive, body("lotNumber", lotNumber, "customer",
                "Bayou Hydraulics", "quantity", 5));
        assertThat(afterClose.status()).isEqualTo(409);
        assertThat(afterClose.json().get("detail").asText()).contains("is closed");
        assertThat(receipts(number)).isEqualTo(2);
    }

    /**
     * Auditor 2026-12-07 F1: a recall keeps a REJECTED lot rejected and notifies its customers; what they send back
     * is received under the recall (stock of the rejected lot again) and the signed closing disposes of it. An
     * ARCHIVED lot of the scope is refused in words, and the recall's page does not offer it.
     */
    @Test
    void goodsOfARejectedLotTheRecallNotifiedAreReceivedAndDisposedOf() {
        String sku = api.createProduct("RRJ");
        String lotNumber = api.releasedLot(sku, new BigDecimal("50"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Delta Inc", lotNumber, "5", "2025-01-22");
        // a complaint, the investigation, the disposition REJECT: the 45 left are disposed of by the rejection
        assertThat(api.post("sarah", "/api/lots/" + lotNumber + "/holds", Map.of("reason", "Odd smell",
                "source", "COMPLAINT", "reference", "CMP-1")).status()).isEqualTo(202);
        String investigate = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lotNumber
                + "&taskDefinitionKey=investigateLot").json().get(0).get("id").asText();
        assertThat(api.post("sarah", "/engine-rest/task/" + investigate + "/submit-form", Map.of("variables",
                Map.of("findings", Map.of("value", "Smell confirmed on the retained sample"), "rootCause",
                        Map.of("value", "Contaminated drum liner"), "retainedSampleResults",
                        Map.of("value", "viscosity = 249 cSt")))).status()).isEqualTo(204);
        Response rejected = api.post("jennifer", "/api/lots/" + lotNumber + "/disposition", Map.of("decision",
                "REJECT", "justification", "Smell confirmed", "password", "jennifer"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(lot(lotNumber).get("status").asText()).isEqualTo("REJECTED");

        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Rejected lot at a customer", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(opened.json().get("lots").get(0).get("action").asText()).isEqualTo("SKIPPED");
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        // the recall's page offers it, and receiving it works
        String page = org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/recalls/" + number)
                .html();
        assertThat(page).contains(lotNumber + " from Delta Inc: shipped 5")
                .as("people by their printed names (new user 2026-12-07 F6)").contains("by Rachel Nguyen (rachel)");
        Response received = api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber",
                lotNumber, "customer", "Delta Inc", "quantity", 3, "reference", "RMA-D1"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        JsonNode back = lot(lotNumber);
        assertThat(back.get("status").asText()).isEqualTo("REJECTED");
        assertThat(back.get("shipped").decimalValue()).isEqualByComparingTo("2");
        BigDecimal onHand = back.get("onHand").decimalValue().add(new BigDecimal("2"));
        assertThat(onHand).isGreaterThanOrEqualTo(new BigDecimal("5"));
        // a REJECTED lot may be in the scope of another recall too
        Response another = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Second look at the rejected lot", "classification", "CLASS_III"));
        assertThat(another.status()).as(another.toString()).isEqualTo(201);
        api.executeJobs();
        String anotherReceive = "/api/recalls/" + another.json().get("recallNumber").asText() + "/received-returns";

        for (String customer : List.of("Delta Inc")) {
            assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer", customer,
                    "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dee", "quantityReturned", 5))
                    .status()).isEqualTo(200);
        }
        api.executeJobs();
        String closeTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        JsonNode before = api.get("jennifer", "/engine-rest/task/" + closeTask + "/form-variables").json();
        // the last 2 arrive under the other recall: the first recall's waiting closing form shows the stock on hand as
        // it now stands (re-test 2026-12-07 N1: it kept the old figures, and its signing was refused for good)
        assertThat(api.post("rachel", anotherReceive, body("lotNumber", lotNumber, "customer", "Delta Inc",
                "quantity", 2)).status()).isEqualTo(201);
        JsonNode now = api.get("jennifer", "/engine-rest/task/" + closeTask + "/form-variables").json();
        // the 2 are the other recall's to dispose of at its closing (session 27's note: the first closing disposed of
        // them too); this one disposes of the rest
        String anotherNumber = another.json().get("recallNumber").asText();
        BigDecimal ours = onHand.subtract(new BigDecimal("2"));
        assertThat(now.toString()).isNotEqualTo(before.toString()).contains(ours.stripTrailingZeros().toPlainString()
                + " drums").contains("2 drums received back under recall " + anotherNumber);
        // what came back counts under every recall of the lot (re-test 2026-12-07 F4: the same goods twice)
        refused(api.post("rachel", anotherReceive, body("lotNumber", lotNumber, "customer", "Delta Inc", "quantity",
                1)), "quantity", "5 drums received already");
        assertThat(lot(lotNumber).get("onHand").decimalValue()).isEqualByComparingTo(onHand);
        String summary = now.toString();
        assertThat(summary).contains("received back at the plant 3").contains("CHECK:");
        // this recall received 3 of the 5 Delta said it returned (the other 2 under the second recall): the closing
        // says what became of them (new user 2026-12-07 N1)
        refused(api.post("jennifer", "/api/recalls/" + number + "/close", body("comment", "Retrieved",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-9", "password", "jennifer")), "justification",
                "returned by the customer's word but not received at the plant: Delta Inc: 2 drums (said 5, received 3)");
        Response closed = api.post("jennifer", "/api/recalls/" + number + "/close", body("comment", "Retrieved",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-9", "justification", "The other 2 drums were"
                        + " received under " + another.json().get("recallNumber").asText(), "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        api.executeJobs();
        JsonNode after = lot(lotNumber);
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(after.get("onHand").decimalValue()).isEqualByComparingTo("2");
        JsonNode view = api.get("rachel", "/api/recalls/" + number).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("disposals").get(0).get("lotNumber").asText()).isEqualTo(lotNumber);
        assertThat(view.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo(ours);
        // its rejection's own disposal, confirmed afterwards, records no second disposal of nothing with another
        // method and reference (re-test 2026-12-07 F2)
        String inform = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lotNumber
                + "&taskDefinitionKey=informCustomers").json().get(0).get("id").asText();
        assertThat(api.post("jennifer", "/engine-rest/task/" + inform + "/submit-form", Map.of("variables",
                Map.of("customerNotice", Map.of("value", "Delta Inc told on 2025-01-28")))).status()).isEqualTo(204);
        String confirm = api.get("mike", "/engine-rest/task?processInstanceBusinessKey=" + lotNumber
                + "&taskDefinitionKey=confirmDisposal").json().get(0).get("id").asText();
        assertThat(org.lotflow.support.Forms.shown(api.get("mike", "/engine-rest/task/" + confirm
                + "/form-variables").json(), "onHand")).startsWith("nothing: ")
                .contains("received back from customers under recall " + anotherNumber);
        assertThat(api.post("mike", "/engine-rest/task/" + confirm + "/submit-form", Map.of("variables",
                Map.of("disposalMethod", Map.of("value", "DESTROYED"), "disposalReference", Map.of("value",
                        "WM-10"), "figuresShown", Map.of("value", api.figuresShown("mike", confirm))))).status())
                .isEqualTo(204);
        List<String> disposals = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lotNumber + "/history").json().forEach(e -> {
            if (e.get("type").asText().startsWith("DISPOSAL_")) {
                disposals.add(e.get("type").asText() + " " + e.path("detail").path("reference").asText("-"));
            }
        });
        assertThat(disposals).containsExactly("DISPOSAL_CONFIRMED WM-9", "DISPOSAL_NOT_NEEDED -");
        assertThat(lot(lotNumber).get("disposed").decimalValue()).isEqualByComparingTo(ours);
        // the other recall's closing disposes of its 2
        assertThat(api.post("rachel", "/api/recalls/" + anotherNumber + "/notifications", body("customer", "Delta Inc",
                "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dee", "quantityReturned", 2))
                .status()).isEqualTo(200);
        api.executeJobs();
        Response otherClosed = api.post("jennifer", "/api/recalls/" + anotherNumber + "/close", body("comment",
                "Retrieved", "disposalMethod", "DESTROYED", "disposalReference", "WM-11", "justification", "The other"
                        + " 3 drums were received under " + number, "password", "jennifer"));
        assertThat(otherClosed.status()).as(otherClosed.toString()).isEqualTo(202);
        api.executeJobs();
        assertThat(api.get("rachel", "/api/recalls/" + anotherNumber).json().get("disposals").get(0).get("quantity")
                .decimalValue()).isEqualByComparingTo("2");
        assertThat(lot(lotNumber).get("disposed").decimalValue()).isEqualByComparingTo(onHand);
        // the lot list gives no shelf life left for a lot with nothing on hand (new user 2026-12-07 F8)
        assertThat(org.lotflow.console.ConsoleSession.login(port, "tom").get("/console/lots?sku=" + sku).html())
                .contains("(nothing on hand)").doesNotContain(" months)");

        // an ARCHIVED lot of a scope: refused in words and not offered
        String archivedSku = api.createProduct("RRA");
        String archived = api.releasedLot(archivedSku, new BigDecimal("10"), "2025-01-10");
        f.ship("Echo Ltd", archived, "10", "2025-01-22");
        org.lotflow.support.TrailedEdits.status(jdbc, archived, "ARCHIVED", null);
        Response second = api.post("rachel", "/api/recalls", Map.of("lots", List.of(archived), "reason",
                "Archived lot at a customer", "classification", "CLASS_III"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        api.executeJobs();
        String secondNumber = second.json().get("recallNumber").asText();
        refused(api.post("rachel", "/api/recalls/" + secondNumber + "/received-returns", body("lotNumber", archived,
                "customer", "Echo Ltd", "quantity", 1)), "lotNumber", "was not recalled by it", "ARCHIVED");
        assertThat(org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/recalls/" + secondNumber)
                .html()).doesNotContain(archived + " from Echo Ltd");
    }

    /** Auditor 2026-12-07 F4: a lot number longer than any is refused by its length, not looked up and quoted back. */
    @Test
    void anOverlongLotNumberIsRefusedByItsLength() {
        String sku = api.createProduct("RRL");
        String lotNumber = api.releasedLot(sku, new BigDecimal("10"), "2025-01-10");
        new GenealogyFixture(api, jdbc).ship("Delta Works", lotNumber, "5", "2025-01-22");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Label error", "classification", "CLASS_III"));
        String number = opened.json().get("recallNumber").asText();
        String huge = "A".repeat(100_000);
        for (Response r : List.of(api.post("rachel", "/api/recalls/" + number + "/received-returns",
                body("lotNumber", huge, "customer", "Delta Works", "quantity", 1)),
                api.post("rachel", "/api/mock-recalls", body("lotNumber", huge)))) {
            refused(r, "lotNumber", "is 100000 characters long; a lot number has at most 64");
            assertThat(r.text().length()).as("not quoted back").isLessThan(2_000);
        }
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(huge), "reason", "x",
                "classification", "CLASS_II"));
        refused(recall, "lots[0]", "is 100000 characters long"); // re-test 2026-12-07 F5
        assertThat(recall.text().length()).as("not quoted back").isLessThan(2_000);
        // a drill on a lot number typed with blanks around it finds the lot
        Response drill = api.post("rachel", "/api/mock-recalls", body("lotNumber", "  " + lotNumber.toLowerCase()
                + " "));
        assertThat(drill.status()).as(drill.toString()).isEqualTo(201);
    }

    @Test
    void aLotTheRecallDidNotRecallIsNotReceivedUnderIt() {
        String sku = api.createProduct("RRS");
        String lotNumber = api.releasedLot(sku, new BigDecimal("50"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Delta Works", lotNumber, "20", "2025-01-22");
        // made from it and never released: in the recall's scope, not recalled (kept from release instead)
        String pending = f.created(api.createProduct("RRT"), "5", "2025-01-24", Map.of(lotNumber, "10"));
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Label error", "classification", "CLASS_III"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        refused(api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber", pending,
                "customer", "Delta Works", "quantity", 1)), "lotNumber", "was not recalled by it");
        assertThat(api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber", lotNumber,
                "customer", "Delta Works", "quantity", 5)).status()).isEqualTo(201);
        assertThat(lot(lotNumber).get("shipped").decimalValue()).isEqualByComparingTo("15");
        assertThat(lot(lotNumber).get("onHand").decimalValue()).isEqualByComparingTo("25");
        // the recall's Console page: a choice per customer and lot, refusals shown at the form, the receipt listed
        org.lotflow.console.ConsoleSession rachel = org.lotflow.console.ConsoleSession.login(port, "rachel");
        String page = rachel.get("/console/recalls/" + number).html();
        assertThat(page).contains("id=\"receive-form\"").contains(lotNumber + " from Delta Works: shipped 20")
                .contains("received back so far 5")
                .doesNotContain("id=\"receive-serials\""); // no serialised goods in this recall (new user 2026-12-07 L12)
        for (String notDigits : List.of("1E1", "\u0663", "", "ten")) {
            org.lotflow.console.ConsoleSession.Page bad = rachel.post("/console/recalls/" + number
                    + "/received-returns", Map.of("shipment", "0|" + lotNumber, "quantity", notDigits));
            assertThat(bad.status()).as(notDigits).isEqualTo(400);
            assertThat(bad.html()).contains("id=\"receive-form\"");
            // said at the form's top as other forms say it, the page opened there (new user round 24 N5)
            String form = bad.html().substring(bad.html().indexOf("id=\"receive-panel\""));
            assertThat(form).as(notDigits).contains("id=\"receive-problem\"")
                    .contains("<strong>Not saved:</strong>").contains("/received-returns#receive-panel\"");
            assertThat(form.indexOf("id=\"receive-problem\"")).isLessThan(form.indexOf("id=\"receive-form\""));
        }
        assertThat(page).as("no refusal, no banner").doesNotContain("id=\"receive-problem\"");
        assertThat(rachel.post("/console/recalls/" + number + "/received-returns", Map.of("shipment", "0|"
                + lotNumber, "quantity", "16")).html()).contains("which was shipped 20");
        assertThat(rachel.post("/console/recalls/" + number + "/received-returns", Map.of("shipment", "7|"
                + lotNumber, "quantity", "1")).html()).contains("choose the lot and the customer");
        // drums come back whole (audit 28 F2): half a drum is said at the form, nothing recorded
        org.lotflow.console.ConsoleSession.Page half = rachel.post("/console/recalls/" + number
                + "/received-returns", Map.of("shipment", "0|" + lotNumber, "quantity", "2.5", "receivedOn", "",
                        "reference", "RMA-9"));
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.html()).contains("id=\"receive-problem\"").contains("2.5 drums is not a whole number of drums");
        org.lotflow.console.ConsoleSession.Page ok = rachel.post("/console/recalls/" + number + "/received-returns",
                Map.of("shipment", "0|" + lotNumber, "quantity", "3", "receivedOn", "", "reference", "RMA-9"));
        assertThat(ok.status()).as(ok.html()).isEqualTo(302);
        assertThat(rachel.get("/console/recalls/" + number).html()).contains("id=\"received-returns\"")
                .contains("RMA-9").contains("received back so far 8");
        assertThat(org.lotflow.console.ConsoleSession.login(port, "tom").post("/console/recalls/" + number
                + "/received-returns", Map.of("shipment", "0|" + lotNumber, "quantity", "1")).status())
                .as("sales receives no recalled goods").isEqualTo(403);
        assertThat(lot(lotNumber).get("shipped").decimalValue()).isEqualByComparingTo("12");
        // the daily review of the day before, when the lot had all 50 drums: the shipments since and the goods
        // received back since are both taken back (without the latter it read 58)
        jdbc.update("UPDATE lot SET created_at = ? WHERE lot_number = ?", java.sql.Timestamp.from(
                java.time.Instant.parse("2025-01-27T10:00:00Z")), lotNumber);
        JsonNode before = api.get("tom", "/api/reports/daily?date=2025-01-27&sku=" + sku).json();
        assertThat(before.get("totalInventory").decimalValue()).as(before.toString()).isEqualByComparingTo("50");
        // the customer says 5 came back, 8 arrived: the closing form says so before anyone signs (re-test 2)
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer", "Delta Works",
                "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Stores", "quantityReturned", 5))
                .status()).isEqualTo(200);
        api.executeJobs();
        String closeTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        assertThat(api.get("jennifer", "/engine-rest/task/" + closeTask + "/form-variables").json().toString())
                .contains("received back at the plant 8 drums (CHECK: the customer said 5 returned)");
        assertThat(org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/recalls/" + number).html())
                .contains("class=\"num received overdue\"");
        Response unknown = api.post("rachel", "/api/recalls/RC-1999-999/received-returns", body("lotNumber",
                lotNumber, "customer", "Delta Works", "quantity", 5));
        assertThat(unknown.status()).isEqualTo(404);
    }

    /**
     * Auditor 26b F9: a second recall reaches a lot an earlier recall recalled and is closed now; the customer it
     * notifies sends the goods back: they are received under the open recall (the closed one takes nothing more), and
     * its closing disposes of them. While the earlier recall was open they went under that one.
     */
    @Test
    void goodsOfALotAClosedRecallRecalledAreReceivedUnderTheRecallThatReachedItSince() {
        String rawSku = api.createProduct("RRU");
        String raw = api.releasedLot(rawSku, new BigDecimal("200"), "2025-01-05");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String made = f.released(api.createProduct("RRV"), "30", "2025-01-12", Map.of(raw, "30"));
        f.ship("Golf Supplies", made, "20", "2025-01-20");
        Response first = api.post("rachel", "/api/recalls", Map.of("lots", List.of(made), "reason", "Leak complaint",
                "classification", "CLASS_II"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        api.executeJobs();
        String firstNumber = first.json().get("recallNumber").asText();
        assertThat(api.post("rachel", "/api/recalls/" + firstNumber + "/notifications", body("customer",
                "Golf Supplies", "reached", false, "contactMethod", "PHONE", "contactPerson", "Reception")).status())
                .isEqualTo(200);
        api.executeJobs();
        Response closed = api.post("jennifer", "/api/recalls/" + firstNumber + "/close", body("comment",
                "Customer unreachable", "justification", "Golf Supplies could not be reached; registered letter sent",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-21", "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        api.executeJobs();
        assertThat(api.get("rachel", "/api/recalls/" + firstNumber).json().get("status").asText()).isEqualTo("CLOSED");

        Response second = api.post("rachel", "/api/recalls", Map.of("lots", List.of(raw), "reason",
                "Supplier contamination", "classification", "CLASS_I"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        api.executeJobs();
        String number = second.json().get("recallNumber").asText();
        JsonNode scopeLot = null;
        for (JsonNode l : api.get("rachel", "/api/recalls/" + number).json().get("lots")) {
            if (l.get("lotNumber").asText().equals(made)) {
                scopeLot = l;
            }
        }
        assertThat(scopeLot.get("action").asText()).isEqualTo("SKIPPED");
        assertThat(scopeLot.get("receivesReturns").asBoolean()).isTrue();
        // the closed recall takes nothing more; the open one that notified the customer does
        assertThat(api.post("rachel", "/api/recalls/" + firstNumber + "/received-returns", body("lotNumber", made,
                "customer", "Golf Supplies", "quantity", 20)).status()).isEqualTo(409);
        Response received = api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber", made,
                "customer", "Golf Supplies", "quantity", 20, "reference", "RMA-30"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        assertThat(lot(made).get("onHand").decimalValue()).isEqualByComparingTo("20");
        assertThat(lot(made).get("status").asText()).isEqualTo("RECALLED");
        // the recall's Console page offers the lot to receive from that customer
        assertThat(org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/recalls/" + number).html())
                .contains(made + " from Golf Supplies: shipped 20");
    }
}
