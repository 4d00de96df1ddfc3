package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.Forms;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A held lot's retained samples are judged against its specification when the investigation is recorded, shown with
 * their verdicts, and a failing one refuses a RELEASE on both doors (new user 2026-12-07 N3; 21 CFR 211.165(a),
 * 211.192). The test product's specification: viscosity 245 – 255 cSt, flashPoint ≥ 220 °C.
 */
@ApiTest
class RetainedSampleDispositionApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    QuarantineFixture q;

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
    }

    private String heldLot(String prefix) {
        String lot = api.releasedLot(api.createProduct(prefix), new BigDecimal("100"), "2024-11-15");
        assertThat(q.hold("jennifer", lot, "Customer complaint: low flash point").status()).isEqualTo(202);
        return lot;
    }

    private JsonNode decideForm(String lot) {
        return api.get("jennifer", "/engine-rest/task/" + q.taskId("jennifer", lot, "decideDisposition")
                + "/form-variables").json();
    }

    @Test
    void aLineThatIsNoTestOfTheSpecificationIsRefusedNamingTheFieldAndLine() {
        String lot = heldLot("RSBAD");
        Response bad = q.investigate("sarah", lot, "viscosity = 249 cSt\nwater = 0.09 %");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.text()).contains("retainedSampleResults").contains("line 2")
                .contains("'water' is not a test of").contains("viscosity, flashPoint");
        Response comma = q.investigate("sarah", lot, "flashPoint = 224,5 °C");
        assertThat(comma.status()).as(comma.toString()).isEqualTo(400);
        assertThat(comma.text()).contains("retainedSampleResults").contains("line 1");
        Response unit = q.investigate("sarah", lot, "flashPoint = 224 °F");
        assertThat(unit.status()).as(unit.toString()).isEqualTo(400);
        assertThat(unit.text()).contains("'°F' is not the unit of flashPoint");
        // nothing recorded: the investigation is still open
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("stage").asText())
                .isEqualTo("INVESTIGATING");
    }

    @Test
    void aFailingRetainedSampleIsShownFailingAndRefusesARelease() {
        String lot = heldLot("RSFAIL");
        assertThat(q.investigate("sarah", lot, "viscosity = 249 cSt\nflashPoint = 210 °C").status()).isEqualTo(204);

        JsonNode form = decideForm(lot);
        assertThat(Forms.shown(form, "retainedSampleText")).isEqualTo(
                "viscosity = 249 cSt (245 – 255 cSt): PASS\nflashPoint = 210 °C (≥ 220 °C): FAIL");
        assertThat(Forms.shown(form, "releaseNote")).isEqualTo("the retained sample of lot " + lot
                + " fails its specification (flashPoint 210 °C < 220 °C): a lot is not released on evidence that it"
                + " is out of specification; REJECT or RECALL it (21 CFR 211.165(a), 211.192; EU GMP Part I 1.4 (xiv),"
                + " 6.35)");
        JsonNode investigation = api.get("tom", "/api/lots/" + lot).json().get("investigation");
        assertThat(investigation.get("retainedSampleResults").asText()).isEqualTo(
                "viscosity = 249 cSt\nflashPoint = 210 °C"); // as typed
        assertThat(investigation.get("retainedSampleVerdicts").asText()).endsWith("flashPoint = 210 °C (≥ 220 °C): FAIL");
        JsonNode event = null;
        for (JsonNode e : q.history(lot)) {
            if ("INVESTIGATION_COMPLETED".equals(e.get("type").asText())) {
                event = e;
            }
        }
        assertThat(event).isNotNull();
        assertThat(event.toString()).contains("flashPoint = 210 °C (≥ 220 °C): FAIL");
        // the Console's lot page lists them in the investigation's event
        String page = org.lotflow.console.ConsoleSession.login(port, "jennifer").get("/console/lots/" + lot).html();
        assertThat(page).contains("<dt>retained sample verdicts</dt>")
                .contains("viscosity = 249 cSt (245 – 255 cSt): PASS; flashPoint = 210 °C (≥ 220 °C): FAIL");

        // the API: 400 naming decision, nothing signed
        Response api400 = q.dispose("jennifer", lot, Map.of("decision", "RELEASE", "justification", "fine",
                "password", "jennifer"));
        assertThat(api400.status()).as(api400.toString()).isEqualTo(400);
        assertThat(api400.json().get("field").asText()).isEqualTo("decision");
        assertThat(api400.json().get("detail").asText()).contains("the retained sample of lot " + lot
                + " fails its specification (flashPoint 210 °C < 220 °C)");
        // the task through engine REST (Tasklist's door): refused alike
        String task = q.taskId("jennifer", lot, "decideDisposition");
        Response engine = q.submit("jennifer", task, Map.of("decision", "RELEASE", "justification", "fine",
                "signaturePassword", "jennifer"));
        assertThat(engine.status()).as(engine.toString()).isEqualTo(400);
        assertThat(engine.text()).contains("fails its specification");
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(q.history(lot).findValues("type").stream().map(JsonNode::asText))
                .doesNotContain("DISPOSITION_SIGNED");

        Response reject = q.dispose("jennifer", lot, Map.of("decision", "REJECT", "justification",
                "Retained sample flash point 210 °C below the 220 °C minimum", "password", "jennifer"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("REJECTED");
    }

    @Test
    void passingRetainedSamplesAllowARelease() {
        String lot = heldLot("RSPASS");
        assertThat(q.investigate("sarah", lot, "# retested 2026-12-07\nviscosity = 249\nflashPoint = 224 °C")
                .status()).isEqualTo(204);
        JsonNode form = decideForm(lot);
        assertThat(Forms.shown(form, "retainedSampleText")).isEqualTo(
                "viscosity = 249 cSt (245 – 255 cSt): PASS\nflashPoint = 224 °C (≥ 220 °C): PASS");
        assertThat(Forms.shown(form, "releaseNote")).isEqualTo("-");
        String task = q.taskId("jennifer", lot, "decideDisposition");
        Response done = q.submit("jennifer", task, Map.of("decision", "RELEASE", "justification",
                "Retained samples pass all tests", "signaturePassword", "jennifer"));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RELEASED");
    }

    @Test
    void retainedSamplesRecordedBeforeTheRuleAreNotJudgedAndRefuseNothing() {
        String lot = heldLot("RSOLD");
        assertThat(q.investigate("sarah", lot, "").status()).isEqualTo(204);
        // as a hold investigated before lotflow judged retained samples stored them: text only
        jdbc.update("UPDATE lot_hold SET retained_sample_results = 'flash point low-ish, within spec',"
                + " retained_sample_verdicts = NULL, retained_sample_failures = NULL WHERE lot_id ="
                + " (SELECT id FROM lot WHERE lot_number = ?)", lot);
        JsonNode form = decideForm(lot);
        // (shown as the task was created; the live display reads the hold again)
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("retainedSampleVerdicts")
                .asText()).isEqualTo("not judged (recorded before lotflow judged retained samples)");
        assertThat(Forms.shown(form, "releaseNote")).isEqualTo("-");
        Response released = q.dispose("jennifer", lot, Map.of("decision", "RELEASE", "justification",
                "Complaint not confirmed", "password", "jennifer"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RELEASED");
    }
}
