package org.lotflow.security;

import java.util.Date;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.stereotype.Component;

/**
 * A login into the Camunda webapps' session from a lotflow page (the Console's login form): the same
 * session Tasklist, Cockpit and Admin hold, so one login serves all of them. Same rules as the webapps'
 * own login ({@link WebappLoginThrottle}): a user id locked from this address is refused before its password
 * is checked, a wrong password is a {@code LOGIN_FAILED} security event (channel {@code console}) counting
 * towards the lockout, a success clears the count. The session is replaced at the login (no session
 * fixation), exactly as Camunda's own login does ({@link AuthenticationUtil#revalidateSession}).
 */
@Component
public class WebappLogin {

    /** What a login attempt came to. */
    public enum Result {
        LOGGED_IN, WRONG_PASSWORD, LOCKED,
        /** lotflow is still starting: its users may not exist yet, so nothing was checked or recorded. */
        STARTING
    }

    /** The outcome; {@code retryAfterSeconds} only for {@link Result#LOCKED} and {@link Result#STARTING}. */
    public record Outcome(Result result, long retryAfterSeconds) {
    }

    private final ProcessEngine engine;
    private final IdentityService identityService;
    private final LoginThrottle throttle;
    private final SecurityEvents events;

    private final java.util.function.BooleanSupplier ready;

    public WebappLogin(ProcessEngine engine, LoginThrottle throttle, SecurityEvents events,
            org.springframework.boot.availability.ApplicationAvailability availability) {
        this.ready = SecurityConfiguration.ready(availability);
        this.engine = engine;
        this.identityService = engine.getIdentityService();
        this.throttle = throttle;
        this.events = events;
    }

    /**
     * Checks the password and, when right, puts the user's webapp authentication into a new session. While lotflow is
     * starting (readiness not yet accepting traffic) nothing is checked or recorded: {@link Result#STARTING} (new user 28
     * M1: a correct password was told "wrong" and counted as a failed login while the users were being set up).
     */
    public Outcome login(HttpServletRequest request, String userId, String password) {
        if (!ready.getAsBoolean()) {
            return new Outcome(Result.STARTING, 5);
        }
        String id = userId == null ? "" : userId.trim();
        LoginThrottle.Lock count = throttle.find(id, RequestOrigin.client());
        if (throttle.isLocked(count)) {
            events.failure(SecurityEvent.Type.REFUSED_WHILE_LOCKED, id, "console", "login refused: locked");
            return new Outcome(Result.LOCKED, throttle.secondsLeft(count));
        }
        identityService.clearAuthentication();
        if (id.isEmpty() || password == null || password.isEmpty() || !identityService.checkPassword(id, password)) {
            events.failure(SecurityEvent.Type.LOGIN_FAILED, id, "console", "wrong password or unknown user");
            return new Outcome(Result.WRONG_PASSWORD, 0);
        }
        UserAuthentication authentication = AuthenticationUtil.createAuthentication(engine, id);
        Date validation = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (validation != null) {
            authentication.setCacheValidationTime(validation);
        }
        AuthenticationUtil.revalidateSession(request, authentication);
        if (count != null) {
            throttle.succeeded(id, RequestOrigin.client());
        }
        return new Outcome(Result.LOGGED_IN, 0);
    }

    /** The logged-in user of the request's webapp session, or null. */
    public String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        return all != null && all.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication ua
                ? ua.getIdentityId() : null;
    }

    /** Ends the session: logged out of the Console and the webapps alike. */
    public void logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
