package org.lotflow.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which engine resource a request reaches, for {@link EngineSurfaceGuard}: the paths of {@code /engine-rest} and of
 * the webapps' engine API below their root (case-insensitive, as Camunda's JAX-RS matching is), which of them write
 * variables or routing, delete running instances, start processes, complete tasks, claim tasks or touch identity
 * records, and how lotflow itself starts each of its processes. Rules only: no engine access.
 */
final class EngineResources {

    private EngineResources() {
    }

    /** The engine API below its root: {@code /engine-rest[/engine/{name}]/...} or {@code .../api/engine/engine/{name}/...}. */
    static final Pattern ENGINE_API = Pattern.compile(
            "^(?:/engine-rest(?:/engine/[^/]+)?|.*/api/engine/engine/[^/]+)/(.+)$");
    static final Pattern COCKPIT_API = Pattern.compile("^.*/api/cockpit/.*$");
    /**
     * Cockpit's plugin code and styles ({@code plugin.js}, {@code plugin.css}): files of Camunda's own jar, the same
     * for everyone, which Cockpit's page loads before it can show its login (new user 2026-12-06 W2: refused, Cockpit
     * spun forever for anyone not logged in yet). No data.
     */
    static final Pattern COCKPIT_PLUGIN_FILES = Pattern.compile("^.*/api/cockpit/plugin/[A-Za-z0-9_-]+/static/"
            + "[A-Za-z0-9_./-]+\\.(js|css)$");
    static final Pattern TASK_SUBMIT = Pattern.compile("^task/([^/]+)/(complete|submit-form)/?$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PROCESS_START = Pattern.compile(
            "^process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)/?$",
            Pattern.CASE_INSENSITIVE);
    static final Pattern PROFILE = Pattern.compile("^user/([^/]+)/profile/?$", Pattern.CASE_INSENSITIVE);
    /** Identity records: a non-administrator may change only their own password. */
    static final Pattern USER_WRITE = Pattern.compile("^user(?:/.*)?$", Pattern.CASE_INSENSITIVE);
    /** Creating a user (with a password). */
    static final Pattern USER_CREATE = Pattern.compile("^user/create/?$", Pattern.CASE_INSENSITIVE);
    static final Pattern OWN_CREDENTIALS = Pattern.compile("^user/([^/]+)/credentials/?$",
            Pattern.CASE_INSENSITIVE);
    /** Checks any user's password: a guessing oracle around the lockout. */
    static final Pattern IDENTITY_VERIFY = Pattern.compile("^identity/verify/?$", Pattern.CASE_INSENSITIVE);
    static final Pattern TASK_CLAIM = Pattern.compile("^task/([^/]+)/claim/?$", Pattern.CASE_INSENSITIVE);
    /** Handing a task to a named user: setting its assignee or delegating it. */
    static final Pattern TASK_HAND_OVER = Pattern.compile("^task/([^/]+)/(?:assignee|delegate)/?$",
            Pattern.CASE_INSENSITIVE);
    /** Handing a claimed task back to its candidates. */
    static final Pattern TASK_UNCLAIM = Pattern.compile("^task/([^/]+)/unclaim/?$", Pattern.CASE_INSENSITIVE);
    static final Pattern VARIABLE_WRITES = Pattern.compile("^(?:"
            + "task/[^/]+/(?:variables|localvariables|bpmnerror|bpmnescalation|resolve)(?:/.*)?"
            + "|process-instance/[^/]+/(?:variables|modification|modification-async)(?:/.*)?"
            + "|process-instance/(?:variables|message)-async|process-instance/[^/]+/variables-async"
            + "|execution/[^/]+/(?:localvariables|messagesubscriptions|signal)(?:/.*)?"
            + "|message(?:/.*)?|signal(?:/.*)?|condition(?:/.*)?|modification(?:/.*)?|migration(?:/.*)?"
            + "|process-definition/.+/restart(?:-async)?"
            + "|external-task/.+"
            + ")/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Deleting running process instances, one or in batches, or with the definitions or deployments they
     * run on ({@code cascade}): a lab release, investigation or recall would stop with no step in its lot's
     * history (EU GMP Annex 11 §9, 21 CFR 11.10(e)), and the lot would be left outside the process that
     * owns it (audit finding, 2026-12-04).
     */
    static final Pattern INSTANCE_DELETION = Pattern.compile("^(?:process-instance/[^/]+"
            + "|process-instance/delete(?:-historic-query-based)?|process-definition/.+|deployment/[^/]+)/?$",
            Pattern.CASE_INSENSITIVE);

    /**
     * Halting or rewriting how a process runs, outside its recorded steps (audit finding, 2026-12-04 evening):
     * suspending instances, definitions, job definitions or jobs (a suspended release takes no lab results, a
     * suspended definition makes every new lot fail); moving a timer's due date (a recall's notification
     * deadline, the release target, a decision's escalation); re-prioritising a job or a job definition's jobs (a
     * silent way to delay a release or recall step once priorities count; auditor 2026-12-06 L1); rewriting a task as
     * a whole ({@code PUT task/{id}}:
     * due date, owner, assignee outside its groups); changing who may work a task ({@code identity-links}).
     */
    static final Pattern PROCESS_CONTROL = Pattern.compile("^(?:"
            + "process-instance/(?:[^/]+/)?suspended(?:-async)?"
            + "|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?/|[^/]+/)?suspended"
            + "|job-definition/(?:[^/]+/)?suspended|job/(?:[^/]+/)?suspended"
            + "|job/[^/]+/duedate(?:/recalculate)?"
            + "|job/[^/]+/priority|job-definition/[^/]+/jobPriority"
            + "|task/[^/]+/identity-links(?:/delete)?"
            + ")/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Annotating or clearing the annotation of an entry of the engine's operation log or of an incident (auditor
     * 2026-12-05 F8: an annotation rewrote what the audit trail said happened).
     */
    static final Pattern ANNOTATION = Pattern.compile(
            "^(?:(?:operation-log|history/user-operation)/[^/]+/(?:set-annotation|clear-annotation)"
            + "|incident/[^/]+/annotation)/?$",
            Pattern.CASE_INSENSITIVE);

    /** Creating an incident by hand ({@code POST execution/{id}/create-incident}; auditor 2026-12-05 F13). */
    static final Pattern INCIDENT_CREATE = Pattern.compile("^execution/[^/]+/create-incident/?$",
            Pattern.CASE_INSENSITIVE);

    /** Creating a Tasklist filter. */
    static final Pattern FILTER_CREATE = Pattern.compile("^filter/create/?$", Pattern.CASE_INSENSITIVE);
    /** One authorization ({@code PUT} changes it, {@code DELETE} removes it). */
    static final Pattern AUTHORIZATION_RECORD = Pattern.compile("^authorization/(?!create/?$)([^/]+)/?$",
            Pattern.CASE_INSENSITIVE);

    /** One Tasklist filter ({@code PUT} changes its query or who sees it, {@code DELETE} removes it). */
    static final Pattern FILTER_RECORD = Pattern.compile("^filter/([^/]+)/?$", Pattern.CASE_INSENSITIVE);

    /** {@code PUT task/{id}}: the whole task rewritten (name, due date, owner, assignee, parent). */
    static final Pattern TASK_UPDATE = Pattern.compile("^task/[^/]+/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Taking history away before its time (the README's retention: no history of a lot's processes is removed
     * before its retain-until date): deleting historic instances, variables or decisions, setting their removal
     * time, or shortening a definition's history time to live.
     */
    static final Pattern HISTORY_REMOVAL = Pattern.compile("^(?:"
            + "history/.*(?:delete|set-removal-time)(?:-async)?"
            + "|(?:process|decision|case)-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/history-time-to-live"
            + ")/?$", Pattern.CASE_INSENSITIVE);

    /**
     * The engine's task-worker metrics ({@code DELETE metrics/task-worker[?date=...]} deletes them, all or up to a
     * date): its count of the people who worked tasks, kept as history is (auditor 2026-12-07 F5: an administrator deleted it,
     * 204).
     */
    static final Pattern TASK_WORKER_METRICS = Pattern.compile("^metrics/task-worker/?$", Pattern.CASE_INSENSITIVE);

    /** One job ({@code DELETE job/{id}} removes it: a timer, a save point or a timer start event's job). */
    static final Pattern JOB_RECORD = Pattern.compile("^job/[^/]+/?$", Pattern.CASE_INSENSITIVE);

    /** Executing a job by hand: a refused execution still counts as the job's failure (one retry fewer). */
    static final Pattern JOB_EXECUTE = Pattern.compile("^job/[^/]+/execute/?$", Pattern.CASE_INSENSITIVE);

    /** Setting the retries of a job, of a job definition's jobs, or of many jobs at once. */
    static final Pattern JOB_RETRIES = Pattern.compile("^(?:job/[^/]+/retries|job/retries|job-definition/[^/]+/retries"
            + "|process-instance/job-retries(?:-historic-query-based)?)/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Editing or deleting a task's or a process instance's comments ({@code PUT task/comment}, {@code DELETE
     * task/{id}/comment[/{commentId}]}, the same under {@code process-instance}) or a task's attachments.
     */
    static final Pattern RECORD_REWRITE = Pattern.compile(
            "^(?:task|process-instance)/(?:[^/]+/)?(?:comment|attachment)(?:/[^/]+)?/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Changing what runs: deploying or redeploying processes, forms or decisions, or deleting a deployment or a
     * definition. A deployed model is code: its expressions reach the application's beans and the engine's services
     * (an administrator's {@code ${...}} could rewrite lots or memberships with no trace). lotflow deploys its own
     * models when it starts, from its build ({@code ProcessDeployer}); a change of them goes through change control
     * (EU GMP Annex 11 §10, 21 CFR 11.10(k)) and a new release, never through HTTP (audit finding, 2026-12-05).
     */
    static final Pattern DEPLOYMENT_WRITE = Pattern.compile(
            "^deployment/(?:create|[^/]+/redeploy)/?$", Pattern.CASE_INSENSITIVE);
    static final Pattern DEFINITION_DELETE = Pattern.compile(
            "^(?:deployment|process-definition|decision-definition|decision-requirements-definition|case-definition)"
                    + "/.+$", Pattern.CASE_INSENSITIVE);

    /** A membership: {@code PUT group/{groupId}/members/{userId}} adds it. */
    static final Pattern MEMBERSHIP = Pattern.compile("^group/([^/]+)/members/([^/]+)/?$", Pattern.CASE_INSENSITIVE);
    /** Creating or changing an authorization. */
    static final Pattern AUTHORIZATION_WRITE = Pattern.compile("^authorization/(?:create|[^/]+)/?$",
            Pattern.CASE_INSENSITIVE);

    /** One user's identity record ({@code DELETE user/{id}} deletes it). */
    static final Pattern USER_RECORD = Pattern.compile("^user/([^/]+)/?$", Pattern.CASE_INSENSITIVE);
    /** One group ({@code DELETE group/{id}} deletes it with every membership). */
    static final Pattern GROUP_RECORD = Pattern.compile("^group/([^/]+)/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Why a write is refused to everyone, administrators included, or null when this rule does not refuse it:
     * rewriting the record's comments and attachments ({@link #RECORD_REWRITE}, checked first: {@code PUT
     * task/comment} would otherwise read as a task rewritten), halting or rewriting a process outside its steps
     * ({@link #PROCESS_CONTROL}, {@code PUT task/{id}}), changing the deployed models ({@link #DEPLOYMENT_WRITE},
     * {@link #DEFINITION_DELETE}), deleting a user or one of lotflow's groups, taking history away
     * ({@link #HISTORY_REMOVAL}, any {@code DELETE history/...}), deleting the task-worker metrics
     * ({@link #TASK_WORKER_METRICS}), annotating the operation log or an incident
     * ({@link #ANNOTATION}) or creating an incident ({@link #INCIDENT_CREATE}). Path rules only.
     */
    static String refusedToEveryone(String method, String resource) {
        if (!method.equals("GET") && resource.matches("(?i)^case-(?:instance|execution|definition)(?:/.*)?$")) {
            // lotflow deploys no CMMN case: nothing there to change, and a variable upload without its multipart body
            // was a 500 with a NullPointerException's text (re-test 2026-12-06 R4)
            return "lotflow runs no CMMN cases: its work is in BPMN processes, so case instances, executions and"
                    + " definitions are not changed here, by anyone";
        }
        if (ANNOTATION.matcher(resource).matches() && (method.equals("PUT") || method.equals("DELETE"))) {
            return "The engine's operation log and its incidents are part of the record: their annotations are not"
                    + " set, replaced or cleared by anyone (administrators included); note what you found in a comment"
                    + " on one of the process's tasks (POST task/{id}/comment/create; re-test 2026-12-06 F10: the process"
                    + " instance takes no comment)";
        }
        if (method.equals("POST") && resource.matches("(?i)^task/create/?$")) {
            return "Tasks are made by lotflow's processes, each in its step and for its groups; a task made by hand could"
                    + " pose as a lotflow task in someone's list, so none is created over HTTP,"
                    + " by anyone (administrators included)";
        }
        if (method.equals("POST") && INCIDENT_CREATE.matcher(resource).matches()) {
            return "Incidents are raised by lotflow's failing steps, not created by hand (a made-up incident would"
                    + " stop no step but alarm Cockpit and the plant's gauges), by anyone (administrators included)";
        }
        if (method.equals("DELETE") && JOB_RECORD.matcher(resource).matches()) {
            return "A job of lotflow's processes (a deadline or an escalation, a save point that carries out a signed"
                    + " decision, the daily expiry check) is not deleted by hand, by anyone (administrators included):"
                    + " the step it stands for would never happen, with no record saying so; a failed job is retried in"
                    + " Cockpit (auditor 2026-12-06 G2)";
        }
        if (RECORD_REWRITE.matcher(resource).matches() && (method.equals("PUT") || method.equals("DELETE"))) {
            return "Comments and attachments on lotflow's tasks and processes are part of the record: they are added,"
                    + " not edited or deleted, by anyone (administrators included); add a new comment to correct one";
        }
        if (PROCESS_CONTROL.matcher(resource).matches() || (method.equals("PUT") && TASK_UPDATE.matcher(resource).matches())) {
            return "lotflow's processes run through their own recorded steps: they are not suspended, their timers'"
                    + " due dates are not moved, their jobs are not re-prioritised and their tasks are not rewritten or given to other groups, by anyone"
                    + " (administrators included); claim, unclaim and complete tasks instead";
        }
        if ((method.equals("POST") && DEPLOYMENT_WRITE.matcher(resource).matches())
                || (method.equals("DELETE") && DEFINITION_DELETE.matcher(resource).matches())) {
            return "lotflow's processes, forms and decisions are deployed by lotflow itself when it starts, from its"
                    + " released build (change control, EU GMP Annex 11 §10): they are not deployed, redeployed or"
                    + " deleted over HTTP, by anyone (administrators included)";
        }
        if (method.equals("DELETE") && USER_RECORD.matcher(resource).matches()) {
            return "Users are never deleted: the identity behind past records and signatures stays (21 CFR 11.100(a),"
                    + " 11.300(b)); to end someone's access, remove their group memberships and set a new password";
        }
        Matcher group = GROUP_RECORD.matcher(resource);
        if (method.equals("DELETE") && group.matches() && (Groups.BUSINESS.contains(group.group(1))
                || Groups.ADMIN.equals(group.group(1)))) {
            return "The group '" + group.group(1) + "' is one of lotflow's roles: its tasks and rights name it, so it is"
                    + " not deleted; remove the members who should no longer have it";
        }
        if ((method.equals("DELETE") && resource.toLowerCase(java.util.Locale.ROOT).startsWith("history/"))
                || HISTORY_REMOVAL.matcher(resource).matches()) {
            return "The history of lotflow's processes is kept until the retention of its lots has passed (the"
                    + " lotArchiving run); it is not deleted or shortened by hand, by anyone";
        }
        if (method.equals("DELETE") && TASK_WORKER_METRICS.matcher(resource).matches()) {
            return "The engine's task-worker metrics (its count, day by day, of the people who worked tasks) are kept"
                    + " as its history is: they are not deleted by hand, by anyone (administrators included), whatever"
                    + " the date";
        }
        return null;
    }

    static final Map<String, String> STARTED_BY = Map.of(
            "lotRelease", "creating a lot (POST /api/lots)",
            "allocationOverride", "an order that asks for an exception to FEFO (POST /api/orders)",
            "expiryMonitoring", "its daily timer",
            "lotArchiving", "its nightly timer",
            "quarantineInvestigation", "a hold (POST /api/lots/{lotNumber}/holds or its Tasklist start form)",
            "lotRecall", "a recall coordinator's recall (POST /api/recalls or its Tasklist start form) or a RECALL disposition",
            "recallNotification", "its recall's lotRecall process, one for each customer that received an affected lot",
            "mockRecall", "a recall coordinator's mock-recall drill (POST /api/mock-recalls)");

    /** The request path below the context path, percent-decoded, without matrix parameters or doubled slashes. */
    static String normalized(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        return decoded.replaceAll(";[^/]*", "").replaceAll("/+", "/");
    }

    /** One batch ({@code DELETE batch/{id}} deletes it; with {@code cascade=true} its history and its jobs' log too). */
    static final Pattern BATCH_RECORD = Pattern.compile("^batch/[^/]+/?$", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the call deletes a batch together with its history ({@code DELETE batch/{id}?cascade=true}: the historic
     * batch, the job log of its jobs and their incidents; auditor 2026-12-05 A9). Without {@code cascade} a batch is
     * only stopped and its history stays.
     */
    static boolean deletesBatchHistory(String method, String resource, HttpServletRequest request) {
        return method.equals("DELETE") && BATCH_RECORD.matcher(resource).matches()
                && "true".equalsIgnoreCase(request.getParameter("cascade"));
    }

    /**
     * Whether the call deletes running instances: {@code DELETE process-instance/{id}}, {@code POST
     * process-instance/delete[-historic-query-based]}, or deleting a definition or deployment with
     * {@code cascade=true}; a definition or deployment without cascade is refused by the engine itself
     * while instances run on it.
     */
    static boolean deletesInstances(String method, String resource, HttpServletRequest request) {
        String r = resource.toLowerCase(java.util.Locale.ROOT);
        if (r.startsWith("process-instance/delete")) {
            return method.equals("POST");
        }
        if (!method.equals("DELETE")) {
            return false;
        }
        if (r.startsWith("process-instance/")) {
            return true;
        }
        return "true".equalsIgnoreCase(request.getParameter("cascade"));
    }
}
