package org.lotflow.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST (and so Tasklist): a lotflow refusal raised inside a task or start listener (four
 * eyes, a wrong signature, a value out of range) reaches the caller with its own 4xx status and
 * message. The engine wraps every listener exception in a plain {@link ProcessEngineException},
 * (and its task resource in a {@link RestException}), which Camunda's REST layer would answer
 * with 500; these mappers look into the cause chain and are
 * preferred over Camunda's only when they find a refusal there. Everything else keeps Camunda's
 * mapping. The transaction is rolled back either way: nothing changes.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRefusals {

    @Bean
    ResourceConfigCustomizer engineRefusalMapper() {
        return config -> {
            config.register(EngineExceptionMapper.class, 1);
            config.register(RestExceptionMapper.class, 1);
            config.register(DomainRefusalMapper.class, 1);
            config.register(RequestMapper.class, 1);
            config.register(JsonParseMapper.class, 1);
            config.register(JsonMappingMapper.class, 1);
            config.register(UnexpectedMapper.class, 1);
        };
    }

    /** Lets authorization refusals tell a task completed meanwhile (409) from a right missing (403). */
    @Bean
    org.springframework.beans.factory.SmartInitializingSingleton engineAuthorizationRefusals(
            org.springframework.beans.factory.ObjectProvider<org.camunda.bpm.engine.TaskService> tasks,
            org.springframework.beans.factory.ObjectProvider<org.lotflow.shared.process.WithoutCallerAuthorization> withoutCaller) {
        return () -> EngineAuthorizationRefusal.use(tasks.getObject(), withoutCaller.getObject());
    }

    /**
     * What the caller of a task that closed just before their request is told (a claim, a completion): someone else
     * completed it, or its case was closed (an override withdrawn with its cancelled order); auditor 2026-12-07 F4.
     */
    public static final String TASK_GONE = "The task is no longer open: someone else completed it, or its case was"
            + " closed, just before your request; nothing of yours was saved. Reload to see what was decided.";

    /**
     * What a read of a task's form, variables or identity links answers when there is no open task of that id, or none
     * the caller may see: one sentence for both, so an outsider learns nothing of a task that is not theirs (auditor
     * 2026-12-07: outsiders were told the task's name, lot and groups).
     */
    public static String noOpenTask(String taskId) {
        return "There is no open task '" + taskId + "': it never existed or is completed (a completed task's comments"
                + " and attachments stay readable)";
    }

    /**
     * What a completion, claim, hand-back, note or deletion answers for an id of no task, or of a task the caller could
     * never work on (none of its groups, not an administrator): the same words for both.
     */
    public static String noTask(String taskId) {
        return "There is no task '" + taskId + "'";
    }

    /** What the loser of a race is told (issue 9: a lost race answers 409, never 500). */
    public static final String CONCURRENT = "Someone else changed or completed this at the same time; nothing of"
            + " yours was saved. Reload and try again.";

    /**
     * The refusal carried by an engine exception, or null when it is a technical failure: a lotflow
     * refusal keeps its status; a lost race (the engine's or the database's version check, a lock
     * timeout, a deadlock or serialization victim) is 409.
     */
    public static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.lotflow.shared.Refusal refused) {
                return new Refusal(RefusalStatus.of(refused), refused.getMessage(), refused.field());
            }
            if (isLostRace(t)) {
                return new Refusal(409, CONCURRENT);
            }
            if (t instanceof org.camunda.bpm.engine.TaskAlreadyClaimedException claimed) {
                return new Refusal(409, "The task is already claimed by " + claimed.getTaskAssignee()
                        + "; nothing was changed");
            }
            if (t instanceof org.camunda.bpm.engine.exception.NullValueException
                    && String.valueOf(t.getMessage()).startsWith("Cannot find task with id")) {
                // the engine surface guard answers 404 for a task that never existed: this one existed when
                // the request came in and was completed by someone else meanwhile
                return new Refusal(409, TASK_GONE);
            }
            if (t instanceof AuthorizationException refused) {
                // in words; a task completed meanwhile is a lost race (EngineAuthorizationRefusal)
                return EngineAuthorizationRefusal.of(refused);
            }
            if (t != e && t instanceof BadUserRequestException) {
                return new Refusal(400, t.getMessage());
            }
        }
        return null;
    }

    /** A refusal: the HTTP status and the sentence for the user. */
    public record Refusal(int status, String message, String field) {
        public Refusal(int status, String message) {
            this(status, message, null);
        }

        /** The refusal as an RFC 9457 body ({@link Problems}). */
        public String problemJson() {
            return Problems.json(status, status == 403 ? "Forbidden" : status == 409 ? "Conflict"
                    : status == 404 ? "Not found" : status == 429 ? "Too many failed attempts"
                    : status == 401 ? "Unauthorized" : status == 405 ? "Method not allowed"
                    : status == 415 ? "Unsupported media type" : status == 406 ? "Not acceptable" : status >= 500 ? "Server error" : "Invalid request", message, field);
        }
    }

    static boolean isLostRace(Throwable t) {
        if (t instanceof org.camunda.bpm.engine.OptimisticLockingException
                || t instanceof org.springframework.dao.ConcurrencyFailureException
                || t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof org.hibernate.StaleStateException) {
            return true;
        }
        if (t instanceof org.camunda.bpm.engine.rest.exception.RestException
                && String.valueOf(t.getMessage()).contains("Entity was updated by another transaction concurrently")) {
            // Camunda's REST layer re-throws the engine's version conflict as its own 404 without the cause (a job
            // executed twice at once; auditor 2026-12-07 F2): a lost race all the same
            return true;
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            // serialization failure, deadlock victim (PostgreSQL), lock not available, H2 lock timeout
            return java.util.Set.of("40001", "40P01", "55P03", "HYT00").contains(sql.getSQLState());
        }
        return false;
    }

    abstract static class RefusalMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E e) {
            return refusal(e) != null;
        }

        @Override
        public Response toResponse(E e) {
            Refusal refusal = refusal(e);
            return Response.status(refusal.status()).entity(refusal.problemJson())
                    .type(MediaType.valueOf("application/problem+json")).build();
        }
    }

    /**
     * Every other failure of an engine REST call, answered as RFC 9457 problem+json instead of Camunda's
     * {@code {"type":"NullValueException","message":"execution x doesn't exist: execution is null"}} (auditor 2026-12-05
     * F10: the engine's exception names and texts reached users). The status is Camunda's own
     * ({@code ExceptionHandlerHelper}), except that a record named in the path that does not exist is 404, not the
     * engine's 500 (bad input is never a 500). A 4xx keeps the engine's sentence without its codes and Java names; a
     * genuine 500 says only that nothing was changed, and the exception goes to the server log.
     */
    abstract static class EngineErrorMapper<E extends Throwable> extends RefusalMapper<E> {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(EngineRefusals.class);

        @Override
        public boolean isMappable(E e) {
            return true;
        }

        @Override
        public Response toResponse(E e) {
            if (refusal(e) != null) {
                return super.toResponse(e);
            }
            int status = org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper.getInstance().getStatus(e)
                    .getStatusCode();
            String message = String.valueOf(e.getMessage());
            if (status >= 500 && e instanceof org.camunda.bpm.engine.exception.NullValueException
                    && message.matches("(?s).*(doesn't exist|does not exist|Cannot find|No .* found).*")) {
                status = 404;
            }
            if (status == 400 && message.matches("(?s)Cannot find (task|process instance|execution) with id .*")) {
                // a task's form variables of a task that does not exist: 404, as for every record named in the
                // path (auditor 2026-12-06 B3: Camunda's REST layer says 400)
                status = 404;
            }
            Refusal misuse = EngineQueryMisuse.refusal(e);
            if (misuse != null) {
                // a query whose conditions cannot go together: the caller's input, nothing was read or changed (auditor
                // 2026-12-06 X5: 500 "the process engine could not do this")
                return Response.status(400).entity(misuse.problemJson())
                        .type(MediaType.valueOf("application/problem+json")).build();
            }
            if (message.matches("(?s).*(Object values|Variables of type \\w+) cannot be used to query.*")) {
                // a variable condition of a query whose value is a list or an object (G9: a 500)
                Refusal answer = new Refusal(400, "value: a variable condition compares the variable with text, a"
                        + " number, a boolean or a date, not with a list or an object; nothing was changed", "value");
                return Response.status(400).entity(answer.problemJson())
                        .type(MediaType.valueOf("application/problem+json")).build();
            }
            // the engine's permission text re-thrown by Camunda's REST layer without its exception (R7), in words; a
            // task the caller may not read is, to them, no open task (404, as for an id of none)
            String hidden = status == 403 ? EngineAuthorizationRefusal.unreadableTask(message) : null;
            if (hidden != null) {
                return Response.status(404).entity(new Refusal(404, noOpenTask(hidden)).problemJson())
                        .type(MediaType.valueOf("application/problem+json")).build();
            }
            String permission = status == 403 ? EngineAuthorizationRefusal.fromEngineText(message) : null;
            String detail;
            if (status >= 500) {
                log.warn("Engine REST call failed", e);
                detail = "The process engine could not do this; nothing was changed. The error is in the server log.";
            } else {
                detail = permission != null ? permission : readable(message);
            }
            Refusal answer = new Refusal(status, detail);
            return Response.status(status).entity(answer.problemJson())
                    .type(MediaType.valueOf("application/problem+json")).build();
        }
    }

    /** An engine sentence without its codes ({@code ENGINE-03001}), Java names or "x is null" tails. */
    static String readable(String message) {
        String text = message.replaceAll("ENGINE-\\d+\\s*", "")
                .replaceAll("[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9_$]*", "")
                .replaceAll(":\\s*[A-Za-z ]+ is null\\s*$", "")
                .replaceAll("\\s{2,}", " ")
                .trim();
        return text.isEmpty() ? "The request is not valid" : text;
    }

    public static class EngineExceptionMapper extends EngineErrorMapper<ProcessEngineException> {
    }

    public static class RestExceptionMapper extends EngineErrorMapper<RestException> {
    }

    /**
     * Any other failure inside the engine REST API (a stored filter whose expression gives a value of the wrong type
     * fails with {@code IllegalArgumentException "argument type mismatch"}, re-test 2026-12-06 Y3): problem+json saying
     * nothing was changed, the exception in the server log, instead of Camunda's {@code {"type":...,"message":...}}.
     * The more specific mappers above keep their exceptions.
     */
    public static class UnexpectedMapper extends EngineErrorMapper<RuntimeException> {
    }

    /**
     * A request the engine REST API cannot take before any engine code runs, answered as problem+json in words
     * instead of Jersey's {@code {"type":"NotFoundException","message":"HTTP 404 Not Found"}}: an address that is no
     * resource (404; e.g. {@code /engine-rest/task//complete}, an empty task id), a method the address does not take
     * (405), a body that is not JSON where JSON is expected (415), and a query or path parameter that cannot be read
     * (400 naming it; Jersey says 404 for {@code ?maxResults=abc}). Nothing is changed.
     */
    public static class RequestMapper implements jakarta.ws.rs.ext.ExceptionMapper<jakarta.ws.rs.WebApplicationException> {

        @Override
        public Response toResponse(jakarta.ws.rs.WebApplicationException e) {
            Refusal answer = answer(e);
            Response.ResponseBuilder out = Response.status(answer.status()).entity(answer.problemJson())
                    .type(MediaType.valueOf("application/problem+json"));
            // what the address takes, as HTTP says it (re-test 2026-12-06 R9)
            java.util.Set<String> allowed = allowed(e);
            if (!allowed.isEmpty()) {
                out.allow(allowed);
            }
            return out.build();
        }

        static java.util.Set<String> allowed(jakarta.ws.rs.WebApplicationException e) {
            return e.getResponse() == null || e.getResponse().getAllowedMethods() == null ? java.util.Set.of()
                    : new java.util.TreeSet<>(e.getResponse().getAllowedMethods());
        }

        static Refusal answer(jakarta.ws.rs.WebApplicationException e) {
            if (e instanceof org.glassfish.jersey.server.ParamException p) {
                String name = p.getParameterName();
                boolean number = p.getCause() instanceof NumberFormatException
                        || String.valueOf(p.getCause()).contains("NumberFormatException");
                return new Refusal(400, name + ": the " + (p instanceof org.glassfish.jersey.server.ParamException
                        .PathParamException ? "path" : "query") + " parameter could not be read"
                        + (number ? "; it must be a whole number" : ""), name);
            }
            int status = e.getResponse() == null ? 400 : e.getResponse().getStatus();
            return new Refusal(status, switch (status) {
                case 404 -> "There is nothing at this address of the engine REST API: check the path (an id left"
                        + " empty?)";
                case 405 -> allowed(e).isEmpty() ? "This address of the engine REST API does not take this method"
                        : "This address of the engine REST API takes only " + String.join(", ", allowed(e));
                case 406 -> "The engine REST API answers in JSON: accept application/json";
                case 415 -> "Send the body as JSON, with the header Content-Type: application/json";
                default -> status >= 500 ? "The process engine could not do this; nothing was changed."
                        : "The request is not valid: nothing was changed";
            });
        }
    }

    /** A body that is not JSON: 400 in words, not Camunda's {@code {"type":"JsonParseException",...}}. */
    public static class JsonParseMapper implements jakarta.ws.rs.ext.ExceptionMapper<
            com.fasterxml.jackson.core.JsonParseException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.core.JsonParseException e) {
            Refusal answer = new Refusal(400, "The body is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "); nothing was changed");
            return Response.status(400).entity(answer.problemJson())
                    .type(MediaType.valueOf("application/problem+json")).build();
        }
    }

    /** JSON of the wrong shape (a text where an object is expected): 400 naming the field. */
    public static class JsonMappingMapper implements jakarta.ws.rs.ext.ExceptionMapper<
            com.fasterxml.jackson.databind.JsonMappingException> {
        @Override
        public Response toResponse(com.fasterxml.jackson.databind.JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
            Refusal answer = new Refusal(400, (field.isEmpty() ? "The body" : field) + " does not have the shape the"
                    + " engine REST API expects; nothing was changed", field.isEmpty() ? null : field);
            return Response.status(400).entity(answer.problemJson())
                    .type(MediaType.valueOf("application/problem+json")).build();
        }
    }

    /** Execution listeners' exceptions are not wrapped: a refusal from a start listener arrives as is. */
    public static class DomainRefusalMapper extends RefusalMapper<org.lotflow.shared.Refusal> {
    }
}
