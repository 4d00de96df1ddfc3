package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.security.WebappLogin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The Console's entry: {@code /} and {@code /console/} lead to the lot list (through the login page when
 * there is no login); {@code /console/login} logs into the webapps' session (one login for the Console,
 * Tasklist and Cockpit; locked out and counted like the webapps' own login); {@code /console/logout} ends it.
 */
@Controller
class ConsoleController {

    private final WebappLogin login;
    private final java.time.Clock clock;
    private final org.lotflow.history.AuditTrail audit;

    private final org.lotflow.security.CurrentUser users;
    private final ConsoleFormat format;

    ConsoleController(WebappLogin login, java.time.Clock clock, org.lotflow.history.AuditTrail audit,
            org.lotflow.security.CurrentUser users, ConsoleFormat format) {
        this.users = users;
        this.format = format;
        this.login = login;
        this.clock = clock;
        this.audit = audit;
    }

    @org.lotflow.security.OpenToAnyUser
    @GetMapping("/")
    String root() {
        return "redirect:/console/";
    }

    @org.lotflow.security.OpenToAnyUser
    @GetMapping({"/console", "/console/"})
    String home() {
        return "redirect:/console/lots";
    }

    /**
     * The seed's reports and the audit trail's check, opened from the Console: forms that ask the report API
     * itself ({@code /api/reports/...}, the browser's session as login; each report refuses the groups it is not
     * for with 403, and bad input with 400 naming the field), as JSON in the browser or as a CSV download.
     */
    @GetMapping("/console/reports")
    String reports(Model model) {
        model.addAttribute("today", java.time.LocalDate.now(clock));
        // a hold's trigger in words in the tables (the CSV keeps the codes; new user 2026-12-07 L5)
        model.addAttribute("triggerWords", org.lotflow.quarantine.Holds.TRIGGER_WORDS);
        // the people of the "... by" columns as the rest of the Console names them (new user 2026-12-07 F6)
        model.addAttribute("people", users.everyoneWithIds());
        // the codes of a report's columns (a recall's class and status, an override's status) in the pages' words
        // (new user round 24 N2); the CSV keeps the codes
        model.addAttribute("codeWords", format.reportCodeWords());
        return "console/reports";
    }

    /**
     * Checks the audit trail's hash chain now and records the check in the caller's name (QA managers and
     * administrators; 403 otherwise), answered as JSON like {@code GET /api/audit/verify}. A form post with the
     * Console's CSRF token: a check is recorded, so another site's link must not be able to start one in the
     * user's name (audit finding, 2026-12-05).
     */
    /**
     * The audit trail's check from the Reports page, shown as a Console page (new user 2026-12-05 V9: a bare JSON page
     * with no way back): intact or the first break, the events checked, the last hash, when and by whom. The same
     * check as {@code GET /api/audit/verify}, recorded in the caller's name; a refusal (403) is the Console's page.
     */
    @PostMapping("/console/reports/audit-verify")
    String verifyAuditTrail(Model model) {
        model.addAttribute("check", audit.verify());
        return "console/audit-verify";
    }

    @org.lotflow.security.OpenToAnyUser
    @GetMapping("/console/login")
    String loginPage(@RequestParam(required = false) String next, @RequestParam(required = false) String ended,
            HttpServletRequest request, Model model) {
        if (login.sessionUser(request) != null) {
            return "redirect:" + safeNext(next);
        }
        model.addAttribute("next", safeNext(next));
        if (ended != null) {
            // a fixed sentence: the link carries no text of its own to show
            model.addAttribute("ended", org.lotflow.security.SessionsEndWithAccess.ENDED_SENTENCE);
        }
        return "console/login";
    }

    @org.lotflow.security.OpenToAnyUser
    @PostMapping("/console/login")
    String loginSubmit(@RequestParam(required = false) String username, @RequestParam(required = false) String password,
            @RequestParam(required = false) String next, HttpServletRequest request, HttpServletResponse response,
            Model model) {
        WebappLogin.Outcome outcome = login.login(request, username, password);
        if (outcome.result() == WebappLogin.Result.LOGGED_IN) {
            return "redirect:" + safeNext(next);
        }
        model.addAttribute("next", safeNext(next));
        model.addAttribute("username", username);
        if (outcome.result() == WebappLogin.Result.STARTING) {
            response.setStatus(503);
            response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            model.addAttribute("error", "lotflow is still starting: its users, processes and demo data are being set"
                    + " up. Try again in a few seconds; nothing was recorded");
        } else if (outcome.result() == WebappLogin.Result.LOCKED) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(outcome.retryAfterSeconds()));
            model.addAttribute("error", "Too many failed logins or signatures for user '" + username
                    + "' from this address: try again in " + outcome.retryAfterSeconds()
                    + " seconds, or ask an administrator to unlock the user");
        } else {
            response.setStatus(401);
            model.addAttribute("error", "The user name or the password is wrong");
        }
        return "console/login";
    }

    @org.lotflow.security.OpenToAnyUser
    @PostMapping("/console/logout")
    String logout(HttpServletRequest request) {
        login.logout(request);
        return "redirect:/console/login";
    }

    /**
     * Only a Console path of this application: never an address elsewhere (no open redirect), nor one that climbs out
     * of {@code /console/} with a dot segment, plain or percent-encoded ({@code /console/../camunda/app/admin/},
     * auditor 2026-12-07 25 F5). Anything else is the lot list.
     */
    static String safeNext(String next) {
        // no control character at all: browsers drop tabs and line breaks from an address before they resolve its dot
        // segments, so "/console/.<TAB>./camunda" climbed out (re-test 2026-12-07 25 R3)
        if (next == null || !next.startsWith("/console/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            return "/console/lots";
        }
        String path = next.split("[?#]", 2)[0].toLowerCase(java.util.Locale.ROOT);
        boolean climbs = path.contains("%2e") || path.contains("%2f") || path.contains("%5c") || path.contains(";")
                || java.util.Arrays.stream(path.split("/", -1)).anyMatch(s -> s.equals(".") || s.equals(".."));
        return climbs ? "/console/lots" : next;
    }
}
