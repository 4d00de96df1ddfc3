package org.lotflow.recall.internal.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.Forms.form;
import static org.lotflow.support.Forms.inputKeys;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/** The recall's forms ask for exactly what its listeners read, and the model points at them. */
class RecallFormsTest {

    @Test
    void formKeysMatchWhatTheListenersRead() throws IOException {
        // RecallStartListener reads lots, reason, classification
        assertThat(inputKeys(form("recallStart"))).containsExactly("classification", "lots",
                "reason");
        // NotifyCustomerListener reads contactMethod, contactPerson, reached, acknowledged, quantityReturned,
        // quantityDestroyed and note: an embedded form whose answer and contact method are required choices with
        // no default (issue #12), the person required text, the returned quantity a required number, the destroyed
        // quantity an optional number, the note optional text (21 CFR 7.42(b)(3), 7.49, 7.59)
        org.lotflow.security.FormSchema notify = new org.lotflow.security.FormSchemas().task("recallNotification",
                "notifyCustomer");
        assertThat(notify.fields().keySet()).containsExactly("contactMethod", "contactPerson", "reached", "tryAgain",
                "acknowledged", "quantityReturned", "quantityDestroyed", "note");
        // another attempt for a customer not reached: an optional choice, none by default (new user 17 F13)
        assertThat(notify.fields().get("tryAgain").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.BOOLEAN);
        assertThat(notify.fields().get("tryAgain").required()).isFalse();
        // whether the customer was reached: a required choice of its own, no default ("could not be reached" is never
        // "notified", nor one answer with "told but did not acknowledge": new user U3, 21 CFR 7.53)
        assertThat(notify.fields().get("reached").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.BOOLEAN);
        assertThat(notify.fields().get("reached").required()).isTrue();
        assertThat(notify.fields().get("acknowledged").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.BOOLEAN);
        // asked only of a customer that was reached (new user 2026-12-06 M2): the form requires it then, and the
        // answer's own check (NotificationAnswer) requires it of a reached customer on every surface
        assertThat(notify.fields().get("acknowledged").required()).isFalse();
        assertThat(notify.fields().get("quantityReturned").required()).isFalse();
        assertThat(notify.fields().get("quantityReturned").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.NUMBER);
        assertThat(notify.fields().get("contactMethod").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.TEXT);
        assertThat(notify.fields().get("contactMethod").required()).isTrue();
        assertThat(notify.fields().get("contactMethod").values()).containsExactly("PHONE", "EMAIL", "LETTER", "FAX",
                "VISIT");
        assertThat(notify.fields().get("contactPerson").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.TEXT);
        assertThat(notify.fields().get("contactPerson").required()).isTrue();
        assertThat(notify.fields().get("note").kind()).isEqualTo(org.lotflow.security.FormSchema.Kind.TEXT);
        assertThat(notify.fields().get("note").required()).isFalse();
        assertThat(notify.fields().get("quantityDestroyed").kind())
                .isEqualTo(org.lotflow.security.FormSchema.Kind.NUMBER);
        assertThat(notify.fields().get("quantityDestroyed").required()).isFalse();
        String html = java.nio.file.Files.readString(Path.of("forms", "notifyCustomer.html"));
        assertThat(html).contains("ng-hide=\"notReached()\"").contains("ng-required=\"!notReached()\"")
                .contains("reached.value === 'false'");
        assertThat(html).contains("<option value=\"\">Choose").doesNotContain("selected");
        assertThat(html).contains("<option value=\"\">Choose: reached or could not be reached")
                .contains("cam-variable-name=\"reached\" cam-variable-type=\"Boolean\"")
                .contains(">Acknowledged the recall notice<").doesNotContain("or could not be reached (counts");
        assertThat(html).contains("<option value=\"\">Choose how the customer was reached")
                .contains(">Quantity returned to us<").contains(">Quantity destroyed at the customer<")
                .contains("cam-variable-name=\"contactMethod\" cam-variable-type=\"String\"")
                .contains("cam-variable-name=\"quantityDestroyed\" cam-variable-type=\"Double\"");
        // the shipments wrap between words, never cut off in a box scrolled sideways (new user round 24b N6)
        assertThat(html).contains("<pre id=\"deliveries\" style=\"white-space: pre-wrap; word-break: normal;"
                + " overflow-wrap: normal\">{{ shown.deliveries }}</pre>").doesNotContain("white-space: pre;")
                .doesNotContain("overflow-x: auto");
        // no empty box when the customer received one unit (its "-"; new user 2026-12-06 P13)
        assertThat(html).contains("ng-if=\"shown.otherUnits && shown.otherUnits !== '-'\"");
        // a number field drops a typed decimal comma without a word ("12,5" became 125; new user 2026-12-06 W6): the
        // field is text that only a number written with a point passes, and says so
        assertThat(html).doesNotContain("type=\"number\"").contains("pattern=\"[0-9]{1,10}([.][0-9]{1,3})?\"")
                .contains("written with a point for decimals");
        // CloseRecallListener reads comment (and records it on the recall for the report task)
        org.lotflow.security.FormSchema close = new org.lotflow.security.FormSchemas().task("lotRecall", "closeRecall");
        assertThat(close.fields().keySet()).containsExactlyInAnyOrder("comment", "disposalMethod", "disposalReference",
                "disposals", "justification", "figuresShown");
        // closing is the QA manager's signed decision (new user 2026-12-06 M4): a masked password, never a variable
        String closeHtml = java.nio.file.Files.readString(Path.of("forms", "closeRecall.html"));
        assertThat(closeHtml).contains("type=\"password\"").contains("data-lotflow-signature=\"signaturePassword\"")
                .doesNotContain("cam-variable-name=\"signaturePassword\"").contains("meaning: recall")
                .contains("<option value=\"DESTROYED\">").contains("<option value=\"RETURNED_TO_SUPPLIER\">")
                // the figures' version read goes back with the signature (re-test 2026-12-06 R3)
                .contains("'figuresVersion'").contains("field.val($scope.shown.figuresVersion");
        // the classification choices are exactly the classes the service accepts
        JsonNode select = null;
        for (JsonNode c : form("recallStart").get("components")) {
            if ("classification".equals(c.path("key").asText())) {
                select = c;
            }
        }
        assertThat(select.get("values")).extracting(v -> v.get("value").asText())
                .containsExactly("CLASS_I", "CLASS_II", "CLASS_III");
    }

    @Test
    void theModelUsesTheForms() {
        BpmnModelInstance model = Bpmn.readModelFromFile(Path.of("bpmn", "lotRecall.bpmn").toFile());
        StartEvent start = model.getModelElementById("StartEvent_RecallRequested");
        assertThat(start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef")).isEqualTo("recallStart");
        assertThat((Object) model.getModelElementById("notifyCustomer")).as("each customer has a process of its own")
                .isNull();
        BpmnModelInstance notification = Bpmn.readModelFromFile(Path.of("bpmn", "recallNotification.bpmn").toFile());
        StartEvent customer = notification.getModelElementById("StartEvent_CustomerToNotify");
        assertThat(customer.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"))
                .as("started by its recall only, never from Tasklist").isNull();
        UserTask notify = notification.getModelElementById("notifyCustomer");
        assertThat(notify.getCamundaFormKey()).isEqualTo("embedded:deployment:forms/notifyCustomer.html");
        assertThat(notify.getCamundaCandidateGroups()).isEqualTo("recall-coordinator");
        UserTask close = model.getModelElementById("closeRecall");
        assertThat(close.getCamundaFormKey()).isEqualTo("embedded:deployment:forms/closeRecall.html");
        assertThat(close.getCamundaCandidateGroups()).isEqualTo("qa-manager");
    }
}
