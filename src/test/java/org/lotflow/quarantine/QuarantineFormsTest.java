package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * The quarantine forms ask for exactly what the listeners read, and show only what the create
 * listeners put on the task (the API test checks the values arrive).
 */
class QuarantineFormsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode form(String id) throws IOException {
        JsonNode form = JSON.readTree(Path.of("forms", id + ".form").toFile());
        assertThat(form.get("id").asText()).isEqualTo(id);
        return form;
    }

    /** The keys of a form's input fields (as ProcessModelsTest collects them). */
    static Set<String> inputKeys(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        collect(form.get("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        if (components == null) {
            return;
        }
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                keys.add(c.get("key").asText());
            }
            collect(c.get("components"), keys);
        }
    }

    static Set<String> placeholders(JsonNode form) {
        Set<String> names = new TreeSet<>();
        for (JsonNode c : form.get("components")) {
            if ("text".equals(c.path("type").asText())) {
                Matcher m = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}").matcher(c.get("text").asText());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void formFieldsAreExactlyWhatTheListenersRead() throws IOException {
        // QuarantineStartListener reads lotNumber, reason, source, reference
        assertThat(inputKeys(form("quarantineStart")))
                .containsExactlyInAnyOrder("lotNumber", "reason", "source", "reference");
        assertThat(inputKeys(form("investigateLot")))
                .containsExactlyInAnyOrder(InvestigateLotListener.FIELDS);
        assertThat(inputKeys(form("decideDisposition")))
                .containsExactlyInAnyOrder(DecideDispositionListener.FIELDS)
                .contains(SignaturePasswordHistoryFilter.SECRET);
        assertThat(inputKeys(form("informCustomers"))).containsExactly("customerNotice");
        assertThat(inputKeys(form("confirmDisposal")))
                .containsExactlyInAnyOrder("disposalMethod", "disposalReference");
    }

    @Test
    void formsShowOnlyWhatTheCreateListenersProvide() throws IOException {
        Set<String> lotAndHold = Set.of("lotNumber", "sku", "productName", "lotStatus", "location", "holdReason",
                "holdSource", "holdReference", "holdPlacedBy", "holdPlacedAt", "decisionDue", "impactAssessment");
        assertThat(lotAndHold).containsAll(placeholders(form("investigateLot")));
        Set<String> decide = new TreeSet<>(lotAndHold);
        decide.addAll(Set.of("findingsText", "rootCauseText", "retainedSampleText", "investigatedByName"));
        assertThat(decide).containsAll(placeholders(form("decideDisposition")));
        assertThat(Set.of("lotNumber", "lotStatus", "outcome", "justificationText", "customerList"))
                .containsAll(placeholders(form("informCustomers")));
        assertThat(Set.of("lotNumber", "location", "onHand")).containsAll(placeholders(form("confirmDisposal")));
        assertThat(placeholders(form("quarantineStart"))).isEmpty();
    }

    @Test
    void theProcessUsesTheseFormsAndTheContractsGroups() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "quarantineInvestigation.bpmn").toFile());
        StartEvent start = model.getModelElementsByType(StartEvent.class).stream()
                .filter(s -> s.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process).findFirst()
                .orElseThrow();
        assertThat(start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
                .isEqualTo("quarantineStart");
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getCamundaFormRef()).isEqualTo(task.getId());
        }
        assertThat(((UserTask) model.getModelElementById("investigateLot")).getCamundaCandidateGroups())
                .isEqualTo("qa-analyst,qa-manager");
        assertThat(((UserTask) model.getModelElementById("decideDisposition")).getCamundaCandidateGroups())
                .isEqualTo("qa-manager");
    }
}
