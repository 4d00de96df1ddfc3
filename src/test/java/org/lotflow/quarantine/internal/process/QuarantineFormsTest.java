package org.lotflow.quarantine.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.Forms.form;
import static org.lotflow.support.Forms.inputKeys;
import static org.lotflow.support.Forms.placeholders;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
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
                .containsExactlyInAnyOrder("disposalMethod", "disposalReference", "figuresShown");
        // figuresShown is not typed: the form sends back the figuresVersion it showed (mass 27 M2), as closeRecall
        com.fasterxml.jackson.databind.JsonNode shown = org.lotflow.support.Forms.field(form("confirmDisposal"),
                "figuresShown");
        assertThat(shown.get("type").asText()).isEqualTo("expression");
        assertThat(shown.get("expression").asText()).isEqualTo("=" + org.lotflow.shared.process.FiguresVersion.SHOWN_AS);
        assertThat(shown.get("computeOn").asText()).isEqualTo("presubmit");
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
                "labResultsText", "releaseNote", "expiryNote", "fourEyesNotice"));
        assertThat(decide).containsAll(org.lotflow.support.Forms.embeddedShown("decideDisposition"));
        Set<String> inform = new TreeSet<>(lotFacts);
        inform.addAll(Set.of("outcome", "outcomeText", "statusNotice", "justificationText", "holdTrigger",
                "customerList"));
        assertThat(inform).containsAll(placeholders(form("informCustomers")));
        // the outcome in words, "Release (the lot is released)", not "RELEASE (lot status RELEASED)" (round 24 N7)
        assertThat(placeholders(form("informCustomers"))).contains("outcomeText").doesNotContain("outcome", "lotStatus");
        Set<String> disposal = new TreeSet<>(lotFacts);
        disposal.add("onHand");
        disposal.add("rejectedBecause");
        disposal.add("supplierLine");
        assertThat(disposal).containsAll(placeholders(form("confirmDisposal")));
        assertThat(placeholders(form("quarantineStart"))).isEmpty();
    }

    /**
     * F15 (new user 2026-12-07): the disposal form offers a return to the supplier only for a received lot. Its
     * options are a FEEL expression over {@code receivedLot} (LotFacts); evaluated here by Camunda's FEEL engine,
     * in Tasklist by form-js (TasklistOosBrowserTest sees the plant lot's single option).
     */
    @Test
    void theDisposalFormOffersAReturnToTheSupplierOnlyForAReceivedLot() {
        com.fasterxml.jackson.databind.JsonNode method = org.lotflow.support.Forms.field(form("confirmDisposal"),
                "disposalMethod");
        assertThat(method.has("values")).as("static values would win over the expression in form-js").isFalse();
        String expression = method.get("valuesExpression").asText().substring(1); // without the leading '='
        assertThat(offered(expression, "no")).containsExactly("DESTROYED");
        assertThat(offered(expression, org.lotflow.lot.LotFacts.received(receivedLot())))
                .containsExactly("DESTROYED", "RETURNED_TO_SUPPLIER");
        // the submission gate still knows every value the form can send (the rule itself is LotDisposal's)
        org.lotflow.security.FormSchema schema = new org.lotflow.security.FormSchemas().task("quarantineInvestigation",
                "confirmDisposal");
        assertThat(schema.fields().get("disposalMethod").values()).containsExactly("DESTROYED", "RETURNED_TO_SUPPLIER");
    }

    /** New user 2026-12-07 F8: the disposal form says whom a return goes to, as the lot's page does. */
    @Test
    void theDisposalFormNamesTheSupplierOfAReceivedLot() {
        org.lotflow.lot.Lot lot = receivedLot();
        org.mockito.Mockito.when(lot.getSupplier()).thenReturn("Hebei Pharma Chemicals");
        org.mockito.Mockito.when(lot.getSupplierLotNumber()).thenReturn("HPC-2501-077");
        org.mockito.Mockito.when(lot.getDeliveryReference()).thenReturn("ASN-2025-0112");
        assertThat(org.lotflow.lot.LotFacts.supplierLine(lot)).isEqualTo("Received from Hebei Pharma Chemicals, supplier"
                + " lot HPC-2501-077, delivery ASN-2025-0112: a return to the supplier goes there.");
        assertThat(org.lotflow.lot.LotFacts.supplierLine(org.mockito.Mockito.mock(org.lotflow.lot.Lot.class)))
                .as("made at the plant").isEmpty();
    }

    private static org.lotflow.lot.Lot receivedLot() {
        org.lotflow.lot.Lot lot = org.mockito.Mockito.mock(org.lotflow.lot.Lot.class);
        org.mockito.Mockito.when(lot.isReceived()).thenReturn(true);
        return lot;
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<String> offered(String expression, String receivedLot) {
        Object options = new org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory().createInstance()
                .evaluateSimpleExpression(expression, org.camunda.bpm.engine.variable.Variables
                        .createVariables().putValue("receivedLot", receivedLot).asVariableContext());
        return ((java.util.List<Map<String, Object>>) options).stream().map(o -> (String) o.get("value")).toList();
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
