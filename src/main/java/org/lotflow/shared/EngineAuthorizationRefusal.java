package org.lotflow.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.lotflow.shared.process.WithoutCallerAuthorization;

/**
 * What a Camunda authorization refusal ({@link AuthorizationException}) tells the user, on {@code /api},
 * {@code /engine-rest} and so Tasklist: a {@link EngineRefusals.Refusal} in words, never the engine's
 * {@code "The user with id 'jennifer' does not have one of the following permissions: 'TASK_WORK' permission on
 * resource 'eed0fd52-…' of type 'Task' or …"} (auditor 2026-12-07 F7; README: refusals carry "its sentence without
 * engine codes or Java names").
 *
 * <ul>
 * <li><b>A task gone meanwhile: 409.</b> When the right refused is one on a task that is no longer open, the task was
 * completed (or withdrawn) by someone else between the request's first read and its permission check: the engine reads
 * the task, and its rights rows are deleted with it by the other request's commit. That is a lost race and answers 409
 * like every other lost race (issue 9), not a 403 telling a QA manager she lacks a right she has (auditor 2026-12-07
 * F1: one run in ten of a disposition signed on {@code /api} while another QA manager completed its task on
 * {@code /engine-rest}).</li>
 * <li><b>A task the caller may not read: 404</b>, word for word what an id of no open task answers, so an outsider
 * learns nothing of it (its process, name, lot or groups).</li>
 * <li><b>Otherwise 403</b> naming who, what right (in words: "work on", "change", "start batch operations to set job
 * retries") and on what ("this task", "the process 'quarantineInvestigation'", "Tasklist filters"), and that nothing
 * was changed. Several rights that would each do are joined with "or"; a call only administrators may make says
 * so.</li>
 * </ul>
 * Whether a task is still open is read with the caller's authentication set aside for that one query (a task the
 * caller may not see is still a task: it must not read as gone); the answer says only "open" or "gone".
 */
public final class EngineAuthorizationRefusal {

    /** What answers "is this task still open?" (set once at start-up by {@link EngineRefusals}). */
    private static final AtomicReference<OpenTasks> TASKS = new AtomicReference<>();

    private record OpenTasks(TaskService tasks, WithoutCallerAuthorization withoutCaller) {
    }

    /** The words of the engine's permission names; any other name is read out in lower case. */
    private static final Map<String, String> RIGHTS = Map.ofEntries(
            Map.entry("READ", "read"), Map.entry("UPDATE", "change"), Map.entry("CREATE", "create"),
            Map.entry("DELETE", "delete"), Map.entry("ACCESS", "open"), Map.entry("ALL", "do everything with"),
            Map.entry("TASK_WORK", "work on"), Map.entry("TASK_ASSIGN", "assign"),
            Map.entry("READ_TASK", "read the tasks of"), Map.entry("UPDATE_TASK", "change the tasks of"),
            Map.entry("CREATE_INSTANCE", "start"), Map.entry("READ_INSTANCE", "read the running cases of"),
            Map.entry("UPDATE_INSTANCE", "change the running cases of"),
            Map.entry("DELETE_INSTANCE", "delete the running cases of"),
            Map.entry("READ_HISTORY", "read the history of"), Map.entry("DELETE_HISTORY", "delete the history of"),
            Map.entry("UPDATE_INSTANCE_VARIABLE", "change the variables of the running cases of"),
            Map.entry("UPDATE_TASK_VARIABLE", "change the variables of the tasks of"),
            Map.entry("UPDATE_VARIABLE", "change the variables of"),
            Map.entry("READ_INSTANCE_VARIABLE", "read the variables of the running cases of"),
            Map.entry("READ_TASK_VARIABLE", "read the variables of the tasks of"),
            Map.entry("READ_VARIABLE", "read the variables of"), Map.entry("SUSPEND", "suspend"),
            Map.entry("SUSPEND_INSTANCE", "suspend the running cases of"), Map.entry("RETRY_JOB", "retry the jobs of"),
            Map.entry("SET_JOB_PRIORITY", "set the job priority of"));

    /** Who the engine's permission sentence names, and each right it names: permission, resource id, type. */
    private static final java.util.regex.Pattern ENGINE_USER = java.util.regex.Pattern.compile(
            "The user with id '([^']*)' does not have");
    private static final java.util.regex.Pattern ENGINE_RIGHT = java.util.regex.Pattern.compile(
            "'(\\w+)' permission on resource '([^']*)' of type '(\\w+)'");

    private EngineAuthorizationRefusal() {
    }

    /** Lets {@link #of} ask {@code tasks} whether a refused task is still open. */
    static void use(TaskService tasks, WithoutCallerAuthorization withoutCaller) {
        TASKS.set(new OpenTasks(tasks, withoutCaller));
    }

    /** The refusal {@code e} means: 409 for a task completed meanwhile, else 403 in words. */
    public static EngineRefusals.Refusal of(AuthorizationException e) {
        List<MissingAuthorization> missing = e.getMissingAuthorizations() == null ? List.of()
                : e.getMissingAuthorizations();
        for (MissingAuthorization m : missing) {
            if ("Task".equals(m.getResourceType()) && m.getResourceId() != null && !"*".equals(m.getResourceId())
                    && taskGone(m.getResourceId())) {
                return new EngineRefusals.Refusal(409, EngineRefusals.TASK_GONE);
            }
        }
        String unreadable = unreadableTask(missing);
        if (unreadable != null) {
            // a task the caller may not even read is, to them, no open task: the 404 of an id of none, word for word
            // (GET task/{id} answers so itself), never its process, name or groups
            return new EngineRefusals.Refusal(404, EngineRefusals.noOpenTask(unreadable));
        }
        return new EngineRefusals.Refusal(403, sentence(e.getUserId(), String.valueOf(e.getMessage()), missing));
    }

    /**
     * The engine's permission sentence that Camunda's REST layer re-throws without its {@link AuthorizationException}
     * ({@code GET task/{id}/deployed-form}; re-test 2026-12-07 R7) in words, or null when {@code message} is none.
     */
    public static String fromEngineText(String message) {
        String text = String.valueOf(message);
        java.util.regex.Matcher user = ENGINE_USER.matcher(text);
        String userId = user.find() ? user.group(1) : null;
        if (userId == null && !text.contains("Required admin")) {
            return null;
        }
        List<MissingAuthorization> missing = new ArrayList<>();
        java.util.regex.Matcher right = ENGINE_RIGHT.matcher(text);
        while (right.find()) {
            missing.add(new MissingAuthorization(right.group(1), right.group(3), right.group(2)));
        }
        return sentence(userId, text, missing);
    }

    /**
     * The id of the task the engine's re-thrown permission text refuses to read ({@code READ} on one task), or null when
     * it refuses anything else.
     */
    public static String unreadableTask(String message) {
        List<MissingAuthorization> missing = new ArrayList<>();
        java.util.regex.Matcher right = ENGINE_RIGHT.matcher(String.valueOf(message));
        while (right.find()) {
            missing.add(new MissingAuthorization(right.group(1), right.group(3), right.group(2)));
        }
        return unreadableTask(missing);
    }

    /** The one task whose {@code READ} is refused, or null when the refusal is of anything else (tested without an engine). */
    static String unreadableTask(List<MissingAuthorization> missing) {
        for (MissingAuthorization m : missing) {
            if ("Task".equals(m.getResourceType()) && "READ".equals(m.getViolatedPermissionName())
                    && m.getResourceId() != null && !"*".equals(m.getResourceId())) {
                return m.getResourceId();
            }
        }
        return null;
    }

    /** The 403's sentence (tested without an engine). */
    static String sentence(String userId, String message, List<MissingAuthorization> missing) {
        String who = userId == null || userId.isBlank() ? "You" : "'" + userId + "'";
        List<String> rights = new ArrayList<>();
        for (MissingAuthorization m : missing) {
            String on = resource(m.getResourceType(), m.getResourceId());
            String right = String.valueOf(m.getViolatedPermissionName()).startsWith("CREATE_BATCH_")
                    ? right(m.getViolatedPermissionName()) : right(m.getViolatedPermissionName()) + " " + on;
            if (!rights.contains(right)) {
                rights.add(right);
            }
        }
        boolean adminOnly = message.contains("Required admin");
        if (rights.isEmpty()) {
            return adminOnly ? "Only an administrator may do this; nothing was changed."
                    : who + " may not do this; nothing was changed.";
        }
        return who + " may not do this: it takes the right to " + String.join(", or to ", rights)
                + (adminOnly ? ", or an administrator" : "") + "; nothing was changed.";
    }

    static String right(String permission) {
        if (permission == null) {
            return "use";
        }
        String word = RIGHTS.get(permission);
        if (word != null) {
            return word;
        }
        if (permission.startsWith("CREATE_BATCH_")) {
            return "start batch operations to " + permission.substring("CREATE_BATCH_".length())
                    .toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return permission.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String resource(String type, String id) {
        boolean any = id == null || "*".equals(id);
        if (type == null) {
            return "this";
        }
        return switch (type) {
            case "Task" -> any ? "tasks" : "this task";
            case "ProcessDefinition" -> any ? "any process" : "the process '" + id + "'";
            case "ProcessInstance" -> any ? "running cases" : "this running case";
            case "DecisionDefinition" -> any ? "any decision table" : "the decision table '" + id + "'";
            case "Filter" -> "Tasklist filters";
            case "System" -> "the engine's system records";
            case "Batch" -> "batch operations";
            case "Application" -> any ? "the webapps" : "the webapp '" + id + "'";
            case "User" -> any ? "users" : "the user '" + id + "'";
            case "Group" -> any ? "groups" : "the group '" + id + "'";
            case "Authorization" -> "authorizations";
            case "Deployment" -> "deployments";
            case "HistoricTask", "HistoricProcessInstance" -> "the history";
            default -> type.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT) + (any ? "" : " '" + id
                    + "'");
        };
    }

    /** Whether task {@code id} is no longer open (false when that cannot be told: the 403 stands). */
    private static boolean taskGone(String id) {
        OpenTasks open = TASKS.get();
        if (open == null) {
            return false;
        }
        try {
            // a task the caller may not see is still open
            return open.withoutCaller().call(() -> open.tasks().createTaskQuery().taskId(id).count() == 0);
        } catch (RuntimeException cannotTell) {
            return false;
        }
    }
}
