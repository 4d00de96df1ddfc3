package org.lotflow.quarantine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.Forms.form;
import static org.lotflow.support.Forms.inputKeys;
import static org.lotflow.support.Forms.placeholders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

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

    @Test
    void formFieldsAreExactlyWhatTheListenersRead() throws Exception {
        // QuarantineStartListener reads lotNumber, reason, source, reference
        assertThat(inputKeys(form("quarantineStart")))
                .containsExactlyInAnyOrder("lotNumber", "reason", "source", "reference");
        assertThat(inputKeys(form("investigateLot")))
                .containsExactlyInAnyOrder(InvestigateLotListener.FIELDS);
        // the signing form is embedded HTML with a masked password that never becomes a variable
        org.lotflow.security.FormSchema decide = new org.lotflow.security.FormSchemas().task("quarantineInvestigation",
                "decideDisposition");
        assertThat(decide.fields().keySet()).containsExactlyInAnyOrder("decision", "justification", "classification");
        assertThat(decide.signatureField()).isEqualTo(SignaturePasswordHistoryFilter.SECRET);
        assertThat(inputKeys(form("informCustomers"))).containsExactly("customerNotice");
        assertThat(inputKeys(form("confirmDisposal")))
                .containsExactlyInAnyOrder("disposalMethod", "disposalReference");
    }

    @Test
    void formsShowOnlyWhatTheCreateListenersProvide() throws IOException {
        Set<String> lotFacts = Set.of("lotNumber", "sku", "productName", "lotStatus", "quantity", "manufactureDate",
                "expirationDate", "location"); // LotFacts, on every quarantine task
        Set<String> lotAndHold = new TreeSet<>(lotFacts);
        lotAndHold.addAll(Set.of("holdReason", "holdSource", "holdReference", "holdPlacedBy", "holdPlacedAt",
                "decisionDue", "impactAssessment", "heldBefore"));
        assertThat(lotAndHold).containsAll(placeholders(form("investigateLot")));
        Set<String> decide = new TreeSet<>(lotAndHold);
        decide.addAll(Set.of("findingsText", "rootCauseText", "retainedSampleText", "investigatedByName",
                "labResultsText", "releaseNote"));
        assertThat(decide).containsAll(org.lotflow.support.Forms.embeddedShown("decideDisposition"));
        Set<String> inform = new TreeSet<>(lotFacts);
        inform.addAll(Set.of("outcome", "justificationText", "holdTrigger", "customerList"));
        assertThat(inform).containsAll(placeholders(form("informCustomers")));
        Set<String> disposal = new TreeSet<>(lotFacts);
        disposal.add("onHand");
        assertThat(disposal).containsAll(placeholders(form("confirmDisposal")));
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
            if (task.getId().equals("decideDisposition")) {
                assertThat(task.getCamundaFormKey()).isEqualTo("embedded:deployment:forms/decideDisposition.html");
            } else {
                assertThat(task.getCamundaFormRef()).isEqualTo(task.getId());
            }
        }
        assertThat(((UserTask) model.getModelElementById("investigateLot")).getCamundaCandidateGroups())
                .isEqualTo("qa-analyst,qa-manager");
        assertThat(((UserTask) model.getModelElementById("decideDisposition")).getCamundaCandidateGroups())
                .isEqualTo("qa-manager");
    }
}
