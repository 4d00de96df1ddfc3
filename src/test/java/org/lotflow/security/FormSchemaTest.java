package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * What a task submission may carry, read from the real forms and process models (no Spring): the
 * contract's task variables are accepted, anything else is refused naming it.
 */
class FormSchemaTest {

    /**
     * The contact every notifyCustomer completion names (required): how and whom the customer was reached, and whether
     * it was (new user U3).
     */
    private static final String CONTACT = "\"contactMethod\": {\"value\": \"PHONE\"}, \"contactPerson\": {\"value\":"
            + " \"Jane Roe\"}, \"reached\": {\"value\": true}, ";

    /** As the guard reads bodies: decimals as written. */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = EngineRequestBodies.JSON;
    private static final FormSchemas FORMS = load();

    private static FormSchemas load() {
        try {
            return new FormSchemas();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<FormSchema.Violation> check(FormSchema schema, String variables) throws Exception {
        return schema.check(JSON.readTree(variables));
    }

    @Test
    void everyUserTaskOfEveryProcessHasADeclaredInput() {
        for (String[] task : new String[][] {{"lotRelease", "recordLabResults"}, {"lotRelease", "approveRelease"}, {"lotRelease", "confirmDisposal"},
                {"quarantineInvestigation", "investigateLot"}, {"quarantineInvestigation", "decideDisposition"},
                {"quarantineInvestigation", "informCustomers"}, {"quarantineInvestigation", "confirmDisposal"},
                {"allocationOverride", "approveOverride"}, {"recallNotification", "notifyCustomer"},
                {"lotRecall", "closeRecall"}, {"expiryMonitoring", "reviewExpiringLots"},
                {"mockRecall", "reviewDrillScope"}, {"mockRecall", "closeDrill"},
                {"lotArchiving", "reviewArchiving"}}) {
            assertThat(FORMS.task(task[0], task[1])).as(task[0] + "/" + task[1]).isNotNull();
        }
        assertThat(FORMS.start("quarantineInvestigation")).isNotNull();
        assertThat(FORMS.start("lotRecall")).isNotNull();
        assertThat(FORMS.start("lotRelease")).as("started by creating a lot only").isNull();
        assertThat(FORMS.start("allocationOverride")).isNull();
        assertThat(FORMS.start("recallNotification")).as("started by its recall only").isNull();
        assertThat(FORMS.start("mockRecall")).as("started by a drill only (POST /api/mock-recalls)").isNull();
        assertThat(FORMS.start("lotArchiving")).as("started by its nightly timer only").isNull();
    }

    @Test
    void reviewArchivingAcceptsADecisionExclusionsAndAReasonOnly() throws Exception {
        FormSchema review = FORMS.task("lotArchiving", "reviewArchiving");
        assertThat(review.fields().keySet()).containsExactlyInAnyOrder("decision", "excludedLots", "comment");
        assertThat(check(review, """
                {"decision": {"value": "ARCHIVE"}, "comment": {"value": "retention over"}}""")).isEmpty();
        assertThat(check(review, """
                {"decision": {"value": "KEEP"}, "comment": {"value": "legal hold"}, "excludedLots": {"value": "A-1"}}"""))
                .isEmpty();
        assertThat(check(review, "{\"comment\": {\"value\": \"x\"}}")).extracting(FormSchema.Violation::field)
                .containsExactly("decision");
        assertThat(check(review, """
                {"decision": {"value": "DELETE"}, "comment": {"value": "x"}}""")).extracting(FormSchema.Violation::field)
                .containsExactly("decision");
        assertThat(check(review, """
                {"decision": {"value": "ARCHIVE"}, "comment": {"value": "x"}, "lotNumbers": {"value": "A-1"}}"""))
                .extracting(FormSchema.Violation::field).containsExactly("lotNumbers");
    }

    @Test
    void approveReleaseAcceptsExactlyTheContractsVariables() throws Exception {
        FormSchema approve = FORMS.task("lotRelease", "approveRelease");
        assertThat(approve.fields().keySet()).containsExactly("approved", "comment");
        assertThat(approve.signatureField()).isEqualTo("signaturePassword");

        assertThat(check(approve, """
                {"approved": {"value": true}, "comment": {"value": "All specifications met", "type": "String"}}"""))
                .isEmpty();
        // a signed comment shows what is stored: no direction overrides (auditor 2026-12-06 C-o)
        assertThat(check(approve, "{\"approved\": {\"value\": true}, \"comment\": {\"value\": \"Stock \\u202eDEYORTSED"
                + " TON\"}}")).extracting(FormSchema.Violation::field).containsExactly("comment");
        assertThat(check(approve, """
                {"approved": {"value": "true", "type": "Boolean"}, "comment": {"value": "ok"},
                 "signaturePassword": {"value": "secret"}}""")).isEmpty();

        List<FormSchema.Violation> forged = check(approve, """
                {"approved": {"value": true}, "comment": {"value": "x"}, "labRecordedBy": {"value": "sarah"},
                 "lotId": {"value": 42}}""");
        assertThat(forged).hasSize(1);
        assertThat(forged.get(0).field()).isEqualTo("labRecordedBy");
        assertThat(forged.get(0).reason()).contains("labRecordedBy, lotId").contains("accepts only approved, comment");

        assertThat(check(approve, "{\"comment\": {\"value\": \"x\"}}")).extracting(FormSchema.Violation::field)
                .containsExactly("approved");
        assertThat(check(approve, "{\"approved\": {\"value\": null}, \"comment\": {\"value\": \"x\"}}"))
                .extracting(FormSchema.Violation::field).containsExactly("approved");
        assertThat(check(approve, "{\"approved\": {\"value\": \"yes\"}, \"comment\": {\"value\": \"x\"}}"))
                .extracting(FormSchema.Violation::reason).containsExactly("must be true or false (a Boolean)");
        assertThat(check(approve, "{\"approved\": {\"value\": true}, \"comment\": {\"value\": \"  \"}}"))
                .extracting(FormSchema.Violation::field).containsExactly("comment");
        assertThat(check(approve, "{\"approved\": {\"value\": true}, \"comment\": {\"value\": \""
                + "x".repeat(FormSchema.MAX_TEXT + 1) + "\"}}")).extracting(FormSchema.Violation::reason)
                .allMatch(r -> r.contains("too long"));
        assertThat(check(approve, """
                {"approved": {"value": true}, "comment": {"value": "rO0ABX", "type": "Object",
                 "valueInfo": {"objectTypeName": "java.util.HashMap", "serializationDataFormat": "application/x-java-serialized-object"}}}"""))
                .extracting(FormSchema.Violation::field).containsExactly("comment");
    }

    @Test
    void selectionsNumbersAndTextAreCheckedByKind() throws Exception {
        FormSchema decide = FORMS.task("quarantineInvestigation", "decideDisposition");
        assertThat(decide.fields().keySet()).containsExactly("decision", "justification", "classification");
        assertThat(check(decide, "{\"decision\": {\"value\": \"DESTROY\"}, \"justification\": {\"value\": \"x\"}}"))
                .extracting(FormSchema.Violation::reason).containsExactly("must be one of RELEASE, REJECT, RECALL, not 'DESTROY'");
        assertThat(check(decide, "{\"decision\": {\"value\": \"RECALL\"}, \"justification\": {\"value\": \"x\"},"
                + " \"holdId\": {\"value\": 7}}")).extracting(FormSchema.Violation::field).containsExactly("holdId");

        FormSchema notify = FORMS.task("recallNotification", "notifyCustomer");
        // the contact is required: how (one of the form's methods, never another) and whom (21 CFR 7.42(b)(3))
        assertThat(check(notify, "{\"acknowledged\": {\"value\": true}, \"quantityReturned\": {\"value\": 1}}"))
                .extracting(FormSchema.Violation::field).containsExactly("contactMethod", "contactPerson", "reached");
        // whether the customer was reached is a required Boolean: "could not be reached" is its own answer (U3)
        assertThat(check(notify, "{" + CONTACT.replace("\"reached\": {\"value\": true}", "\"reached\": {\"value\":"
                + " \"false\"}") + "\"acknowledged\": {\"value\": false}, \"quantityReturned\": {\"value\": 0}}"))
                .extracting(FormSchema.Violation::field).containsExactly("reached");
        assertThat(check(notify, "{" + CONTACT.replace("true", "false") + "\"acknowledged\": {\"value\": false},"
                + " \"quantityReturned\": {\"value\": 0}}")).isEmpty();
        assertThat(check(notify, "{\"contactMethod\": {\"value\": \"PIGEON\"}, \"contactPerson\": {\"value\": \"J\"},"
                + " \"reached\": {\"value\": true}, \"acknowledged\": {\"value\": true}, \"quantityReturned\": {\"value\": 1}}"))
                .extracting(FormSchema.Violation::reason)
                .containsExactly("must be one of PHONE, EMAIL, LETTER, FAX, VISIT, not 'PIGEON'");
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\": {\"value\": true}, \"quantityReturned\":"
                + " {\"value\": 1}, \"quantityDestroyed\": {\"value\": 2.5, \"type\": \"Double\"},"
                + " \"note\": {\"value\": \"crushed on site\", \"type\": \"String\"}}")).isEmpty();
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\": {\"value\": true}, \"quantityReturned\":"
                + " {\"value\": 1}, \"quantityDestroyed\": {\"value\": \"2\"}}"))
                .extracting(FormSchema.Violation::field).containsExactly("quantityDestroyed");
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\": {\"value\": true}, \"quantityReturned\": {\"value\": \"5\"}}"))
                .extracting(FormSchema.Violation::reason).containsExactly("must be a number (not text)");
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\": {\"value\": true}, \"quantityReturned\": {\"value\": 2.5,"
                + " \"type\": \"Long\"}}")).extracting(FormSchema.Violation::field).containsExactly("quantityReturned");
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\": {\"value\": true}, \"quantityReturned\": {\"value\": 2.5}}"))
                .isEmpty();
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\": {\"value\": true}, \"quantityReturned\": {\"value\": 0},"
                + " \"notificationId\": {\"value\": 3}}")).extracting(FormSchema.Violation::field)
                .containsExactly("notificationId");
        assertThat(check(notify, "[1, 2]")).extracting(FormSchema.Violation::field).containsExactly("variables");
    }

    @Test
    void theSigningFormsMaskThePasswordAndDeclareIt() throws Exception {
        for (String file : new String[] {"approveRelease", "decideDisposition", "approveOverride", "closeRecall"}) {
            String html = java.nio.file.Files.readString(java.nio.file.Path.of("forms", file + ".html"));
            assertThat(html).as(file).contains("type=\"password\"").contains("data-lotflow-signature=\"signaturePassword\"");
            assertThat(html).as(file + ": the password is no form variable, so Tasklist's Save never stores it")
                    .doesNotContain("cam-variable-name=\"signaturePassword\"");
        }
    }

    /** A typed number too large for its type is refused naming the field (auditor 2026-12-06 B3: Java's sentence). */
    @Test
    void aNumberTooLargeForItsTypeIsRefusedNamingTheField() throws Exception {
        FormSchema notify = new FormSchemas().task("recallNotification", "notifyCustomer");
        for (String value : new String[] {"{\"value\":3000000000,\"type\":\"Integer\"}",
                "{\"value\":70000,\"type\":\"Short\"}", "{\"value\":99999999999999999999,\"type\":\"Long\"}",
                "{\"value\":1e400}", "{\"value\":1e400,\"type\":\"Double\"}"}) {
            List<FormSchema.Violation> v = check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},\"quantityReturned\":"
                    + value + "}");
            assertThat(v).as(value).extracting(FormSchema.Violation::field).containsExactly("quantityReturned");
            assertThat(v.get(0).reason()).as(value).startsWith("is out of range");
        }
        // an empty type is refused naming the field, not passed on to fail in the engine (re-test F1)
        List<FormSchema.Violation> empty = check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},"
                + "\"quantityReturned\":{\"value\":1,\"type\":\"\"}}");
        assertThat(empty).extracting(FormSchema.Violation::field).containsExactly("quantityReturned");
        assertThat(empty.get(0).reason()).contains("type '' is not accepted");
        // the engine's abstract Number stores nothing: refused naming the field, not a 500 inside the engine (auditor F4)
        for (String type : new String[] {"Number", "number"}) {
            List<FormSchema.Violation> v = check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},"
                    + "\"quantityReturned\":{\"value\":1,\"type\":\"" + type + "\"}}");
            assertThat(v).extracting(FormSchema.Violation::field).containsExactly("quantityReturned");
            assertThat(v.get(0).reason()).isEqualTo("must be a number; type '" + type + "' is not accepted: send it as"
                    + " a Double, Long, Integer or Short, or without a type");
        }
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},\"quantityReturned\":{\"value\":30000,"
                + "\"type\":\"Short\"}}")).isEmpty();
        assertThat(check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},\"quantityReturned\":{\"value\":12.5}}"))
                .isEmpty();
    }

    /** A decimal the engine's double would round is refused naming the field (auditor 2026-12-06 G-a: 30 recorded). */
    @Test
    void aDecimalWithMoreDigitsThanAreKeptIsRefusedNotRounded() throws Exception {
        FormSchema notify = new FormSchemas().task("recallNotification", "notifyCustomer");
        for (String value : new String[] {"30.0000000000000001", "0.1234567890123456789"}) {
            for (String typed : new String[] {"", ",\"type\":\"Double\""}) {
                List<FormSchema.Violation> v = check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},\"quantityReturned\":"
                        + "{\"value\":" + value + typed + "}}");
                assertThat(v).as(value + typed).extracting(FormSchema.Violation::field).containsExactly("quantityReturned");
                assertThat(v.get(0).reason()).as(value).startsWith("has more digits than are kept: " + value
                        + " would be recorded as ");
            }
        }
        for (String value : new String[] {"0.1", "1E+2", "12.125", "3000.5", "0.001"}) {
            assertThat(check(notify, "{" + CONTACT + "\"acknowledged\":{\"value\":true},\"quantityReturned\":{\"value\":" + value
                    + "}}")).as(value).isEmpty();
        }
    }
}
