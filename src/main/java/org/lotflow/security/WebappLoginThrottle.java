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

    public WebappLoginThrottle(LoginThrottle throttle, SecurityEvents events) {
        this.throttle = throttle;
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = EngineResources.normalized(request);
        return !"POST".equalsIgnoreCase(request.getMethod()) || !path.matches("^.*/auth/user/[^/]+/login/[^/]+/?$");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = request.getParameter("username");
        if (userId == null) {
            chain.doFilter(request, response);
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
        chain.doFilter(request, response);
        int status = response.getStatus();
        if (status == 401) { // 403: the password was right, only the webapp is not the user's
            events.failure(SecurityEvent.Type.LOGIN_FAILED, userId, "webapp", "wrong password or unknown user");
        } else if (status < 300 && count != null) {
            throttle.succeeded(userId, RequestOrigin.client());
        }
    }
}
