package org.lotflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a task's form shows is one row of {@code task_display} while the task is open, served as the form's fields
 * (what Tasklist reads), never a Camunda variable, so never in variable history; the row goes with the task.
 */
@ApiTest
class TaskDisplaysApiTest {

    @Autowired
    TestClient api;

    @Autowired
    TaskService taskService;

    @Autowired
    FormService formService;

    @Autowired
    HistoryService historyService;

    @Autowired
    JdbcTemplate jdbc;

    private int rows(String taskId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM task_display WHERE task_id = ?", Integer.class, taskId);
    }

    @Test
    void formsReadTheirValuesAsFormFieldsNoneIsAVariableAndTheRowGoesWithTheTask() {
        String sku = api.createProduct("DISP");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();

        VariableMap shown = formService.getTaskFormVariables(lab.getId());
        assertThat(shown).as("display values for the form").hasSizeGreaterThan(3);
        assertThat(shown.get("lotNumber")).as("escaped for the Camunda Form's Markdown").isEqualTo(TaskForm.md(lot));
        assertThat(taskService.getVariablesLocal(lab.getId())).as("no display value is a task variable").isEmpty();
        assertThat(taskService.getVariables(lab.getId())).doesNotContainKey("lotNumber");
        assertThat(rows(lab.getId())).isEqualTo(1);
        // as Tasklist reads them: typed values over /engine-rest
        JsonNode read = api.get("sarah", "/engine-rest/task/" + lab.getId() + "/form-variables").json();
        assertThat(read.get("lotNumber").get("type").asText()).isEqualTo("String");
        assertThat(read.get("lotNumber").get("value").asText()).isEqualTo(TaskForm.md(lot));
        org.lotflow.support.TestClient.Binary rendered = api.download("sarah", "/engine-rest/task/" + lab.getId()
                + "/rendered-form", "*/*");
        assertThat(rendered.status()).as("Camunda's generated form is the task's own, without the display values: "
                + rendered.text()).isLessThan(500);
        assertThat(rendered.text()).doesNotContain(TaskForm.md(lot));
        assertThat(formService.getTaskFormData(lab.getId()).getFormFields()).extracting(f -> f.getId())
                .doesNotContain("lotNumber");
        JsonNode some = api.get("sarah", "/engine-rest/task/" + lab.getId() + "/form-variables?variableNames=lotNumber")
                .json();
        assertThat(some.size()).isEqualTo(1);

        api.release(lot);
        assertThat(rows(lab.getId())).as("the row goes when the task completes").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM task_display t WHERE NOT EXISTS"
                + " (SELECT 1 FROM ACT_RU_TASK r WHERE r.ID_ = t.task_id)", Integer.class))
                .as("no row outlives its task").isZero();
        String processInstanceId = lab.getProcessInstanceId();
        var history = historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list();
        assertThat(history).as("process variables and inputs keep their history").isNotEmpty();
        assertThat(history.stream().map(HistoricVariableInstance::getName)).doesNotContain("lotNumber", "sku");
    }

    /** A variable written under a display value's name (the guard refuses it over HTTP) never changes the form. */
    @Test
    void aVariableUnderADisplayNameDoesNotChangeWhatTheFormShows() {
        String sku = api.createProduct("DISQ");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();
        taskService.setVariableLocal(lab.getId(), "lotNumber", "FAKE-LOT");
        assertThat(formService.getTaskFormVariables(lab.getId()).get("lotNumber")).isEqualTo(TaskForm.md(lot));
        taskService.removeVariableLocal(lab.getId(), "lotNumber");
    }

    /** A task that ends with its process (cancelled, even skipping custom listeners) takes its row along. */
    @Test
    void theRowGoesWhenTheTaskIsDeletedWithItsProcess() {
        String sku = api.createProduct("DISR");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();
        assertThat(rows(lab.getId())).isEqualTo(1);
        runtimeService.deleteProcessInstance(lab.getProcessInstanceId(), "test: cancelled", true);
        assertThat(rows(lab.getId())).isZero();
    }

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    /**
     * A task opened by an earlier version keeps its display values as task variables and no row: its form still
     * shows them (the engine answers the task's variables after the form fields), and completing it works.
     */
    @Test
    void aTaskOpenedBeforeTheUpgradeStillShowsItsValues() {
        String sku = api.createProduct("DISU");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();
        Map<String, Object> before = new java.util.LinkedHashMap<>(formService.getTaskFormVariables(lab.getId()));
        jdbc.update("DELETE FROM task_display WHERE task_id = ?", lab.getId());
        taskService.setVariablesLocal(lab.getId(), before);
        assertThat(formService.getTaskFormVariables(lab.getId())).containsAllEntriesOf(before);
        api.release(lot);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
    }

    /**
     * Values computed when the form is read ({@link LiveTaskDisplays}) are shown although the task's stored row has
     * none of them: a task opened before an upgrade that added them shows them too (re-test 2026-12-07 M2).
     */
    @Test
    void liveValuesAreShownThoughTheStoredRowHasNone() {
        String sku = api.createProduct("DISL");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", java.util.List.of(
                Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        String approve = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult().getId();
        assertThat(api.post("jennifer", "/engine-rest/task/" + approve + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", false), "comment", Map.of("value", "Retained sample missing")))).status())
                .isEqualTo(204);
        api.executeJobs();
        Task disposal = taskService.createTaskQuery().processInstanceBusinessKey(lot).taskDefinitionKey("confirmDisposal")
                .singleResult();
        String stored = jdbc.queryForObject("SELECT shown FROM task_display WHERE task_id = ?", String.class,
                disposal.getId());
        assertThat(stored).contains("\"onHand\"").doesNotContain("receivedLot").doesNotContain("rejectedBecause");
        JsonNode form = api.get("mike", "/engine-rest/task/" + disposal.getId() + "/form-variables").json();
        assertThat(form.get("receivedLot").get("value").asText()).isEqualTo("no");
        assertThat(org.lotflow.support.Forms.shown(form, "rejectedBecause")).startsWith("release refused by Jennifer Lee");
        assertThat(form.get("onHand").get("value").asText()).isEqualTo("100 drums");
        // a per-person entry an intermediate build stored is shown to no one (re-test 2026-12-07 b M1)
        jdbc.update("UPDATE task_display SET shown = ? WHERE task_id = ?", stored.substring(0, stored.length() - 1)
                + ",{\"n\":\"fourEyesNotice@anna\",\"t\":\"String\",\"v\":\"Four eyes: you ...\"}]", disposal.getId());
        JsonNode after = api.get("jennifer", "/engine-rest/task/" + disposal.getId() + "/form-variables").json();
        assertThat(after.fieldNames()).toIterable().noneMatch(name -> name.contains("@"));
        assertThat(after.get("onHand").get("value").asText()).isEqualTo("100 drums");
    }

    @Test
    void valuesKeepTheirTypesAndOrder() {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("b", "text");
        values.put("a", 7);
        values.put("c", 8_000_000_000L);
        values.put("d", true);
        values.put("e", 1.5d);
        values.put("f", null);
        Map<String, Object> back = TaskDisplays.read(TaskDisplays.json(values));
        assertThat(back).containsExactlyEntriesOf(values);
        assertThat(back.get("a")).isInstanceOf(Integer.class);
        assertThat(back.get("c")).isInstanceOf(Long.class);
        assertThat(TaskDisplays.typed(7).getType().getName()).isEqualTo("integer");
    }
}
