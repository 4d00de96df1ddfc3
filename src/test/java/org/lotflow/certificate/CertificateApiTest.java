package org.lotflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Certificates of analysis through the API (issue #13): issued at the release (lab release, OOS release,
 * quarantine RELEASE disposition), numbered COA-yyyy-nnnn, fixed when issued, handed out to sales and QA
 * as JSON or PDF, each hand-out in the lot's history; 409 for a lot without a current certificate.
 */
@ApiTest
class CertificateApiTest {

    static final String PDF = "application/pdf";

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.lotflow.lot.LotService lotService;

    @Autowired
    org.lotflow.expiry.internal.ExpiryRun expiry;

    private TestClient.Binary coa(String user, String path, String accept) {
        return api.download(user, path, accept);
    }

    private JsonNode history(String lot) {
        return api.get("mike", "/api/lots/" + lot + "/history").json();
    }

    private static List<String> types(JsonNode history) {
        List<String> types = new ArrayList<>();
        history.forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private static JsonNode last(JsonNode history, String type) {
        JsonNode found = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals(type)) {
                found = e;
            }
        }
        assertThat(found).as(type + " in the history").isNotNull();
        return found;
    }

    private static String pdfText(TestClient.Binary r) throws IOException {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(PDF);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aLabReleaseIssuesACertificateWithEveryResultBothSignaturesAndThePlant() {
        String sku = api.createProduct("COA", "kg"); // 500.25: a measure (drums are counted whole: audit 28 F2)
        String lot = api.createLot(sku, new BigDecimal("500.250"), "2025-01-27");
        api.release(lot);

        JsonNode history = history(lot);
        assertThat(types(history)).endsWith("RELEASE_APPROVED", "STATUS_CHANGED", "CERTIFICATE_ISSUED");
        JsonNode issued = last(history, "CERTIFICATE_ISSUED");
        assertThat(issued.get("user").asText()).isEqualTo("jennifer");
        String number = issued.get("detail").get("coaNumber").asText();
        assertThat(number).matches("COA-2025-\\d{4}");

        Response r = api.get("tom", "/api/lots/" + lot + "/coa?customer=Acme Manufacturing");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        JsonNode c = r.json();
        assertThat(c.get("coaNumber").asText()).isEqualTo(number);
        assertThat(c.get("status").asText()).isEqualTo("CURRENT");
        assertThat(c.has("supersedes")).isFalse();
        assertThat(c.get("lotNumber").asText()).isEqualTo(lot);
        assertThat(c.get("sku").asText()).isEqualTo(sku);
        assertThat(c.get("productName").asText()).isEqualTo("Test product " + sku);
        assertThat(c.get("issueDate").asText()).isEqualTo("2025-01-28");
        assertThat(c.get("manufactureDate").asText()).isEqualTo("2025-01-27");
        assertThat(c.get("expirationDate").asText()).isEqualTo("2027-01-27");
        assertThat(c.get("validUntil").asText()).isEqualTo("2027-01-27");
        assertThat(c.get("quantity").decimalValue()).isEqualByComparingTo("500.25");
        assertThat(c.get("quantity").toString()).isEqualTo("500.25");
        assertThat(c.get("unit").asText()).isEqualTo("kg");
        assertThat(c.get("plant").get("name").asText()).isEqualTo("IL Lubricants, Plant 1");
        assertThat(c.get("plant").get("address").asText()).contains("Baytown");
        assertThat(c.get("testRound").asInt()).isEqualTo(1);
        assertThat(c.get("passed").asBoolean()).isTrue();
        assertThat(c.get("release").asText()).isEqualTo("released by a QA manager's signed release approval of this certificate's lab"
                + " results"); // wherever the document prints them (new user 2026-12-06 F4: "below" stood under them)

        JsonNode results = c.get("results");
        assertThat(results).hasSize(2);
        JsonNode viscosity = results.get(0);
        assertThat(viscosity.get("test").asText()).isEqualTo("viscosity");
        assertThat(viscosity.get("value").toString()).isEqualTo("248");
        assertThat(viscosity.get("unit").asText()).isEqualTo("cSt");
        assertThat(viscosity.get("min").toString()).isEqualTo("245");
        assertThat(viscosity.get("max").toString()).isEqualTo("255");
        assertThat(viscosity.get("limits").asText()).isEqualTo("245 – 255 cSt");
        assertThat(viscosity.get("result").asText()).isEqualTo("PASS");
        JsonNode flash = results.get(1);
        assertThat(flash.get("test").asText()).isEqualTo("flashPoint");
        assertThat(flash.get("value").toString()).isEqualTo("225");
        assertThat(flash.has("max")).isFalse();
        assertThat(flash.get("limits").asText()).isEqualTo("≥ 220 °C");
        assertThat(flash.get("passed").asBoolean()).isTrue();

        JsonNode signatures = c.get("signatures");
        assertThat(signatures).hasSize(2);
        JsonNode analyst = signatures.get(0);
        assertThat(analyst.get("role").asText()).isEqualTo("ANALYST");
        assertThat(analyst.get("userId").asText()).isEqualTo("sarah");
        assertThat(analyst.get("printedName").asText()).isEqualTo("Sarah Johnson");
        assertThat(analyst.get("meaning").asText()).isEqualTo("lab results recorded (test round 1)");
        assertThat(analyst.get("signedAt").asText()).isEqualTo(last(history, "LAB_RESULTS_RECORDED").get("at").asText());
        assertThat(analyst.get("signedAtText").asText()).matches("2025-01-\\d{2} \\d{2}:\\d{2} UTC");
        JsonNode approver = signatures.get(1);
        JsonNode signed = last(history, "RELEASE_APPROVED").get("detail").get("signature");
        assertThat(approver.get("role").asText()).isEqualTo("APPROVER");
        assertThat(approver.get("userId").asText()).isEqualTo("jennifer");
        assertThat(approver.get("printedName").asText()).isEqualTo("Jennifer Lee");
        assertThat(approver.get("meaning").asText()).isEqualTo("release approval");
        assertThat(java.time.Instant.parse(approver.get("signedAt").asText()))
                .isEqualTo(java.time.Instant.parse(signed.get("at").asText()));
        assertThat(approver.get("signedAtText").asText()).endsWith(" UTC");

        // the hand-out is in the history: who, for whom, in which format
        JsonNode provided = last(history(lot), "CERTIFICATE_PROVIDED");
        assertThat(provided.get("user").asText()).isEqualTo("tom");
        assertThat(provided.get("detail").get("coaNumber").asText()).isEqualTo(number);
        assertThat(provided.get("detail").get("customer").asText()).isEqualTo("Acme Manufacturing");
        assertThat(provided.get("detail").get("format").asText()).isEqualTo("JSON");

        // the content was fixed when issued: a renamed product, a changed lot and spec do not rewrite it
        jdbc.update("UPDATE product SET name = 'Renamed product' WHERE sku = ?", sku);
        jdbc.update("UPDATE lot SET expiration_date = DATE '2026-12-31' WHERE lot_number = ?", lot);
        Response again = api.get("sarah", "/api/lots/" + lot + "/coa");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(c);
        // tests share one database, and the audit check names a product changed behind its lots' back (ProductFingerprint)
        jdbc.update("UPDATE product SET name = ? WHERE sku = ?", "Test product " + sku, sku);
        JsonNode unnamed = last(history(lot), "CERTIFICATE_PROVIDED");
        assertThat(unnamed.get("user").asText()).isEqualTo("sarah");
        assertThat(unnamed.get("detail").has("customer")).isFalse();
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals)).hasSize(2);

        // by number, and listed in the lot view
        Response byNumber = api.get("jennifer", "/api/lots/" + lot + "/coa/" + number);
        assertThat(byNumber.status()).as(byNumber.toString()).isEqualTo(200);
        assertThat(byNumber.json()).isEqualTo(c);
        JsonNode listed = api.get("mike", "/api/lots/" + lot).json().get("certificates");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("coaNumber").asText()).isEqualTo(number);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("CURRENT");
    }

    @Test
    void thePdfCarriesTheCertificatesContent() throws IOException {
        String sku = api.createProduct("COAPDF");
        String lot = api.createLot(sku, new BigDecimal("400"), "2025-01-20");
        api.release(lot);
        String number = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();

        TestClient.Binary r = coa("tom", "/api/lots/" + lot + "/coa?customer=Metro Manufacturing", PDF);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.contentType()).startsWith(PDF);
        assertThat(new String(r.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        // a long product name may wrap after its hyphen, as the random SKU's letters' widths fall
        String text = pdfText(r).replace("-\n", "-");
        assertThat(text).contains("Certificate of Analysis", number, lot, "Test product " + sku, sku,
                "IL Lubricants, Plant 1", "1200 Refinery Road, Baytown, TX 77520, USA",
                "Manufacture Date", "2025-01-20", "Valid Until", "2027-01-20", "400 drums",
                "viscosity", "245 – 255 cSt", "248", "flashPoint", "≥ 220 °C", "225", "PASS",
                "Sarah Johnson (sarah)", "lab results recorded (test round 1)", "Jennifer Lee (jennifer)",
                "release approval", "UTC",
                "Test results (test round 1)", "all specifications met");
        assertThat(text).doesNotContain("FAIL", "SUPERSEDED");
        JsonNode provided = last(history(lot), "CERTIFICATE_PROVIDED");
        assertThat(provided.get("detail").get("format").asText()).isEqualTo("PDF");
        assertThat(provided.get("detail").get("customer").asText()).isEqualTo("Metro Manufacturing");
        // the same certificate, by number
        assertThat(pdfText(coa("sarah", "/api/lots/" + lot + "/coa/" + number, PDF))).contains(number, lot);

        // a customer written in Chinese: the font has no letter for it, so no PDF with '#' in its place is handed out
        // (406 naming Accept, nothing recorded); the JSON certificate carries it (auditor 2026-12-06 F3)
        long handedOut = types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals).count();
        TestClient.Binary chinese = coa("tom", "/api/lots/" + lot + "/coa?customer=\u4e2d\u6587\u516c\u53f8",
                PDF + ", application/problem+json");
        assertThat(chinese.status()).as(chinese.text()).isEqualTo(406);
        assertThat(chinese.text()).contains("\"field\":\"Accept\"").contains("U+4E2D")
                .contains("\u4e2d\u6587\u516c\u53f8").contains("Ask for it as JSON");
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals)).hasSize((int) handedOut);
        Response json = api.get("tom", "/api/lots/" + lot + "/coa?customer=\u4e2d\u6587\u516c\u53f8");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals)).hasSize((int) handedOut + 1);
        // Latin, Greek and Cyrillic print
        assertThat(pdfText(coa("tom", "/api/lots/" + lot + "/coa?customer=M\u00fcller \u03a9\u03bc\u03ad\u03b3\u03b1 \u0429\u0438\u0442", PDF)))
                .contains("M\u00fcller \u03a9\u03bc\u03ad\u03b3\u03b1 \u0429\u0438\u0442");
    }

    @Test
    void aLotWithoutACertificateAnswers409WithTheReason() {
        String sku = api.createProduct("COANO");
        String pending = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        Response r = api.get("tom", "/api/lots/" + pending + "/coa");
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("detail").asText()).contains(pending).contains("PENDING").contains("not finished");
        // a PDF request gets the same problem, not a 406
        TestClient.Binary asPdf = coa("tom", "/api/lots/" + pending + "/coa", PDF);
        assertThat(asPdf.status()).as(asPdf.text()).isEqualTo(409);
        assertThat(asPdf.contentType()).startsWith("application/problem+json");
        assertThat(asPdf.text()).contains("PENDING");

        String rejected = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        api.post("sarah", "/api/lots/" + rejected + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230))));
        String task = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + rejected
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        assertThat(api.post("jennifer", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", false), "comment", Map.of("value", "Retained sample missing"))))
                .status()).isEqualTo(204);
        api.executeJobs();
        Response none = api.get("sarah", "/api/lots/" + rejected + "/coa");
        assertThat(none.status()).as(none.toString()).isEqualTo(409);
        assertThat(none.json().get("detail").asText()).contains("REJECTED").contains("never released");
        assertThat(types(history(rejected))).doesNotContain("CERTIFICATE_ISSUED", "CERTIFICATE_PROVIDED");
        assertThat(api.get("mike", "/api/lots/" + rejected).json().has("certificates")).isFalse();
    }

    /**
     * Auditor 2026-12-06 G5: a lot whose expiration date had come (today, 2025-01-28) was released, certified
     * CURRENT and allocatable, and its certificate was still handed out as CURRENT after the expiry run marked it
     * EXPIRED. The decision is carried out and the lot expires at once, without a certificate. (A lot that expires
     * after its certificate was issued keeps it: the analysis vouched for it while it shipped; CertificateRulesTest.)
     */
    @Test
    void aLotReleasedOnOrAfterItsExpirationDateExpiresAtOnceWithoutACertificate() {
        String sku = api.createProduct("COAEXP");
        Response made = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 5, "manufactureDate",
                "2025-01-20", "expirationDate", "2025-01-29", "location", "Warehouse A"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String lot = made.json().get("lotNumber").asText();
        // its expiry comes while it waits for release (a lot expired when recorded is not created: F18)
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", lot);
        api.release(lot);
        JsonNode view = api.get("tom", "/api/lots/" + lot).json();
        assertThat(view.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(types(history(lot))).contains("CERTIFICATE_NOT_ISSUED").doesNotContain("CERTIFICATE_ISSUED");
        Response coa = api.get("tom", "/api/lots/" + lot + "/coa");
        assertThat(coa.status()).as(coa.toString()).isEqualTo(409);
        assertThat(coa.json().get("detail").asText()).contains("expiration date 2025-01-28 had come");
    }

    @Test
    void onlySalesAndQaReadCertificatesAndBadRequestsNameTheField() {
        String sku = api.createProduct("COARIGHTS");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        String path = "/api/lots/" + lot + "/coa";
        // an administrator outside sales and QA hands out none: it would be a record in his name (auditor F2)
        for (String user : List.of("mike", "rachel", "demo")) {
            Response refused = api.get(user, path);
            assertThat(refused.status()).as(user + ": " + refused).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api.get("demo", path).json().get("detail").asText()).contains("hand out a certificate of analysis");
        for (String user : List.of("tom", "sarah", "jennifer")) {
            assertThat(api.get(user, path).status()).as(user).isEqualTo(200);
        }
        // he still reads the lot's certificates without handing one out
        assertThat(api.get("demo", "/api/lots/" + lot).json().get("certificates")).isNotEmpty();
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals)).hasSize(3);
        assertThat(api.get("tom", "/api/lots/NO-SUCH-LOT/coa").status()).isEqualTo(404);

        Response longCustomer = api.get("tom", path + "?customer=" + "x".repeat(201));
        assertThat(longCustomer.status()).isEqualTo(400);
        assertThat(longCustomer.json().get("field").asText()).isEqualTo("customer");
        Response controlCharacter = api.get("tom", path + "?customer=Acme\nInc");
        assertThat(controlCharacter.status()).isEqualTo(400);
        assertThat(controlCharacter.json().get("field").asText()).isEqualTo("customer");
        Response malformed = api.get("tom", path + "/COA-25-1");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("field").asText()).isEqualTo("coaNumber");
        assertThat(api.get("tom", path + "/COA-1999-0001").status()).isEqualTo(404);
        // refusals hand out nothing
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals)).hasSize(3);
    }

    @Test
    void theCustomerOfAHandOutIsReadAsAnOrderReadsItsCustomer() {
        // auditor round 22 L1: "Acme  Corp" was kept with its two spaces, where an order keeps "Acme Corp"
        String sku = api.createProduct("COAC");
        String lot = api.releasedLot(sku, new BigDecimal("10"), "2025-01-20");
        String placed = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-COAC-1", "customer", "Acme  Corp",
                "sku", sku, "quantity", 1)).json().get("customer").asText();
        assertThat(placed).isEqualTo("Acme Corp");

        Response r = api.get("tom", "/api/lots/" + lot + "/coa?customer= Acme   Corp ");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(last(history(lot), "CERTIFICATE_PROVIDED").get("detail").get("customer").asText())
                .isEqualTo(placed);

        // a tab is refused as in an order's customer, not folded away; nothing is handed out
        int handedOut = (int) types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals).count();
        Response tab = api.get("tom", "/api/lots/" + lot + "/coa?customer=Acme\tCorp");
        assertThat(tab.status()).as(tab.toString()).isEqualTo(400);
        assertThat(tab.json().get("field").asText()).isEqualTo("customer");
        assertThat(tab.json().get("detail").asText()).contains("a tab");
        Response edgeTab = api.get("tom", "/api/lots/" + lot + "/coa?customer=Acme Corp\t");
        assertThat(edgeTab.status()).as(edgeTab.toString()).isEqualTo(400);
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals)).hasSize(handedOut);
    }

    @Test
    void aLotReleasedAgainAfterQuarantineGetsANewCertificateThatSupersedesTheOld() throws IOException {
        String sku = api.createProduct("COAQ");
        String lot = api.releasedLot(sku, new BigDecimal("300"), "2025-01-20");
        String first = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();

        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Viscosity complaint",
                "source", "COMPLAINT", "reference", "CC-2025-014")).status()).isEqualTo(202);
        Response held = api.get("tom", "/api/lots/" + lot + "/coa");
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().get("detail").asText()).contains("QUARANTINE").contains(first)
                .contains("put on hold on 2025-01-28");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("certificates").get(0).get("status").asText())
                .isEqualTo("WITHDRAWN");
        assertThat(held.json().get("coaNumber").asText()).isEqualTo(first);
        // nor by its number while the lot is held: the current certificate vouches for the lot as it is now
        assertThat(api.get("jennifer", "/api/lots/" + lot + "/coa/" + first).status()).isEqualTo(409);

        String investigate = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json().get(0).get("id").asText();
        Map<String, Object> findings = new HashMap<>();
        findings.put("findings", Map.of("value", "Retained sample retested at 249 cSt; customer storage issue"));
        findings.put("rootCause", Map.of("value", "Storage at the customer site"));
        findings.put("retainedSampleResults", Map.of("value", "viscosity = 249 cSt"));
        Response investigated = api.post("sarah", "/engine-rest/task/" + investigate + "/submit-form",
                Map.of("variables", findings));
        assertThat(investigated.status()).as(investigated.toString()).isEqualTo(204);
        Response signed = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "Retained samples within specification", "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");

        JsonNode current = api.get("tom", "/api/lots/" + lot + "/coa").json();
        String second = current.get("coaNumber").asText();
        assertThat(second).isNotEqualTo(first).matches("COA-2025-\\d{4}");
        assertThat(Integer.parseInt(second.substring(9))).isGreaterThan(Integer.parseInt(first.substring(9)));
        assertThat(current.get("status").asText()).isEqualTo("CURRENT");
        assertThat(current.get("supersedes").asText()).isEqualTo(first);
        // fixed wording: the justification stays in the audit trail, not on a customer's certificate (new user U2)
        assertThat(current.get("release").asText()).isEqualTo("released by a QA manager's signed disposition after a"
                + " quality hold and its investigation").doesNotContain("Retained samples");
        JsonNode approver = current.get("signatures").get(1);
        assertThat(approver.get("printedName").asText()).isEqualTo("Jennifer Lee");
        assertThat(approver.get("meaning").asText()).isEqualTo("quarantine disposition: RELEASE");
        // the results are still those the lab release recorded
        assertThat(current.get("results").get(0).get("value").toString()).isEqualTo("248");
        assertThat(current.get("signatures").get(0).get("printedName").asText()).isEqualTo("Sarah Johnson");

        JsonNode old = api.get("tom", "/api/lots/" + lot + "/coa/" + first).json();
        assertThat(old.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(old.get("supersededBy").asText()).isEqualTo(second);
        assertThat(old.get("signatures").get(1).get("meaning").asText()).isEqualTo("release approval");
        assertThat(pdfText(coa("tom", "/api/lots/" + lot + "/coa/" + first, PDF)))
                .contains("SUPERSEDED by " + second);

        JsonNode listed = api.get("mike", "/api/lots/" + lot).json().get("certificates");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).get("coaNumber").asText()).isEqualTo(first);
        assertThat(listed.get(0).get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(listed.get(1).get("coaNumber").asText()).isEqualTo(second);
        assertThat(listed.get(1).get("status").asText()).isEqualTo("CURRENT");
        JsonNode issued = last(history(lot), "CERTIFICATE_ISSUED");
        assertThat(issued.get("detail").get("supersedes").asText()).isEqualTo(first);
    }

    private void holdAndInvestigate(String lot, String reason) {
        Response held = api.post("sarah", "/api/lots/" + lot + "/holds", Map.of("reason", reason, "source",
                "COMPLAINT", "reference", "Deli Corner"));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        String investigate = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json().get(0).get("id").asText();
        Response investigated = api.post("sarah", "/engine-rest/task/" + investigate + "/submit-form",
                Map.of("variables", Map.of("findings", Map.of("value", "Mould confirmed in the retained sample"))));
        assertThat(investigated.status()).as(investigated.toString()).isEqualTo(204);
    }

    private Response signReject(String lot) {
        return api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "REJECT",
                "justification", "Mould confirmed", "password", "jennifer"));
    }

    /** The certificate is refused (409 problem+json, every address and format) and no hand-out is recorded. */
    private void refused(String lot, String coaNumber, String... why) {
        int provided = (int) types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals).count();
        Response json = api.get("tom", "/api/lots/" + lot + "/coa?customer=Deli%20Corner");
        assertThat(json.status()).as(json.toString()).isEqualTo(409);
        assertThat(json.isProblem()).isTrue();
        assertThat(json.json().get("coaNumber").asText()).isEqualTo(coaNumber);
        assertThat(json.json().get("detail").asText()).contains(coaNumber).contains(lot).contains("is withdrawn")
                .contains("no longer vouches for it").contains(why);
        TestClient.Binary pdf = coa("tom", "/api/lots/" + lot + "/coa?customer=Deli%20Corner", PDF);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(409);
        assertThat(pdf.contentType()).startsWith("application/problem+json");
        assertThat(api.get("sarah", "/api/lots/" + lot + "/coa/" + coaNumber).status()).isEqualTo(409);
        assertThat(coa("jennifer", "/api/lots/" + lot + "/coa/" + coaNumber, PDF).status()).isEqualTo(409);
        assertThat(types(history(lot)).stream().filter("CERTIFICATE_PROVIDED"::equals).count())
                .as("no hand-out recorded").isEqualTo(provided);
        // listed as WITHDRAWN with the reason, never as CURRENT
        JsonNode listed = api.get("mike", "/api/lots/" + lot).json().get("certificates");
        JsonNode line = listed.get(listed.size() - 1);
        assertThat(line.get("coaNumber").asText()).isEqualTo(coaNumber);
        assertThat(line.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(line.get("withdrawnBecause").asText()).contains(why[0]);
    }

    /**
     * Audit 26 F2: a lot QA rejected after a complaint was archived by {@code lotArchiving} (REJECTED -> ARCHIVED),
     * and from then its certificate was handed out as CURRENT again, JSON and PDF, recorded as provided. Decided from
     * the lot's record, it stays withdrawn.
     */
    @Test
    void anArchivedRejectedLotsCertificateStaysWithdrawn() {
        String sku = api.createProduct("COARJ");
        String lot = api.releasedLot(sku, new BigDecimal("20"), "2025-01-20");
        String coaNumber = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();
        holdAndInvestigate(lot, "Customer reports mould");
        Response signed = signReject(lot);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("REJECTED");
        refused(lot, coaNumber, "signed the lot's rejection on 2025-01-28");

        // retention passed: archived as lotArchiving's archiveLots step sets it (LotArchiving.archive)
        lotService.changeStatus(lotService.get(lot), org.lotflow.lot.LotStatus.ARCHIVED, "Retention passed",
                Map.of(), "jennifer");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("ARCHIVED");
        refused(lot, coaNumber, "signed the lot's rejection on 2025-01-28", "ARCHIVED");
    }

    /**
     * Audit 26 F3 point 1: a lot held on a complaint whose expiration date passed during the hold was set EXPIRED by
     * the expiry run, and its certificate was handed out as CURRENT while the hold was open, and after a signed REJECT
     * too. Withdrawn from the hold on; the reason names the rejection once signed.
     */
    @Test
    void aHeldLotThatExpiresDuringTheHoldHandsOutNoCertificateBeforeOrAfterASignedReject() {
        String sku = api.createProduct("COAHX");
        Response made = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 20, "manufactureDate",
                "2025-01-20", "expirationDate", "2025-03-03", "location", "Cold room"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String lot = made.json().get("lotNumber").asText();
        api.release(lot);
        String coaNumber = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();
        holdAndInvestigate(lot, "Customer reports mould");
        refused(lot, coaNumber, "put on hold on 2025-01-28", "QUARANTINE");

        // the expiration date passes while the hold is open, and the expiry run runs
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", lot);
        expiry.markExpired();
        refused(lot, coaNumber, "put on hold on 2025-01-28 and no QA manager has signed its release since");

        Response signed = signReject(lot);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        refused(lot, coaNumber, "a QA manager signed the lot's rejection on 2025-01-28");
    }

    /** A lot that only expired keeps its certificate: a customer who received the goods may ask for it again. */
    @Test
    void aLotThatOnlyExpiredStillHandsOutItsCertificate() {
        String sku = api.createProduct("COAOX");
        String lot = api.releasedLot(sku, new BigDecimal("5"), "2025-01-20");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", lot);
        expiry.markExpired();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("EXPIRED");
        Response coa = api.get("tom", "/api/lots/" + lot + "/coa?customer=Deli%20Corner");
        assertThat(coa.status()).as(coa.toString()).isEqualTo(200);
        assertThat(coa.json().get("status").asText()).isEqualTo("CURRENT");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("certificates").get(0).get("status").asText())
                .isEqualTo("CURRENT");
    }

    @Test
    void anOutOfSpecificationReleaseCertifiesTheFailedValueAndTheSignedDecision() {
        String sku = api.createProduct("COAOOS");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 232), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        assertThat(complete("jennifer", lot, "investigateLabError", Map.of("labConclusion", "CONFIRMED",
                "findings", "no laboratory error"))).isEqualTo(204);
        assertThat(complete("jennifer", lot, "investigateProduction", Map.of("findings",
                "Specification limit under change control CC-2025-12"))).isEqualTo(204);
        assertThat(api.get("tom", "/api/lots/" + lot + "/coa").status()).isEqualTo(409);
        // jennifer investigated both phases: she may not sign the release (auditor 2026-12-05 F20); anna may
        assertThat(complete("jennifer", lot, "decideOutOfSpecification", Map.of("oosDecision", "RELEASE",
                "comment", "Released under CC-2025-12 with the customer's written agreement"))).isEqualTo(403);
        assertThat(complete(api.secondQaManager(), lot, "decideOutOfSpecification", Map.of("oosDecision", "RELEASE",
                "comment", "Released under CC-2025-12 with the customer's written agreement"))).isEqualTo(204);
        api.executeJobs();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");

        JsonNode c = api.get("tom", "/api/lots/" + lot + "/coa").json();
        assertThat(c.get("passed").asBoolean()).isFalse();
        JsonNode viscosity = c.get("results").get(0);
        assertThat(viscosity.get("value").toString()).isEqualTo("232");
        assertThat(viscosity.get("result").asText()).isEqualTo("FAIL");
        assertThat(c.get("results").get(1).get("result").asText()).isEqualTo("PASS");
        assertThat(c.get("release").asText()).isEqualTo("released on a QA manager's signed decision after an"
                + " out-of-specification investigation");
        JsonNode approver = c.get("signatures").get(1);
        assertThat(approver.get("userId").asText()).isEqualTo(api.secondQaManager());
        assertThat(approver.get("meaning").asText()).isEqualTo("OOS release");
        assertThat(c.get("signatures").get(0).get("userId").asText()).isEqualTo("sarah");
    }

    @Test
    void unidentifiedStockIsReleasedOnlyOnPassingLabResultsAndThenGetsItsCertificate() {
        // auditor 2026-12-05 F15: unidentified stock used to be released by its disposition with no lab results
        String sku = api.createProduct("COAUNID");
        Response created = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 40, "manufactureDate",
                "2025-01-10", "location", "Warehouse B, dock 2", "source", "UNIDENTIFIED_STOCK"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String lot = created.json().get("lotNumber").asText();
        assertThat(complete("sarah", lot, "investigateLot", Map.of("findings", "Identified by its drum labels",
                "rootCause", "Labels torn in transit", "retainedSampleResults", "# none taken"))).isEqualTo(204);
        Map<String, Object> release = Map.of("decision", "RELEASE", "justification",
                "Identified; tested against the specification", "password", "jennifer");
        Response untested = api.post("jennifer", "/api/lots/" + lot + "/disposition", release);
        assertThat(untested.status()).as(untested.toString()).isEqualTo(409);
        assertThat(untested.json().get("detail").asText()).isEqualTo("Lot " + lot + " was never released and has no"
                + " valid lab results: a QA analyst records them first (the lot's page in the lotflow Console, Record"
                + " lab results; or POST /api/lots/" + lot + "/lab-results), then release it, or reject it");
        assertThat(history(lot).findValuesAsText("type")).as("nothing signed").doesNotContain("DISPOSITION_SIGNED");

        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 226))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(last(history(lot), "LAB_RESULTS_RECORDED").get("reason").asText()).contains("held lot, never"
                + " released");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 251), Map.of("test", "flashPoint", "value", 226))))
                .status()).as("recorded once").isEqualTo(409);
        Response signed = api.post("jennifer", "/api/lots/" + lot + "/disposition", release);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        JsonNode c = api.get("tom", "/api/lots/" + lot + "/coa").json();
        assertThat(c.get("passed").asBoolean()).isTrue();
        assertThat(c.get("results").get(0).get("value").toString()).isEqualTo("250");
    }

    /** An out-of-specification result of a held lot never released opens no OOS investigation: it is rejected. */
    @Test
    void unidentifiedStockOutOfSpecificationIsNotReleasedByItsDisposition() {
        String sku = api.createProduct("COAUNOOS");
        String lot = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 40, "manufactureDate",
                "2025-01-10", "location", "Warehouse B, dock 2", "source", "UNIDENTIFIED_STOCK")).json()
                .get("lotNumber").asText();
        assertThat(complete("sarah", lot, "investigateLot", Map.of("findings", "Unlabelled drums",
                "rootCause", "Unknown", "retainedSampleResults", "# none taken"))).isEqualTo(204);
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 232), Map.of("test", "flashPoint", "value", 226))))
                .status()).isEqualTo(200);
        Response refused = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "x", "password", "jennifer"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("out of specification (viscosity = 232)",
                "cannot be released by its disposition; reject it");
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "REJECT",
                "justification", "Out of specification", "password", "jennifer")).status()).isEqualTo(200);
        api.executeJobs();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    void theApiDocsDescribeBothFormatsAndTheRefusals() {
        JsonNode paths = api.get("tom", "/v3/api-docs").json().get("paths");
        JsonNode current = paths.get("/api/lots/{lotNumber}/coa").get("get");
        assertThat(current.get("summary").asText()).contains("certificate of analysis");
        assertThat(current.get("responses").get("200").get("content").has("application/json")).isTrue();
        assertThat(current.get("responses").get("200").get("content").has(PDF)).isTrue();
        assertThat(current.get("responses").fieldNames()).toIterable().contains("400", "403", "404", "409");
        assertThat(current.get("parameters").findValuesAsText("name")).contains("lotNumber", "customer");
        JsonNode byNumber = paths.get("/api/lots/{lotNumber}/coa/{coaNumber}").get("get");
        assertThat(byNumber.get("responses").get("200").get("content").has(PDF)).isTrue();
        // the current certificate of a held, rejected or recalled lot is refused by its number too
        assertThat(byNumber.get("responses").fieldNames()).toIterable().contains("400", "403", "404", "409");
    }

    private int complete(String user, String lot, String key, Map<String, Object> variables) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot + "&taskDefinitionKey="
                + key).json();
        assertThat(tasks).as("open " + key + " of " + lot).hasSize(1);
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                Map.of("variables", vars)).status();
    }
}
