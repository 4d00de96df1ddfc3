package org.lotflow.console.internal.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.servlet.http.HttpSession;

/**
 * The Console's CSRF rule (synchronizer token, OWASP): every session has one random token; every form of a
 * Console page carries it in the hidden field {@value #FIELD} (htmx sends it in the header {@value #HEADER}),
 * and a request that changes something is refused unless it carries the session's token. Tokens are compared
 * in constant time. A new session (the login replaces it) has a new token.
 */
public final class ConsoleCsrf {

    /** The form field carrying the token. */
    public static final String FIELD = "_csrf";
    /** The request header carrying the token (htmx). */
    public static final String HEADER = "X-CSRF-Token";

    private static final String ATTRIBUTE = ConsoleCsrf.class.getName() + ".token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConsoleCsrf() {
    }

    /** The session's token, made at its first use. */
    public static String token(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(ATTRIBUTE);
            if (token instanceof String t) {
                return t;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(ATTRIBUTE, fresh);
            return fresh;
        }
    }

    /** Whether {@code sent} is the session's token (false without a session, a token or a match). */
    public static boolean matches(HttpSession session, String sent) {
        if (session == null || sent == null || sent.isEmpty()) {
            return false;
        }
        Object expected = session.getAttribute(ATTRIBUTE);
        return expected instanceof String e && MessageDigest.isEqual(e.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The field of a creating form's one-time token: issued by the server with each page rendered (and kept in the
     * session, the newest {@value #ISSUED_REMEMBERED}), spent when the form is sent. A creating form must carry one
     * that was issued and not yet spent, else it is refused with 409 and creates nothing: sent a second time (the
     * browser's Back button brings back a page with a form already sent, a reload or a client's retry repeats the
     * POST), made up, or left out (new user's test 2026-12-05 U1: Back and "Create the lot" again made a second lot and
     * a second lab release; auditor's re-test B6: a form without the field, or with any value, was accepted).
     */
    public static final String ONCE_FIELD = "_once";

    /**
     * The request attribute set when a creating form's one-time token was not issued or was spent already: the request
     * is then refused with 409 before its handler runs ({@link ConsoleOnceInterceptor}).
     */
    public static final String ONCE_REFUSED = ConsoleCsrf.class.getName() + ".onceRefused";

    private static final String ISSUED = ConsoleCsrf.class.getName() + ".issued";
    /** How many issued, unspent tokens a session keeps (the oldest are forgotten: a page that old is reloaded). */
    private static final int ISSUED_REMEMBERED = 200;

    /** A fresh one-time token for the page about to be rendered, kept in the session until it is spent. */
    @SuppressWarnings("unchecked")
    public static String issueOnce(HttpSession session) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String once = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        synchronized (session) {
            java.util.LinkedHashSet<String> issued = (java.util.LinkedHashSet<String>) session.getAttribute(ISSUED);
            if (issued == null) {
                issued = new java.util.LinkedHashSet<>();
            }
            issued.add(once);
            while (issued.size() > ISSUED_REMEMBERED) {
                issued.remove(issued.iterator().next());
            }
            session.setAttribute(ISSUED, issued); // set again: a clustered session store sees the change
        }
        return once;
    }

    /** Spends {@code once}: true when this session issued it and it was not spent yet; false otherwise (or absent). */
    @SuppressWarnings("unchecked")
    public static boolean spend(HttpSession session, String once) {
        if (session == null || once == null || once.isEmpty()) {
            return false;
        }
        synchronized (session) {
            java.util.LinkedHashSet<String> issued = (java.util.LinkedHashSet<String>) session.getAttribute(ISSUED);
            if (issued == null || !issued.remove(once)) {
                return false;
            }
            session.setAttribute(ISSUED, issued);
            return true;
        }
    }

    /**
     * Whether a Console {@code POST} to this path creates or changes a record and so needs a one-time token: every one
     * but the login, the logout, the audit trail's check and a certificate's download (each may be sent again).
     */
    public static boolean needsOnce(String path) {
        return path.startsWith("/console/") && !path.equals("/console/login") && !path.equals("/console/logout")
                && !path.equals("/console/reports/audit-verify") && !path.matches("^/console/lots/[^/]+/coa/?$");
    }

    /** Whether a request of this method changes nothing and needs no token. */
    public static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
