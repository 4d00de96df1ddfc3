package org.lotflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Audit (21 CFR 11, Annex 11) of the certificates of analysis: attacks on who signs, when a certificate is
 * handed out, the {@code customer} parameter, numbering, and JSON/PDF agreement. Enabled tests are attacks
 * that were refused (they guard the behaviour); {@code @Disabled} ones are findings.
 */
@ApiTest
class CertificateAuditTest {

    static final String PDF = "application/pdf";

    @Autowired
    TestClient api;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    private Response as(String user, HttpMethod method, String path, Object body) {
        return api.call(user, user, method, path, body, "application/json");
    }

    private static Map<String, Object> vars(Object... nameValue) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            vars.put((String) nameValue[i], Map.of("value", nameValue[i + 1]));
        }
        return Map.of("variables", vars);
    }

    private String task(String user, String lot, String key) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot + "&taskDefinitionKey="
                + key).json();
        assertThat(tasks).as(key + " of " + lot).isNotEmpty();
        return tasks.get(0).get("id").asText();
    }

    private void recordLab(String lot, int viscosity) {
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", viscosity), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
    }

    private JsonNode history(String lot) {
        return api.get("jennifer", "/api/lots/" + lot + "/history").json();
    }

    private static JsonNode last(JsonNode history, String type) {
        JsonNode found = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals(type)) {
                found = e;
            }
        }
        return found;
    }

    private static String pdfText(TestClient.Binary r) throws IOException {
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        try (PDDocument doc = Loader.loadPDF(r.body())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static int seq(String coaNumber) {
        return Integer.parseInt(coaNumber.substring(coaNumber.lastIndexOf('-') + 1));
    }

    // --- held: signers cannot be forged through the engine --------------------------------------

    @Test
    void signersForgedThroughCamundaVariablesAreRefusedAndTheCertificateNamesTheRealOnes() {
        String lot = api.createLot(api.createProduct("AUDCOA"), new BigDecimal("100"), "2025-01-20");
        recordLab(lot, 248);
        String taskId = task("jennifer", lot, "approveRelease");
        String pi = api.get("jennifer", "/engine-rest/task/" + taskId).json().get("processInstanceId").asText();
        Map<String, Object> demo = Map.of("value", "demo", "type", "String");

        for (String name : List.of("approvedBy", "releasedBy", "labRecordedBy", "analyst", "approver", "printedName")) {
            Response complete = as("jennifer", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                    vars("approved", true, "comment", "ok", name, "demo"));
            assertThat(complete.status()).as(name + ": " + complete).isEqualTo(400);
            Response submit = as("jennifer", HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                    vars("approved", true, "comment", "ok", name, "demo"));
            assertThat(submit.status()).as(name + ": " + submit).isEqualTo(400);
            assertThat(as("jennifer", HttpMethod.PUT, "/engine-rest/task/" + taskId + "/localVariables/" + name, demo)
                    .status()).as(name).isEqualTo(403);
            assertThat(as("demo", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/" + name, demo)
                    .status()).as(name).isEqualTo(403);
            assertThat(as("demo", HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/variables",
                    Map.of("modifications", Map.of(name, demo))).status()).as(name).isEqualTo(403);
        }
        // skipping the approval by starting the process at releaseLot is refused too
        assertThat(as("demo", HttpMethod.POST, "/engine-rest/process-instance/" + pi + "/modification",
                Map.of("instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "releaseLot"))))
                .status()).isEqualTo(403);
        assertThat(api.get("tom", "/api/lots/" + lot + "/coa").status()).isEqualTo(409);

        Response approved = as("jennifer", HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                vars("approved", true, "comment", "all specifications met"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        api.executeJobs();
        JsonNode c = api.get("tom", "/api/lots/" + lot + "/coa").json();
        assertThat(c.get("signatures").get(0).get("userId").asText()).isEqualTo("sarah");
        assertThat(c.get("signatures").get(1).get("userId").asText()).isEqualTo("jennifer");
        assertThat(c.toString()).doesNotContain("\"demo\"");
    }

    // --- held: the customer parameter is data, never markup or template -------------------------

    @Test
    void aHostileCustomerIsRecordedAndPrintedVerbatimAndNeverInterpreted() throws IOException {
        String lot = api.releasedLot(api.createProduct("AUDCUST"), new BigDecimal("100"), "2025-01-20");
        // (RestClient encodes the query; no '&', '+' or braces so that it arrives as written)
        String hostile = "=HYPERLINK(\"http://evil\")<b>x</b></td></tr><script>alert(1337*3)</script>[[1337*3]]";
        String query = "?customer=" + hostile;

        JsonNode json = api.get("tom", "/api/lots/" + lot + "/coa" + query).json();
        TestClient.Binary pdf = api.download("tom", "/api/lots/" + lot + "/coa" + query, PDF);
        String text = pdfText(pdf);
        // printed as the text it is, "Provided to" (new user 2026-12-06 D13), never evaluated nor taken as markup
        String joined = text.replace("\r", "").replace("\n", "");
        assertThat(joined).contains("Provided to").contains("<b>x</b>").contains("<script>alert(1337*3)</script>")
                .contains("[[1337*3]]");
        assertThat(text).doesNotContain("4011");
        assertThat(text).contains(json.get("coaNumber").asText());
        JsonNode provided = last(history(lot), "CERTIFICATE_PROVIDED");
        assertThat(provided.get("detail").get("customer").asText()).isEqualTo(hostile);
        assertThat(provided.get("detail").get("format").asText()).isEqualTo("PDF");
        // the stored certificate did not take the customer in
        assertThat(api.get("sarah", "/api/lots/" + lot + "/coa").json().toString()).doesNotContain("HYPERLINK");
    }

    /** Re-test 2026-12-07 F6: a customer on record typed in other capitals is provided to under its name on record. */
    @Test
    void aCustomerOnRecordIsProvidedToUnderItsNameOnRecord() throws IOException {
        String sku = api.createProduct("AUDONE");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        String name = "Zeta Labs " + org.lotflow.support.TestUsers.letters(java.util.UUID.randomUUID().toString()
                .substring(0, 6)).toUpperCase();
        assertThat(api.post("tom", "/api/orders", java.util.Map.of("orderNumber", "SO-ONE-" + java.util.UUID.randomUUID()
                .toString().substring(0, 8).toUpperCase(), "customer", name, "sku", sku, "quantity", 1)).status()).isEqualTo(201);
        String query = "?customer=" + name.toUpperCase();
        api.get("tom", "/api/lots/" + lot + "/coa" + query);
        assertThat(last(history(lot), "CERTIFICATE_PROVIDED").get("detail").get("customer").asText()).isEqualTo(name);
        assertThat(pdfText(api.download("tom", "/api/lots/" + lot + "/coa" + query, PDF)).replace("\n", " "))
                .contains(name);
    }

    // --- held: every figure of the JSON is in the PDF -------------------------------------------

    @Test
    void thePdfPrintsEveryFactOfTheJsonForAnOosRelease() throws IOException {
        // in kg: 123.45 printed as recorded (drums are counted whole: audit 28 F2)
        String lot = api.createLot(api.createProduct("AUDAGREE", "kg"), new BigDecimal("123.4500"), "2025-01-20");
        recordLab(lot, 232);
        assertThat(as("jennifer", HttpMethod.POST, "/engine-rest/task/" + task("jennifer", lot, "investigateLabError")
                + "/submit-form", vars("labConclusion", "CONFIRMED", "findings", "no lab error")).status())
                .isEqualTo(204);
        assertThat(as("jennifer", HttpMethod.POST, "/engine-rest/task/" + task("jennifer", lot, "investigateProduction")
                + "/submit-form", vars("findings", "limit under change control")).status()).isEqualTo(204);
        // a QA manager who investigated neither phase signs the release (auditor 2026-12-05 F20)
        String reviewer = api.secondQaManager();
        assertThat(as(reviewer, HttpMethod.POST, "/engine-rest/task/" + task(reviewer, lot,
                "decideOutOfSpecification") + "/submit-form", vars("oosDecision", "RELEASE", "comment",
                "customer agreed")).status()).isEqualTo(204);
        api.executeJobs();

        JsonNode c = api.get("tom", "/api/lots/" + lot + "/coa").json();
        String text = pdfText(api.download("tom", "/api/lots/" + lot + "/coa", PDF)).replace('\n', ' ');
        assertThat(text).contains(c.get("coaNumber").asText(), c.get("lotNumber").asText(), c.get("sku").asText(),
                c.get("issueDate").asText(), c.get("validUntil").asText(), c.get("manufactureDate").asText(),
                c.get("quantity").decimalValue().toPlainString() + " kg", "123.45 kg", "FAIL", "232",
                "not all specifications met");
        for (JsonNode s : c.get("signatures")) {
            assertThat(text).contains(s.get("printedName").asText(), s.get("signedAtText").asText(),
                    s.get("meaning").asText());
            // the time as every screen writes it, "2025-01-28 09:00 UTC" (new user round 24 N4)
            assertThat(s.get("signedAtText").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        }
        for (JsonNode r : c.get("results")) {
            assertThat(text).contains(r.get("test").asText(), r.get("limits").asText(), r.get("value").toString(),
                    r.get("result").asText());
        }
    }

    // --- held: numbers run on without gaps; a release without a certificate takes none ----------

    @Test
    void numbersRunOnWithoutAGapAcrossARefusedRelease() {
        String sku = api.createProduct("AUDNUM");
        String first = api.releasedLot(sku, new BigDecimal("10"), "2025-01-20");
        String a = api.get("tom", "/api/lots/" + first + "/coa").json().get("coaNumber").asText();

        Response created = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 40, "manufactureDate",
                "2025-01-10", "location", "Warehouse B, dock 2", "source", "UNIDENTIFIED_STOCK"));
        String unidentified = created.json().get("lotNumber").asText();
        assertThat(as("sarah", HttpMethod.POST, "/engine-rest/task/" + task("sarah", unidentified, "investigateLot")
                + "/submit-form", vars("findings", "labels", "rootCause", "torn", "retainedSampleResults", "# none"))
                .status()).isEqualTo(204);
        // refused without lab results (auditor 2026-12-05 F15): the refusal takes no number
        assertThat(api.post("jennifer", "/api/lots/" + unidentified + "/disposition", Map.of("decision", "RELEASE",
                "justification", "identified", "password", "jennifer")).status()).isEqualTo(409);

        String second = api.releasedLot(sku, new BigDecimal("10"), "2025-01-20");
        String b = api.get("tom", "/api/lots/" + second + "/coa").json().get("coaNumber").asText();
        assertThat(seq(b)).isEqualTo(seq(a) + 1);
        recordLab(unidentified, 250);
        assertThat(api.post("jennifer", "/api/lots/" + unidentified + "/disposition", Map.of("decision", "RELEASE",
                "justification", "identified and tested", "password", "jennifer")).status()).isEqualTo(200);
        api.executeJobs();
        String c = api.get("tom", "/api/lots/" + unidentified + "/coa").json().get("coaNumber").asText();
        assertThat(seq(c)).isEqualTo(seq(b) + 1);
    }

    // --- held: non-readers get nothing, not even by number, and nothing is recorded -------------

    @Test
    void nonReadersGetNoCertificateInAnyFormatNorByNumber() {
        String lot = api.releasedLot(api.createProduct("AUDREAD"), new BigDecimal("10"), "2025-01-20");
        String number = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();
        int handedOut = api.get("jennifer", "/api/lots/" + lot + "/history").json().findValuesAsText("type")
                .stream().filter("CERTIFICATE_PROVIDED"::equals).toList().size();
        for (String user : List.of("mike", "rachel")) {
            assertThat(api.get(user, "/api/lots/" + lot + "/coa/" + number).status()).as(user).isEqualTo(403);
            assertThat(api.download(user, "/api/lots/" + lot + "/coa", PDF).status()).as(user).isEqualTo(403);
            assertThat(api.download(user, "/api/lots/" + lot + "/coa/" + number, PDF).status()).as(user)
                    .isEqualTo(403);
        }
        assertThat(api.call(null, null, HttpMethod.GET, "/api/lots/" + lot + "/coa", null, "application/json")
                .status()).isEqualTo(401);
        assertThat(api.get("jennifer", "/api/lots/" + lot + "/history").json().findValuesAsText("type").stream()
                .filter("CERTIFICATE_PROVIDED"::equals).toList()).hasSize(handedOut);
    }

    // --- held: a recalled lot's certificate is refused at /coa ---------------------------------

    @Test
    void aRecalledLotHasNoCurrentCertificateToHandOut() {
        String lot = api.releasedLot(api.createProduct("AUDRCL"), new BigDecimal("20"), "2025-01-10");
        assertThat(api.get("tom", "/api/lots/" + lot + "/coa").status()).isEqualTo(200);
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "Contamination",
                "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        api.executeJobs();
        Response r = api.get("tom", "/api/lots/" + lot + "/coa");
        assertThat(r.status()).as(r.toString()).isEqualTo(409);
        assertThat(r.json().get("detail").asText()).contains("RECALLED");
        assertThat(api.download("tom", "/api/lots/" + lot + "/coa", PDF).status()).isEqualTo(409);
    }

    // --- held: after a LAB_ERROR the certificate carries the retest, never the invalidated round -

    @Test
    void aRetestAfterALabErrorIsWhatTheCertificateCarries() throws IOException {
        String lot = api.createLot(api.createProduct("AUDRETEST"), new BigDecimal("10"), "2025-01-20");
        invalidatedRound(lot);
        recordLab(lot, 249);
        assertThat(as("jennifer", HttpMethod.POST, "/engine-rest/task/" + task("jennifer", lot, "approveRelease")
                + "/complete", vars("approved", true, "comment", "retest within specification")).status())
                .isEqualTo(204);
        api.executeJobs();

        JsonNode c = api.get("tom", "/api/lots/" + lot + "/coa").json();
        assertThat(c.get("testRound").asInt()).isEqualTo(2);
        assertThat(c.get("passed").asBoolean()).isTrue();
        assertThat(c.get("results").toString()).contains("249").doesNotContain("232");
        JsonNode analyst = c.get("signatures").get(0);
        assertThat(analyst.get("meaning").asText()).isEqualTo("lab results recorded (test round 2)");
        assertThat(analyst.get("signedAt").asText()).isEqualTo(last(history(lot), "LAB_RESULTS_RECORDED")
                .get("at").asText());
        String text = pdfText(api.download("tom", "/api/lots/" + lot + "/coa", PDF));
        assertThat(text).contains("test round 2", "249", "all specifications met").doesNotContain("232", "FAIL");
    }

    // --- findings: a lab release cancelled in the engine after a LAB_ERROR, then a disposition -

    /** Records an OOS result, ends its laboratory investigation by LAB_ERROR (round 1 invalid), answers the
     * lab release's process instance id. */
    private String invalidatedRound(String lot) {
        recordLab(lot, 232);
        // a second QA manager invalidates the round, so that jennifer may sign the release of the retest (B7)
        String anna = api.secondQaManager();
        assertThat(as(anna, HttpMethod.POST, "/engine-rest/task/" + task(anna, lot, "investigateLabError")
                + "/submit-form", vars("labConclusion", "LAB_ERROR", "findings", "Viscometer bath at 38 °C")).status())
                .isEqualTo(204);
        return api.get("demo", "/engine-rest/process-instance?businessKey=" + lot).json().get(0).get("id").asText();
    }

    @Test
    void cancellingALabReleaseIsRefusedOrRecordedInTheLotsHistory() {
        String lot = api.createLot(api.createProduct("AUDCANCEL"), new BigDecimal("10"), "2025-01-20");
        String pi = invalidatedRound(lot);
        int before = history(lot).size();
        Response cancelled = as("demo", HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null);
        if (cancelled.status() == 204) {
            assertThat(history(lot).size()).as("an event for the cancelled lab release of " + lot)
                    .isGreaterThan(before);
        } else {
            assertThat(cancelled.status()).isEqualTo(403);
        }
    }

    @Test
    void aCertificateNeverCarriesTheValuesOfAnInvalidatedRound() throws IOException {
        String lot = api.createLot(api.createProduct("AUDINV"), new BigDecimal("10"), "2025-01-20");
        String pi = invalidatedRound(lot);
        // the REST surface refuses it (cancellingALabRelease...); an administrator on the engine's Java API
        // still can, and then no certificate may carry the invalidated round
        runtimeService.deleteProcessInstance(pi, "administrator on the Java API");
        Response hold = api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Release stuck",
                "source", "COMPLAINT"));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(202);
        assertThat(as("sarah", HttpMethod.POST, "/engine-rest/task/" + task("sarah", lot, "investigateLot")
                + "/submit-form", vars("findings", "f", "rootCause", "r", "retainedSampleResults", "# none")).status())
                .isEqualTo(204);
        Map<String, Object> release = Map.of("decision", "RELEASE", "justification", "Release", "password",
                "jennifer");
        // its only round is invalid: never released, it is released only on a valid passing retest (F15)
        Response untested = api.post("jennifer", "/api/lots/" + lot + "/disposition", release);
        assertThat(untested.status()).as(untested.toString()).isEqualTo(409);
        assertThat(untested.json().get("detail").asText()).contains("has no valid lab results");
        recordLab(lot, 249);
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/disposition", release).status()).isEqualTo(200);
        api.executeJobs();

        Response coa = api.get("tom", "/api/lots/" + lot + "/coa");
        assertThat(coa.status()).as(coa.toString()).isEqualTo(200);
        assertThat(coa.json().get("testRound").asInt()).isEqualTo(2);
        assertThat(coa.json().get("results").toString()).as("values of the invalidated round 1")
                .doesNotContain("232").contains("249");
        assertThat(pdfText(api.download("tom", "/api/lots/" + lot + "/coa", PDF)))
                .doesNotContain("after an out-of-specification investigation");
    }

    @Test
    void nobodyButAnAdministratorCancelsOrSuspendsALabRelease() {
        String lot = api.createLot(api.createProduct("AUDWHO"), new BigDecimal("10"), "2025-01-20");
        String pi = invalidatedRound(lot);
        for (String user : List.of("sarah", "tom", "mike", "rachel", "jennifer")) {
            assertThat(as(user, HttpMethod.DELETE, "/engine-rest/process-instance/" + pi, null).status()).as(user)
                    .isEqualTo(403);
            assertThat(as(user, HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended",
                    Map.of("suspended", true)).status()).as(user).isEqualTo(403);
            assertThat(as(user, HttpMethod.POST, "/engine-rest/process-instance/delete", Map.of("processInstanceIds",
                    List.of(pi), "deleteReason", "x")).status()).as(user).isEqualTo(403);
        }
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "x", "source", "COMPLAINT"))
                .status()).as("the running lab release owns the lot").isEqualTo(409);
    }

    // --- finding: the current certificate of a held lot is handed out by its number, unmarked ---

    @Test
    void theCurrentCertificateOfAHeldLotIsNotHandedOutUnmarkedByItsNumber() throws IOException {
        String lot = api.releasedLot(api.createProduct("AUDHELD"), new BigDecimal("100"), "2025-01-20");
        String number = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Haze complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        assertThat(api.get("tom", "/api/lots/" + lot + "/coa").status()).isEqualTo(409);

        Response json = api.get("tom", "/api/lots/" + lot + "/coa/" + number);
        TestClient.Binary pdf = api.download("tom", "/api/lots/" + lot + "/coa/" + number, PDF);
        // either refused like /coa, or visibly marked as no longer vouching for the lot
        if (json.status() == 200) {
            assertThat(json.json().get("status").asText()).as("status of a held lot's certificate")
                    .isNotEqualTo("CURRENT");
            assertThat(pdfText(pdf)).as("PDF of a held lot's certificate").containsIgnoringCase("QUARANTINE");
        } else {
            assertThat(json.status()).isEqualTo(409);
            assertThat(pdf.status()).isEqualTo(409);
        }
    }
}
