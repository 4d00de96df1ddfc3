package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 27 F1 and F2, the report's steps: the receipt-into-quarantine safeguard (audit 26b F1) keeps a supplier lot with
 * a lot REJECTED by QA out of normal stock after that lot is ARCHIVED (F1), holds a delivery of a supplier lot whose
 * sibling QA holds now, and is not missed by another spelling of the supplier or of the supplier lot number on the same
 * product (F2). Today is 2025-01-28.
 */
@ApiTest
class ReceiptSafeguardApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    LotService lotService;

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

    private Response receive(String sku, String supplier, String supplierLot, String reference, boolean more,
            String expires) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "supplier", supplier, "supplierLotNumber",
                supplierLot, "receiptDate", "2025-01-27", "location", "Tank 9", "deliveryReference", reference,
                "lines", List.of(Map.of("quantity", new BigDecimal("100"), "expirationDate", expires))));
        if (more) {
            body.put("moreOfDelivery", true);
        }
        Response r = api.post("mike", "/api/receipts", body);
        if (r.status() == 201) {
            r.json().get("lots").forEach(lot -> made.add(lot.get("lotNumber").asText()));
        }
        return r;
    }

    private static String lotOf(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("lots").get(0).get("lotNumber").asText();
    }

    private static String notice(Response r) {
        return r.json().path("notice").isTextual() ? r.json().get("notice").asText() : null;
    }

    private String holdReason(String lot) {
        return jdbc.queryForObject("SELECT h.reason FROM lot_hold h JOIN lot l ON l.id = h.active_lot_id"
                + " WHERE l.lot_number = ?", String.class, lot);
    }

    private boolean inLabRelease(String lot) {
        return api.get("jennifer", "/engine-rest/process-instance?businessKey=" + lot + "&processDefinitionKey="
                + "lotRelease").json().size() > 0;
    }

    /** Release refused at lab release and returned to the supplier, as in the report. */
    private String rejected(String sku, String supplier, String supplierLot, String reference) {
        String lot = lotOf(receive(sku, supplier, supplierLot, reference, false, "2025-12-01"));
        api.rejectAndDispose(lot, "RETURNED_TO_SUPPLIER", "RMA-" + supplierLot);
        assertThat(new QuarantineFixture(api, jdbc).status(lot)).isEqualTo("REJECTED");
        return lot;
    }

    /** F1: the rejected lot archived (as the archiving review's ARCHIVE does): its supplier lot is still held. */
    @Test
    void aSupplierLotWhoseRejectedLotWasArchivedIsStillReceivedIntoQuarantine() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("RSA");
        String supplierLot = unique("AS");
        String rejectedLot = rejected(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-1");
        lotService.changeStatus(jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class,
                rejectedLot), LotStatus.ARCHIVED, "Retention passed, records archived");
        assertThat(q.status(rejectedLot)).isEqualTo("ARCHIVED");

        // 1) a new delivery of the supplier lot
        Response again = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-2", false, "2027-01-01");
        String lot = lotOf(again);
        assertThat(again.json().get("lots").get(0).get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(notice(again)).startsWith("Received into QUARANTINE, not released for use: earlier lots of supplier"
                + " lot " + supplierLot + " from Audit Supplies Ltd were recalled or rejected: " + rejectedLot
                + " was REJECTED by QA").contains(", now ARCHIVED").contains("(BOL-AS-2)");
        assertThat(holdReason(lot)).startsWith("Received into quarantine: earlier lots of supplier lot " + supplierLot)
                .contains(rejectedLot + " was REJECTED by QA");
        assertThat(inLabRelease(lot)).isFalse();
        assertThat(q.hasTask("sarah", lot, "investigateLot")).isTrue();

        // 2) the delivery received before: the 409 names the rejection
        Response repeated = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-1", false, "2027-01-01");
        assertThat(repeated.status()).as(repeated.toString()).isEqualTo(409);
        assertThat(repeated.json().get("field").asText()).isEqualTo("deliveryReference");
        assertThat(repeated.json().get("detail").asText()).contains("was received already, as " + rejectedLot)
                .contains("lot(s) " + rejectedLot + " of the supplier lot were REJECTED");

        // 3) more of the very delivery that was rejected: held, never in lab release
        Response more = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-1", true, "2027-01-02");
        String moreLot = lotOf(more);
        assertThat(q.status(moreLot)).isEqualTo("QUARANTINE");
        assertThat(notice(more)).contains(rejectedLot + " was REJECTED by QA");
        assertThat(inLabRelease(moreLot)).isFalse();
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + moreLot
                + "&taskDefinitionKey=approveRelease").json()).isEmpty();
    }

    /** F2 (a): a sibling lot QA holds after a complaint puts the next delivery on hold, until QA decides. */
    @Test
    void aDeliveryOfASupplierLotWhoseSiblingQaHoldsIsReceivedIntoQuarantineUntilQaDecides() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("RSH");
        String supplierLot = unique("AS");
        String sibling = lotOf(receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-7", false, "2025-12-01"));
        api.release(sibling);
        Response held = q.hold("sarah", sibling, "Customer found metal particles; supplier lot suspected");
        assertThat(held.status()).as(held.toString()).isEqualTo(202);

        Response next = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-8", false, "2027-02-01");
        String lot = lotOf(next);
        assertThat(next.json().get("lots").get(0).get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(notice(next)).isEqualTo("Received into QUARANTINE, not released for use: earlier lots of supplier"
                + " lot " + supplierLot + " from Audit Supplies Ltd are held by QA: " + sibling + " is held by QA in"
                + " QUARANTINE, its disposition not decided (Customer found metal particles; supplier lot suspected)."
                + " This delivery (BOL-AS-8) is not used or released until a QA manager decides its disposition");
        assertThat(holdReason(lot)).contains(sibling + " is held by QA in QUARANTINE")
                .contains("Customer found metal particles");
        assertThat(inLabRelease(lot)).isFalse();

        // QA decides: the sibling is released again; a later delivery goes the ordinary way
        q.investigate("sarah", sibling);
        Response release = q.dispose("jennifer", sibling, Map.of("decision", "RELEASE", "justification",
                "Particles came from the customer's own line", "password", "jennifer"));
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(sibling)).isEqualTo("RELEASED");
        // the lot held at receipt is still held: its own disposition is QA's
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        Response later = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-9", false, "2027-02-02");
        assertThat(later.json().get("lots").get(0).get("status").asText()).as(later.toString())
                .isEqualTo("QUARANTINE"); // the lot held at receipt is a sibling QA holds
        assertThat(notice(later)).contains(lot + " is held by QA in QUARANTINE since its receipt, its disposition not"
                + " decided. This delivery (BOL-AS-9)").doesNotContain(sibling);

        // QA decides the deliveries held at receipt too (incoming-inspection results, then the signed disposition)
        for (String heldAtReceipt : List.of(lot, lotOf(later))) {
            Response lab = api.post("sarah", "/api/lots/" + heldAtReceipt + "/lab-results", Map.of("results",
                    List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230))));
            assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
            q.investigate("sarah", heldAtReceipt);
            Response decided = q.dispose("jennifer", heldAtReceipt, Map.of("decision", "RELEASE", "justification",
                    "Sibling lot cleared, incoming inspection passed", "password", "jennifer"));
            assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        }
        api.executeJobs();
        Response ordinary = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-10", false, "2027-02-03");
        assertThat(ordinary.json().get("lots").get(0).get("status").asText()).as(ordinary.toString())
                .isEqualTo("PENDING");
        assertThat(notice(ordinary)).isNull();
    }

    /**
     * F2 (b): the supplier lot under another spelling of the supplier ("Audit Supplies Ltd.", "Audit Supplies Limited")
     * or of its number ("as-2") is still the supplier lot on the same product; another product's lot of the same code
     * from another supplier is not looked at.
     */
    @Test
    void anotherSpellingOfTheSupplierDoesNotMissTheRejectedSupplierLotOfTheSameProduct() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("RSS");
        String otherSku = api.createProduct("RSO");
        String supplierLot = unique("AS");
        String rejectedLot = rejected(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-3");

        Response same = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-4", false, "2027-02-01");
        assertThat(q.status(lotOf(same))).isEqualTo("QUARANTINE");
        assertThat(notice(same)).doesNotContain("another supplier name");

        Response dotted = receive(sku, "Audit Supplies Ltd.", supplierLot, "BOL-AS-5", false, "2027-02-01");
        String dottedLot = lotOf(dotted);
        assertThat(q.status(dottedLot)).isEqualTo("QUARANTINE");
        assertThat(notice(dotted)).contains("earlier lots of supplier lot " + supplierLot + " from Audit Supplies Ltd.")
                .contains(rejectedLot + " (supplier lot " + supplierLot + " of Audit Supplies Ltd) was REJECTED by QA")
                .contains("a lot received under another supplier name counts");
        assertThat(holdReason(dottedLot)).contains(rejectedLot + " (supplier lot " + supplierLot
                + " of Audit Supplies Ltd) was REJECTED by QA");

        Response limited = receive(sku, "Audit Supplies Limited", supplierLot.toLowerCase(), "BOL-AS-6", false,
                "2027-02-01");
        String limitedLot = lotOf(limited);
        assertThat(q.status(limitedLot)).isEqualTo("QUARANTINE");
        assertThat(notice(limited)).contains("supplier lot " + supplierLot.toLowerCase() + " from Audit Supplies"
                + " Limited").contains(rejectedLot + " (supplier lot " + supplierLot + " of Audit Supplies Ltd) was"
                        + " REJECTED by QA");
        // the lot list finds them all together, as the check does
        assertThat(api.get("tom", "/api/lots?supplierLotNumber=" + supplierLot.toLowerCase() + "&size=50").json()
                .get("items")).hasSize(4);

        // another product, another supplier, the same code: not the same material
        Response unrelated = receive(otherSku, "Other Mill GmbH", supplierLot, "BOL-OM-1", false, "2027-02-01");
        assertThat(unrelated.json().get("lots").get(0).get("status").asText()).as(unrelated.toString())
                .isEqualTo("PENDING");
        assertThat(notice(unrelated)).isNull();
    }

    /**
     * Re-test 27 R2 and R5: the supplier lot number written with a space, without its dash or with a Unicode hyphen
     * (U+2010) is the rejected supplier lot all the same: received into QUARANTINE, the other spelling named, and the
     * rejection quoted in the words QA signed ("Retained sample missing"), not "Release refused by Jennifer Lee".
     */
    @Test
    void anotherSpellingOfTheSupplierLotNumberIsReceivedIntoQuarantineQuotingQasSignedReason() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("RSK");
        String supplierLot = unique("AS");
        String code = supplierLot.substring(3);
        String rejectedLot = rejected(sku, "Audit Supplies Ltd", supplierLot, "BOL-AS-11");

        int n = 0;
        for (String spelling : List.of("AS " + code, "AS" + code, "AS\u2010" + code)) {
            Response r = receive(sku, "Audit Supplies Ltd", spelling, "BOL-ASK-" + (++n), false, "2027-02-01");
            String lot = lotOf(r);
            assertThat(q.status(lot)).as(spelling).isEqualTo("QUARANTINE");
            String named = rejectedLot + " (supplier lot " + spelling + ", written " + supplierLot + " on this lot) was"
                    + " REJECTED by QA (Retained sample missing)";
            assertThat(notice(r)).as(spelling).startsWith("Received into QUARANTINE, not released for use: earlier"
                    + " lots of supplier lot " + spelling + " from Audit Supplies Ltd were recalled or rejected")
                    .contains(named).contains("a supplier lot number written with other spaces, dashes or punctuation"
                            + " counts").doesNotContain("Release refused by");
            assertThat(holdReason(lot)).contains(named).doesNotContain("Release refused by");
        }
        // the spelling of the rejected lot: quoted in QA's words too, the lots received under the other spellings
        // named with theirs
        Response same = receive(sku, "Audit Supplies Ltd", supplierLot, "BOL-ASK-9", false, "2027-02-01");
        assertThat(notice(same)).contains(rejectedLot + " was REJECTED by QA (Retained sample missing);")
                .contains("(supplier lot " + supplierLot + ", written AS " + code + " on this lot) is held by QA in"
                        + " QUARANTINE since its receipt").doesNotContain("Release refused by");
        // the rejected delivery entered again under another spelling: received already, not a new delivery
        Response again = receive(sku, "Audit Supplies Ltd", "AS." + code, "BOL-AS-11", false, "2027-02-01");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("was received already, as " + rejectedLot)
                .contains("of the supplier lot were REJECTED");
        // another product, another supplier, a spelling of the same code: not the same material
        Response unrelated = receive(api.createProduct("RSL"), "Other Mill GmbH", "AS " + code, "BOL-OM-2", false,
                "2027-02-01");
        assertThat(unrelated.json().get("lots").get(0).get("status").asText()).as(unrelated.toString())
                .isEqualTo("PENDING");
        assertThat(notice(unrelated)).isNull();
    }
}
