package org.lotflow.order;

import org.lotflow.order.internal.OverrideOutcome;

import org.lotflow.shared.RefusalStatus;

import org.lotflow.shared.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #8 on the engine side, through the Java API: whatever variables a user sends or sets,
 * {@code allocationOverride} takes its order from the business key, its decision from the
 * completing QA manager's validated inputs recorded on the order row, and starts only from an order.
 */
@ApiTest
class AllocationOverrideFactsTest {

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
    OverrideOutcome overrideOutcome;

    OrderFixtures fx;
    String sku;
    String older;
    String newer;

    @BeforeEach
    void setUp() {
        fx = new OrderFixtures(api, jdbc);
        sku = api.createProduct("OVF");
        older = fx.releasedLot(sku, 100, "2024-08-01", null);
        newer = fx.releasedLot(sku, 100, "2025-01-10", null);
    }

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    private String pendingOverride() {
        return fx.placed(sku, 10, "requestedLot", newer).get("orderNumber").asText();
    }

    private long orderId(String orderNumber) {
        return jdbc.queryForObject("SELECT id FROM sales_order WHERE order_number = ?", Long.class, orderNumber);
    }

    private String processOf(String orderNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("allocationOverride")
                .processInstanceBusinessKey(orderNumber).singleResult().getId();
    }

    private Task taskOf(String orderNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(orderNumber)
                .taskDefinitionKey("approveOverride").singleResult();
    }

    private JsonNode order(String orderNumber) {
        return api.get("tom", "/api/orders/" + orderNumber).json();
    }

    private void asQaManager() {
        identityService.setAuthentication("jennifer", List.of("qa-manager"));
    }

    /** The refusal inside an engine exception, as EngineRefusals finds it for engine REST. */
    private static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refusal api) {
                return api;
            }
        }
        throw new AssertionError("no Refusal in " + e, e);
    }

    private long processCount() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("allocationOverride").count();
    }

    @Test
    void aForgedOrderIdDecidesOnlyTheTasksOwnOrder() {
        String a = pendingOverride();
        String b = pendingOverride();
        asQaManager();
        Map<String, Object> variables = new HashMap<>();
        variables.put("approved", true);
        variables.put("comment", "Customer qualified lot " + newer);
        variables.put("orderId", orderId(b));
        variables.put("orderNumber", b);
        variables.put("decidedBy", "mallory");
        // the signature's password accompanies the completion, as HTTP Basic or the masked field does
        org.lotflow.security.SignatureCredentials.with("jennifer", () -> taskService.complete(taskOf(a).getId(),
                variables));
        identityService.clearAuthentication();
        // between the decision and the allocation, the variables are overwritten once more
        runtimeService.setVariable(processOf(a), "orderId", orderId(b));
        runtimeService.setVariable(processOf(a), "decidedBy", "mallory");
        api.executeJobs();

        JsonNode afterA = order(a);
        assertThat(afterA.get("status").asText()).isEqualTo("ALLOCATED");
        assertThat(afterA.get("override").get("status").asText()).isEqualTo("APPROVED");
        assertThat(afterA.get("override").get("decidedBy").asText()).isEqualTo("jennifer");
        assertThat(afterA.get("allocations").get(0).get("approvedBy").asText()).isEqualTo("jennifer");
        JsonNode afterB = order(b);
        assertThat(afterB.get("status").asText()).isEqualTo("OVERRIDE_PENDING");
        assertThat(afterB.get("allocations")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT override_decision FROM sales_order WHERE order_number = ?",
                String.class, b)).isNull();
        assertThat(taskOf(b)).isNotNull();
    }

    @Test
    void theDecisionIsRequiredEveryTimeAndTyped() {
        String a = pendingOverride();
        String task = taskOf(a).getId();
        asQaManager();
        assertThatThrownBy(() -> taskService.complete(task, Map.of("comment", "no decision")))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "approved"));
        assertThatThrownBy(() -> taskService.complete(task, Map.of("approved", "true", "comment", "text")))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "approved"));
        assertThatThrownBy(() -> taskService.complete(task, Map.of("approved", true, "comment", 42)))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "comment"));
        // four eyes stay: the requester may not decide
        identityService.setAuthentication("tom", List.of("sales", "qa-manager"));
        assertThatThrownBy(() -> taskService.complete(task, Map.of("approved", true, "comment", "mine")))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(403));
        asQaManager();
        org.lotflow.security.SignatureCredentials.with("jennifer",
                () -> taskService.complete(task, Map.of("approved", false, "comment", "Keep FEFO")));
        identityService.clearAuthentication();
        // the input is gone; what routes the gateway is the recorded refusal
        assertThat(runtimeService.getVariables(processOf(a))).doesNotContainKey("comment")
                .containsEntry("approved", false);
        api.executeJobs();
        assertThat(order(a).get("override").get("status").asText()).isEqualTo("REFUSED");
        assertThat(order(a).get("allocations").get(0).get("lotNumber").asText()).isEqualTo(older);
    }

    @Test
    void theOutcomeTaskReChecksTheRecordedDecision() {
        String a = pendingOverride();
        String pi = processOf(a);
        // no decision recorded: an approval cannot be carried out, whatever routed there
        assertThatThrownBy(() -> overrideOutcome.applyApproved(a, pi))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(409));
        assertThatThrownBy(() -> overrideOutcome.applyRefused(a, pi))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(409));
        // nor by another process than the one bound to the order
        assertThatThrownBy(() -> overrideOutcome.applyApproved(a, "some-other-process"))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(409));
        assertThat(order(a).get("status").asText()).isEqualTo("OVERRIDE_PENDING");
        assertThat(order(a).get("allocations")).isEmpty();
        assertThat(fx.lot(newer).get("allocated").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aDirectStartIsRefusedAndStartsNothing() {
        String a = pendingOverride();
        String fefoOrder = fx.placed(sku, 5).get("orderNumber").asText();
        long before = processCount();
        // the business key of an order that already has its process
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("allocationOverride", a,
                Map.of("orderId", orderId(a))))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(409));
        // an order that asked for no exception, an unknown one, none at all
        for (String key : new String[] {fefoOrder, "SO-NO-SUCH-ORDER", null}) {
            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("allocationOverride", key,
                    Map.of("orderId", orderId(a), "approved", true)))
                    .as(String.valueOf(key))
                    .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(403));
        }
        assertThat(processCount()).isEqualTo(before);
        assertThat(order(a).get("status").asText()).isEqualTo("OVERRIDE_PENDING");
        assertThat(order(fefoOrder).get("status").asText()).isEqualTo("ALLOCATED");
    }
}
