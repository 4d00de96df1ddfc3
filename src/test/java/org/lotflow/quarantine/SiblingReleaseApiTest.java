package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A delivery received PENDING before another lot of its supplier lot was recalled, rejected or held by QA is not
 * released as if nothing happened: the rule that receives a new delivery of such a supplier lot into quarantine
 * applies when its release is signed (409 before the signature, naming the sibling: "is of supplier lot ..., of which
 * lot Y was REJECTED by QA"; nothing changed; the Approve release form says it when it is read) and when a release
 * signed first is carried out (held, source UNFIT_MATERIAL). Today is 2025-01-28.
 */
@ApiTest
class SiblingReleaseApiTest {

    private static final String SUPPLIER = "Audit Supplies Ltd";

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    /** The lots made here: out of later tests' archiving reviews once the test is over. */
    private final List<String> made = new ArrayList<>();

    @AfterEach
    void outOfOtherTestsArchivingReviews() {
        for (String lot : made) {
            jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    /** A delivery received PENDING: its lot. */
    private String receive(String sku, String supplierLot, String reference) {
        Response r = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", SUPPLIER, "supplierLotNumber",
                supplierLot, "receiptDate", "2025-01-27", "location", "Tank 9", "deliveryReference", reference,
                "lines", List.of(Map.of("quantity", new BigDecimal("100"), "expirationDate", "2025-12-01"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String lot = r.json().get("lots").get(0).get("lotNumber").asText();
        made.add(lot);
        assertThat(r.json().get("lots").get(0).get("status").asText()).isEqualTo("PENDING");
        return lot;
    }

    private void recordPassingLabResults(String lot) {
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
    }

    private String approveTask(String lot) {
        return api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
    }

    private Response approveRelease(String lot) {
        return api.post("jennifer", "/engine-rest/task/" + approveTask(lot) + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", true, "type", "Boolean"),
                "comment", Map.of("value", "all specifications met", "type", "String"))));
    }

    private String formNotice(String lot) {
        return api.get("jennifer", "/engine-rest/task/" + approveTask(lot) + "/form-variables").json()
                .get("unfitMaterialNotice").get("value").asText();
    }

    private String holdReason(String lot) {
        return jdbc.queryForObject("SELECT h.reason FROM lot_hold h JOIN lot l ON l.id = h.active_lot_id"
                + " WHERE l.lot_number = ?", String.class, lot);
    }

    private String holdSource(String lot) {
        return jdbc.queryForObject("SELECT h.source FROM lot_hold h JOIN lot l ON l.id = h.lot_id"
                + " WHERE l.lot_number = ? ORDER BY h.id DESC LIMIT 1", String.class, lot);
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

    private void assertRefusedBeforeTheSignature(QuarantineFixture q, String lot, String sibling, String supplierLot,
            String what) {
        String sentence = "Lot " + lot + " cannot be released: it is of supplier lot " + supplierLot + " of " + SUPPLIER
                + ", of which lot " + sibling + " " + what;
        assertThat(formNotice(lot)).as("the form says it when it is read").startsWith(sentence);
        Response refused = approveRelease(lot);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).startsWith(sentence).doesNotContain("made from");
        assertThat(q.status(lot)).isEqualTo("PENDING");
        assertThat(q.history(lot).toString()).doesNotContain("RELEASE_APPROVED");
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease").json()).as("the task stays open").hasSize(1);
    }

    @Test
    void aDeliveryReceivedBeforeItsSiblingWasRejectedIsNotApproved() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("SBJ");
        String supplierLot = unique("AS");
        String first = receive(sku, supplierLot, "BOL-1");
        String second = receive(sku, supplierLot, "BOL-2");
        recordPassingLabResults(second);
        assertThat(formNotice(second)).as("nothing to say while the sibling is merely PENDING").isEmpty();
        api.release(first);
        assertThat(formNotice(second)).as("nor once it is RELEASED").isEmpty();

        reject(q, first, "Contamination confirmed");

        assertRefusedBeforeTheSignature(q, second, first, supplierLot, "was REJECTED by QA");
        assertThat(formNotice(second)).contains("Contamination confirmed")
                .endsWith("Refuse its release instead (the lot becomes REJECTED)");
        // archived since from REJECTED (as the archiving run sets it): still a rejected sibling
        org.lotflow.support.TrailedEdits.status(jdbc, first, "ARCHIVED", ", archived_from = 'REJECTED'");
        assertRefusedBeforeTheSignature(q, second, first, supplierLot, "was REJECTED by QA");
    }

    @Test
    void aDeliveryReceivedBeforeItsSiblingWasRecalledIsNotApproved() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("SBR");
        String supplierLot = unique("AS");
        String first = receive(sku, supplierLot, "BOL-1");
        String second = receive(sku, supplierLot, "BOL-2");
        recordPassingLabResults(second);
        api.release(first);
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(first), "reason",
                "Supplier reports contamination of their lot " + supplierLot, "classification", "CLASS_I"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        String recallNumber = recall.json().get("recallNumber").asText();

        assertRefusedBeforeTheSignature(q, second, first, supplierLot, "was RECALLED (recall " + recallNumber + ")");
    }

    @Test
    void aDeliveryReceivedBeforeItsSiblingWasHeldWaitsForTheHoldsDisposition() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("SBH");
        String supplierLot = unique("AS");
        String first = receive(sku, supplierLot, "BOL-1");
        String second = receive(sku, supplierLot, "BOL-2");
        recordPassingLabResults(second);
        api.release(first);
        assertThat(q.hold("sarah", first, "Customer found metal particles").status()).isEqualTo(202);

        assertRefusedBeforeTheSignature(q, second, first, supplierLot, "is held by QA in QUARANTINE");
        assertThat(formNotice(second)).contains("Customer found metal particles")
                .contains("Its release waits for QA's disposition of the held lot");
    }

    @Test
    void aReleaseSignedBeforeTheSiblingWasHeldIsNotCarriedOutButHeld() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("SBS");
        String supplierLot = unique("AS");
        String first = receive(sku, supplierLot, "BOL-1");
        String second = receive(sku, supplierLot, "BOL-2");
        api.release(first);
        recordPassingLabResults(second);
        assertThat(approveRelease(second).status()).isEqualTo(204); // its release job has not run yet
        assertThat(q.hold("sarah", first, "Customer found metal particles").status()).isEqualTo(202);

        api.executeJobs();

        assertThat(q.status(second)).isEqualTo("QUARANTINE");
        assertThat(holdSource(second)).isEqualTo("UNFIT_MATERIAL");
        assertThat(holdReason(second)).contains("was not carried out: lot " + second + " is of supplier lot "
                + supplierLot + " of " + SUPPLIER + ", of which lot " + first + " is held by QA in QUARANTINE")
                .doesNotContain("made from");
        assertThat(q.history(second).toString()).doesNotContain("\"newStatus\":\"RELEASED\"");
        assertThat(q.hasTask("sarah", second, "investigateLot")).isTrue();
    }

    @Test
    void aReleaseSignedBeforeTheSiblingWasRejectedIsHeldTooAndAnotherSuppliersLotOfTheSameCodeDoesNotConcern() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("SBT");
        String otherSku = api.createProduct("SBU");
        String supplierLot = unique("AS");
        String first = receive(sku, supplierLot, "BOL-1");
        String second = receive(sku, supplierLot, "BOL-2");
        // another supplier's lot of another product under the same code: another material, rejected
        Response stranger = api.post("mike", "/api/receipts", Map.of("sku", otherSku, "supplier", "Other Oils Inc",
                "supplierLotNumber", supplierLot, "receiptDate", "2025-01-27", "location", "Tank 9",
                "deliveryReference", "BOL-X", "lines", List.of(Map.of("quantity", new BigDecimal("10"),
                        "expirationDate", "2025-12-01"))));
        assertThat(stranger.status()).as(stranger.toString()).isEqualTo(201);
        String strangerLot = stranger.json().get("lots").get(0).get("lotNumber").asText();
        made.add(strangerLot);
        api.release(strangerLot);
        reject(q, strangerLot, "Wrong material");
        api.release(first);
        recordPassingLabResults(second);
        assertThat(formNotice(second)).isEmpty();
        assertThat(approveRelease(second).status()).isEqualTo(204);
        reject(q, first, "Contamination confirmed"); // runs the jobs: second's release among them

        assertThat(q.status(second)).isEqualTo("QUARANTINE");
        assertThat(holdSource(second)).isEqualTo("UNFIT_MATERIAL");
        assertThat(holdReason(second)).contains("of which lot " + first + " ").doesNotContain(strangerLot);
    }

    /**
     * Re-test 27 R2 and R5: a delivery received PENDING under another spelling of the supplier lot number ("AS X" beside
     * "AS-X") is the sibling of the lot QA rejects by disposition all the same: its release is refused, the other
     * spelling named, the rejection quoted in the justification QA signed.
     */
    @Test
    void aDeliveryReceivedUnderAnotherSpellingIsNotApprovedOnceItsSiblingIsRejected() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("SBW");
        String supplierLot = unique("AS");
        String spelled = "AS " + supplierLot.substring(3);
        String first = receive(sku, supplierLot, "BOL-1");
        String second = receive(sku, spelled, "BOL-2");
        recordPassingLabResults(second);
        assertThat(formNotice(second)).as("nothing to say while the sibling is merely PENDING").isEmpty();
        api.release(first);

        reject(q, first, "Foreign particles in the retained sample");

        assertRefusedBeforeTheSignature(q, second, first, spelled, "(supplier lot " + spelled + ", written "
                + supplierLot + " on this lot) was REJECTED by QA (Foreign particles in the retained sample)");
    }
}
