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
     * The field of a creating form's one-time token: a new random value each time the page is rendered, spent when
     * the form is sent. A form sent again (the browser's Back button brings back a page with a form already sent, or
     * a reload repeats the POST) carries a spent token and is refused with 409, so it creates no second lot, receipt,
     * order or hold (new user's test 2026-12-05 U1: Back and "Create the lot" again made a second lot and a second lab
     * release). A form without the field is not affected.
     */
    public static final String ONCE_FIELD = "_once";

    private static final String SPENT = ConsoleCsrf.class.getName() + ".spent";
    /** How many spent tokens a session remembers (the oldest are forgotten; a page that old has another token). */
    private static final int SPENT_REMEMBERED = 500;

    /** A fresh one-time token for a form about to be rendered. */
    public static String onceToken() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Spends {@code once} in the session: true the first time, false when it was spent before (or absent). */
    @SuppressWarnings("unchecked")
    public static boolean spend(HttpSession session, String once) {
        if (session == null || once == null || once.isEmpty()) {
            return false;
        }
        synchronized (session) {
            java.util.LinkedHashSet<String> spent = (java.util.LinkedHashSet<String>) session.getAttribute(SPENT);
            if (spent == null) {
                spent = new java.util.LinkedHashSet<>();
            }
            if (!spent.add(once)) {
                return false;
            }
            while (spent.size() > SPENT_REMEMBERED) {
                spent.remove(spent.iterator().next());
            }
            session.setAttribute(SPENT, spent); // set again: a clustered session store sees the change
            return true;
        }
    }

    /** Whether a request of this method changes nothing and needs no token. */
    public static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
