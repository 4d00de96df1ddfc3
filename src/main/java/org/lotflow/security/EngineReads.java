package org.lotflow.security;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads of {@code /engine-rest} that the engine would answer with a 500 (and, for {@code deployed-form}, with a
 * Java exception's class and message), answered as a QA person reads them (auditor 2026-12-06 G-h, G-i):
 * <ul>
 * <li>a task's form, variables or identity links ({@code task/{id}/...}, not its comments or attachments, which
 * stay readable after completion) when there is no open task of that id: 404 "There is no open task 'xyz'";</li>
 * <li>a process instance's or execution's variables when there is no running one of that id: 404;</li>
 * <li>{@code firstResult} or {@code maxResults} that is not a whole number of at least 0: 400 naming it.</li>
 * </ul>
 * A plain rule over the caller's lookups (who may see what is the engine's authorization, as before).
 */
final class EngineReads {

    private static final Pattern TASK_READ = Pattern.compile(
            "^task/(?!report/)([^/]+)/(?!comment(?:/|$)|attachment(?:/|$))[^/]+(?:/.*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSTANCE_READ = Pattern.compile(
            "^(process-instance|execution)/([^/]+)/(?:variables|localVariables)(?:/.*)?$", Pattern.CASE_INSENSITIVE);
    private static final List<String> PAGING = List.of("firstResult", "maxResults");

    private final Predicate<String> openTask;
    private final Predicate<String> runningInstance;
    private final Predicate<String> runningExecution;

    /**
     * @param openTask whether an open task has this id
     * @param runningInstance whether a running process instance has this id
     * @param runningExecution whether a running execution has this id
     */
    EngineReads(Predicate<String> openTask, Predicate<String> runningInstance, Predicate<String> runningExecution) {
        this.openTask = openTask;
        this.runningInstance = runningInstance;
        this.runningExecution = runningExecution;
    }

    /** The most metric intervals one read returns (the engine's own query limit). */
    static final int METRIC_INTERVALS = 1000;

    /** The task whose form, variables or identity links {@code resource} reads, or null when it reads none. */
    static String taskRead(String resource) {
        Matcher task = TASK_READ.matcher(resource);
        return task.matches() ? task.group(1) : null;
    }

    /** Why this read of {@code resource} (the path after the engine's root) is refused, or null to let it pass. */
    SurfaceRefusal refusal(String resource, java.util.Map<String, String[]> parameters) {
        for (String name : PAGING) {
            String[] values = parameters.get(name);
            if (values != null) {
                for (String v : values) {
                    if (!v.matches("\\d{1,9}")) {
                        return new SurfaceRefusal(400, "Invalid request", name, name + " must be a whole number of at"
                                + " least 0 (at most 999999999), not '" + v + "'");
                    }
                }
            }
        }
        if (resource.replaceAll("/+$", "").equalsIgnoreCase("metrics")) {
            // the engine's metric intervals: an interval of 0 divides by zero, a page beyond the engine's limit fails,
            // both as 500 (re-test 2026-12-07 R6)
            for (String v : parameters.getOrDefault("interval", new String[0])) {
                if (!v.matches("\\d{1,9}") || Long.parseLong(v) < 1) {
                    return new SurfaceRefusal(400, "Invalid request", "interval", "interval: the length of each"
                            + " interval in seconds, a whole number of at least 1 (900 when left out), not '" + v + "'");
                }
            }
            for (String v : parameters.getOrDefault("maxResults", new String[0])) {
                if (Long.parseLong(v) > METRIC_INTERVALS) {
                    return new SurfaceRefusal(400, "Invalid request", "maxResults", "maxResults: at most "
                            + METRIC_INTERVALS + " intervals are read at once, not " + v);
                }
            }
        }
        Matcher task = TASK_READ.matcher(resource);
        if (task.matches() && !openTask.test(task.group(1))) {
            return new SurfaceRefusal(404, "Not found", null, org.lotflow.shared.EngineRefusals.noOpenTask(task.group(1)));
        }
        Matcher instance = INSTANCE_READ.matcher(resource);
        if (instance.matches()) {
            boolean execution = instance.group(1).equalsIgnoreCase("execution");
            String id = instance.group(2);
            if (!(execution ? runningExecution : runningInstance).test(id)) {
                return noRunning(execution, id);
            }
        }
        return null;
    }

    /** The running process instance or execution whose variables {@code resource} reads: {kind, id}, or null. */
    static String[] instanceRead(String resource) {
        Matcher instance = INSTANCE_READ.matcher(resource);
        return instance.matches() ? new String[] {instance.group(1), instance.group(2)} : null;
    }

    /** What a read of the variables of no running process instance or execution answers (404). */
    static SurfaceRefusal noRunning(boolean execution, String id) {
        return new SurfaceRefusal(404, "Not found", null, "There is no running " + (execution ? "execution"
                : "process instance") + " '" + id + "': it never existed or has ended (an ended process's variables are"
                + " in its history)");
    }
}
