package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A product received into quarantine (issue #14, {@code receivingStatus: QUARANTINE}): its received lot goes
 * the whole existing hold path, the investigation by QA and the QA manager's signed disposition, which
 * releases it; until then it cannot be allocated. Never a QUARANTINE lot without a hold.
 */
@ApiTest
class ReceivedIntoQuarantineApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLotReceivedIntoQuarantineIsReleasedByItsSignedDisposition() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = "RIQ-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "Tahini", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "receivingStatus", "QUARANTINE",
                "specs", List.of(Map.of("test", "moisture", "unit", "%", "max", 1)))).status()).isEqualTo(201);
        Response received = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "Levant Foods Ltd",
                "supplierLotNumber", "LF-889", "receiptDate", "2025-01-28", "location", "Cold store 1",
                "lines", List.of(Map.of("quantity", 250, "expirationDate", "2025-12-31"))));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String lot = received.json().get("lots").get(0).get("lotNumber").asText();
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lot_hold h JOIN lot l ON l.id = h.active_lot_id"
                + " WHERE l.lot_number = ? AND h.source = 'RECEIPT'", Long.class, lot)).isEqualTo(1L);

        // lotflow started the hold's investigation in mike's receipt, yet Production may not start one itself: Tasklist
        // offers mike no hold start form, and a start by mike is refused naming only QA (audit 29 F5)
        assertThat(api.get("mike", "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
                + "&startablePermissionCheck=true").json().findValuesAsText("key"))
                .doesNotContain("quarantineInvestigation");
        Response started = api.post("mike", "/engine-rest/process-definition/key/quarantineInvestigation/start",
                Map.of("variables", Map.of("lotNumber", Map.of("value", lot), "source", Map.of("value", "COMPLAINT"),
                        "reason", Map.of("value", "Leaking drum"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(403);
        assertThat(started.json().get("detail").asText()).contains("Only QA analysts or QA managers may")
                .doesNotContain("Production");

        // held stock is never allocated
        Response order = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-" + sku, "customer", "Deli Co.",
                "sku", sku, "quantity", 10));
        assertThat(order.json().path("allocations").size()).as(order.toString()).isZero();

        assertThat(q.investigate("sarah", lot, "moisture = 0.4 %").status()).isEqualTo(204);
        // the disposition form says before anyone signs that a RELEASE has no results to rest on (new user U4)
        com.fasterxml.jackson.databind.JsonNode shown = api.get("jennifer", "/engine-rest/task/"
                + q.taskId("jennifer", lot, "decideDisposition") + "/form-variables").json();
        assertThat(shown.get("labResultsText").get("value").asText()).isEqualTo("No valid lab results are recorded for"
                + " this lot.");
        assertThat(shown.get("releaseNote").get("value").asText()).contains("was never released and has no valid lab"
                + " results");
        Map<String, Object> release = Map.of("decision", "RELEASE", "justification",
                "Incoming inspection passed: certificate of analysis checked, sensory and moisture within limits",
                "password", "jennifer");
        // never released: released only on its passing incoming inspection results (auditor 2026-12-05 F15)
        Response untested = q.dispose("jennifer", lot, release);
        assertThat(untested.status()).isEqualTo(409);
        // where a QA person records them, not only the API's path (new user 2026-12-06 N1)
        assertThat(untested.json().get("detail").asText()).contains("the lot's page in the lotflow Console, Record lab"
                + " results");
        assertThat(api.post(api.secondQaManager(), "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "moisture", "value", new java.math.BigDecimal("0.4"))))).status())
                .isEqualTo(200);
        // the open form reads the records as they are now: the results, no refusal, and the recorder's notice (re-test
        // 2026-12-07 M1: it kept saying "no lab results" and warned nobody)
        String decide = q.taskId("jennifer", lot, "decideDisposition");
        com.fasterxml.jackson.databind.JsonNode recorders = api.get(api.secondQaManager(), "/engine-rest/task/" + decide
                + "/form-variables").json();
        assertThat(recorders.get("labResultsText").get("value").asText()).contains("within specification")
                .contains("moisture = 0.4");
        assertThat(recorders.get("releaseNote").get("value").asText()).isEqualTo("-");
        assertThat(recorders.get("fourEyesNotice").get("value").asText()).isEqualTo("Four eyes: you recorded the lab"
                + " results of lot " + lot + " and may not also sign its release; you may still reject or recall it"
                + " (another person of your group signs the other decision).");
        assertThat(recorders.get("holdSource").get("value").asText()).isEqualTo("Received into quarantine");
        // the trigger's words said once, not again at the start of the reason (re-test 2026-12-07 b L3)
        assertThat(recorders.get("holdReason").get("value").asText()).startsWith("product " + sku + " requires incoming"
                + " inspection before use");
        assertThat(org.lotflow.console.ConsoleSession.login(api.port(), "jennifer").get("/console/lots/" + lot).html())
                .contains("Received into quarantine - product " + sku + " requires incoming inspection")
                .doesNotContain("Received into quarantine - Received into quarantine");
        assertThat(api.get("jennifer", "/engine-rest/task/" + decide + "/form-variables").json().get("fourEyesNotice")
                .get("value").asText()).isEmpty();
        // four eyes: the QA manager who recorded the results does not also sign the release (re-test N1)
        Response own = q.dispose(api.secondQaManager(), lot, Map.of("decision", "RELEASE", "justification", "mine",
                "password", api.secondQaManager()));
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.json().get("detail").asText()).contains("recorded the lab results of lot " + lot);
        Response signed = q.dispose("jennifer", lot, release);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RELEASED");
        assertThat(q.history(lot).toString()).contains("HOLD_PLACED").contains("Received into quarantine");
    }
}
