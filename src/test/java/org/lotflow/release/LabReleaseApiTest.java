package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class LabReleaseApiTest {

    @Autowired
    TestClient api;

    @Test
    void lotGoesFromPendingToReleasedWithSignedApprovalAndHistory() {
        String sku = api.createProduct("REL");
        Response created = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 500,
                "manufactureDate", "2025-01-28", "location", "Warehouse A, Zone 3, Section C",
                "productionOrder", "PO-2025-0089"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode lot = created.json();
        String lotNumber = lot.get("lotNumber").asText();
        assertThat(lotNumber).isEqualTo(sku + "-2025-001");
        assertThat(lot.get("status").asText()).isEqualTo("PENDING");
        assertThat(lot.get("expirationDate").asText()).isEqualTo("2027-01-28");
        assertThat(lot.get("available").decimalValue()).isEqualByComparingTo("500");

        Response lab = api.post("sarah", "/api/lots/" + lotNumber + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(lab.json().get("passed").asBoolean()).isTrue();
        assertThat(lab.json().get("results")).hasSize(2);

        // the analyst may not approve her own results (four eyes) - sarah is not even a qa-manager
        Response tasks = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lotNumber);
        assertThat(tasks.json()).hasSize(1);
        assertThat(tasks.json().get(0).get("taskDefinitionKey").asText()).isEqualTo("approveRelease");
        assertThat(tasks.json().get(0).get("due").isNull()).isFalse();
        String taskId = tasks.json().get(0).get("id").asText();
        Response done = api.post("jennifer", "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                Map.of("approved", Map.of("value", true), "comment", Map.of("value", "COA-2025-0234 issued"))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();

        JsonNode released = api.get("tom", "/api/lots/" + lotNumber).json();
        assertThat(released.get("status").asText()).isEqualTo("RELEASED");
        assertThat(released.get("available").decimalValue()).isEqualByComparingTo("500");
        assertThat(released.get("labResults").get("passed").asBoolean()).isTrue();

        JsonNode history = api.get("tom", "/api/lots/" + lotNumber + "/history").json();
        assertThat(history).extracting(e -> e.get("type").asText())
                .containsExactly("CREATED", "LAB_RESULTS_RECORDED", "RELEASE_APPROVED", "STATUS_CHANGED",
                        "CERTIFICATE_ISSUED");
        JsonNode signature = history.get(2).get("detail").get("signature");
        assertThat(signature.get("userId").asText()).isEqualTo("jennifer");
        assertThat(signature.get("fullName").asText()).isEqualTo("Jennifer Lee");
        assertThat(signature.get("meaning").asText()).isEqualTo("release approval");
        assertThat(signature.get("at").asText()).isNotBlank();
        assertThat(history.get(3).get("previousStatus").asText()).isEqualTo("PENDING");
        assertThat(history.get(3).get("newStatus").asText()).isEqualTo("RELEASED");
        assertThat(history.get(3).get("user").asText()).isEqualTo("jennifer");
    }

    private String taskId(String user, String lotNumber, String key) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lotNumber
                + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("open " + key + " tasks of " + lotNumber + " visible to " + user).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new java.util.HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
    }

    private String status(String lotNumber) {
        return api.get("mike", "/api/lots/" + lotNumber).json().get("status").asText();
    }

    /**
     * Auditor 2026-12-06 G1: the lab results of a specification of 100 tests with 100-character names outgrew the
     * history event's 16,000 characters, and none of the product's lots could ever be released. Recorded whole now.
     */
    /**
     * Sig28 M1 (21 CFR 11.10(e), EU GMP Annex 11 §9): the history's lab-results event carries, for each result, the
     * limits it was judged against, and names the specification they came from by its fingerprint, the one the lot's
     * creation recorded and the product gives: a past judgment is re-read against what it was judged by.
     */
    @Test
    void theLabResultsEventCarriesTheLimitsEachResultWasJudgedAgainst() {
        String sku = api.createProduct("RELIM");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-27");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 256), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        JsonNode created = null;
        JsonNode lab = null;
        for (JsonNode e : api.get("tom", "/api/lots/" + lot + "/history").json()) {
            if (e.get("type").asText().equals("CREATED")) {
                created = e;
            } else if (e.get("type").asText().equals("LAB_RESULTS_RECORDED")) {
                lab = e;
            }
        }
        assertThat(lab).isNotNull();
        JsonNode viscosity = lab.at("/detail/results/0");
        assertThat(viscosity.get("test").asText()).isEqualTo("viscosity");
        assertThat(viscosity.get("value").decimalValue()).isEqualByComparingTo("256");
        assertThat(viscosity.get("unit").asText()).isEqualTo("cSt");
        assertThat(viscosity.get("min").decimalValue()).isEqualByComparingTo("245");
        assertThat(viscosity.get("max").decimalValue()).isEqualByComparingTo("255");
        assertThat(viscosity.get("result").asText()).isEqualTo("FAIL");
        JsonNode flashPoint = lab.at("/detail/results/1");
        assertThat(flashPoint.get("min").decimalValue()).isEqualByComparingTo("220");
        assertThat(flashPoint.hasNonNull("max")).isFalse();
        assertThat(flashPoint.get("result").asText()).isEqualTo("PASS");

        JsonNode fingerprint = lab.at("/detail/productMasterData");
        assertThat(fingerprint.get("sku").asText()).isEqualTo(sku);
        assertThat(fingerprint.get("sha256").asText()).matches("[0-9a-f]{64}")
                .isEqualTo(created.at("/detail/productMasterData/sha256").asText())
                .isEqualTo(org.lotflow.product.ProductFingerprint.sha256(products.get(sku)));
    }

    @Autowired
    org.lotflow.product.ProductService products;

    @Test
    void theLargestSpecificationTakesItsLabResults() {
        String sku = "BIG-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> specs = new java.util.ArrayList<>();
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String test = String.format("t%03d_", i) + "x".repeat(95);
            specs.add(Map.of("test", test, "unit", "u".repeat(32), "min", -999999999999.999999,
                    "max", 999999999999.999999));
            results.add(Map.of("test", test, "value", new BigDecimal("-999999999999.999999")));
        }
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "Big", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", specs)).status())
                .isEqualTo(201);
        String lot = api.createLot(sku, new BigDecimal("5"), "2025-01-27");
        var recorded = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", results));
        assertThat(recorded.status()).as(recorded.toString().substring(0, Math.min(300, recorded.toString().length())))
                .isEqualTo(200);
        assertThat(recorded.json().get("passed").asBoolean()).isTrue();
    }

    /** New user 2026-12-06 L5: a lot without a location showed "at -" on its forms. */
    @Test
    void aLotWithoutALocationSaysSoOnItsForms() {
        String sku = api.createProduct("NOLOC");
        Response made = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 5, "manufactureDate",
                "2025-01-20"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String lot = made.json().get("lotNumber").asText();
        String task = taskId("sarah", lot, "recordLabResults");
        JsonNode form = api.get("sarah", "/engine-rest/task/" + task + "/form-variables").json();
        assertThat(org.lotflow.support.Forms.shown(form, "location")).isEqualTo("(no location recorded)");
    }

    @Test
    void refusalRejectsAndIsSignedAsARefusal() {
        String sku = api.createProduct("REF");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230))));
        Response done = complete("jennifer", taskId("jennifer", lot, "approveRelease"),
                Map.of("approved", false, "comment", "Retained sample missing"));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("REJECTED");
        JsonNode history = api.get("mike", "/api/lots/" + lot + "/history").json();
        assertThat(history).extracting(e -> e.get("type").asText()).contains("RELEASE_REFUSED");
        JsonNode refusal = history.get(2);
        assertThat(refusal.get("detail").get("signature").get("meaning").asText()).isEqualTo("release refusal");
        assertThat(refusal.get("reason").asText()).isEqualTo("Retained sample missing");

        // new user 2026-12-06 W5: the rejected lot's stock is disposed of and that is recorded, in lotRelease itself
        String disposal = taskId("mike", lot, "confirmDisposal");
        JsonNode form = api.get("mike", "/engine-rest/task/" + disposal + "/form-variables").json();
        assertThat(org.lotflow.support.Forms.shown(form, "onHand")).isEqualTo("100 drums");
        assertThat(org.lotflow.support.Forms.shown(form, "lotNumber")).isEqualTo(lot);
        // made at the plant: the form offers DESTROYED only (new user 2026-12-07 F15)
        assertThat(org.lotflow.support.Forms.shown(form, "receivedLot")).isEqualTo("no");
        assertThat(form.get("supplierLine").get("value").asText()).as("no supplier to name").isEmpty();
        // and why, by whom, when (new user 2026-12-07 L7)
        assertThat(org.lotflow.support.Forms.shown(form, "rejectedBecause")).startsWith("release refused by Jennifer Lee"
                + " (jennifer) at ").endsWith(": Retained sample missing");
        assertThat(taskId("jennifer", lot, "confirmDisposal")).isEqualTo(disposal);
        assertThat(api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot).json())
                .as("not for QA analysts").isEmpty();
        Response burnt = complete("mike", disposal, Map.of("disposalMethod", "BURNT"));
        assertThat(burnt.status()).as(burnt.toString()).isEqualTo(400);
        assertThat(burnt.json().get("field").asText()).isEqualTo("disposalMethod");
        assertThat(burnt.json().get("detail").asText()).contains("one of DESTROYED, RETURNED_TO_SUPPLIER");
        Response reworked = complete("mike", disposal, Map.of("disposalMethod", "REWORKED"));
        assertThat(reworked.status()).as(reworked.toString()).isEqualTo(400);
        assertThat(reworked.json().get("detail").asText()).contains("must be one of DESTROYED, RETURNED_TO_SUPPLIER,"
                + " not 'REWORKED'"); // no longer a choice of the form (auditor 2026-12-06 C-c)
        Response twoLines = complete("mike", disposal, Map.of("disposalMethod", "DESTROYED", "disposalReference",
                "WM-1\nWM-2"));
        assertThat(twoLines.status()).isEqualTo(400);
        assertThat(twoLines.json().get("field").asText()).isEqualTo("disposalReference");
        // confirmed on the figure the form showed, which it sends back (mass 27 M2), as the recall's closing
        Response unread = complete("mike", disposal, Map.of("disposalMethod", "DESTROYED"));
        assertThat(unread.status()).as(unread.toString()).isEqualTo(400);
        assertThat(unread.json().get("field").asText()).isEqualTo("figuresShown");
        assertThat(org.lotflow.support.Forms.shown(form, "figuresVersion")).hasSize(16);
        String shown = api.figuresShown("mike", disposal);
        // made at the plant: no supplier to return it to (new user 2026-12-06 P4)
        Response toSupplier = complete("mike", disposal, Map.of("disposalMethod", "RETURNED_TO_SUPPLIER",
                "figuresShown", shown));
        assertThat(toSupplier.status()).as(toSupplier.toString()).isEqualTo(400);
        assertThat(toSupplier.json().get("detail").asText()).isEqualTo("disposalMethod: lot " + lot + " was made at"
                + " the plant, not received: it has no supplier to return it to; choose DESTROYED");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("disposed").decimalValue()).isZero();
        Response done2 = complete("mike", disposal, Map.of("disposalMethod", "DESTROYED", "disposalReference",
                "Waste manifest WM-2025-0042", "figuresShown", shown));
        assertThat(done2.status()).as(done2.toString()).isEqualTo(204);
        JsonNode after = api.get("mike", "/api/lots/" + lot).json();
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(after.get("disposed").decimalValue()).isEqualByComparingTo("100");
        assertThat(after.get("available").decimalValue()).isZero();
        JsonNode disposed = api.get("mike", "/api/lots/" + lot + "/history").json();
        JsonNode confirmed = disposed.get(disposed.size() - 1);
        assertThat(confirmed.get("type").asText()).isEqualTo("DISPOSAL_CONFIRMED");
        assertThat(confirmed.get("user").asText()).isEqualTo("mike");
        assertThat(confirmed.get("detail").get("method").asText()).isEqualTo("DESTROYED");
        assertThat(confirmed.get("detail").get("reference").asText()).isEqualTo("Waste manifest WM-2025-0042");
        // the trail's sentence in the forms' words (new user 2026-12-07 F3: "Disposed of: DESTROYED")
        assertThat(confirmed.get("reason").asText()).isEqualTo("Disposed of: 100 drums destroyed (Waste manifest"
                + " WM-2025-0042)");
        assertThat(confirmed.get("detail").get("quantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot).json()).isEmpty();
    }

    @Test
    void fourEyesTheManagerWhoRecordedCannotApprove() {
        String sku = api.createProduct("FOUR");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        Response lab = api.post("jennifer", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230))));
        assertThat(lab.status()).isEqualTo(200);
        String task = taskId("jennifer", lot, "approveRelease");
        // she may not even claim it (a claimed task could not be given back in Tasklist)
        Response claim = api.post("jennifer", "/engine-rest/task/" + task + "/claim", Map.of("userId", "jennifer"));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
        assertThat(claim.text()).contains("Four-eyes");
        Response selfApproval = complete("jennifer", task, Map.of("approved", true, "comment", "self"));
        assertThat(selfApproval.status()).as(selfApproval.toString()).isEqualTo(403);
        assertThat(selfApproval.text()).contains("Four-eyes");
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(api.get("mike", "/api/lots/" + lot + "/history").json())
                .extracting(e -> e.get("type").asText()).doesNotContain("RELEASE_APPROVED");
        // an administrator is no QA manager: the approval is not theirs to sign, in Tasklist or through the API
        Response admin = complete("demo", task, Map.of("approved", true, "comment", "I can do everything"));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(403);
        assertThat(admin.json().get("detail").asText()).contains("QA managers", "demo is in none of these groups",
                "administering lotflow does not make one a member of its roles");
        assertThat(status(lot)).isEqualTo("PENDING");
        // the task is still open for another QA manager
        assertThat(complete(api.secondQaManager(), task, Map.of("approved", true, "comment", "second pair of eyes"))
                .status()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("RELEASED");
    }

    @Test
    void labResultsBadInputAndRoles() {
        String sku = api.createProduct("LABBAD");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        String path = "/api/lots/" + lot + "/lab-results";
        Response unknown = api.post("sarah", path, Map.of("results", List.of(Map.of("test", "colour", "value", 1))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("results[0].test");
        assertThat(api.post("sarah", path, Map.of("results", List.of())).status()).isEqualTo(400);
        assertThat(api.post("sarah", path, Map.of("results", List.of(Map.of("test", "viscosity", "value", 1),
                Map.of("test", "viscosity", "value", 2)))).status()).isEqualTo(400);
        assertThat(api.post("sarah", path, Map.of("results", List.of(Map.of("test", "viscosity", "value", "high"))))
                .status()).isEqualTo(400);
        assertThat(api.post("tom", path, Map.of("results", List.of(Map.of("test", "viscosity", "value", 250))))
                .status()).isEqualTo(403);
        // results are recorded by the laboratory in its own name, not by an administrator
        Response admin = api.post("demo", path, Map.of("results", List.of(Map.of("test", "viscosity", "value", 250),
                Map.of("test", "flashPoint", "value", 230))));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(403);
        assertThat(admin.json().get("detail").asText()).contains("record lab results", "QA analysts or QA managers");
        assertThat(api.post("sarah", "/api/lots/NOPE-1/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250)))).status()).isEqualTo(404);
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(api.get("sarah", path).status()).isEqualTo(404);
        taskId("sarah", lot, "recordLabResults"); // still open
        // recorded once; a second submission finds no open task
        assertThat(api.post("sarah", path, Map.of("results", List.of(Map.of("test", "viscosity", "value", 250),
                Map.of("test", "flashPoint", "value", 230)))).status()).isEqualTo(200);
        assertThat(api.post("sarah", path, Map.of("results", List.of(Map.of("test", "viscosity", "value", 250))))
                .status()).isEqualTo(409);
    }

    @Test
    void tasklistPathFormShowsTheLotAndTheTypedResultsAreJudged() {
        String sku = api.createProduct("FORM");
        String lot = api.createLot(sku, new BigDecimal("80"), "2025-01-21");
        String task = taskId("sarah", lot, "recordLabResults");
        JsonNode formVars = api.get("sarah", "/engine-rest/task/" + task + "/form-variables").json();
        // every {{placeholder}} of the form has a value on the task
        for (String var : List.of("lotNumber", "productName", "sku", "quantity", "manufactureDate", "expirationDate",
                "location", "specification", "labResults")) {
            assertThat(formVars.has(var)).as(var).isTrue();
        }
        assertThat(org.lotflow.support.Forms.shown(formVars, "lotNumber")).isEqualTo(lot);
        assertThat(org.lotflow.support.Forms.shown(formVars, "specification")).contains("viscosity").contains("245 – 255 cSt");
        assertThat(formVars.get("labResults").get("value").asText()).contains("viscosity = ").contains("flashPoint = ");

        Response bad = complete("sarah", task, Map.of("labResults", "viscosity = thick\nflashPoint = 230"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("not a number");
        Response done = complete("sarah", task, Map.of("labResults", "viscosity = 249\nflashPoint = 231\n"));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        JsonNode verdict = api.get("sarah", "/api/lots/" + lot + "/lab-results").json();
        assertThat(verdict.get("passed").asBoolean()).isTrue();
        assertThat(verdict.get("recordedBy").asText()).isEqualTo("sarah");

        String approve = taskId("jennifer", lot, "approveRelease");
        JsonNode approveVars = api.get("jennifer", "/engine-rest/task/" + approve + "/form-variables").json();
        assertThat(approveVars.get("labSummary").get("value").asText()).contains("PASS viscosity: 249");
        assertThat(approveVars.get("labRecordedByName").get("value").asText()).isEqualTo("Sarah Johnson (sarah)");
        assertThat(approveVars.get("labRound").get("value").asText()).isEqualTo("Test round 1 (original analysis)");
        // and when: the instant the round was recorded, to the minute in the plant's zone (new user 2026-12-07 L4)
        java.time.Instant recordedAt = java.time.Instant.parse(verdict.get("recordedAt").asText());
        assertThat(approveVars.get("labRecordedAt").get("value").asText())
                .isEqualTo(org.lotflow.shared.process.TaskForm.text(recordedAt)).matches(".*\\d{2}:\\d{2} \\w+");
        // sales cannot see or complete QA tasks
        assertThat(api.get("tom", "/engine-rest/task?processInstanceBusinessKey=" + lot).json()).isEmpty();
        assertThat(complete("tom", approve, Map.of("approved", true, "comment", "x")).status()).isEqualTo(404);
        assertThat(status(lot)).isEqualTo("PENDING");
    }

    /**
     * A test the specification records without limits takes an observation in words, as the seed's lab report has
     * them ("Thermal Stability: Excellent"), through the API and the Tasklist form, judged against nothing and kept as
     * written: on the verdict, the certificate (REPORTED) and the quality history; a test with limits still takes a
     * number (new user 2026-12-06 F1).
     */
    @Test
    void aTestWithoutLimitsTakesAnObservationInWords() {
        String sku = "OBS-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response product = api.post("mike", "/api/products", Map.of("sku", sku, "name", "Observed oil " + sku,
                "unit", "drums", "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", List.of(
                        Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "appearance"))));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        String lot = api.createLot(sku, new BigDecimal("50"), "2025-01-21");
        String results = "/api/lots/" + lot + "/lab-results";
        Response words = api.post("sarah", results, Map.of("results", List.of(Map.of("test", "viscosity", "text",
                "thick"), Map.of("test", "appearance", "text", "clear"))));
        assertThat(words.status()).as(words.toString()).isEqualTo(400);
        assertThat(words.json().get("field").asText()).isEqualTo("results[0].value");
        Response both = api.post("sarah", results, Map.of("results", List.of(Map.of("test", "viscosity", "value", 249),
                Map.of("test", "appearance", "value", 1, "text", "clear"))));
        assertThat(both.status()).as(both.toString()).isEqualTo(400);
        // a reading that begins like a number is a value, through the API as in Tasklist (auditor 2026-12-06 F13)
        Response numberAsText = api.post("sarah", results, Map.of("results", List.of(Map.of("test", "viscosity",
                "value", 249), Map.of("test", "appearance", "text", "12.5"))));
        assertThat(numberAsText.status()).as(numberAsText.toString()).isEqualTo(400);
        assertThat(numberAsText.json().get("field").asText()).isEqualTo("results[1].text");
        assertThat(numberAsText.json().get("detail").asText()).contains("begins like a number");

        // the Tasklist form: "appearance = clear amber liquid"
        String task = taskId("sarah", lot, "recordLabResults");
        Response done = complete("sarah", task, Map.of("labResults", "viscosity = 249\nappearance = clear amber liquid"));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        JsonNode verdict = api.get("sarah", results).json();
        assertThat(verdict.get("passed").asBoolean()).isTrue();
        JsonNode appearance = verdict.get("results").get(1);
        assertThat(appearance.get("test").asText()).isEqualTo("appearance");
        assertThat(appearance.get("text").asText()).isEqualTo("clear amber liquid");
        // judged against nothing: its verdict in a word says so (auditor 2026-12-06 F4)
        assertThat(appearance.get("result").asText()).isEqualTo("REPORTED");
        assertThat(verdict.get("results").get(0).get("result").asText()).isEqualTo("PASS");
        assertThat(appearance.path("value").isMissingNode() || appearance.path("value").isNull()).isTrue();
        String approve = taskId("jennifer", lot, "approveRelease");
        assertThat(api.get("jennifer", "/engine-rest/task/" + approve + "/form-variables").json().get("labSummary")
                .get("value").asText()).contains("REPORTED appearance: clear amber liquid")
                .doesNotContain("PASS appearance"); // judged against nothing (re-test c-F1)
        assertThat(org.lotflow.console.ConsoleSession.login(api.port(), "sarah").get("/console/lots/" + lot).html())
                .contains("lab-reported");
        assertThat(complete("jennifer", approve, Map.of("approved", true, "comment", "Observations as expected"))
                .status()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("RELEASED");
        JsonNode coa = api.get("tom", "/api/lots/" + lot + "/coa").json();
        JsonNode printed = coa.get("results").get(1);
        assertThat(printed.get("text").asText()).isEqualTo("clear amber liquid");
        assertThat(printed.get("result").asText()).isEqualTo("REPORTED");
        JsonNode history = api.get("jennifer", "/api/reports/quality-history?sku=" + sku + "&from=2025-01-01").json();
        List<String> texts = new java.util.ArrayList<>();
        List<String> verdicts = new java.util.ArrayList<>();
        history.get("values").forEach(v -> {
            if (v.get("test").asText().equals("appearance")) {
                texts.add(v.get("text").asText());
            }
            verdicts.add(v.get("test").asText() + " " + v.get("result").asText());
        });
        assertThat(texts).containsExactly("clear amber liquid");
        // the quality history says which values nothing judged, in JSON and CSV (auditor F4, re-test N3)
        assertThat(verdicts).contains("appearance REPORTED", "viscosity PASS");
        assertThat(api.call("jennifer", "jennifer", org.springframework.http.HttpMethod.GET, "/api/reports/quality-history?sku="
                + sku + "&from=2025-01-01", null, "text/csv").text()).contains(",passed,result,").contains(",REPORTED,");
    }
}
