package org.lotflow.shared;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal of the {@code /api} into an RFC 9457 problem that names the field and
 * the reason.
 */
@RestControllerAdvice(basePackages = "org.lotflow")
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A domain refusal: its status from {@link RefusalStatus}, its sentence and its properties. */
    @ExceptionHandler(Refusal.class)
    ProblemDetail refusal(Refusal e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(RefusalStatus.of(e)),
                e.getMessage());
        problem.setTitle(e.title());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    /**
     * A Content-Type with a wildcard ({@code application/*}, {@code *}{@code /*}): 415 in words, as for any body the API
     * does not read (auditor 2026-12-06 A4: Spring's header reading failed with a 500). Any other
     * IllegalArgumentException is no refusal: it goes on as the server error it is.
     */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail wildcardContentType(IllegalArgumentException e) {
        if (!String.valueOf(e.getMessage()).startsWith("Content-Type cannot contain wildcard")) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body's"
                + " Content-Type names no format (it holds a wildcard '*'); the lotflow API reads JSON: send it with the"
                + " header Content-Type: application/json");
        problem.setTitle("Unsupported media type");
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        // a sentence, with the form to write (new user 2026-12-07 N3: "cannot be read as whole number: 'ninety'")
        String type = simpleType(e.getRequiredType());
        if (type.equals("whole number") && String.valueOf(e.getValue()).strip().matches("[-+]?[0-9]+")) {
            // digits, but more than the parameter takes: not "not a whole number"
            return fieldProblem(e.getName(), "'" + e.getValue() + "' is outside the range of whole numbers this"
                    + " parameter takes");
        }
        String example = type.equals("whole number") ? ": write it with the digits 0-9, e.g. 90"
                : type.equals("number") ? ": write it in digits with a point for decimals, e.g. 12.5" : "";
        return fieldProblem(e.getName(), "'" + e.getValue() + "' is not a " + type + example);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraint(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "reason", v.getMessage()))
                .toList();
        return validation(errors);
    }

    /**
     * Two requests wrote the same rows at once and the database (version check, lock timeout,
     * deadlock victim) or the engine (its own version check) stopped one: nothing of it was kept.
     */
    @ExceptionHandler({ConcurrencyFailureException.class, org.camunda.bpm.engine.OptimisticLockingException.class,
            jakarta.persistence.OptimisticLockException.class, jakarta.persistence.PessimisticLockException.class,
            org.hibernate.StaleStateException.class})
    ProblemDetail optimistic(RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The record was changed by someone else at the same time; reload and try again");
        problem.setTitle("Concurrent modification");
        return problem;
    }

    /**
     * An engine exception reaching the API: a lotflow refusal inside it is answered exactly as if it
     * had been thrown directly (status, sentence and properties such as {@code field}); a lost race
     * inside it keeps its status and sentence ({@link EngineRefusals#refusal}); anything else is a 500 that names no
     * engine code or Java type (the details go to the log under the reference given).
     */
    @ExceptionHandler(org.camunda.bpm.engine.ProcessEngineException.class)
    ProblemDetail engine(org.camunda.bpm.engine.ProcessEngineException e) {
        if (e instanceof AuthorizationException a) {
            return authorization(a);
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof Refusal domain) {
                return refusal(domain); // thrown by a listener: the same answer as thrown directly, properties too
            }
        }
        EngineRefusals.Refusal refusal = EngineRefusals.refusal(e);
        if (refusal != null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()),
                    refusal.message());
            problem.setTitle(refusal.status() == 409 ? "Conflict" : HttpStatus.valueOf(refusal.status())
                    .getReasonPhrase());
            return problem;
        }
        String reference = java.util.UUID.randomUUID().toString();
        log.error("Engine failure, reference {}", reference, e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The process engine could not carry this out and nothing was changed; an administrator finds the"
                        + " details in the log under reference " + reference);
        problem.setTitle("Engine failure");
        problem.setProperty("reference", reference);
        return problem;
    }

    /**
     * A database rule refused the change: a unique key lost to a concurrent insert is a 409; any other
     * constraint (a check, a reference) is reported as what it is, naming the constraint, never as
     * something else.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ProblemDetail integrity(org.springframework.dao.DataIntegrityViolationException e) {
        String cause = firstLine(e.getMostSpecificCause().getMessage());
        log.info("Refused by a database constraint: {}", cause);
        if (e instanceof org.springframework.dao.DuplicateKeyException) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    "A record with the same key was stored at the same time or before; nothing was saved."
                            + " Reload and try again.");
            problem.setTitle("Conflict");
            return problem;
        }
        java.util.regex.Matcher name = java.util.regex.Pattern
                .compile("(?i)constraint[^\"]*\"([A-Za-z0-9_]+)").matcher(cause);
        String constraint = name.find() ? name.group(1).toLowerCase(java.util.Locale.ROOT) : "a database rule";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The values break " + constraint + " of the stored data; nothing was saved.");
        problem.setTitle("Invalid request");
        problem.setProperty("constraint", constraint);
        return problem;
    }

    /**
     * A right the engine refused, in words (403), or a task completed by someone else meanwhile (409): {@link
     * EngineAuthorizationRefusal}.
     */
    @ExceptionHandler(AuthorizationException.class)
    ProblemDetail authorization(AuthorizationException e) {
        EngineRefusals.Refusal refusal = EngineAuthorizationRefusal.of(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()),
                refusal.message());
        problem.setTitle(refusal.status() == 409 ? "Conflict" : refusal.status() == 404 ? "Not found" : "Forbidden");
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(fe -> errors.add(
                Map.of("field", fe.getField(), "reason", String.valueOf(fe.getDefaultMessage()))));
        ex.getBindingResult().getGlobalErrors().forEach(ge -> errors.add(
                Map.of("field", ge.getObjectName(), "reason", String.valueOf(ge.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(validation(errors));
    }

    /** A body in a format the API does not read: 415 in words (re-test 2026-12-06 R10: Spring's own sentence). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is "
                + (ex.getContentType() == null ? "of no stated format" : ex.getContentType().getType() + "/"
                        + ex.getContentType().getSubtype()) + "; the lotflow API reads JSON: send it with the header"
                + " Content-Type: application/json");
        problem.setTitle("Unsupported media type");
        return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
    }

    /** An answer asked for in a format the API does not give: 406 in words (R10). */
    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(
            org.springframework.web.HttpMediaTypeNotAcceptableException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_ACCEPTABLE, "The lotflow API answers "
                + "in JSON here (application/json); ask for that in the Accept header (or leave it out)");
        problem.setTitle("Not acceptable");
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(UnreadableBodies.problem(ex));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (statusCode.is5xxServerError()) {
            log.error("Request failed", ex);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static ProblemDetail validation(List<Map<String, String>> sent) {
        // what was sent, echoed in a field's name or reason, with what would hide or turn text around written out
        // (re-test 2026-12-07 25 R2: a status parameter's U+202E turned the sentence around)
        List<Map<String, String>> errors = sent.stream().map(ProblemHandler::writtenOut).toList();
        String detail = errors.stream().map(m -> m.get("field") + ": " + m.get("reason"))
                .collect(Collectors.joining("; "));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid request");
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
            problem.setProperty("reason", errors.get(0).get("reason"));
        }
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, String> writtenOut(Map<String, String> error) {
        Map<String, String> out = new LinkedHashMap<>();
        error.forEach((k, v) -> out.put(k, org.lotflow.shared.input.InputRules.writtenOutKeepingLines(v)));
        return out;
    }

    static ProblemDetail fieldProblem(String sentField, String sentReason) {
        String field = org.lotflow.shared.input.InputRules.writtenOut(sentField);
        String reason = org.lotflow.shared.input.InputRules.writtenOutKeepingLines(sentReason);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + ": " + reason);
        problem.setTitle("Invalid request");
        problem.setType(URI.create("about:blank"));
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        problem.setProperty("field", field);
        problem.setProperty("reason", reason);
        problem.setProperty("errors", List.of(error));
        return problem;
    }

    private static String simpleType(Class<?> type) {
        return UnreadableBodies.simpleType(type);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String firstLine(String message) {
        return UnreadableBodies.firstLine(message);
    }
}
