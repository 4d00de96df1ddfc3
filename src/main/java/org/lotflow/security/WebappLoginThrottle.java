package org.lotflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.shared.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The lockout at the Camunda webapps' login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * what Tasklist, Cockpit and Admin use): a user id locked from this address is refused with 429
 * before Camunda checks the password; a refused login is a {@code LOGIN_FAILED} security event, a
 * successful one clears the count. Same rule as HTTP Basic ({@link ApiAuthenticationFilter}).
 */
public class WebappLoginThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final SecurityEvents events;

    /** Whether the application is ready for its users (readiness); always, unless set. */
    private java.util.function.BooleanSupplier ready = () -> true;

    /** Answers 503 to logins until {@code ready} says the application is ready, as {@link ApiAuthenticationFilter}. */
    public WebappLoginThrottle answeringWhen(java.util.function.BooleanSupplier ready) {
        this.ready = ready;
        return this;
    }

    public WebappLoginThrottle(LoginThrottle throttle, SecurityEvents events) {
        this.throttle = throttle;
        this.events = events;
    }

    /** A login form is a user id and a password: {@value} bytes is far more than either needs. */
    static final int MAX_BODY = 8 * 1024;

    /**
     * The first value of {@code name} in a form-urlencoded body ({@code username=sarah&password=...}), decoded in
     * the request's character set (UTF-8 when it names none), or null when the body has no such field.
     */
    static String formField(byte[] body, String charset, String name) {
        java.nio.charset.Charset cs;
        try {
            cs = charset == null ? java.nio.charset.StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(charset);
        } catch (IllegalArgumentException e) {
            cs = java.nio.charset.StandardCharsets.UTF_8;
        }
        for (String pair : new String(body, java.nio.charset.StandardCharsets.ISO_8859_1).split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            try {
                if (name.equals(java.net.URLDecoder.decode(key, cs))) {
                    return eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), cs);
                }
            } catch (IllegalArgumentException malformed) {
                return null; // not a form Camunda's login reads either: it answers it itself
            }
        }
        return null;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = EngineResources.normalized(request);
        return !"POST".equalsIgnoreCase(request.getMethod()) || !path.matches("^.*/auth/user/[^/]+/login/[^/]+/?$");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // The user id is read from the body here and the body handed on unread to Camunda's login resource
        // (Jersey reads it with @FormParam): asking the container for the request's parameters would consume
        // the body and make Jersey log a warning on every login.
        if (!ready.getAsBoolean()) {
            // the users may not exist yet: a correct password would be told "wrong" and counted (new user 28 M1)
            response.setHeader("Retry-After", "5");
            Problems.write(response, 503, "Service unavailable", "lotflow is starting: its users, processes and"
                    + " demo data are being set up. Try again in a few seconds; nothing was recorded.");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            Problems.write(response, 413, "Request too large", "A login may be at most 8 KB", null);
            return;
        }
        HttpServletRequest replayed = EngineRequestBodies.replay(request, body);
        String userId = formField(body, request.getCharacterEncoding(), "username");
        if (userId == null) {
            chain.doFilter(replayed, response);
            return;
        }
        LoginThrottle.Lock count = throttle.find(userId, RequestOrigin.client());
        if (throttle.isLocked(count)) {
            events.failure(SecurityEvent.Type.REFUSED_WHILE_LOCKED, userId, "webapp", "login refused: locked");
            long seconds = throttle.secondsLeft(count);
            response.setHeader("Retry-After", Long.toString(seconds));
            Problems.write(response, 429, "Too many failed attempts", "Too many failed logins or signatures for user '"
                    + userId + "' from this address: try again in " + seconds
                    + " seconds, or ask an administrator to unlock the user");
            return;
        }
        chain.doFilter(replayed, response);
        int status = response.getStatus();
        if (status == 401) { // 403: the password was right, only the webapp is not the user's
            events.failure(SecurityEvent.Type.LOGIN_FAILED, userId, "webapp", "wrong password or unknown user");
        } else if (status < 300 && count != null) {
            throttle.succeeded(userId, RequestOrigin.client());
        }
    }
}
