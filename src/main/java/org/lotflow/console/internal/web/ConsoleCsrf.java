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

    /** Whether a request of this method changes nothing and needs no token. */
    public static boolean isSafe(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method) || "TRACE".equals(method);
    }
}
