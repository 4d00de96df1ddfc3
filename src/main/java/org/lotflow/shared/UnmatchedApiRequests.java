package org.lotflow.shared;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A call to {@code /api} that reaches no endpoint at all: an unknown path (404) or a method the path does not
 * offer (405, with an {@code Allow} header). No lotflow controller is involved, so {@link ProblemHandler} (which
 * speaks for lotflow's controllers) is not asked, and Spring Boot's error page would answer with its own body;
 * here, as everywhere in {@code /api}, the answer is an RFC 9457 problem with a sentence. Paths outside
 * {@code /api} (the webapps, the Console, the actuator) keep their own error pages: the exception is handed back.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class UnmatchedApiRequests {

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> unknownPath(NoResourceFoundException e, HttpServletRequest request)
            throws NoResourceFoundException {
        String path = apiPath(request);
        if (path == null) {
            throw e;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no " + path
                + " in the lotflow API: the README lists its calls, and /swagger-ui.html describes each");
        problem.setTitle("Not found");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupportedMethod(HttpRequestMethodNotSupportedException e,
            HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        String path = apiPath(request);
        if (path == null) {
            throw e;
        }
        Set<org.springframework.http.HttpMethod> allowed = e.getSupportedHttpMethods();
        String offered = allowed == null || allowed.isEmpty() ? "no method"
                : String.join(", ", allowed.stream().map(org.springframework.http.HttpMethod::name).sorted().toList());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, path + " does not take "
                + e.getMethod() + "; it answers " + offered);
        problem.setTitle("Method not allowed");
        HttpHeaders headers = new HttpHeaders();
        if (allowed != null && !allowed.isEmpty()) {
            headers.setAllow(allowed);
        }
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).headers(headers).body(problem);
    }

    /**
     * A call whose {@code Accept} header asks for a format the endpoint does not give (JSON from the CSV or EPCIS
     * export, say): 406 problem+json naming what it gives. Written here whatever the request accepts: Spring's writers
     * would honour the Accept header the endpoint cannot meet and fall back to Spring Boot's own error body (auditor
     * 2026-12-06 A5).
     */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    void notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e, HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response) throws Exception {
        String path = apiPath(request);
        if (path == null || response.isCommitted()) {
            throw e;
        }
        String offered = e.getSupportedMediaTypes().stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining(", "));
        response.setStatus(HttpStatus.NOT_ACCEPTABLE.value());
        response.setContentType("application/problem+json;charset=UTF-8");
        response.getWriter().write(Problems.json(406, "Not acceptable", path + " answers "
                + (offered.isEmpty() ? "in another format" : "only " + offered) + "; ask for that in the Accept header"
                + " (or leave it out)", null));
        response.flushBuffer();
    }

    /** The request's path below the context path when it is in {@code /api}, else null. */
    private static String apiPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/") ? path : null;
    }
}
