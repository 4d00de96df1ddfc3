package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.expiry.ExpiringLot;
import org.lotflow.expiry.ExpiryQueries;
import org.lotflow.expiry.internal.ExpiryRun;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.support.ApiTest;
import org.lotflow.support.Forms;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 26 F3: a lot held on a complaint whose expiration date passes during the hold. The hold owns the lot until a QA
 * manager decides: the expiry run leaves it in QUARANTINE (and says so once), and the signed disposition applies in
 * full: REJECT informs the customers who received it and disposes of its stock, RELEASE leaves it EXPIRED, never
 * RELEASED. A lot the expiry run made EXPIRED while held before this rule follows its signed disposition too. Today is
 * 2025-01-28.
 */
@ApiTest
class HeldPastExpiryApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExpiryRun expiry;
    @Autowired
    ExpiryQueries expiryQueries;
    @Autowired
    LotService lotService;

    QuarantineFixture q;

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
    }

    /** A released lot shipped to two customers with 150 allocated to an open order, held on a complaint. */
    private String heldShippedLot(String prefix) {
        String lot = api.releasedLot(api.createProduct(prefix), new BigDecimal("500"), "2024-11-15");
        q.seedOrders(lot, prefix);
        assertThat(q.hold("sarah", lot, "Customer reports mould").status()).isEqualTo(202);
        return lot;
    }

    /** The expiration date comes while the lot is held. */
    private void expiresToday(String lot) {
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", lot);
    }

    /** What the expiry run did before audit 26 F3: the held lot EXPIRED, its hold still open. */
    private void expiredWhileHeldByTheOldRun(String lot) {
        expiresToday(lot);
        Long id = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lot);
        lotService.changeStatus(id, LotStatus.EXPIRED, "Expiration date 2025-01-28 reached (expiry monitoring of"
                + " 2025-01-28)");
        assertThat(q.status(lot)).isEqualTo("EXPIRED");
    }

    private List<String> types(String lot) {
        return q.history(lot).findValues("type").stream().map(JsonNode::asText).toList();
    }

    private JsonNode lastChangeTo(String lot, String status) {
        JsonNode found = null;
        for (JsonNode e : q.history(lot)) {
            if ("STATUS_CHANGED".equals(e.get("type").asText()) && status.equals(e.path("newStatus").asText())) {
                found = e;
            }
        }
        assertThat(found).as("a change to " + status).isNotNull();
        return found;
    }

    private Response sign(String lot, String decision, String justification) {
        return q.dispose("jennifer", lot, Map.of("decision", decision, "justification", justification, "password",
                "jennifer"));
    }

    private BigDecimal lotField(String lot, String field) {
        return api.get("mike", "/api/lots/" + lot).json().get(field).decimalValue();
    }

    /** informCustomers then confirmDisposal, as for any rejected lot shipped to customers. */
    private void customersInformedAndStockDisposedOf(String lot) {
        String inform = q.taskId("jennifer", lot, "informCustomers");
        JsonNode shown = api.get("jennifer", "/engine-rest/task/" + inform + "/form-variables").json();
        assertThat(Forms.shown(shown, "customerList")).contains("Metro Manufacturing", "Industrial Services Inc.");
        assertThat(Forms.shown(shown, "outcomeText")).isEqualTo("Reject (the lot is rejected)");
        assertThat(q.submit("jennifer", inform, Map.of("customerNotice", "Phoned both customers on 2025-01-28"))
                .status()).isEqualTo(204);
        String disposal = q.taskId("mike", lot, "confirmDisposal");
        assertThat(Forms.shown(api.get("mike", "/engine-rest/task/" + disposal + "/form-variables").json(), "onHand"))
                .isEqualTo("435 drums");
        assertThat(q.submit("mike", disposal, Map.of("disposalMethod", "DESTROYED", "disposalReference",
                "WM-2025-0101", "figuresShown", api.figuresShown("mike", disposal))).status()).isEqualTo(204);
        assertThat(types(lot)).contains("CUSTOMERS_INFORMED", "DISPOSAL_CONFIRMED").doesNotContain(
                "DISPOSITION_NOT_APPLIED");
        assertThat(lotField(lot, "disposed")).isEqualByComparingTo("435");
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot).json()).isEmpty();
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("stage").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void theExpiryRunLeavesAHeldLotInQuarantineAndASignedRejectInformsAndDisposes() {
        String lot = heldShippedLot("HPXR");
        expiresToday(lot);

        ExpiryRun.Result run = expiry.run();
        assertThat(run.expired()).doesNotContain(lot);
        assertThat(run.heldPastExpiry()).contains(lot);
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        // the review still lists it, past its date
        ExpiringLot listed = expiryQueries.expiring(expiryQueries.alertDays()).stream()
                .filter(l -> l.lotNumber().equals(lot)).findFirst().orElseThrow();
        assertThat(listed.status()).isEqualTo("QUARANTINE");
        assertThat(listed.daysRemaining()).isZero();
        // said once in its history, however many runs find it
        assertThat(expiry.run().heldPastExpiry()).contains(lot);
        assertThat(types(lot).stream().filter(ExpiryRun.EXPIRED_WHILE_HELD::equals).count()).isEqualTo(1);
        assertThat(types(lot)).doesNotContain("DEALLOCATED");

        q.investigate("sarah", lot);
        String decide = q.taskId("jennifer", lot, "decideDisposition");
        assertThat(Forms.shown(api.get("jennifer", "/engine-rest/task/" + decide + "/form-variables").json(),
                "expiryNote")).startsWith("Lot " + lot + " reached its expiration date 2025-01-28 while held: a RELEASE"
                        + " leaves it expired");
        assertThat(sign(lot, "REJECT", "Mould confirmed in retained sample").status()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("REJECTED");
        assertThat(lastChangeTo(lot, "REJECTED").get("previousStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(lotField(lot, "allocated")).isEqualByComparingTo("0");
        customersInformedAndStockDisposedOf(lot);
    }

    @Test
    void aSignedReleaseOfAHeldLotPastItsDateLeavesItExpiredWithTheSignature() {
        String lot = heldShippedLot("HPXL");
        q.investigate("sarah", lot);
        expiresToday(lot);
        expiry.run();
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(lotField(lot, "allocated")).isEqualByComparingTo("150");

        Response release = sign(lot, "RELEASE", "Mould came from the customer's storage; retained samples clean");
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("EXPIRED");
        JsonNode expired = lastChangeTo(lot, "EXPIRED");
        assertThat(expired.get("previousStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(expired.get("user").asText()).isEqualTo("jennifer");
        assertThat(expired.get("reason").asText()).startsWith("Quarantine disposition: release, signed by Jennifer Lee:"
                + " Mould came from").contains("Its expiration date 2025-01-28 has come: expired");
        // never RELEASED after the hold: only its lab release made it so
        assertThat(q.history(lot).findValues("newStatus").stream().map(JsonNode::asText)
                .filter("RELEASED"::equals).count()).isEqualTo(1);
        // its allocations are cancelled, as the expiry run's
        assertThat(lotField(lot, "allocated")).isEqualByComparingTo("0");
        assertThat(types(lot)).contains("DEALLOCATED");
        // the customers are told the outcome; no disposal from this process
        String inform = q.taskId("jennifer", lot, "informCustomers");
        assertThat(Forms.shown(api.get("jennifer", "/engine-rest/task/" + inform + "/form-variables").json(),
                "outcomeText")).isEqualTo("Release (the lot is expired)");
        assertThat(q.submit("jennifer", inform, Map.of("customerNotice", "E-mailed both customers")).status())
                .isEqualTo(204);
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot).json()).isEmpty();
    }

    /** The reproduction of audit 26 F3: data written before this rule, a lot EXPIRED with its hold open. */
    @Test
    void aLotExpiredWhileHeldBeforeThisRuleIsRejectedByItsSignedRejectAndDisposedOf() {
        String lot = heldShippedLot("HPXO");
        expiredWhileHeldByTheOldRun(lot);
        q.investigate("sarah", lot);
        assertThat(sign(lot, "REJECT", "Mould confirmed in retained sample").status()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("REJECTED");
        JsonNode rejected = lastChangeTo(lot, "REJECTED");
        assertThat(rejected.get("previousStatus").asText()).isEqualTo("EXPIRED");
        assertThat(rejected.get("reason").asText()).startsWith("Quarantine disposition: reject, signed by Jennifer Lee");
        customersInformedAndStockDisposedOf(lot);
    }

    @Test
    void aLotExpiredWhileHeldBeforeThisRuleIsRecalledOrReleasedByItsSignedDisposition() {
        String recalled = heldShippedLot("HPXC");
        expiredWhileHeldByTheOldRun(recalled);
        q.investigate("sarah", recalled);
        assertThat(sign(recalled, "RECALL", "Mould confirmed; customers must return it").status()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(recalled)).isEqualTo("RECALLED");
        assertThat(types(recalled)).contains("RECALL_REQUESTED").doesNotContain("DISPOSITION_NOT_APPLIED");
        assertThat(api.get("rachel", "/api/lots/" + recalled).json().get("recalls")).hasSize(1);

        String released = heldShippedLot("HPXE");
        expiredWhileHeldByTheOldRun(released);
        q.investigate("sarah", released);
        Response release = sign(released, "RELEASE", "Mould came from the customer's storage");
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(released)).isEqualTo("EXPIRED");
        assertThat(types(released)).contains("DISPOSITION_CARRIED_OUT").doesNotContain("DISPOSITION_NOT_APPLIED");
        String inform = q.taskId("jennifer", released, "informCustomers");
        assertThat(q.submit("jennifer", inform, Map.of("customerNotice", "E-mailed both customers")).status())
                .isEqualTo(204);
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + released).json()).isEmpty();
        assertThat(api.get("tom", "/api/lots/" + released).json().get("investigation").get("stage").asText())
                .isEqualTo("CLOSED");
    }
}
