package org.lotflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The declared input of every user task and start form of lotflow's processes, read once from
 * the deployed files themselves ({@code bpmn/*.bpmn}, {@code forms/*.form} for Camunda Forms,
 * {@code forms/*.html} for the embedded forms of signing tasks). A Camunda Form declares a field
 * by a component with a {@code key} (checkbox: true/false, number: a number, select and radio: one
 * of their values, text otherwise; {@code validate.required}); an embedded form by an element with
 * {@code cam-variable-name} and {@code cam-variable-type} ({@code required}, a select's options),
 * and its masked signature password by {@code data-lotflow-signature="name"}.
 *
 * <p>Used by {@link EngineSurfaceGuard} to accept exactly what a form declares (contract: "a task
 * accepts only the variables its form declares: anything else is refused with 400").
 */
@Component
public class FormSchemas implements SmartInitializingSingleton {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTML_FIELD = Pattern.compile(
            "<(input|select|textarea)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern OPTION = Pattern.compile("<option\\b[^>]*value=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /** What the files declare, read on a thread of its own (see the constructor). */
    private final CompletableFuture<Declared> declared;

    /** The forms of user tasks ({@code processKey/taskDefinitionKey}), start forms and process names. */
    private record Declared(Map<String, FormSchema> taskForms, Map<String, FormSchema> startForms,
            Map<String, String> processNames) {
    }

    /**
     * Starts reading the files on a thread of its own, so the application's start-up goes on meanwhile
     * (issue #11, target 6); the first question waits for it, and so does the end of the context's
     * start-up ({@link #afterSingletonsInstantiated()}): a user task without a form still stops it.
     */
    public FormSchemas() {
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        this.declared = CompletableFuture.supplyAsync(() -> read(classLoader), task -> {
            Thread thread = new Thread(task, "form-schemas");
            thread.setDaemon(true);
            thread.setContextClassLoader(classLoader);
            thread.start();
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        declared();
    }

    private Declared declared() {
        try {
            return declared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Could not read the forms and process models: " + e.getCause(),
                    e.getCause());
        }
    }

    private static Declared read(ClassLoader classLoader) {
        try {
            return readFiles(new PathMatchingResourcePatternResolver(classLoader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Declared readFiles(PathMatchingResourcePatternResolver resolver) throws IOException {
        Map<String, FormSchema> taskForms = new HashMap<>();
        Map<String, FormSchema> startForms = new HashMap<>();
        Map<String, String> processNames = new HashMap<>();
        Map<String, String> formFiles = new HashMap<>();
        for (Resource form : resolver.getResources("classpath*:forms/*.*")) {
            try (InputStream in = form.getInputStream()) {
                formFiles.put(form.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        for (Resource bpmn : resolver.getResources("classpath*:bpmn/*.bpmn")) {
            BpmnModelInstance model;
            try (InputStream in = bpmn.getInputStream()) {
                model = Bpmn.readModelFromStream(in);
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                processNames.put(process.getId(), process.getName() == null ? process.getId() : process.getName());
                for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                    FormSchema schema = schema(start.getName(), start.getCamundaFormRef(), start.getCamundaFormKey(),
                            formFiles);
                    if (schema != null) {
                        startForms.put(process.getId(), schema);
                    }
                }
                for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                    if (isIn(task, process)) {
                        FormSchema schema = schema(task.getName(), task.getCamundaFormRef(), task.getCamundaFormKey(),
                                formFiles);
                        if (schema == null) {
                            throw new IllegalStateException("User task " + task.getId() + " of " + process.getId()
                                    + " has no form in forms/: every user task must declare its input");
                        }
                        taskForms.put(process.getId() + "/" + task.getId(), schema);
                    }
                }
            }
        }
        return new Declared(Map.copyOf(taskForms), Map.copyOf(startForms), Map.copyOf(processNames));
    }

    /** The form of a user task, or null when lotflow has no such task. */
    public FormSchema task(String processKey, String taskDefinitionKey) {
        return declared().taskForms().get(processKey + "/" + taskDefinitionKey);
    }

    /** The start form of a process, or null when it has none (started by lotflow only). */
    public FormSchema start(String processKey) {
        return declared().startForms().get(processKey);
    }

    /** Whether the process is one of lotflow's. */
    public boolean isLotflowProcess(String processKey) {
        return declared().processNames().containsKey(processKey);
    }

    private static boolean isIn(UserTask task, Process process) {
        for (org.camunda.bpm.model.xml.instance.ModelElementInstance e = task.getParentElement(); e != null;
                e = e.getParentElement()) {
            if (e == process) {
                return true;
            }
        }
        return false;
    }

    private static FormSchema schema(String name, String formRef, String formKey, Map<String, String> files) {
        if (formRef != null) {
            for (Map.Entry<String, String> file : files.entrySet()) {
                if (file.getKey().endsWith(".form") && formRef.equals(camundaFormId(file.getValue()))) {
                    return camundaForm(name, file.getValue());
                }
            }
            throw new IllegalStateException("No file in forms/ declares the Camunda Form '" + formRef + "'");
        }
        if (formKey != null && formKey.startsWith("embedded:deployment:forms/")) {
            String file = formKey.substring("embedded:deployment:forms/".length());
            String html = files.get(file);
            if (html == null) {
                throw new IllegalStateException("The embedded form " + formKey + " is missing from forms/");
            }
            return embeddedForm(name, html);
        }
        return null;
    }

    private static String camundaFormId(String json) {
        try {
            return JSON.readTree(json).path("id").asText(null);
        } catch (IOException e) {
            throw new IllegalStateException("Not a Camunda Form: " + e.getMessage(), e);
        }
    }

    static FormSchema camundaForm(String name, String json) {
        Map<String, FormSchema.Field> fields = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            collect(JSON.readTree(json).path("components"), fields, labels);
        } catch (IOException e) {
            throw new IllegalStateException("Not a Camunda Form: " + e.getMessage(), e);
        }
        return new FormSchema(name, fields, null, Map.copyOf(labels));
    }

    /** A {@code value: "X"} of a select's {@code valuesExpression} (FEEL context literals). */
    private static final Pattern EXPRESSION_VALUE = Pattern.compile("\\bvalue:\\s*\"([^\"]+)\"");

    private static void collect(JsonNode components, Map<String, FormSchema.Field> fields, Map<String, String> labels) {
        for (JsonNode c : components) {
            String key = c.path("key").asText(null);
            if (key != null && c.hasNonNull("label")) {
                labels.put(key, c.path("label").asText());
            }
            String type = c.path("type").asText("");
            if (key != null && !c.path("disabled").asBoolean(false)) {
                FormSchema.Kind kind = switch (type) {
                    case "checkbox" -> FormSchema.Kind.BOOLEAN;
                    case "number" -> FormSchema.Kind.NUMBER;
                    default -> FormSchema.Kind.TEXT;
                };
                List<String> values = new ArrayList<>();
                c.path("values").forEach(v -> values.add(v.path("value").asText()));
                // options a FEEL expression picks from the task's facts (confirmDisposal: a lot made at the plant is
                // offered DESTROYED only): every value the expression can give is allowed here, the rule itself is
                // the service's (LotDisposal)
                Matcher offered = EXPRESSION_VALUE.matcher(c.path("valuesExpression").asText(""));
                while (offered.find()) {
                    if (!values.contains(offered.group(1))) {
                        values.add(offered.group(1));
                    }
                }
                fields.put(key, new FormSchema.Field(key, kind, c.path("validate").path("required").asBoolean(false),
                        List.copyOf(values)));
            }
            collect(c.path("components"), fields, labels);
        }
    }

    static FormSchema embeddedForm(String name, String html) {
        Map<String, FormSchema.Field> fields = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, String> labelOfId = new LinkedHashMap<>();
        Matcher l = LABEL.matcher(html);
        while (l.find()) {
            labelOfId.put(l.group(1), l.group(2).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim());
        }
        String signature = null;
        Matcher m = HTML_FIELD.matcher(html);
        while (m.find()) {
            String attributes = m.group(2);
            String sig = attribute(attributes, "data-lotflow-signature");
            if (sig != null) {
                signature = sig;
                continue;
            }
            String variable = attribute(attributes, "cam-variable-name");
            if (variable == null) {
                continue;
            }
            String type = attribute(attributes, "cam-variable-type");
            FormSchema.Kind kind = switch (type == null ? "String" : type) {
                case "Boolean" -> FormSchema.Kind.BOOLEAN;
                case "Long", "Integer", "Short" -> FormSchema.Kind.WHOLE_NUMBER;
                case "Double" -> FormSchema.Kind.NUMBER;
                default -> FormSchema.Kind.TEXT;
            };
            List<String> values = new ArrayList<>();
            int end = html.toLowerCase(java.util.Locale.ROOT).indexOf("</select>", m.end());
            if (m.group(1).equalsIgnoreCase("select") && end > 0 && kind == FormSchema.Kind.TEXT) {
                Matcher o = OPTION.matcher(html.substring(m.end(), end));
                while (o.find()) {
                    if (!o.group(1).isEmpty()) {
                        values.add(o.group(1));
                    }
                }
            }
            String id = attribute(attributes, "id");
            if (id != null && labelOfId.containsKey(id)) {
                labels.put(variable, labelOfId.get(id));
            }
            boolean required = Pattern.compile("(^|\\s)required(\\s|=|/|$)").matcher(attributes).find();
            fields.put(variable, new FormSchema.Field(variable, kind, required, List.copyOf(values)));
        }
        return new FormSchema(name, fields, signature, Map.copyOf(labels));
    }

    /** A {@code <label for="id">text</label>} of an embedded form. */
    private static final Pattern LABEL = Pattern.compile("<label[^>]*\\sfor=\"([^\"]+)\"[^>]*>(.*?)</label>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }
}
