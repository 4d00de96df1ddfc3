package org.lotflow.quarantine;

import org.lotflow.shared.RefusalStatus;

import org.lotflow.shared.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #8, engine side: every Camunda surface lets a user write process variables, so no fact
 * or outcome of {@code quarantineInvestigation} may depend on one. Each task is completed through
 * the engine's Java API (what engine REST and Tasklist call) with another hold's {@code holdId}
 * and {@code lotId}, routing variables are overwritten between steps, outcome steps are reached
 * by modification, and starts name other holds: only the hold bound to the instance is touched.
 */
@ApiTest
class QuarantineFactsTamperingTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    QuarantineFixture q;

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
    }

    @AfterEach
    void clearIdentity() {
        identityService.clearAuthentication();
    }

    /** A released lot, part of it shipped to a customer (so there is someone to inform), then held. */
    private String heldLot(String prefix) {
        String lot = api.releasedLot(api.createProduct(prefix), new BigDecimal("100"), "2024-11-15");
        new org.lotflow.trace.GenealogyFixture(api, jdbc).ship("Acme Industrial", lot, "10", "2024-12-01");
        assertThat(q.hold("sarah", lot, "Customer complaint about " + lot).status()).isEqualTo(202);
        return lot;
    }

    private Long lotId(String lotNumber) {
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
    }

    private Long holdId(String lotNumber) {
        return jdbc.queryForObject("SELECT MAX(h.id) FROM lot_hold h JOIN lot l ON l.id = h.lot_id "
                + "WHERE l.lot_number = ?", Long.class, lotNumber);
    }

    private Map<String, Object> hold(String lotNumber) {
        return jdbc.queryForMap("SELECT * FROM lot_hold WHERE id = ?", holdId(lotNumber));
    }

    private String processOf(String lotNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("quarantineInvestigation")
                .processInstanceBusinessKey(lotNumber).singleResult().getId();
    }

    private String task(String lotNumber, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(lotNumber).taskDefinitionKey(key)
                .singleResult().getId();
    }

    private boolean hasTask(String lotNumber, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(lotNumber).taskDefinitionKey(key).count() > 0;
    }

    private void as(String user, String group, Runnable action) {
        identityService.setAuthentication(user, List.of(group));
        try {
            // the demo users' password is their id; it accompanies the call as HTTP Basic or Tasklist's field would
            org.lotflow.security.SignatureCredentials.with(user, action);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private List<String> types(String lotNumber) {
        return q.history(lotNumber).findValues("type").stream().map(JsonNode::asText).toList();
    }

    private Map<String, Object> forgedIds(String otherLot) {
        return Map.of("holdId", holdId(otherLot), "lotId", lotId(otherLot));
    }

    private static Map<String, Object> with(Map<String, Object> fields, Map<String, Object> more) {
        Map<String, Object> all = new java.util.HashMap<>(fields);
        all.putAll(more);
        return all;
    }

    /** Exhausts an outcome job's retries: every attempt is refused. */
    private void refusedEveryTime(String processInstanceId, String activityId) {
        Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .singleResult();
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThat(catchThrowable(() -> managementService.executeJob(job.getId()))).as(activityId)
                    .hasMessageContaining("Refused to carry out");
        }
    }

    @Test
    void everyTaskCompletedWithAnotherHoldsIdActsOnItsOwnHold() {
        String a = heldLot("QTAMPA");
        String b = heldLot("QTAMPB");

        // investigateLot of A with B's ids
        as("sarah", "qa-analyst", () -> taskService.complete(task(a, "investigateLot"), with(Map.of(
                "findings", "Retained sample of A within specification"), forgedIds(b))));
        assertThat(hold(a).get("FINDINGS")).isEqualTo("Retained sample of A within specification");
        assertThat(hold(a).get("INVESTIGATED_BY")).isEqualTo("sarah");
        assertThat(hold(b).get("FINDINGS")).isNull();
        assertThat(types(b)).doesNotContain("INVESTIGATION_COMPLETED");
        q.investigate("sarah", b);

        // decideDisposition of A with B's ids (and a dispositionBy of someone else)
        as("jennifer", "qa-manager", () -> taskService.complete(task(a, "decideDisposition"), with(Map.of(
                "decision", "RELEASE", "justification", "Complaint not confirmed", "signaturePassword", "jennifer",
                "dispositionBy", "sarah"), forgedIds(b))));
        assertThat(hold(a).get("DECISION")).isEqualTo("RELEASE");
        assertThat(hold(a).get("DECIDED_BY")).isEqualTo("jennifer");
        assertThat(hold(b).get("DECISION")).isNull();
        assertThat(hasTask(b, "decideDisposition")).isTrue();

        // before the outcome step runs, the process is pointed at B with another decision
        String piA = processOf(a);
        runtimeService.setVariables(piA, with(Map.of("decision", "REJECT", "dispositionBy", "sarah"), forgedIds(b)));
        api.executeJobs();
        assertThat(q.status(a)).isEqualTo("RELEASED");
        assertThat(q.status(b)).isEqualTo("QUARANTINE");
        JsonNode released = null;
        for (JsonNode e : q.history(a)) {
            if (e.get("type").asText().equals("STATUS_CHANGED")) {
                released = e; // the last status change (the certificate of analysis it issued follows it)
            }
        }
        assertThat(released.get("newStatus").asText()).isEqualTo("RELEASED");
        assertThat(released.get("user").asText()).isEqualTo("jennifer");

        // informCustomers of A with B's ids and a decision that would route to disposal
        as("jennifer", "qa-manager", () -> taskService.complete(task(a, "informCustomers"), with(Map.of(
                "customerNotice", "Phoned the customers of A", "decision", "REJECT"), forgedIds(b))));
        assertThat(types(a)).contains("CUSTOMERS_INFORMED");
        assertThat(types(b)).doesNotContain("CUSTOMERS_INFORMED");
        assertThat(hasTask(a, "confirmDisposal")).as("a released lot is not disposed of").isFalse();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(piA).count()).isZero();
        assertThat(q.status(b)).isEqualTo("QUARANTINE");
    }

    @Test
    void aRejectedLotIsDisposedOfEvenIfTheRoutingSaysReleaseAndOnlyItself() {
        String e = heldLot("QTAMPE");
        String other = heldLot("QTAMPO");
        q.investigate("sarah", e);
        assertThat(q.dispose("jennifer", e, Map.of("decision", "REJECT", "justification", "Flash point too low",
                "password", "jennifer")).status()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(e)).isEqualTo("REJECTED");

        as("jennifer", "qa-manager", () -> taskService.complete(task(e, "informCustomers"), with(Map.of(
                "customerNotice", "No customer affected", "decision", "RELEASE"), forgedIds(other))));
        assertThat(hasTask(e, "confirmDisposal")).as("the signed REJECT routes to disposal").isTrue();
        String shown = api.figuresShown("mike", task(e, "confirmDisposal"));
        as("mike", "production", () -> taskService.complete(task(e, "confirmDisposal"), with(Map.of(
                "disposalMethod", "DESTROYED", "disposalReference", "WM-1", "figuresShown", shown),
                forgedIds(other))));
        assertThat(types(e)).contains("CUSTOMERS_INFORMED", "DISPOSAL_CONFIRMED");
        assertThat(types(other)).doesNotContain("CUSTOMERS_INFORMED", "DISPOSAL_CONFIRMED");
        assertThat(q.status(other)).isEqualTo("QUARANTINE");
    }

    @Test
    void anOutcomeStepActsOnlyOnItsOwnHoldsSignedDisposition() {
        String c = heldLot("QTAMPC");
        String d = heldLot("QTAMPD");
        q.investigate("sarah", c);
        q.investigate("sarah", d);
        // D is signed REJECT; its own outcome step has not run yet
        assertThat(q.dispose("jennifer", d, Map.of("decision", "REJECT", "justification", "Contaminated",
                "password", "jennifer")).status()).isEqualTo(200);
        // C (undecided) is pointed at D's hold and sent to the outcome steps (a Cockpit modification)
        String piC = processOf(c);
        runtimeService.setVariables(piC, with(Map.of("decision", "REJECT"), forgedIds(d)));
        runtimeService.createProcessInstanceModification(piC).startBeforeActivity("rejectHeldLot")
                .startBeforeActivity("releaseHeldLot").startBeforeActivity("recallHeldLot").execute();
        for (String step : List.of("rejectHeldLot", "releaseHeldLot", "recallHeldLot")) {
            refusedEveryTime(piC, step);
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(piC).count()).isEqualTo(3);
        assertThat(q.status(c)).isEqualTo("QUARANTINE");
        assertThat(q.status(d)).as("D is changed by nobody but its own process").isEqualTo("QUARANTINE");
        assertThat(hold(c).get("DECISION")).isNull();
        assertThat(hold(c).get("CLOSED_AT")).isNull();
        assertThat(hold(d).get("CLOSED_AT")).isNull();

        api.executeJobs(); // D's own step
        assertThat(q.status(d)).isEqualTo("REJECTED");
        assertThat(q.status(c)).isEqualTo("QUARANTINE");
    }

    @Test
    void aStartNamingAnotherHoldIsRefusedAndBindsNothing() {
        String x = api.releasedLot(api.createProduct("QTAMPX"), new BigDecimal("100"), "2024-11-15");
        String y = heldLot("QTAMPY");
        String piY = processOf(y);
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("quarantineInvestigation")
                .count();
        identityService.setAuthentication("sarah", List.of("qa-analyst"));
        Throwable byKey = catchThrowable(() -> runtimeService.startProcessInstanceByKey("quarantineInvestigation", y,
                forgedIds(y)));
        Throwable startForm = catchThrowable(() -> runtimeService.startProcessInstanceByKey(
                "quarantineInvestigation", with(Map.of("lotNumber", x, "reason", "forged", "source", "COMPLAINT"),
                        forgedIds(y))));
        identityService.clearAuthentication();
        for (Throwable refused : List.of(byKey, startForm)) {
            Refusal api = refusal(refused);
            assertThat(RefusalStatus.of(api)).isEqualTo(409);
            assertThat(api.getMessage()).contains("not waiting for an investigation");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quarantineInvestigation")
                .count()).isEqualTo(before);
        assertThat(hold(y).get("PROCESS_INSTANCE_ID")).isEqualTo(piY);
        assertThat(q.status(x)).isEqualTo("RELEASED");
        assertThat(types(x)).doesNotContain("HOLD_PLACED");
    }

    @Test
    void theStartFormBindsOnlyTheHoldItPlacesWhateverBusinessKeyIsSent() {
        String x = api.releasedLot(api.createProduct("QTAMPS"), new BigDecimal("100"), "2024-11-15");
        String y = heldLot("QTAMPZ");
        identityService.setAuthentication("sarah", List.of("qa-analyst"));
        String pi;
        try {
            pi = runtimeService.startProcessInstanceByKey("quarantineInvestigation", y,
                    Map.of("lotNumber", x, "reason", "Odour", "source", "COMPLAINT")).getId();
        } finally {
            identityService.clearAuthentication();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey())
                .isEqualTo(x);
        assertThat(hold(x).get("PROCESS_INSTANCE_ID")).isEqualTo(pi);
        assertThat(hold(y).get("PROCESS_INSTANCE_ID")).isEqualTo(processOf(y));
        assertThat(runtimeService.getVariables(pi)).doesNotContainKeys("holdId", "lotId", "lotNumber", "reason");
    }

    @Test
    void aDispositionIsNeverTakenFromAnEarlierValue() {
        String lot = heldLot("QTAMPSTALE");
        // a decision waiting on the process before the disposition task exists
        runtimeService.setVariable(processOf(lot), "decision", "RELEASE");
        q.investigate("sarah", lot);
        String decide = task(lot, "decideDisposition");
        identityService.setAuthentication("jennifer", List.of("qa-manager"));
        Throwable refused = catchThrowable(() -> taskService.complete(decide, Map.of(
                "justification", "fine", "signaturePassword", "jennifer")));
        Refusal notText = refusal(catchThrowable(() -> taskService.complete(decide, Map.of(
                "decision", 1, "justification", "fine", "signaturePassword", "jennifer"))));
        identityService.clearAuthentication();
        assertThat(refusal(refused).properties().get("field")).isEqualTo("decision");
        assertThat(RefusalStatus.of(notText)).isEqualTo(400);
        assertThat(hold(lot).get("DECISION")).isNull();
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(hasTask(lot, "decideDisposition")).isTrue();
    }

    private static Refusal refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Refusal api) {
                return api;
            }
        }
        throw new AssertionError("no lotflow refusal in " + thrown, thrown);
    }
}
