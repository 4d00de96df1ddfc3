package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.Forms;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mass 27 M2: a rejected lot's <em>Confirm disposal</em> shows the lot's stock on hand as it is when the form is read,
 * and is confirmed only on the figure it showed ({@code figuresVersion} sent back as {@code figuresShown}, as the
 * recall's closing form); goods received back under a recall not yet closed stay on hand for that recall's closing,
 * which disposes of them under its own number, so each quantity is disposed of once: the rejection's 45 under its
 * waste manifest, the recall's 15 under the recall's, and the recall's {@code disposals} account for its
 * {@code returnsReceived}. In the other order (the recall closed first, disposing of all on hand), the disposal form
 * shows that nothing is left, live.
 */
@ApiTest
class DisposalFiguresApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    QuarantineFixture q;

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
    }

    /** The report's steps up to its open disposal: 60 made, 15 shipped to Cust Nu, held, rejected, customers told. */
    private String rejectedAwaitingDisposal(String sku, String customer) {
        String lot = api.releasedLot(sku, new BigDecimal("60"), "2025-01-10");
        new GenealogyFixture(api, jdbc).ship(customer, lot, "15", "2025-01-22");
        assertThat(q.hold("sarah", lot, "odd smell").status()).isEqualTo(202);
        assertThat(q.investigate("sarah", lot, "viscosity = 240 cSt").status()).isEqualTo(204);
        Response rejected = q.dispose("jennifer", lot, Map.of("decision", "REJECT", "justification", "bad",
                "password", "jennifer"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.submit("jennifer", q.taskId("jennifer", lot, "informCustomers"), Map.of("customerNotice",
                "called")).status()).isEqualTo(204);
        assertThat(q.status(lot)).isEqualTo("REJECTED");
        return lot;
    }

    /** A recall of the REJECTED lot (kept so), its customer's answer and the 15 drums received back. */
    private String recallReturning(String lot, String customer, int returned) {
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "rejected shipped", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer", customer,
                "contactMethod", "PHONE", "contactPerson", "N", "acknowledged", true, "quantityReturned", returned))
                .status()).isEqualTo(200);
        api.executeJobs();
        Response received = api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber", lot,
                "customer", customer, "quantity", returned));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        return number;
    }

    private JsonNode form(String taskId) {
        return api.get("mike", "/engine-rest/task/" + taskId + "/form-variables").json();
    }

    private Response confirm(String taskId, String reference, String figuresShown) {
        Map<String, Object> fields = new java.util.HashMap<>(Map.of("disposalMethod", "DESTROYED",
                "disposalReference", reference));
        if (figuresShown != null) {
            fields.put("figuresShown", figuresShown);
        }
        return q.submit("mike", taskId, fields); // as Tasklist submits the form
    }

    private JsonNode lot(String lot) {
        return api.get("tom", "/api/lots/" + lot).json();
    }

    private List<JsonNode> disposals(String lot) {
        List<JsonNode> found = new ArrayList<>();
        q.history(lot).forEach(e -> {
            if (e.get("type").asText().startsWith("DISPOSAL_")) {
                found.add(e);
            }
        });
        return found;
    }

    @Test
    void theDisposalLeavesTheRecallsReturnsToItsClosingAndIsConfirmedOnlyOnTheFigureShown() {
        String sku = api.createProduct("DFR");
        String lot = rejectedAwaitingDisposal(sku, "Cust Nu");
        String task = q.taskId("mike", lot, "confirmDisposal");
        JsonNode before = form(task);
        assertThat(Forms.shown(before, "onHand")).isEqualTo("45 drums");
        String read = before.get("figuresVersion").get("value").asText();

        String recall = recallReturning(lot, "Cust Nu", 15);
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("60");
        // the form shows the stock as it is now (it said "45 L" for ever), and what of it is the recall's
        JsonNode now = form(task);
        assertThat(Forms.shown(now, "onHand")).isEqualTo("45 drums (of the 60 drums on hand: 15 drums received back"
                + " under recall " + recall + " stay on hand for the closing of the recall that received them back from"
                + " customers, which disposes of them)");
        String current = now.get("figuresVersion").get("value").asText();
        assertThat(current).isNotEqualTo(read);

        // signed on the figure read before the returns: refused in words, naming the field, nothing disposed of
        Response stale = confirm(task, "WM-AL4", read);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("field").asText()).isEqualTo("figuresShown");
        assertThat(stale.json().get("detail").asText()).contains("The lot's stock on hand changed since this disposal"
                + " form was opened").contains("it now reads \"45 drums (of the 60 drums on hand")
                .contains("Reload the form").contains("nothing was disposed of").doesNotContain("ENGINE-")
                .doesNotContain("Exception");
        // a completion that sends no figure is asked for it, as the recall's closing asks
        Response unread = confirm(task, "WM-AL4", null);
        assertThat(unread.status()).as(unread.toString()).isEqualTo(400);
        assertThat(unread.json().get("field").asText()).isEqualTo("figuresShown");
        assertThat(lot(lot).get("disposed").decimalValue()).isZero();
        assertThat(disposals(lot)).isEmpty();
        assertThat(q.hasTask("mike", lot, "confirmDisposal")).as("the task stays open").isTrue();

        // on the figure shown: the rejection's 45 disposed of under its manifest, the recall's 15 left on hand
        Response done = confirm(task, "WM-AL4", current);
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        JsonNode after = lot(lot);
        assertThat(after.get("onHand").decimalValue()).isEqualByComparingTo("15");
        assertThat(after.get("disposed").decimalValue()).isEqualByComparingTo("45");
        JsonNode rejection = disposals(lot).get(0);
        assertThat(rejection.get("type").asText()).isEqualTo("DISPOSAL_CONFIRMED");
        assertThat(rejection.get("user").asText()).isEqualTo("mike");
        assertThat(rejection.get("reason").asText()).isEqualTo("Disposed of: 45 drums destroyed (WM-AL4); 15 drums"
                + " received back under recall " + recall + " left on hand for the recall's closing");
        assertThat(rejection.get("detail").get("quantity").decimalValue()).isEqualByComparingTo("45");
        assertThat(rejection.get("detail").get("onHandLeft").decimalValue()).isEqualByComparingTo("15");
        assertThat(rejection.get("detail").get("leftForRecalls").get(0).get("recallNumber").asText()).isEqualTo(recall);
        assertThat(rejection.get("detail").has("recallNumber")).isFalse();

        // the recall's closing disposes of what it took back, under its own reference, and says so
        Response closed = api.post("jennifer", "/api/recalls/" + recall + "/close", body("comment", "done",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-RC", "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        api.executeJobs();
        JsonNode view = api.get("rachel", "/api/recalls/" + recall).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("disposals")).hasSize(1);
        assertThat(view.get("disposals").get(0).get("lotNumber").asText()).isEqualTo(lot);
        assertThat(view.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo("15");
        assertThat(view.get("disposals").get(0).get("reference").asText()).isEqualTo("WM-RC");
        assertThat(view.get("returnsReceived").get(0).get("quantity").decimalValue()).isEqualByComparingTo("15");
        JsonNode closedLot = lot(lot);
        assertThat(closedLot.get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(closedLot.get("disposed").decimalValue()).isEqualByComparingTo("60");
        // once each in the lot's history: 45 under the rejection's manifest, 15 under the recall
        List<String> each = disposals(lot).stream().map(e -> e.get("detail").get("quantity").decimalValue()
                .stripTrailingZeros().toPlainString() + " " + e.get("detail").get("reference").asText() + " "
                + e.get("detail").path("recallNumber").asText("-")).toList();
        assertThat(each).containsExactly("45 WM-AL4 -", "15 WM-RC " + recall);
        JsonNode report = null;
        for (JsonNode e : q.history(lot)) {
            if (e.get("type").asText().equals("RECALL_CLOSED")) {
                report = e.get("detail");
            }
        }
        assertThat(report).isNotNull();
        assertThat(report.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo("15");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
    }

    /**
     * Re-test 27 R1, in M2's own order: returns received (the recall waits for its closing), then the rejection's
     * <em>Confirm disposal</em>, then the closing in Tasklist. The closing form shows the recall's figures as they
     * stand when it is read (it kept "60 drums" while 15 were on hand, and refused every signature with 409 until a
     * restart), and its {@code figuresVersion} is the one the completion checks: signed on it, 204, the recall's 15
     * disposed of under its number.
     */
    @Test
    void theClosingFormOpenedBeforeTheRejectionsDisposalShowsTheLiveFigureAndIsSignedOnIt() {
        String sku = api.createProduct("DFT");
        String lot = rejectedAwaitingDisposal(sku, "Cust Nu");
        String recall = recallReturning(lot, "Cust Nu", 15);
        String close = q.taskId("jennifer", recall, "closeRecall");
        JsonNode before = api.get("jennifer", "/engine-rest/task/" + close + "/form-variables").json();
        assertThat(Forms.shown(before, "recallSummary")).contains("To dispose of on closing: stock on hand of the lot "
                + lot + " (60 drums, a REJECTED lot the recall kept as it was)");
        String read = before.get("figuresVersion").get("value").asText();

        String disposal = q.taskId("mike", lot, "confirmDisposal");
        assertThat(confirm(disposal, "WM-9A", form(disposal).get("figuresVersion").get("value").asText()).status())
                .isEqualTo(204);
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("15");
        assertThat(lot(lot).get("disposed").decimalValue()).isEqualByComparingTo("45");

        // read again (as Tasklist reloads it): the live figure and its version
        JsonNode now = api.get("jennifer", "/engine-rest/task/" + close + "/form-variables").json();
        String summary = Forms.shown(now, "recallSummary");
        assertThat(summary).contains("To dispose of on closing: stock on hand of the lot " + lot
                + " (15 drums, a REJECTED lot the recall kept as it was)").doesNotContain("60 drums");
        String current = now.get("figuresVersion").get("value").asText();
        assertThat(current).isNotEqualTo(read);
        Map<String, Object> signing = new java.util.HashMap<>(Map.of("comment", "Recall complete", "disposalMethod",
                "DESTROYED", "disposalReference", "WM-9B", "signaturePassword", "jennifer"));
        // the version read before the disposal is refused (nothing signed); the one shown now is signed on
        signing.put("figuresShown", read);
        Response stale = q.submit("jennifer", close, signing);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("detail").asText()).contains("The recall's figures changed since this closing"
                + " form was opened");
        signing.put("figuresShown", current);
        Response signed = q.submit("jennifer", close, signing);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        api.executeJobs();
        JsonNode view = api.get("rachel", "/api/recalls/" + recall).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("disposals")).hasSize(1);
        assertThat(view.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo("15");
        assertThat(view.get("disposals").get(0).get("reference").asText()).isEqualTo("WM-9B");
        JsonNode closedLot = lot(lot);
        assertThat(closedLot.get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(closedLot.get("disposed").decimalValue()).isEqualByComparingTo("60");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
    }

    @Test
    void aRecallClosedFirstLeavesTheDisposalNothingAndItsFormSaysSoLive() {
        String sku = api.createProduct("DFC");
        String lot = rejectedAwaitingDisposal(sku, "Cust Xi");
        String task = q.taskId("mike", lot, "confirmDisposal");
        String read = form(task).get("figuresVersion").get("value").asText();
        String recall = recallReturning(lot, "Cust Xi", 15);
        Response closed = api.post("jennifer", "/api/recalls/" + recall + "/close", body("comment", "done",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-RC2", "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        api.executeJobs();
        JsonNode view = api.get("rachel", "/api/recalls/" + recall).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo("60");
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("0");

        // the form opened before shows the live figure: nothing left (it said "70 L" while 0 was on hand)
        JsonNode now = form(task);
        assertThat(Forms.shown(now, "onHand")).startsWith("nothing: 60 drums were disposed of before");
        String current = now.get("figuresVersion").get("value").asText();
        assertThat(current).isNotEqualTo(read);
        Response stale = confirm(task, "WM-AL1", read);
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("detail").asText()).contains("it now reads \"nothing: 60 drums were disposed of"
                + " before");
        Response done = confirm(task, "WM-AL1", current);
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        List<String> types = disposals(lot).stream().map(e -> e.get("type").asText()).toList();
        assertThat(types).containsExactly("DISPOSAL_CONFIRMED", "DISPOSAL_NOT_NEEDED");
        assertThat(lot(lot).get("disposed").decimalValue()).isEqualByComparingTo("60");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
    }

    @Test
    void stockThatIsAllARecallsReturnsIsLeftToTheRecall() {
        String sku = api.createProduct("DFA");
        String lot = api.releasedLot(sku, new BigDecimal("15"), "2025-01-10");
        new GenealogyFixture(api, jdbc).ship("Cust Om", lot, "15", "2025-01-22");
        assertThat(q.hold("sarah", lot, "odd smell").status()).isEqualTo(202);
        assertThat(q.investigate("sarah", lot, "viscosity = 240 cSt").status()).isEqualTo(204);
        assertThat(q.dispose("jennifer", lot, Map.of("decision", "REJECT", "justification", "bad", "password",
                "jennifer")).status()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.submit("jennifer", q.taskId("jennifer", lot, "informCustomers"), Map.of("customerNotice",
                "called")).status()).isEqualTo(204);
        String task = q.taskId("mike", lot, "confirmDisposal");
        assertThat(Forms.shown(form(task), "onHand")).isEqualTo("0 drums");
        String recall = recallReturning(lot, "Cust Om", 15);
        JsonNode now = form(task);
        assertThat(Forms.shown(now, "onHand")).isEqualTo("nothing: the 15 drums on hand were received back from"
                + " customers under recall " + recall + ", whose closing disposes of them; confirming records that"
                + " nothing else was left, and no disposal");
        assertThat(confirm(task, "WM-OM", now.get("figuresVersion").get("value").asText()).status()).isEqualTo(204);
        JsonNode notNeeded = disposals(lot).get(0);
        assertThat(notNeeded.get("type").asText()).isEqualTo("DISPOSAL_NOT_NEEDED");
        assertThat(notNeeded.get("detail").get("leftForRecalls").get(0).get("recallNumber").asText()).isEqualTo(recall);
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("15");
        assertThat(api.post("jennifer", "/api/recalls/" + recall + "/close", body("comment", "done", "disposalMethod",
                "DESTROYED", "password", "jennifer")).status()).isEqualTo(202);
        api.executeJobs();
        assertThat(lot(lot).get("disposed").decimalValue()).isEqualByComparingTo("15");
        assertThat(api.get("rachel", "/api/recalls/" + recall).json().get("disposals").get(0).get("quantity")
                .decimalValue()).isEqualByComparingTo("15");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
    }

    /**
     * Two open recalls of one lot (session 27's note): the first to close disposes of the stock at the plant and of what
     * it took back, not of what the other received back, which stays on hand for the other's closing; its closing form
     * says so, and each recall's {@code disposals} accounts for its own {@code returnsReceived}.
     */
    @Test
    void theFirstOfTwoOpenRecallsToCloseLeavesTheOthersReturnsToIt() {
        String sku = api.createProduct("DFT");
        String lot = rejectedAwaitingDisposal(sku, "Cust Ta");
        String first = recallReturning(lot, "Cust Ta", 5);
        String second = recallReturning(lot, "Cust Ta", 7);
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("57");

        // the first recall's closing form offers the 50 that are its own, and names the other's 7
        String task = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + first
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        String summary = api.get("jennifer", "/engine-rest/task/" + task + "/form-variables").json().toString();
        assertThat(summary).contains(lot + " (50 drums").contains("7 drums received back under recall " + second);
        Response closed = api.post("jennifer", "/api/recalls/" + first + "/close", body("comment", "done",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-TA1", "justification", "the rest was used before"
                + " the recall reached the customer", "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        api.executeJobs();
        assertThat(api.get("rachel", "/api/recalls/" + first).json().get("disposals").get(0).get("quantity")
                .decimalValue()).isEqualByComparingTo("50");
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("7");
        JsonNode disposal = disposals(lot).get(0);
        assertThat(disposal.get("detail").get("leftForRecalls").get(0).get("recallNumber").asText()).isEqualTo(second);

        // the second recall's closing disposes of its own 7
        Response second_ = api.post("jennifer", "/api/recalls/" + second + "/close", body("comment", "done",
                "disposalMethod", "DESTROYED", "disposalReference", "WM-TA2", "justification", "the rest was used before"
                + " the recall reached the customer", "password", "jennifer"));
        assertThat(second_.status()).as(second_.toString()).isEqualTo(202);
        api.executeJobs();
        JsonNode view = api.get("rachel", "/api/recalls/" + second).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("disposals").get(0).get("quantity").decimalValue()).isEqualByComparingTo("7");
        assertThat(lot(lot).get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(lot(lot).get("disposed").decimalValue()).isEqualByComparingTo("57");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
    }
}
