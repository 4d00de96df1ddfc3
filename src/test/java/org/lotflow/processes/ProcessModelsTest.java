package org.lotflow.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.Forms.inputKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.lotflow.support.Forms;

/**
 * Structural rules every model in {@code bpmn/} and {@code forms/} keeps: files named after the
 * process, history time to live, every user task routed to groups and rendered by a Camunda Form
 * that exists, service tasks behind a save point.
 */
class ProcessModelsTest {

    static final Path BPMN = Path.of("bpmn");
    static final Path FORMS = Path.of("forms");

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new HashMap<>();
        for (Path f : files(FORMS, ".form")) {
            JsonNode form = Forms.read(f);
            forms.put(form.get("id").asText(), form);
            assertThat(f.getFileName().toString()).as("form file named after its id").isEqualTo(form.get("id").asText() + ".form");
        }
        return forms;
    }

    @Test
    void everyProcessFollowsTheHouseRules() throws IOException {
        Map<String, JsonNode> forms = forms();
        List<String> problems = new ArrayList<>();
        List<Path> models = files(BPMN, ".bpmn");
        assertThat(models).isNotEmpty();
        for (Path file : models) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (!process.isExecutable()) {
                    continue;
                }
                if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
                    problems.add(file + ": file not named after process id " + process.getId());
                }
                if (process.getCamundaHistoryTimeToLiveString() == null) {
                    problems.add(file + ": no historyTimeToLive");
                }
            }
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                String where = file.getFileName() + "#" + task.getId();
                if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
                    problems.add(where + ": no candidate groups");
                }
                String ref = task.getCamundaFormRef();
                String key = task.getCamundaFormKey();
                if (ref == null && key != null) {
                    // signing tasks: an embedded form with a masked password field, deployed from forms/
                    if (!key.startsWith("embedded:deployment:forms/")
                            || !Files.exists(Path.of(key.substring("embedded:deployment:".length())))) {
                        problems.add(where + ": embedded form '" + key + "' is not a file in forms/");
                    }
                } else if (ref == null) {
                    problems.add(where + ": no Camunda Form (camunda:formRef) and no embedded form");
                } else if (!forms.containsKey(ref)) {
                    problems.add(where + ": form '" + ref + "' does not exist in forms/");
                }
            }
            for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
                String ref = start.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                if (ref != null && !forms.containsKey(ref)) {
                    problems.add(file.getFileName() + "#" + start.getId() + ": start form '" + ref + "' missing");
                }
            }
            for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
                if (!task.isCamundaAsyncBefore()) {
                    problems.add(file.getFileName() + "#" + task.getId() + ": service task without asyncBefore save point");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The contract's table: task definition key -> candidate groups, for every process it names. */
    static final Map<String, Set<String>> CONTRACT_TASKS = Map.ofEntries(
            Map.entry("recordLabResults", Set.of("qa-analyst", "qa-manager")),
            Map.entry("approveRelease", Set.of("qa-manager")),
            Map.entry("investigateLot", Set.of("qa-analyst", "qa-manager")),
            Map.entry("decideDisposition", Set.of("qa-manager")),
            Map.entry("investigateLabError", Set.of("qa-analyst", "qa-manager")),
            Map.entry("investigateProduction", Set.of("qa-analyst", "qa-manager")),
            Map.entry("decideOutOfSpecification", Set.of("qa-manager")),
            Map.entry("approveOverride", Set.of("qa-manager")),
            Map.entry("notifyCustomer", Set.of("recall-coordinator")),
            Map.entry("closeRecall", Set.of("qa-manager")),
            Map.entry("reviewExpiringLots", Set.of("sales", "qa-manager")),
            Map.entry("reviewArchiving", Set.of("qa-manager")));

    @Test
    void theContractsProcessesAndTasksExistWithTheirCandidateGroups() throws IOException {
        Map<String, Set<String>> found = new HashMap<>();
        Set<String> processIds = new java.util.HashSet<>();
        for (Path file : files(BPMN, ".bpmn")) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            model.getModelElementsByType(Process.class).forEach(p -> processIds.add(p.getId()));
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                found.put(task.getId(), Set.of(task.getCamundaCandidateGroups().split("\\s*,\\s*")));
            }
        }
        assertThat(processIds).contains("lotRelease", "quarantineInvestigation", "allocationOverride", "lotRecall",
                "recallNotification", "expiryMonitoring", "mockRecall", "lotArchiving");
        CONTRACT_TASKS.forEach((key, groups) -> assertThat(found.get(key)).as(key).isEqualTo(groups));
    }

    @Test
    void labReleaseFormsAskForExactlyWhatTheListenersRead() throws IOException {
        Map<String, JsonNode> forms = forms();
        // RecordLabResultsListener reads labResults; ApproveReleaseListener reads approved and comment
        assertThat(inputKeys(forms.get("recordLabResults"))).containsExactly("labResults");
        org.lotflow.security.FormSchema approve = new org.lotflow.security.FormSchemas().task("lotRelease",
                "approveRelease");
        assertThat(approve.fields().keySet()).containsExactly("approved", "comment");
        assertThat(approve.signatureField()).isEqualTo("signaturePassword");
        // the OOS investigation: phase I reads labConclusion and findings, phase II findings, the decision
        // oosDecision and comment with a signature
        assertThat(inputKeys(forms.get("investigateLabError"))).containsExactlyInAnyOrder("labConclusion", "findings");
        assertThat(inputKeys(forms.get("investigateProduction"))).containsExactly("findings");
        org.lotflow.security.FormSchema decide = new org.lotflow.security.FormSchemas().task("lotRelease",
                "decideOutOfSpecification");
        assertThat(decide.fields().keySet()).containsExactly("oosDecision", "comment");
        assertThat(decide.signatureField()).isEqualTo("signaturePassword");
    }

    /**
     * Issue #12, "decisions are chosen, never defaulted": no choice in any form comes pre-set. A Camunda
     * Form's select, radio or checkbox has no {@code defaultValue} (a checkbox would default to false, so
     * none is used for a decision); an embedded form has no pre-selected option and no checkbox.
     */
    @Test
    void noChoiceInAnyFormIsPreset() throws IOException {
        List<String> problems = new ArrayList<>();
        for (JsonNode form : forms().values()) {
            form.get("components").forEach(c -> {
                String type = c.path("type").asText();
                if (Set.of("select", "radio", "checkbox", "checklist", "taglist").contains(type)
                        && (c.has("defaultValue") || "checkbox".equals(type))) {
                    problems.add(form.get("id").asText() + "." + c.path("key").asText() + " (" + type + ")");
                }
            });
        }
        for (Path html : files(FORMS, ".html")) {
            String text = Files.readString(html);
            if (text.matches("(?s).*<option[^>]*\\bselected\\b.*") || text.matches("(?s).*type=\"checkbox\".*")) {
                problems.add(html.getFileName().toString());
            }
        }
        assertThat(problems).as("choices with a preset value").isEmpty();
    }

    /**
     * New user 27 N1: the signing forms (embedded HTML) mark each required field as the Camunda Forms do (an asterisk
     * on its label), and say in words what a greyed-out Complete waits for: every field with {@code required} is named
     * after its id (so Angular's controller of the form holds it), its label carries the asterisk, the script's
     * {@code required} words name it, and the form ends with the line that lists what is still missing. One style
     * for every signing form.
     */
    @Test
    void theSigningFormsMarkTheirRequiredFieldsAndSayWhatCompleteWaitsFor() throws IOException {
        java.util.regex.Pattern control = java.util.regex.Pattern.compile(
                "<(select|textarea|input)\\s([^>]*?)>", java.util.regex.Pattern.DOTALL);
        java.util.regex.Pattern requiredAttribute = java.util.regex.Pattern.compile("(^|\\s)required(\\s|=|/|$)");
        for (String name : List.of("approveRelease", "decideDisposition", "decideOutOfSpecification", "approveOverride",
                "closeRecall")) {
            String html = Files.readString(FORMS.resolve(name + ".html"));
            assertThat(html).as(name).contains("<form role=\"form\" name=\"" + name + "\"")
                    .contains("var form = $scope." + name + ";")
                    .contains("data-lotflow-missing ng-if=\"missing()\">Complete is greyed out while a required")
                    .contains("Still missing: {{ missing() }}.");
            java.util.regex.Matcher m = control.matcher(html);
            int required = 0;
            while (m.find()) {
                String attributes = m.group(2);
                if (!requiredAttribute.matcher(attributes).find()) {
                    continue;
                }
                required++;
                java.util.regex.Matcher id = java.util.regex.Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
                assertThat(id.find()).as(name + ": " + attributes).isTrue();
                String field = id.group(1);
                assertThat(attributes).as(name + "." + field + " is named after its id")
                        .containsPattern("(^|\\s)name=\"" + field + "\"");
                assertThat(html).as(name + "." + field + ": an asterisk on its label").containsPattern(
                        "<label [^>]*for=\"" + field + "\">[^<]*<span class=\"text-danger\" data-lotflow-required"
                                + " aria-hidden=\"true\">\\*</span></label>");
                assertThat(html).as(name + "." + field + ": in the words of what is missing")
                        .containsPattern("var required = \\{[^}]*\\b" + field + ": '[^']+'");
            }
            assertThat(required).as(name + ": required fields").isGreaterThanOrEqualTo(2);
        }
    }
}
