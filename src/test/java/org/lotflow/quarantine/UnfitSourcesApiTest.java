package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 26b F1 and F2: material judged unfit does not slip through. A new delivery of a supplier lot one of whose lots
 * is RECALLED or was REJECTED is received into quarantine with a hold naming the recall or rejection (F1); a lot made
 * from a source lot QA holds (QUARANTINE) or REJECTED is never released, on any release path, as one made from a
 * RECALLED lot, and the source's hold names the lots made from it (F2).
 */
@ApiTest
class UnfitSourcesApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private Response receive(String sku, String supplierLot, String reference, boolean more, String quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "supplier", "Audit Oils Inc", "supplierLotNumber",
                supplierLot, "receiptDate", "2025-01-27", "location", "Tank 9", "deliveryReference", reference,
                "lines", List.of(Map.of("quantity", new BigDecimal(quantity), "expirationDate", "2025-12-01"))));
        if (more) {
            body.put("moreOfDelivery", true);
        }
        return api.post("mike", "/api/receipts", body);
    }

    private String holdReason(String lot) {
        return jdbc.queryForObject("SELECT h.reason FROM lot_hold h JOIN lot l ON l.id = h.active_lot_id"
                + " WHERE l.lot_number = ?", String.class, lot);
    }

    private String holdSource(String lot) {
        return jdbc.queryForObject("SELECT h.source FROM lot_hold h JOIN lot l ON l.id = h.lot_id"
                + " WHERE l.lot_number = ? ORDER BY h.id DESC LIMIT 1", String.class, lot);
    }

    private boolean inLabRelease(String lot) {
        return api.get("jennifer", "/engine-rest/process-instance?businessKey=" + lot + "&processDefinitionKey="
                + "lotRelease").json().size() > 0;
    }

    private void recordPassingLabResults(String lot) {
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
    }

    private Response approveRelease(String lot) {
        String taskId = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        return api.post("jennifer", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", true, "type", "Boolean"),
                "comment", Map.of("value", "all specifications met", "type", "String"))));
    }

    private void reject(QuarantineFixture q, String lot, String why) {
        assertThat(q.hold("sarah", lot, why).status()).isEqualTo(202);
        q.investigate("sarah", lot);
        Response rejected = q.dispose("jennifer", lot, Map.of("decision", "REJECT", "justification", why,
                "password", "jennifer"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("REJECTED");
    }

    /** F1: the recalled supplier lot's next delivery, and more of the very delivery recalled, are held at receipt. */
    @Test
    void aDeliveryOfASupplierLotWithARecalledLotIsReceivedIntoQuarantineNamingTheRecall() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("UFR");
        String supplierLot = unique("AO");
        Response first = receive(sku, supplierLot, "BOL-A1", false, "1000");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("notice").isNull() || first.json().path("notice").isMissingNode()).isTrue();
        String recalledLot = first.json().get("lots").get(0).get("lotNumber").asText();
        api.release(recalledLot);
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(recalledLot), "reason",
                "Supplier Audit Oils reports contamination of their lot " + supplierLot, "classification", "CLASS_I"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        String recallNumber = recall.json().get("recallNumber").asText();

        Response again = receive(sku, supplierLot, "BOL-A2", false, "500");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        String lot = again.json().get("lots").get(0).get("lotNumber").asText();
        assertThat(again.json().get("lots").get(0).get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(again.json().get("notice").asText()).contains(recalledLot + " was RECALLED (recall " + recallNumber
                + ")").contains("supplier lot " + supplierLot);
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(holdSource(lot)).isEqualTo("RECEIPT");
        assertThat(holdReason(lot)).startsWith("Received into quarantine: earlier lots of supplier lot " + supplierLot)
                .contains(recalledLot + " was RECALLED (recall " + recallNumber + ")")
                .contains("not used or released until a QA manager decides its disposition");
        assertThat(inLabRelease(lot)).as("no lab release runs beside the hold").isFalse();
        assertThat(q.history(lot).toString()).contains("HOLD_PLACED").contains("RECALLED (recall " + recallNumber);
        assertThat(q.hasTask("sarah", lot, "investigateLot")).isTrue();

        // more of the very delivery that was recalled: held too
        Response more = receive(sku, supplierLot, "BOL-A1", true, "300");
        assertThat(more.status()).as(more.toString()).isEqualTo(201);
        String moreLot = more.json().get("lots").get(0).get("lotNumber").asText();
        assertThat(q.status(moreLot)).isEqualTo("QUARANTINE");
        assertThat(holdReason(moreLot)).contains(recalledLot + " was RECALLED (recall " + recallNumber + ")");
        // and the repeated delivery's refusal says the delivery was recalled
        Response repeated = receive(sku, supplierLot, "BOL-A1", false, "300");
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(409);
        assertThat(repeated.json().get("detail").asText()).contains("lot(s) " + recalledLot
                + " of the supplier lot were RECALLED");
    }

    /** F1: a supplier lot whose earlier lot QA rejected. */
    @Test
    void aDeliveryOfASupplierLotWithARejectedLotIsReceivedIntoQuarantineNamingTheRejection() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("UFJ");
        String supplierLot = unique("AO");
        Response first = receive(sku, supplierLot, "BOL-D1", false, "200");
        String rejectedLot = first.json().get("lots").get(0).get("lotNumber").asText();
        api.release(rejectedLot);
        reject(q, rejectedLot, "Contamination confirmed");

        Response again = receive(sku, supplierLot, "BOL-D2", false, "50");
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        String lot = again.json().get("lots").get(0).get("lotNumber").asText();
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(again.json().get("notice").asText()).contains(rejectedLot + " was REJECTED by QA");
        assertThat(holdReason(lot)).contains(rejectedLot + " was REJECTED by QA").contains("Contamination confirmed");
        assertThat(inLabRelease(lot)).isFalse();
    }

    /**
     * F2: a lot made from a source QA holds is not approved (409 before the signature) and the hold names it; once the
     * source is REJECTED it is still refused; a release signed before the hold is not carried out but held
     * (UNFIT_MATERIAL).
     */
    @Test
    void aLotMadeFromAHeldOrRejectedSourceIsNotReleasedAndTheHoldNamesIt() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String rmSku = api.createProduct("UFS");
        String fgSku = api.createProduct("UFG");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String rm = f.released(rmSku, "200", "2025-01-02", Map.of());
        String made = f.created(fgSku, "50", "2025-01-20", Map.of(rm, "100"));
        String approvedBefore = f.created(fgSku, "10", "2025-01-21", Map.of(rm, "20"));
        recordPassingLabResults(made);
        recordPassingLabResults(approvedBefore);
        assertThat(approveRelease(approvedBefore).status()).isEqualTo(204); // its release job has not run yet

        Response held = q.hold("sarah", rm, "Supplier CoA shows contamination");
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        JsonNode madeInto = held.json().get("impact").get("madeInto");
        assertThat(madeInto).hasSize(2);
        assertThat(madeInto.get(0).get("lotNumber").asText()).isEqualTo(made);
        assertThat(madeInto.get(0).get("quantity").decimalValue()).isEqualByComparingTo("100");
        assertThat(madeInto.get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(madeInto.get(1).get("lotNumber").asText()).isEqualTo(approvedBefore);
        JsonNode form = api.get("sarah", "/engine-rest/task/" + q.taskId("sarah", rm, "investigateLot")
                + "/form-variables").json();
        // Markdown: the lot numbers' hyphens are escaped
        assertThat(form.get("impactAssessment").get("value").asText().replace("\\", "")).contains("- Consumed by other lots: 120 drums")
                .contains("used in lot " + made + " (PENDING): 100 drums")
                .contains("used in lot " + approvedBefore + " (PENDING): 20 drums");

        // the signed release of approvedBefore meets the held source: held for QA, not released
        api.executeJobs();
        assertThat(q.status(approvedBefore)).isEqualTo("QUARANTINE");
        assertThat(holdSource(approvedBefore)).isEqualTo("UNFIT_MATERIAL");
        assertThat(holdReason(approvedBefore)).contains("held or rejected by QA (" + rm + " (held in QUARANTINE))");

        // the Approve release form says it when it is read, before the signature's 409
        String approveTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + made
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        assertThat(api.get("jennifer", "/engine-rest/task/" + approveTask + "/form-variables").json()
                .get("unfitMaterialNotice").get("value").asText()).startsWith("Lot " + made + " cannot be released: it"
                        + " was made from lot " + rm + ", which QA holds in QUARANTINE");
        Response whileHeld = approveRelease(made);
        assertThat(whileHeld.status()).as(whileHeld.toString()).isEqualTo(409);
        assertThat(whileHeld.json().get("detail").asText()).startsWith("Lot " + made + " cannot be released: it was"
                + " made from lot " + rm + ", which QA holds in QUARANTINE");
        assertThat(q.status(made)).isEqualTo("PENDING");
        assertThat(q.history(made).toString()).doesNotContain("RELEASE_APPROVED");

        q.investigate("sarah", rm);
        Response rejected = q.dispose("jennifer", rm, Map.of("decision", "REJECT", "justification",
                "Contamination confirmed", "password", "jennifer"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(rm)).isEqualTo("REJECTED");
        Response afterRejection = approveRelease(made);
        assertThat(afterRejection.status()).as(afterRejection.toString()).isEqualTo(409);
        assertThat(afterRejection.json().get("detail").asText()).isEqualTo("Lot " + made + " cannot be released: it"
                + " was made from lot " + rm + ", which QA REJECTED. Refuse its release instead (the lot becomes"
                + " REJECTED)");
        assertThat(q.status(made)).isEqualTo("PENDING");
        assertThat(api.get("tom", "/api/lots/" + made + "/coa").status()).isNotEqualTo(200);
        // archived since (its retention passed; set as the archiving run sets it): still rejected material
        org.lotflow.support.TrailedEdits.status(jdbc, rm, "ARCHIVED", ", archived_from = 'REJECTED'");
        Response afterArchiving = approveRelease(made);
        assertThat(afterArchiving.status()).as(afterArchiving.toString()).isEqualTo(409);
        assertThat(afterArchiving.json().get("detail").asText()).contains(rm + ", which QA REJECTED");
    }

    /** F2: a released lot made from a source QA later rejects is not released again by its own disposition. */
    @Test
    void aDispositionReleaseOfALotMadeFromARejectedSourceIsRefusedAndTheFormSaysWhy() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String rmSku = api.createProduct("UFD");
        String fgSku = api.createProduct("UFE");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String rm = f.released(rmSku, "200", "2025-01-02", Map.of());
        String made = f.released(fgSku, "50", "2025-01-20", Map.of(rm, "100"));
        reject(q, rm, "Contamination confirmed");

        assertThat(q.hold("sarah", made, "Made from rejected raw material").status()).isEqualTo(202);
        q.investigate("sarah", made);
        JsonNode form = api.get("jennifer", "/engine-rest/task/" + q.taskId("jennifer", made, "decideDisposition")
                + "/form-variables").json();
        assertThat(form.get("releaseNote").get("value").asText()).contains("made from lot " + rm
                + ", which QA REJECTED");
        Response release = q.dispose("jennifer", made, Map.of("decision", "RELEASE", "justification",
                "Retained sample within specification", "password", "jennifer"));
        assertThat(release.status()).as(release.toString()).isEqualTo(409);
        assertThat(release.json().get("detail").asText()).contains("made from lot " + rm + ", which QA REJECTED");
        assertThat(release.json().get("rejectedSourceLots").get(0).asText()).isEqualTo(rm);
        assertThat(release.json().get("unfitSourceLots").get(0).asText()).isEqualTo(rm + " (REJECTED)");
        assertThat(q.status(made)).isEqualTo("QUARANTINE");
        assertThat(q.history(made).toString()).doesNotContain("DISPOSITION_SIGNED");
    }

    /**
     * Re-test 27 R3: a RELEASE disposition signed while its source lot is being held (the hold commits after the
     * signature, before the {@code releaseHeldLot} job runs) is not carried out: no incident, the lot stays held in
     * QUARANTINE, its history says the signed release was not carried out and why, and the QA manager decides again (a
     * RELEASE is refused while the source is held; a REJECT is accepted and carried out).
     */
    @Test
    void aDispositionReleaseWhoseSourceIsHeldBeforeItRunsIsNotCarriedOutAndIsDecidedAgain() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String rmSku = api.createProduct("UFQ");
        String fgSku = api.createProduct("UFR");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String rm = f.released(rmSku, "200", "2025-01-02", Map.of());
        String made = f.released(fgSku, "50", "2025-01-20", Map.of(rm, "100"));
        assertThat(q.hold("sarah", made, "Dented drums").status()).isEqualTo(202);
        q.investigate("sarah", made);
        Response release = q.dispose("jennifer", made, Map.of("decision", "RELEASE", "justification",
                "Drums intact on inspection", "password", "jennifer"));
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        // the source is held after the signature, before the releaseHeldLot job runs (the race, made deterministic)
        assertThat(q.hold("sarah", rm, "Contamination suspected").status()).isEqualTo(202);

        long statusChangesBefore = q.history(made).findValues("type").stream().map(JsonNode::asText)
                .filter("STATUS_CHANGED"::equals).count();
        api.executeJobs(); // threw SourceLotUnfit on every retry before (incident)
        String instance = api.get("demo", "/engine-rest/process-instance?processDefinitionKey=quarantineInvestigation"
                + "&businessKey=" + made).json().get(0).get("id").asText();
        assertThat(api.get("demo", "/engine-rest/incident?processInstanceId=" + instance).json()).isEmpty();
        assertThat(api.get("demo", "/engine-rest/job?processInstanceId=" + instance + "&withException=true").json())
                .isEmpty();
        assertThat(q.status(made)).isEqualTo("QUARANTINE");
        assertThat(holdReason(made)).isEqualTo("Dented drums"); // its hold is still open
        Map<String, Object> kept = jdbc.queryForMap("SELECT h.decision, h.not_carried_out_decision,"
                + " h.not_carried_out_decided_by, h.not_carried_out_reason FROM lot_hold h JOIN lot l"
                + " ON l.id = h.active_lot_id WHERE l.lot_number = ?", made);
        assertThat(kept.get("decision")).isNull();
        assertThat(kept.get("not_carried_out_decision")).isEqualTo("RELEASE");
        assertThat(kept.get("not_carried_out_decided_by")).isEqualTo("jennifer");
        assertThat((String) kept.get("not_carried_out_reason")).contains(rm + " (held in QUARANTINE)");
        JsonNode history = q.history(made);
        List<String> types = history.findValues("type").stream().map(JsonNode::asText).toList();
        assertThat(types).contains("DISPOSITION_SIGNED", "DISPOSITION_NOT_CARRIED_OUT");
        assertThat(types.stream().filter("STATUS_CHANGED"::equals).count()).as("nothing released")
                .isEqualTo(statusChangesBefore);
        JsonNode notCarriedOut = history.findParents("type").stream().filter(e -> e.get("type").asText().equals(
                "DISPOSITION_NOT_CARRIED_OUT")).findFirst().orElseThrow();
        assertThat(notCarriedOut.toString()).contains("was not carried out").contains(rm + " (held in QUARANTINE)")
                .contains("decides its disposition again");
        JsonNode view = api.get("tom", "/api/lots/" + made).json();
        assertThat(view.toString()).contains("\"stage\":\"AWAITING_DISPOSITION\"");
        JsonNode kept2 = view.findValue("dispositionNotCarriedOut");
        assertThat(kept2.get("decision").asText()).isEqualTo("RELEASE");
        assertThat(kept2.get("signedBy").asText()).isEqualTo("jennifer");
        assertThat(kept2.get("reason").asText()).contains(rm + " (held in QUARANTINE)");
        assertThat(q.hasTask("jennifer", made, "decideDisposition")).isTrue();
        JsonNode task = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + made
                + "&taskDefinitionKey=decideDisposition").json().get(0);
        assertThat(api.get("jennifer", "/engine-rest/task/" + task.get("id").asText() + "/identity-links").json()
                .toString()).contains("qa-manager");

        // a RELEASE again is refused before its signature while the source is held
        Response again = q.dispose("jennifer", made, Map.of("decision", "RELEASE", "justification",
                "Drums intact on inspection", "password", "jennifer"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("unfitSourceLots").get(0).asText()).isEqualTo(rm + " (held in QUARANTINE)");
        // a new decision is accepted, not 409 "was decided"
        Response reject = q.dispose("jennifer", made, Map.of("decision", "REJECT", "justification",
                "Source lot contamination suspected", "password", "jennifer"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(made)).isEqualTo("REJECTED");
        assertThat(api.get("demo", "/engine-rest/incident?processInstanceId=" + instance).json()).isEmpty();
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number IN (?, ?)", rm, made);
    }
}
