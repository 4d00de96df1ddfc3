package org.lotflow.security;

import static org.lotflow.security.SurfaceRefusal.refuse;
import static org.lotflow.security.SurfaceRefusal.refused;

import java.io.IOException;
import java.text.SimpleDateFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.security.EngineSurfaceGuard.Caller;

/**
 * Comments and attachments on a lotflow task, at the engine gate ({@link EngineSurfaceGuard}): a note on a task is a
 * record in its writer's name about that task (EU GMP Annex 11 §9, 21 CFR 11.10(e)), so (auditor 2026-12-06 A3):
 * <ul>
 * <li>{@code POST task/{id}/comment/create} and {@code .../attachment/create} are open to the people of the task's
 * candidate groups as the identity store has them now, administrators included (403 otherwise), while the task is
 * open (a completed task, a signed decision among them, is 409: its record is closed);</li>
 * <li>a comment is {@code {"message": "..."}}: text that is not blank, at most {@value #MAX_MESSAGE} characters (400
 * naming {@code message}); a {@code processInstanceId}, when sent, is the task's own (400 naming it: a note on one
 * lot's task is never filed under another record); it is written here, in the caller's name, and answered 200 with
 * the engine's comment shape ({@code id, userId, time, taskId, processInstanceId, message}) &mdash; the engine's own
 * endpoint refused the task's people ("No task found") because they may not read its history;</li>
 * <li>an attachment is {@code multipart/form-data} (415 otherwise, not a server error: A6); the engine makes it;</li>
 * <li>{@code GET task/{id}/comment} of an open lotflow task answers its comments to the people of its groups too.</li>
 * </ul>
 * Tasks of no lotflow process are left to the engine.
 */
final class TaskNotes {

    /** The most characters of a comment (the engine keeps longer ones, but shows them cut). */
    static final int MAX_MESSAGE = 4000;

    private static final Pattern CREATE = Pattern.compile("^task/([^/]+)/(comment|attachment)/create/?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern COMMENTS = Pattern.compile("^task/([^/]+)/comment/?$", Pattern.CASE_INSENSITIVE);

    /** Writes a comment on a task in the current caller's name, without Camunda's own checks (lotflow's are done). */
    interface Writer {
        Comment comment(String taskId, String processInstanceId, String message, Caller caller);
    }

    /** Reads an open task's comments, whoever asks (lotflow's rule is checked before). */
    interface Reader {
        List<Comment> comments(String taskId);

        /**
         * Whether the caller (authenticated as now) may read the task's history, which the engine's own attachment
         * endpoint asks before it adds one; true when not known.
         */
        default boolean readsHistoryOf(String taskId) {
            return true;
        }
    }

    private final EngineTasks tasks;
    private final IdentityLookups lookups;
    private final Writer writer;
    private final Reader reader;

    TaskNotes(EngineTasks tasks, IdentityLookups lookups, ClosedTasks closed, UnseenTasks unseen, Writer writer,
            Reader reader) {
        this.unseen = unseen;
        this.tasks = tasks;
        this.lookups = lookups;
        this.closed = closed;
        this.writer = writer;
        this.reader = reader;
    }

    private final ClosedTasks closed;
    private final UnseenTasks unseen;

    /** Whether this is a note's creation or a read of a task's comments. */
    static boolean concerns(String method, String resource) {
        return (method.equals("POST") && CREATE.matcher(resource).matches())
                || (method.equals("GET") && COMMENTS.matcher(resource).matches());
    }

    /** Answers a note on, or a read of the comments of, a lotflow task; false to leave the request to the engine. */
    boolean handled(String method, String resource, Caller caller, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (method.equals("GET")) {
            Matcher read = COMMENTS.matcher(resource);
            if (!read.matches()) {
                return false;
            }
            Task task = tasks.open(read.group(1));
            if (task == null || tasks.formOf(task) == null || !member(caller, task.getId())) {
                return false; // a completed task's comments, or a caller of another role: the engine's own rights
            }
            writeJson(response, 200, reader.comments(task.getId()).stream().map(TaskNotes::shape).toList());
            return true;
        }
        Matcher create = CREATE.matcher(resource);
        if (!method.equals("POST") || !create.matches()) {
            return false;
        }
        String taskId = create.group(1);
        boolean comment = create.group(2).equalsIgnoreCase("comment");
        Task task = tasks.open(taskId);
        if (task == null) {
            ClosedTasks.Answer answer = closed.of(taskId, caller, false, ": its record is"
                    + " closed, and nothing is added to it; note what you found on an open task of the process");
            refuse(response, answer.status(), answer.title(), null, answer.detail());
            return true;
        }
        if (tasks.formOf(task) == null) {
            return false;
        }
        List<String> groups = tasks.candidateGroups(taskId);
        if (groups == null || groups.isEmpty()) {
            refuse(response, 409, "Conflict", null, "The task '" + task.getName() + "' was completed meanwhile: its"
                    + " record is closed; nothing was added");
            return true;
        }
        if (groups.stream().noneMatch(lookups.groupsOf(caller.userId())::contains)) {
            if (unseen.hiddenFrom(task, caller)) {
                return refused(response, UnseenTasks.none(taskId));
            }
            refuse(response, 403, "Forbidden", null, (comment ? "Comments" : "Attachments") + " on the task '"
                    + task.getName() + "' are written by the people who work on it, "
                    + String.join(" and ", groups.stream().map(Groups::displayName).toList()) + "; " + caller.userId()
                    + " is in none of these groups" + (caller.admin() ? " (administering lotflow does not make one a"
                            + " member of its roles)" : ""));
            return true;
        }
        if (!comment) {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
                refuse(response, 415, "Unsupported media type", "Content-Type", "An attachment is sent as"
                        + " multipart/form-data with its attachment-name, attachment-description, attachment-type and"
                        + " its url or content; nothing was added");
                return true;
            }
            if (!reader.readsHistoryOf(taskId)) {
                // the engine would answer "No task found" for a task that exists (re-test 2026-12-06 R3)
                refuse(response, 403, "Forbidden", null, "Attachments on the task '" + task.getName() + "' are added"
                        + " by those who may read its process's history (QA managers); note the document in a comment"
                        + " on the task instead (its number and where it is kept)");
                return true;
            }
            chain.doFilter(request, response);
            return true;
        }
        ObjectNode body = EngineRequestBodies.jsonObject(request, response);
        if (body == null) {
            return true;
        }
        for (java.util.Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!name.equals("message") && !name.equals("processInstanceId")) {
                refuse(response, 400, "Invalid request", name, name + ": a comment carries its message only (the"
                        + " writer, the time and the task are lotflow's to record)");
                return true;
            }
        }
        JsonNode message = body.path("message");
        if (!message.isTextual() || message.asText().codePoints().noneMatch(TaskNotes::printed)) {
            refuse(response, 400, "Invalid request", "message", "message: write what you want to note; an empty"
                    + " comment says nothing");
            return true;
        }
        if (message.asText().length() > MAX_MESSAGE) {
            refuse(response, 400, "Invalid request", "message", "message: at most " + MAX_MESSAGE + " characters,"
                    + " was " + message.asText().length() + " (never cut): split it into several comments");
            return true;
        }
        JsonNode instance = body.path("processInstanceId");
        if (!instance.isMissingNode() && !instance.isNull()
                && !(instance.isTextual() && instance.asText().equals(task.getProcessInstanceId()))) {
            refuse(response, 400, "Invalid request", "processInstanceId", "processInstanceId: a comment on the task '"
                    + task.getName() + "' is filed under the task's own process (" + task.getProcessInstanceId()
                    + "); leave it out");
            return true;
        }
        Comment written = writer.comment(taskId, task.getProcessInstanceId(), message.asText(), caller);
        writeJson(response, 200, shape(written));
        return true;
    }

    /** A character that prints something: not a space, a formatting or default-ignorable one, nor a blank filler. */
    private static boolean printed(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && !Character.isSpaceChar(c) && type != Character.FORMAT
                && type != Character.CONTROL && c != 0x3164 && c != 0x115F && c != 0x1160 && c != 0xFFA0 && c != 0x2800
                && !com.ibm.icu.lang.UCharacter.hasBinaryProperty(c,
                        com.ibm.icu.lang.UProperty.DEFAULT_IGNORABLE_CODE_POINT);
    }

    private boolean member(Caller caller, String taskId) {
        List<String> groups = tasks.candidateGroups(taskId);
        return groups != null && groups.stream().anyMatch(lookups.groupsOf(caller.userId())::contains);
    }

    /** A comment as the engine REST API shows it. */
    private static Map<String, Object> shape(Comment c) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("id", c.getId());
        out.put("userId", c.getUserId());
        out.put("time", c.getTime() == null ? null : engineDate(c.getTime()));
        out.put("taskId", c.getTaskId());
        out.put("processInstanceId", c.getProcessInstanceId());
        out.put("message", c.getFullMessage());
        out.put("removalTime", c.getRemovalTime() == null ? null : engineDate(c.getRemovalTime()));
        out.put("rootProcessInstanceId", c.getRootProcessInstanceId());
        out.put("links", List.of());
        return out;
    }

    private static String engineDate(java.util.Date date) {
        return new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT).format(date);
    }

    private static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(EngineRequestBodies.JSON.writeValueAsString(body));
        response.getWriter().flush();
    }
}
