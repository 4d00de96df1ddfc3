package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.RefusalStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every Console page has: the viewer and their rights, the session's CSRF token; and refusals shown as
 * a page (with the API's status and sentence) instead of the API's problem+json. Ahead of the API's
 * {@code ProblemHandler} for the Console's controllers only.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

    private final CurrentUser currentUser;
    private final java.time.Clock clock;

    ConsoleAdvice(CurrentUser currentUser, java.time.Clock clock) {
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A field left empty is absent (null), as in the API's JSON where it is left out, never "". */
    @org.springframework.web.bind.annotation.InitBinder
    void emptyIsAbsent(org.springframework.web.bind.WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new org.springframework.beans.propertyeditors.StringTrimmerEditor(
                false) {
            @Override
            public void setAsText(String text) {
                setValue(text == null || text.isEmpty() ? null : text); // spaces are given, as in the API (re-test F7)
            }
        });
        // a quantity is written with the digits 0-9 (BigDecimal alone reads every script's digits: a Bengali 4 that
        // looks like an 8 would be read as 4; auditor 2026-12-06 B4); anything else is the form's "not a valid number"
        binder.registerCustomEditor(java.math.BigDecimal.class, new java.beans.PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                String t = text == null ? "" : text.strip();
                if (t.isEmpty()) {
                    setValue(null);
                } else if (t.matches("[-+]?[0-9]+([.][0-9]+)?")) {
                    setValue(new java.math.BigDecimal(t));
                } else {
                    throw new IllegalArgumentException("not a number written with the digits 0-9: " + t);
                }
            }
        });
    }

    @ModelAttribute("me")
    Viewer me() {
        if (!currentUser.isAuthenticated()) {
            return null;
        }
        String id = currentUser.id();
        return new Viewer(id, currentUser.fullName(id), currentUser.groups(),
                // the roles' actions for their members only: administering lotflow makes no records of a role (B6)
                currentUser.isMemberOfAny(Groups.QA_ANALYST, Groups.QA_MANAGER),
                currentUser.isMemberOfAny(Groups.RECALL_COORDINATOR), currentUser.isMemberOfAny(Groups.PRODUCTION),
                currentUser.isMemberOfAny(Groups.SALES), currentUser.groups().contains(Groups.ADMIN));
    }

    /**
     * The demo day's date when the clock runs on {@code lotflow.today} (null otherwise): the layout says that records,
     * deadlines and Camunda's timers carry that day (new user 2026-12-05 V12, 2026-12-06 D2: a hold placed on 28 Jan
     * 2025 was due in December 2026; the engine now runs on the demo day's clock too, see ClockConfiguration).
     */
    @ModelAttribute("demoDay")
    String demoDay() {
        return clock instanceof org.lotflow.shared.ClockConfiguration.TrailClock trail && trail.demoDay()
                ? java.time.LocalDate.ofInstant(clock.instant(), clock.getZone()).toString() : null;
    }

    /**
     * Console pages are never kept by the browser: Back shows the records as they are now, not a copy from before a
     * form sent since (new user 2026-12-06 N2: Back after a hold showed the lot RELEASED and "never held").
     */
    @ModelAttribute
    void notKept(HttpServletResponse response) {
        response.setHeader(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @ModelAttribute("csrf")
    String csrf(HttpServletRequest request) {
        return ConsoleCsrf.token(request.getSession(true));
    }

    /** A creating form's one-time token ({@link ConsoleCsrf#ONCE_FIELD}): new on every page rendered. */
    @ModelAttribute("formOnce")
    String formOnce(HttpServletRequest request) {
        return ConsoleCsrf.issueOnce(request.getSession(true));
    }

    /** An exception handler's model has none of the model attributes: the layout's are added here. */
    private void common(HttpServletRequest request, Model model) {
        model.addAttribute("me", me());
        model.addAttribute("demoDay", demoDay());
        model.addAttribute("csrf", csrf(request));
        model.addAttribute("formOnce", formOnce(request));
    }

    /** A refusal outside a form (an unknown lot or recall, a page the viewer may not see): its page. */
    @ExceptionHandler(Refusal.class)
    String refusal(Refusal e, HttpServletRequest request, HttpServletResponse response, Model model) {
        common(request, model);
        int status = RefusalStatus.of(e);
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", e.title());
        model.addAttribute("detail", e.getMessage());
        return "console/error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        common(request, model);
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("title", "Invalid request");
        model.addAttribute("detail", e.getName() + ": '" + e.getValue() + "' cannot be read");
        return "console/error";
    }
}
