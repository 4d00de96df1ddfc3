package org.lotflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** A task's display values are there for its form at run time and absent from Camunda's history. */
@ApiTest
class DisplayVariableHistoryApiTest {

    @Autowired
    TestClient api;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService historyService;

    @Test
    void formsReadTheirValuesHistoryKeepsOnlyProcessVariablesAndInputs() {
        String sku = api.createProduct("DISP");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();
        Map<String, Object> shown = taskService.getVariablesLocal(lab.getId());
        assertThat(shown).as("display values for the form").hasSizeGreaterThan(3);
        assertThat(taskService.getVariables(lab.getId())).containsAllEntriesOf(shown);
        assertThat(historyService.createHistoricVariableInstanceQuery().taskIdIn(lab.getId()).list()).isEmpty();

        api.release(lot);

        var processInstanceId = lab.getProcessInstanceId();
        var history = historyService.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list();
        assertThat(history).as("process variables keep their history").isNotEmpty()
                .allMatch(v -> v.getTaskId() == null || !shown.containsKey(v.getName())
                        || "approved".equals(v.getName()) || "comment".equals(v.getName()));
        assertThat(history.stream().map(HistoricVariableInstance::getName)).doesNotContainAnyElementsOf(
                shown.keySet().stream().filter(n -> !n.equals("approved") && !n.equals("comment")).toList());
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(processInstanceId).variableUpdates()
                .list()).isNotEmpty();
    }
}
