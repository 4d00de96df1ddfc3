package org.lotflow.console.internal.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The page a Console filter answers with when it refuses a form before any controller runs (a missing CSRF token,
 * a field no record may hold): the status, a title and a sentence, in plain HTML (the Console's templates need a
 * controller's model, which a filter does not have).
 */
final class ConsoleRefusalPage {

    private ConsoleRefusalPage() {
    }

    /**
     * Writes the page. {@code paragraph} is HTML the caller built (its user-supplied parts already escaped).
     */
    static void write(HttpServletResponse response, int status, String title, String heading, String paragraph)
            throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>" + title + " - lotflow Console"
                + "</title></head><body><h1>" + heading + "</h1>" + paragraph + "</body></html>");
    }
}
