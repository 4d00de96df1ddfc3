package org.lotflow.shared.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where what a task's form shows is kept, and how the forms read it (issue #11, target 5: "what forms read and
 * how"). {@link TaskForm#apply()} hands a task's display values (text, numbers, Booleans) to this engine plugin; they
 * are written as one row of {@code task_display} (JSON) when the engine command ends, in its transaction, instead of
 * as ~20 task-local runtime variables each inserted and deleted again (50 statements and most of a lot release's
 * variable rows, bench/results/engine.md).
 *
 * <p>The forms read them as before: Tasklist's Camunda Forms and embedded forms ask
 * {@code GET /engine-rest/task/{id}/form-variables}, which Camunda answers from the task's form handler first
 * ({@code GetTaskFormVariablesCmd}: its form fields' values, then the task's variables for names not already
 * answered). Every user task's form handler is wrapped at parse time so that its form fields end with the display
 * values. So a variable a user writes under a display value's name (the engine-surface guard refuses such writes in
 * any case) never changes what the form shows, and no business fact is read from these values (lotflow reads its own
 * tables). The row is deleted when the task is completed or deleted (built-in task listeners, which run even when
 * custom listeners are skipped).
 */
@Component
public class TaskDisplays extends AbstractProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    private final LiveTaskDisplays live;

    public TaskDisplays(JdbcTemplate jdbc, LiveTaskDisplays live) {
        this.jdbc = jdbc;
        this.live = live;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> sessions = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        sessions.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return Pending.class;
            }

            @Override
            public Session openSession() {
                return new Pending(TaskDisplays.this);
            }
        });
        configuration.setCustomSessionFactories(sessions);
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    TaskDefinition definition = behavior.getTaskDefinition();
                    definition.setTaskFormHandler(new Showing(definition.getTaskFormHandler(), TaskDisplays.this));
                    TaskListener forget = task -> pending().forget(task.getId());
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, forget);
                    definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, forget);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Keeps {@code values} (name -> text, number or Boolean) as what {@code task}'s form shows. */
    static void show(DelegateTask task, Map<String, Object> values) {
        pending().show(task.getId(), values, TaskListener.EVENTNAME_CREATE.equals(task.getEventName()));
    }

    private static Pending pending() {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            throw new IllegalStateException("a task's display values are set inside the engine (a task listener)");
        }
        return context.getSession(Pending.class);
    }

    /**
     * Merges {@code values} into the task's stored ones, its row locked while they are merged, so two changes of one
     * task's values at once keep both (the second waits for the first's commit); without a row, inserts one.
     */
    private void merge(String taskId, Map<String, Object> values) {
        List<String> rows = jdbc.queryForList("SELECT shown FROM task_display WHERE task_id = ? FOR UPDATE",
                String.class, taskId);
        Map<String, Object> merged = rows.isEmpty() ? new LinkedHashMap<>() : read(rows.get(0));
        merged.putAll(values);
        if (rows.isEmpty()) {
            jdbc.update("INSERT INTO task_display (task_id, shown) VALUES (?, ?)", taskId, json(merged));
        } else {
            jdbc.update("UPDATE task_display SET shown = ? WHERE task_id = ?", json(merged), taskId);
        }
    }

    /** What {@code taskId}'s form shows, in display order: what this command set over what is stored. */
    Map<String, Object> shown(String taskId) {
        Map<String, Object> shown = new LinkedHashMap<>();
        List<String> rows = jdbc.queryForList("SELECT shown FROM task_display WHERE task_id = ?", String.class, taskId);
        if (!rows.isEmpty()) {
            shown.putAll(read(rows.get(0)));
        }
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            Map<String, Object> now = context.getSession(Pending.class).set.get(taskId);
            if (now != null) {
                shown.putAll(now);
            }
        }
        return shown;
    }

    private void write(Map<String, Map<String, Object>> set, Set<String> created, Set<String> forgotten) {
        for (Map.Entry<String, Map<String, Object>> e : set.entrySet()) {
            String taskId = e.getKey();
            if (forgotten.contains(taskId)) {
                continue;
            }
            if (created.contains(taskId)) {
                jdbc.update("INSERT INTO task_display (task_id, shown) VALUES (?, ?)", taskId, json(e.getValue()));
                continue;
            }
            // a later change of an open task's values
            merge(taskId, e.getValue());
        }
        for (String taskId : forgotten) {
            if (!created.contains(taskId)) {
                jdbc.update("DELETE FROM task_display WHERE task_id = ?", taskId);
            }
        }
    }

    static String json(Map<String, Object> values) {
        ArrayNode list = JSON.createArrayNode();
        values.forEach((name, value) -> {
            ObjectNode entry = list.addObject().put("n", name);
            if (value == null) {
                entry.put("t", "String").putNull("v");
            } else if (value instanceof String s) {
                entry.put("t", "String").put("v", s);
            } else if (value instanceof Boolean b) {
                entry.put("t", "Boolean").put("v", b);
            } else if (value instanceof Integer i) {
                entry.put("t", "Integer").put("v", i);
            } else if (value instanceof Long l) {
                entry.put("t", "Long").put("v", l);
            } else if (value instanceof Double d) {
                entry.put("t", "Double").put("v", d);
            } else {
                throw new IllegalArgumentException("display value '" + name + "' is a " + value.getClass().getName()
                        + "; a form shows text, whole numbers, decimals (Double) or Booleans");
            }
        });
        return list.toString();
    }

    static Map<String, Object> read(String json) {
        Map<String, Object> values = new LinkedHashMap<>();
        try {
            for (JsonNode entry : JSON.readTree(json)) {
                JsonNode v = entry.get("v");
                Object value = v == null || v.isNull() ? null : switch (entry.get("t").asText()) {
                    case "Boolean" -> v.booleanValue();
                    case "Integer" -> v.intValue();
                    case "Long" -> v.longValue();
                    case "Double" -> v.doubleValue();
                    default -> v.textValue();
                };
                values.put(entry.get("n").asText(), value);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("task_display holds no JSON list: " + e.getOriginalMessage(), e);
        }
        return values;
    }

    static TypedValue typed(Object value) {
        if (value instanceof Boolean b) {
            return Variables.booleanValue(b);
        }
        if (value instanceof Integer i) {
            return Variables.integerValue(i);
        }
        if (value instanceof Long l) {
            return Variables.longValue(l);
        }
        if (value instanceof Double d) {
            return Variables.doubleValue(d);
        }
        return Variables.stringValue((String) value);
    }

    /** One engine command's display values, written when the command's sessions are flushed. */
    static final class Pending implements Session {
        private final TaskDisplays store;
        private final Map<String, Map<String, Object>> set = new LinkedHashMap<>();
        private final Set<String> created = new LinkedHashSet<>();
        private final Set<String> forgotten = new LinkedHashSet<>();

        Pending(TaskDisplays store) {
            this.store = store;
        }

        void show(String taskId, Map<String, Object> values, boolean createdNow) {
            set.computeIfAbsent(taskId, id -> new LinkedHashMap<>()).putAll(values);
            if (createdNow) {
                created.add(taskId);
            }
        }

        void forget(String taskId) {
            forgotten.add(taskId);
        }

        @Override
        public void flush() {
            if (set.isEmpty() && forgotten.isEmpty()) {
                return;
            }
            store.write(set, created, forgotten);
            set.clear();
            created.clear();
            forgotten.clear();
        }

        @Override
        public void close() {
        }
    }

    /** A user task's form handler whose form fields end with what the task's form shows. */
    static final class Showing implements TaskFormHandler {
        private final TaskFormHandler delegate;
        private final TaskDisplays store;

        Showing(TaskFormHandler delegate, TaskDisplays store) {
            this.delegate = delegate;
            this.store = store;
        }

        /**
         * The delegate's form; when the forms ask for their values ({@code GetTaskFormVariablesCmd}, the one command
         * that reads form fields as values), followed by the display values. Other readers of the form (its key,
         * Camunda's generated HTML form) see the task's own form as before.
         */
        @Override
        public TaskFormData createTaskForm(TaskEntity task) {
            TaskFormData data = delegate.createTaskForm(task);
            org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext invocation =
                    Context.getCommandInvocationContext();
            if (task.getId() == null || data.getFormFields() == null || invocation == null
                    || !(invocation.getCommand() instanceof GetTaskFormVariablesCmd)) {
                return data;
            }
            Set<String> own = new LinkedHashSet<>();
            for (FormField field : data.getFormFields()) {
                own.add(field.getId());
            }
            Map<String, Object> shown = store.shown(task.getId());
            // no display value's name holds '@': a per-person entry a build of 2026-12-07 stored ("fourEyesNotice@anna")
            // is never shown to anyone (re-test 2026-12-07 b M1); the live values say it to its own reader
            shown.keySet().removeIf(name -> name.indexOf('@') >= 0);
            shown.putAll(store.live.values(task, Context.getCommandContext().getAuthenticatedUserId()));
            shown.forEach((name, value) -> {
                if (!own.contains(name)) {
                    FormFieldImpl field = new FormFieldImpl();
                    field.setId(name);
                    field.setLabel(name);
                    field.setValue(typed(value));
                    data.getFormFields().add(field);
                }
            });
            return data;
        }

        @Override
        public void parseConfiguration(Element activityElement, DeploymentEntity deployment,
                org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity processDefinition,
                org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse bpmnParse) {
            delegate.parseConfiguration(activityElement, deployment, processDefinition, bpmnParse);
        }

        @Override
        public void submitFormVariables(org.camunda.bpm.engine.variable.VariableMap properties,
                org.camunda.bpm.engine.delegate.VariableScope variableScope) {
            delegate.submitFormVariables(properties, variableScope);
        }
    }
}
