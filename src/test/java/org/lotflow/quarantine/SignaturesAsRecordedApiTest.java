package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every rendering of a signed decision shows the signature as the lot's hash-chained history recorded it (printed
 * name as signed, time, meaning), never the signer's current name nor a signer or time column of a business table
 * (auditor sig28 H1, M1, M2, L1): a quarantine disposition, an allocation override and a recall's closing, read
 * after their signers were renamed, after {@code lot_hold} was edited, and one signature with one time everywhere.
 */
@ApiTest
class SignaturesAsRecordedApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    QuarantineFixture q;
    String sku;
    final List<String> lots = new ArrayList<>();
    final Map<String, JsonNode> profiles = new java.util.HashMap<>();

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
        api.secondQaManager();
        sku = api.createProduct("SIG");
    }

    @AfterEach
    void restore() {
        // the shared database's users keep their names; lots that could be archived are kept from it
        profiles.forEach((id, profile) -> {
            Response back = api.call("demo", HttpMethod.PUT, "/engine-rest/user/" + id + "/profile", profile);
            assertThat(back.status()).as(back.toString()).isEqualTo(204);
        });
        profiles.clear();
        lots.forEach(l -> jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", l));
    }

    private String lot(String manufactureDate) {
        String lot = api.releasedLot(sku, new BigDecimal("100"), manufactureDate);
        lots.add(lot);
        return lot;
    }

    /** A held lot whose RELEASE disposition jennifer signed; the API's answer. */
    private JsonNode signedDisposition(String lot) {
        assertThat(q.hold("sarah", lot, "Customer reports dark colour").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        Response signed = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "Colour within specification", "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        return signed.json();
    }

    /** An order whose override of the requested lot {@code requested} anna approved; its number. */
    private String approvedOverride(String requested) {
        String orderNumber = "SO-SIG-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", orderNumber, "customer",
                "Precision Parts Co.", "sku", sku, "quantity", 10, "requestedLot", requested, "requestReason",
                "Customer qualified its line on this lot"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().get("status").asText()).isEqualTo("OVERRIDE_PENDING");
        JsonNode tasks = api.get("anna", "/engine-rest/task?processInstanceBusinessKey=" + orderNumber
                + "&taskDefinitionKey=approveOverride").json();
        Response approved = api.post("anna", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true), "comment",
                        Map.of("value", "Customer qualified this lot only"))));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        api.executeJobs();
        return orderNumber;
    }

    /** A recall of {@code lot}, closed with jennifer's signature; its number. */
    private String closedRecall(String lot) {
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Label error", "classification", "CLASS_III"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String number = opened.json().get("recallNumber").asText();
        Response closed = api.post("jennifer", "/api/recalls/" + number + "/close", Map.of("comment",
                "Labels corrected", "disposalMethod", "DESTROYED", "disposalReference", "WM-SIG-1",
                "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        api.executeJobs();
        return number;
    }

    private void rename(String id, String lastName) {
        JsonNode profile = api.get("demo", "/engine-rest/user/" + id + "/profile").json();
        profiles.putIfAbsent(id, profile.deepCopy());
        ObjectNode renamed = profile.deepCopy();
        renamed.put("lastName", lastName);
        Response r = api.call("demo", HttpMethod.PUT, "/engine-rest/user/" + id + "/profile", renamed);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    private JsonNode signatureEvent(String lot, String type) {
        JsonNode found = null;
        for (JsonNode e : api.get("tom", "/api/lots/" + lot + "/history").json()) {
            if (type.equals(e.get("type").asText())) {
                found = e;
            }
        }
        assertThat(found).as(type + " of " + lot).isNotNull();
        return found;
    }

    private static Instant at(JsonNode value) {
        return Instant.parse(value.asText());
    }

    @Test
    void everySurfaceShowsTheNameAsSignedWithTimeAndMeaningAfterTheSignersAreRenamed() {
        String older = lot("2024-08-01");
        String held = lot("2025-01-05");
        String requested = lot("2025-01-10");
        String recalled = lot("2025-01-12");
        signedDisposition(held);
        String orderNumber = approvedOverride(requested);
        String recallNumber = closedRecall(recalled);
        assertThat(older).isNotNull();
        Instant dispositionAt = at(signatureEvent(held, "DISPOSITION_SIGNED").get("detail").get("signature").get("at"));
        Instant overrideAt = at(signatureEvent(requested, "OVERRIDE_APPROVED").get("detail").get("signature")
                .get("at"));
        Instant closingAt = at(signatureEvent(recalled, "RECALL_CLOSED").get("detail").get("signature").get("at"));

        rename("jennifer", "Marsh");
        rename("anna", "Nowak");

        // the lot API and the Console lot page's hold section
        JsonNode disposition = api.get("tom", "/api/lots/" + held).json().get("investigation").get("disposition");
        assertThat(disposition.get("signedBy").asText()).isEqualTo("jennifer");
        assertThat(disposition.get("signedByName").asText()).isEqualTo("Jennifer Lee");
        assertThat(at(disposition.get("signedAt"))).isEqualTo(dispositionAt);
        assertThat(disposition.get("meaning").asText()).isEqualTo("quarantine disposition: RELEASE");
        String lotPage = api.get("tom", "/console/lots/" + held).text();
        assertThat(lotPage).contains("Disposition Release, signed by Jennifer Lee (jennifer) ")
                .contains("meaning: quarantine disposition: RELEASE").doesNotContain("Jennifer Marsh");

        // the order API's override block and the Console order page
        JsonNode override = api.get("tom", "/api/orders/" + orderNumber).json().get("override");
        assertThat(override.get("decidedBy").asText()).isEqualTo("anna");
        assertThat(override.get("decidedByName").asText()).isEqualTo("Anna Kowalski");
        assertThat(at(override.get("signedAt"))).isEqualTo(overrideAt);
        assertThat(override.get("meaning").asText()).isEqualTo("allocation override approval");
        String orderPage = api.get("tom", "/console/orders/" + orderNumber).text();
        assertThat(orderPage).contains("by Anna Kowalski (anna) ").contains("meaning: allocation override approval")
                .doesNotContain("Anna Nowak");

        // the FEFO compliance report
        JsonNode line = null;
        for (JsonNode o : api.get("tom", "/api/reports/fefo-compliance?sku=" + sku).json().get("overrides")) {
            if (orderNumber.equals(o.get("orderNumber").asText())) {
                line = o;
            }
        }
        assertThat(line).isNotNull();
        assertThat(line.get("decidedBy").asText()).isEqualTo("anna");
        assertThat(line.get("decidedByName").asText()).isEqualTo("Anna Kowalski");
        assertThat(at(line.get("signedAt"))).isEqualTo(overrideAt);
        assertThat(line.get("meaning").asText()).isEqualTo("allocation override approval");

        // the complaints report's signed outcome
        JsonNode complaint = null;
        for (JsonNode c : api.get("jennifer", "/api/reports/complaints?sku=" + sku).json().get("complaints")) {
            if (held.equals(c.get("lotNumber").asText())) {
                complaint = c;
            }
        }
        assertThat(complaint).isNotNull();
        assertThat(complaint.get("outcome").asText()).isEqualTo("RELEASE");
        assertThat(complaint.get("decidedBy").asText()).isEqualTo("jennifer");
        assertThat(complaint.get("decidedByName").asText()).isEqualTo("Jennifer Lee");
        assertThat(at(complaint.get("decidedAt"))).isEqualTo(dispositionAt);
        assertThat(complaint.get("meaning").asText()).isEqualTo("quarantine disposition: RELEASE");

        // the recall API and the Console recall page: the signing's time, not when the closing job ran
        JsonNode recall = api.get("rachel", "/api/recalls/" + recallNumber).json();
        JsonNode closing = recall.get("closingSignature");
        assertThat(closing.get("userId").asText()).isEqualTo("jennifer");
        assertThat(closing.get("fullName").asText()).isEqualTo("Jennifer Lee");
        assertThat(at(closing.get("signedAt"))).isEqualTo(closingAt);
        assertThat(closing.get("meaning").asText()).isEqualTo("recall closure");
        String recallPage = api.get("rachel", "/console/recalls/" + recallNumber).text();
        assertThat(recallPage).contains("Signed by Jennifer Lee (jennifer) " + consoleTime(closingAt)
                + ", meaning: recall closure").doesNotContain("Jennifer Marsh");
    }

    /** As the Console writes a time: "2025-01-28 09:03 UTC" (the tests' plant zone). */
    private static String consoleTime(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(at.atZone(
                java.time.ZoneOffset.UTC)) + " UTC";
    }

    @Test
    void anEditedHoldRowDoesNotChangeTheSignatureTheLotShows() {
        String lot = lot("2025-01-06");
        signedDisposition(lot);
        JsonNode signature = signatureEvent(lot, "DISPOSITION_SIGNED").get("detail").get("signature");
        Map<String, Object> before = jdbc.queryForMap("SELECT id, decided_by, decided_at FROM lot_hold WHERE lot_id ="
                + " (SELECT id FROM lot WHERE lot_number = ?)", lot);
        jdbc.update("UPDATE lot_hold SET decided_by = 'anna', decided_at = ? WHERE id = ?",
                OffsetDateTime.parse("2025-01-27T08:00:00Z"), before.get("id"));
        try {
            JsonNode disposition = api.get("tom", "/api/lots/" + lot).json().get("investigation").get("disposition");
            assertThat(disposition.get("signedBy").asText()).isEqualTo("jennifer");
            assertThat(disposition.get("signedByName").asText()).isEqualTo(signature.get("fullName").asText());
            assertThat(at(disposition.get("signedAt"))).isEqualTo(at(signature.get("at")));
            assertThat(api.get("tom", "/console/lots/" + lot).text()).contains("signed by "
                    + signature.get("fullName").asText() + " (jennifer) ").doesNotContain("2025-01-27 08:00");
            // and the audit trail's check names the row (re-test N3)
            JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).as(broken.toString()).isFalse();
            assertThat(broken.at("/firstBroken/signedRecord/table").asText()).isEqualTo("lot_hold");
            assertThat(broken.at("/firstBroken/signedRecord/key").asText()).isEqualTo("id " + before.get("id"));
            assertThat(broken.at("/firstBroken/signedRecord/field").asText()).isIn("decided_by", "decided_at");
        } finally {
            // the shared database's audit trail stays intact for the tests after this one
            jdbc.update("UPDATE lot_hold SET decided_by = ?, decided_at = ? WHERE id = ?", before.get("decided_by"),
                    before.get("decided_at"), before.get("id"));
        }
        JsonNode restored = api.get("jennifer", "/api/audit/verify").json();
        assertThat(restored.get("intact").asBoolean()).as(restored.toString()).isTrue();
    }

    /**
     * Re-test N3: what a signature signed (a disposition's decision and justification, an override's decision and
     * comment) is shown as the chained event recorded it, whatever an SQL edit of {@code lot_hold} or
     * {@code sales_order} says, an edit of the hold's {@code closed_at} detaches no signature from its hold, and
     * {@code /api/audit/verify} names the table, the row and the column edited.
     */
    @Test
    void anSqlEditOfWhatWasSignedIsShownAsSignedAndNamedByTheCheck() {
        String older = lot("2024-08-03");
        String held = lot("2025-01-08");
        String requested = lot("2025-01-14");
        assertThat(older).isNotNull();
        signedDisposition(held);
        String orderNumber = approvedOverride(requested);
        JsonNode intact = api.get("jennifer", "/api/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();

        Map<String, Object> hold = jdbc.queryForMap("SELECT id, decision, justification, closed_at, placed_at FROM"
                + " lot_hold WHERE lot_id = (SELECT id FROM lot WHERE lot_number = ?)", held);
        String key = "id " + hold.get("id");
        jdbc.update("UPDATE lot_hold SET decision = 'REJECT', justification = 'Forged: colour out of specification',"
                + " closed_at = placed_at WHERE id = ?", hold.get("id"));
        try {
            // the lot API, the Console lot page and the complaints report show what was signed
            JsonNode disposition = api.get("tom", "/api/lots/" + held).json().get("investigation").get("disposition");
            assertThat(disposition.get("decision").asText()).isEqualTo("RELEASE");
            assertThat(disposition.get("justification").asText()).isEqualTo("Colour within specification");
            assertThat(disposition.get("signedBy").asText()).isEqualTo("jennifer");
            assertThat(api.get("tom", "/console/lots/" + held).text()).contains("Disposition Release, signed by")
                    .contains("Colour within specification").doesNotContain("Forged");
            JsonNode complaint = null;
            for (JsonNode c : api.get("jennifer", "/api/reports/complaints?sku=" + sku).json().get("complaints")) {
                if (held.equals(c.get("lotNumber").asText())) {
                    complaint = c;
                }
            }
            assertThat(complaint).isNotNull();
            assertThat(complaint.get("outcome").asText()).isEqualTo("RELEASE");
            assertThat(complaint.get("decidedBy").asText()).isEqualTo("jennifer");

            // the check names each edited column in turn
            assertBroken("lot_hold", key, "closed_at");
            jdbc.update("UPDATE lot_hold SET closed_at = ? WHERE id = ?", hold.get("closed_at"), hold.get("id"));
            assertBroken("lot_hold", key, "decision");
            jdbc.update("UPDATE lot_hold SET decision = ? WHERE id = ?", hold.get("decision"), hold.get("id"));
            assertBroken("lot_hold", key, "justification");
        } finally {
            jdbc.update("UPDATE lot_hold SET decision = ?, justification = ?, closed_at = ? WHERE id = ?",
                    hold.get("decision"), hold.get("justification"), hold.get("closed_at"), hold.get("id"));
        }
        JsonNode restored = api.get("jennifer", "/api/audit/verify").json();
        assertThat(restored.get("intact").asBoolean()).as(restored.toString()).isTrue();

        Map<String, Object> order = jdbc.queryForMap("SELECT override_decision_comment, override_comment,"
                + " override_status FROM sales_order WHERE order_number = ?", orderNumber);
        jdbc.update("UPDATE sales_order SET override_decision_comment = 'Forged: sales asked nicely',"
                + " override_comment = 'Forged: sales asked nicely', override_status = 'REFUSED'"
                + " WHERE order_number = ?", orderNumber);
        try {
            JsonNode override = api.get("tom", "/api/orders/" + orderNumber).json().get("override");
            assertThat(override.get("comment").asText()).isEqualTo("Customer qualified this lot only");
            assertThat(override.get("status").asText()).isEqualTo("APPROVED");
            assertThat(override.get("decidedBy").asText()).isEqualTo("anna");
            assertThat(api.get("tom", "/console/orders/" + orderNumber).text())
                    .contains("Reason for the decision: Customer qualified this lot only").doesNotContain("Forged");
            JsonNode line = null;
            for (JsonNode o : api.get("tom", "/api/reports/fefo-compliance?sku=" + sku).json().get("overrides")) {
                if (orderNumber.equals(o.get("orderNumber").asText())) {
                    line = o;
                }
            }
            assertThat(line).isNotNull();
            assertThat(line.get("comment").asText()).isEqualTo("Customer qualified this lot only");
            assertThat(line.get("status").asText()).isEqualTo("APPROVED");
            assertThat(api.call("tom", "tom", HttpMethod.GET, "/api/reports/fefo-compliance?sku=" + sku, null,
                    "text/csv").text())
                    .contains("Customer qualified this lot only").doesNotContain("Forged");

            assertBroken("sales_order", "order_number " + orderNumber, "override_decision_comment");
            jdbc.update("UPDATE sales_order SET override_decision_comment = ? WHERE order_number = ?",
                    order.get("override_decision_comment"), orderNumber);
            assertBroken("sales_order", "order_number " + orderNumber, "override_status");
        } finally {
            jdbc.update("UPDATE sales_order SET override_decision_comment = ?, override_comment = ?,"
                    + " override_status = ? WHERE order_number = ?", order.get("override_decision_comment"),
                    order.get("override_comment"), order.get("override_status"), orderNumber);
        }
        JsonNode again = api.get("jennifer", "/api/audit/verify").json();
        assertThat(again.get("intact").asBoolean()).as(again.toString()).isTrue();

        // a recall's closing: its comment as signed, and the check names the recall row
        String recallNumber = closedRecall(lot("2025-01-15"));
        String comment = jdbc.queryForObject("SELECT close_comment FROM recall WHERE recall_number = ?", String.class,
                recallNumber);
        jdbc.update("UPDATE recall SET close_comment = 'Forged: nothing was shipped' WHERE recall_number = ?",
                recallNumber);
        try {
            assertThat(api.get("rachel", "/api/recalls/" + recallNumber).json().get("closeComment").asText())
                    .isEqualTo("Labels corrected");
            assertBroken("recall", "recall_number " + recallNumber, "close_comment");
        } finally {
            jdbc.update("UPDATE recall SET close_comment = ? WHERE recall_number = ?", comment, recallNumber);
        }
        JsonNode last = api.get("jennifer", "/api/audit/verify").json();
        assertThat(last.get("intact").asBoolean()).as(last.toString()).isTrue();
    }

    private void assertBroken(String table, String key, String field) {
        JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
        assertThat(broken.get("intact").asBoolean()).as(broken.toString()).isFalse();
        assertThat(broken.at("/firstBroken/signedRecord/table").asText()).as(broken.toString()).isEqualTo(table);
        assertThat(broken.at("/firstBroken/signedRecord/key").asText()).as(broken.toString()).isEqualTo(key);
        assertThat(broken.at("/firstBroken/signedRecord/field").asText()).as(broken.toString()).isEqualTo(field);
        assertThat(broken.at("/firstBroken/problem").asText()).as(broken.toString()).contains(table)
                .contains("column " + field);
    }

    @Test
    void aSignatureHasOneTimeEverywhere() {
        String lot = lot("2025-01-07");
        JsonNode answer = signedDisposition(lot);
        JsonNode event = signatureEvent(lot, "DISPOSITION_SIGNED");
        Instant signedAt = at(answer.get("signedAt"));
        assertThat(at(event.get("detail").get("signature").get("at"))).isEqualTo(signedAt);
        assertThat(at(event.get("at"))).isEqualTo(signedAt);
        assertThat(jdbc.queryForObject("SELECT decided_at FROM lot_hold WHERE lot_id = (SELECT id FROM lot WHERE"
                + " lot_number = ?)", OffsetDateTime.class, lot).toInstant()).isEqualTo(signedAt);
        assertThat(at(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("disposition")
                .get("signedAt"))).isEqualTo(signedAt);

        String older = lot("2024-08-02");
        String requested = lot("2025-01-11");
        assertThat(older).isNotNull();
        String orderNumber = approvedOverride(requested);
        JsonNode approval = signatureEvent(requested, "OVERRIDE_APPROVED");
        Instant approvedAt = at(approval.get("detail").get("signature").get("at"));
        assertThat(at(approval.get("at"))).isEqualTo(approvedAt);
        assertThat(jdbc.queryForObject("SELECT override_decision_at FROM sales_order WHERE order_number = ?",
                OffsetDateTime.class, orderNumber).toInstant()).isEqualTo(approvedAt);
        assertThat(at(api.get("tom", "/api/orders/" + orderNumber).json().get("override").get("signedAt")))
                .isEqualTo(approvedAt);

        String recalled = lot("2025-01-13");
        String recallNumber = closedRecall(recalled);
        Instant closingAt = at(signatureEvent(recalled, "RECALL_CLOSED").get("detail").get("signature").get("at"));
        assertThat(jdbc.queryForObject("SELECT close_requested_at FROM recall WHERE recall_number = ?",
                OffsetDateTime.class, recallNumber).toInstant()).isEqualTo(closingAt);
        assertThat(at(api.get("rachel", "/api/recalls/" + recallNumber).json().get("closingSignature")
                .get("signedAt"))).isEqualTo(closingAt);
    }
}
