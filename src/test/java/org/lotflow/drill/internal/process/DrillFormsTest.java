package org.lotflow.drill.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.Forms.form;
import static org.lotflow.support.Forms.inputKeys;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.lotflow.security.FormSchema;
import org.lotflow.security.FormSchemas;

/** The drill's forms ask for exactly what its listeners read, and the model points at them. */
class DrillFormsTest {

    @Test
    void formKeysMatchWhatTheListenersRead() throws IOException {
        // ReviewDrillScopeListener reads traceComplete (YES or NO, chosen, never preset) and findings
        assertThat(inputKeys(form("reviewDrillScope"))).containsExactlyInAnyOrder(MockRecallProcess.TRACE_COMPLETE,
                MockRecallProcess.FINDINGS);
        JsonNode select = null;
        for (JsonNode c : form("reviewDrillScope").get("components")) {
            if (MockRecallProcess.TRACE_COMPLETE.equals(c.path("key").asText())) {
                select = c;
            }
        }
        assertThat(select.get("values")).extracting(v -> v.get("value").asText())
                .containsExactly(MockRecallProcess.YES, MockRecallProcess.NO);
        assertThat(select.has("defaultValue")).isFalse();
        // CloseDrillListener reads comment
        assertThat(inputKeys(form("closeDrill"))).containsExactly(MockRecallProcess.COMMENT);

        FormSchemas schemas = new FormSchemas();
        FormSchema review = schemas.task("mockRecall", "reviewDrillScope");
        assertThat(review.fields().keySet()).containsExactlyInAnyOrder("traceComplete", "findings");
        assertThat(review.fields().get("traceComplete").required()).isTrue();
        assertThat(review.fields().get("findings").required()).isTrue();
        assertThat(schemas.task("mockRecall", "closeDrill").fields().keySet()).containsExactly("comment");
        assertThat(schemas.start("mockRecall")).as("no start form: started by lotflow only").isNull();
        assertThat(schemas.isLotflowProcess("mockRecall")).isTrue();
    }

    @Test
    void theModelUsesTheFormsAndIsStartedByLotflowOnly() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "mockRecall.bpmn").toFile());
        Process process = model.getModelElementById("mockRecall");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotNull(); // its length: HistoryRetentionTest
        assertThat(process.isCamundaStartableInTasklist()).isFalse();
        StartEvent start = model.getModelElementById("StartEvent_DrillStarted");
        assertThat(start.getCamundaFormRef()).isNull();
        for (String id : new String[] {"reviewDrillScope", "closeDrill"}) {
            UserTask task = model.getModelElementById(id);
            assertThat(task.getCamundaFormRef()).isEqualTo(id);
            assertThat(task.getCamundaCandidateGroups()).isEqualTo("recall-coordinator");
        }
    }
}
