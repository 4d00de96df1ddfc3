package org.lotflow.console.internal.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The Console's own page for a request no Console controller answered: an unknown page (404), a method a page does
 * not take (405, e.g. a bookmarked form post), or a failure before any controller ran. Without it Spring Boot shows
 * its "Whitelabel Error Page", which tells a QA person nothing. The page is the Console's error page with the status
 * and a sentence; paths outside {@code /console} keep their own error answers ({@code /api}: problem+json).
 *
 * <p>Model: {@code status} (int), {@code title}, {@code detail}; no viewer ({@code me} is absent: the error dispatch
 * carries no login), so the page shows only the way back to the lots.
 */
@Component
class ConsoleErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        Object path = model.get("path");
        if (!(path instanceof String p) || !(p.equals("/console") || p.startsWith("/console/")
                || p.startsWith("/camunda/app/"))) {
            return null;
        }
        Map<String, Object> page = new HashMap<>();
        page.put("status", status.value());
        page.put("csrf", "");
        if (p.startsWith("/camunda/app/")) {
            // a Camunda webapp the viewer's groups give no access to (new user's U13: sales met Spring's whitelabel page
            // behind the Cockpit link)
            String app = p.substring("/camunda/app/".length()).split("/")[0];
            page.put("title", status.getReasonPhrase());
            page.put("detail", status == HttpStatus.FORBIDDEN ? "Your groups give you no access to Camunda's "
                    + (app.isEmpty() ? "webapps" : app) + (app.equals("cockpit") ? " (it is for QA managers and"
                    + " administrators, who watch the processes)" : "") + "; the Console and Tasklist are yours"
                    : "Camunda's " + app + " could not show " + p + " (" + status.value() + " "
                            + status.getReasonPhrase() + ")");
            return new ModelAndView("console/error", page, status);
        }
        switch (status) {
            case NOT_FOUND -> {
                page.put("title", "Not found");
                page.put("detail", "There is no Console page " + p + "; the lots, recalls, drills and reports are"
                        + " reached from the menu above");
            }
            case METHOD_NOT_ALLOWED -> {
                page.put("title", "Method not allowed");
                page.put("detail", "The page " + p + " does not take a " + request.getMethod() + " request; open it"
                        + " from the menu, and send forms with their own buttons");
            }
            default -> {
                page.put("title", status.getReasonPhrase());
                page.put("detail", status.is5xxServerError() ? "lotflow could not show " + p + " (" + status.value()
                        + "); the server's log has the details, and nothing was changed by showing a page"
                        : "The request for " + p + " was refused (" + status.value() + " " + status.getReasonPhrase()
                                + ")");
            }
        }
        return new ModelAndView("console/error", page, status);
    }
}
