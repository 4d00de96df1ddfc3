package org.lotflow.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.lotflow.shared.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code /api} (and the non-public actuator endpoints) against Camunda's identity
 * service: HTTP Basic, or the session of a user logged into the Camunda webapps. The identity
 * is set on the engine for the whole request, so Camunda's authorization checks apply to every
 * engine call made on its behalf, and cleared afterwards. Serves {@code /engine-rest} too, where
 * nothing (not even {@code GET /engine-rest/engine}) answers without a login.
 *
 * <p>Lockout: a user id that failed too often from this client address is refused with 429 and
 * {@code Retry-After} before its password is even checked ({@link LoginThrottle}); every failure
 * is a {@code LOGIN_FAILED} security event. The password of a successful Basic call is kept on the
 * request as the second component of an electronic signature made by that call (21 CFR 11.200); the
 * signature itself re-checks it with the identity service.
 *
 * <p>A verified Basic login is kept for a short time ({@link CredentialCache}, after the lockout check,
 * emptied on any identity change), so repeated calls of one client skip the password hash check and the
 * group and tenant reads.
 */
public class ApiAuthenticationFilter extends OncePerRequestFilter {

    /** The request attribute holding the HTTP Basic password of an authenticated call (signature component). */
    static final String BASIC_PASSWORD = ApiAuthenticationFilter.class.getName() + ".basicPassword";

    private final IdentityService identityService;
    private final String engineName;
    private final String requiredGroup;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final String channel;
    private final boolean allowSession;
    private final CredentialCache cache;

    /**
     * @param requiredGroup a group every caller must belong to, or null for any authenticated user
     * @param channel       how failed logins through this filter are labelled ({@code api}, {@code engine-rest})
     * @param allowSession  whether a Camunda webapp session is accepted besides HTTP Basic (not on
     *                      {@code /engine-rest}, which has no CSRF protection)
     * @param cache         verified Basic logins kept for a short time
     */
    public ApiAuthenticationFilter(IdentityService identityService, String engineName, String requiredGroup,
            LoginThrottle throttle, SecurityEvents events, String channel, boolean allowSession,
            CredentialCache cache) {
        this.identityService = identityService;
        this.engineName = engineName;
        this.requiredGroup = requiredGroup;
        this.throttle = throttle;
        this.events = events;
        this.channel = channel;
        this.allowSession = allowSession;
        this.cache = cache;
    }

    /** Password aging ({@link PasswordAging}); null: none checked. */
    private PasswordAging aging;

    /**
     * Refuses every call of a user whose password has expired (403, {@link PasswordAging#refusal}) but the ones that
     * change it ({@link #mayWhileExpired}): 21 CFR 11.300(b).
     */
    public ApiAuthenticationFilter expiringWith(PasswordAging aging) {
        this.aging = aging;
        return this;
    }

    /**
     * What a user with an expired password may still call here: on {@code /engine-rest} their own password change
     * ({@code PUT user/{self}/credentials}), their profile ({@code GET user/{self}/profile}) and the password policy
     * ({@code identity/password-policy}); on the Console the logout. Nothing of {@code /api}.
     */
    protected boolean mayWhileExpired(HttpServletRequest request, String userId) {
        String path = EngineResources.normalized(request);
        java.util.regex.Matcher api = EngineResources.ENGINE_API.matcher(path);
        if (!path.startsWith("/engine-rest") || !api.matches()) {
            return false;
        }
        String resource = api.group(1);
        String method = request.getMethod().toUpperCase(java.util.Locale.ROOT);
        java.util.regex.Matcher credentials = EngineResources.OWN_CREDENTIALS.matcher(resource);
        java.util.regex.Matcher profile = EngineResources.PROFILE.matcher(resource);
        return credentials.matches() && credentials.group(1).equals(userId) && method.equals("PUT")
                || profile.matches() && profile.group(1).equals(userId) && method.equals("GET")
                || resource.matches("(?i)^identity/password-policy/?$");
    }

    /** Answers a call refused because the password expired: 403 problem+json with {@code why}. */
    protected void passwordExpired(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException {
        Problems.write(response, 403, "Password expired", why);
    }

    /** Whether the application is ready for its users (readiness); always, unless set. */
    private java.util.function.BooleanSupplier ready = () -> true;

    /**
     * Answers 503 until {@code ready} says the application is ready: during start-up the users are not created yet, so a
     * correct password would be recorded as a failed login, and failures of an id before its account exists locked the
     * account created after them (re-test 2026-12-06 Y10).
     */
    public ApiAuthenticationFilter answeringWhen(java.util.function.BooleanSupplier ready) {
        this.ready = ready;
        return this;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ready.getAsBoolean()) {
            response.setHeader("Retry-After", "5");
            Problems.write(response, 503, "Service unavailable", "lotflow is starting: its users, processes and"
                    + " demo data are being set up. Try again in a few seconds; nothing was recorded.");
            return;
        }
        String userId = null;
        List<String> groupIds = null;
        List<String> tenantIds = List.of();

        if ("HEAD".equalsIgnoreCase(request.getMethod())
                && RECORDING_GET.matcher(EngineResources.normalized(request)).matches()) {
            // a HEAD delivers no certificate and checks nothing: it must not be recorded as a hand-out or a check (link
            // checkers, proxies and monitors send it; re-test 2026-12-06 F8)
            response.setHeader("Allow", "GET");
            Problems.write(response, 405, "Method not allowed", "A certificate is handed out, and the audit trail"
                    + " checked, by GET only: each one is recorded in the caller's name, and a HEAD request delivers"
                    + " nothing");
            return;
        }
        String header = request.getHeader("Authorization");
        boolean basic = header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
        if (basic && sessionFirst() && sessionUserId(request) != null) {
            // the person logged into this page decides, not a Basic login the browser keeps from another page (re-test
            // 2026-12-06 F12: after Swagger UI as anna, tom's Console login acted and recorded as anna)
            basic = false;
        }
        String[] credentials = basic ? decode(header.substring(6).trim()) : null;
        if (basic) {
            // the lockout count and the cluster's identity version in one read (issue #11: one round trip, not three)
            LoginThrottle.Reading reading = credentials == null ? null
                    : throttle.findWithIdentityVersion(credentials[0], RequestOrigin.client());
            LoginThrottle.Lock count = reading == null ? null : reading.lock();
            if (throttle.isLocked(count)) {
                events.failure(SecurityEvent.Type.REFUSED_WHILE_LOCKED, credentials[0], channel, "login refused: locked");
                long seconds = throttle.secondsLeft(count);
                response.setHeader("Retry-After", Long.toString(seconds));
                Problems.write(response, 429, "Too many failed attempts", "Too many failed logins or signatures for user '"
                        + credentials[0] + "' from this address: try again in " + seconds
                        + " seconds, or ask an administrator to unlock the user");
                return;
            }
            CredentialCache.Login kept = reading == null ? null
                    : cache.find(credentials[0], credentials[1], reading.identityVersion());
            long generation = reading == null ? cache.generation() : cache.generation(reading.identityVersion());
            if (kept != null) {
                request.setAttribute(BASIC_PASSWORD, credentials[1]);
                userId = kept.userId();
                groupIds = kept.groupIds();
                tenantIds = kept.tenantIds();
            } else if (credentials != null && identityService.checkPassword(credentials[0], credentials[1])) {
                // an HTTP Basic call is no login event: it leaves the count of failed logins and signatures
                // as it is (else every script call would wipe the failures of the signatures it makes)
                request.setAttribute(BASIC_PASSWORD, credentials[1]);
                userId = credentials[0];
                groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                        .map(Group::getId).toList();
                tenantIds = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                        .list().stream().map(Tenant::getId).toList();
                cache.remember(generation, userId, credentials[1], groupIds, tenantIds);
            } else if (credentials != null) {
                cache.forget(credentials[0]);
            }
            if (userId != null && BrowserRequests.sentForAPage(request) && !sessionMayRecord(request)) {
                Problems.write(response, 403, "Forbidden", "A browser page changes or records nothing through "
                        + request.getRequestURI() + " with the login your browser keeps for lotflow unless it sends the"
                        + " header " + SESSION_HEADER + ", which lotflow's own pages do and another site's page cannot:"
                        + " use the Console, Swagger UI's Authorize, or a script (protection against forged cross-site"
                        + " requests)");
                return;
            }
        } else if (allowSession) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
                if (authentications != null
                        && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication ua) {
                    userId = ua.getIdentityId();
                    groupIds = List.copyOf(ua.getGroupIds());
                    tenantIds = ua.getTenantIds() == null ? List.of() : List.copyOf(ua.getTenantIds());
                    if (!isRead(request.getMethod())) {
                        // a change or record in the session user's name: their groups as the identity store has them
                        // now, not as the session remembers them (auditor 2026-12-05 C1: someone removed from QA
                        // placed holds from an open session minutes later); reads keep the session's groups
                        groupIds = IdentityLookups.groupsOf(identityService, userId);
                    }
                    if (!sessionMayRecord(request)) {
                        Problems.write(response, 403, "Forbidden", "A browser session changes or records nothing"
                                + " through " + request.getRequestURI() + " without the header " + SESSION_HEADER
                                + " (which lotflow's own pages send and another site's page cannot): use the Console's"
                                + " forms, or HTTP Basic from a script (protection against forged cross-site requests)");
                        return;
                    }
                }
            }
        }

        if (userId == null) {
            if (basic) {
                events.failure(SecurityEvent.Type.LOGIN_FAILED, credentials == null ? "" : credentials[0], channel,
                        credentials == null ? "unreadable HTTP Basic credentials" : "wrong password or unknown user");
            }
            unauthenticated(request, response, basic);
            return;
        }
        if (requiredGroup != null && !groupIds.contains(requiredGroup)) {
            Problems.write(response, 403, "Forbidden", "User '" + userId + "' is not in group " + requiredGroup);
            return;
        }
        if (aging != null && aging.enabled() && !mayWhileExpired(request, userId)) {
            String why = aging.expired(userId);
            if (why != null) {
                passwordExpired(request, response, why);
                return;
            }
        }
        identityService.setAuthentication(userId, groupIds, tenantIds);
        try {
            chain.doFilter(new Authenticated(request, userId, groupIds), response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /**
     * The header a browser session's request that changes or records something must carry on {@code /api}: a page of
     * another site (or another port of the same host) cannot set it without the server's CORS consent, which lotflow
     * never gives, so a forged request riding on a logged-in user's session cookie is refused (audit finding,
     * 2026-12-04: a page on another port shipped an order and wrote a certificate hand-out into a lot's history).
     * HTTP Basic calls need no header, unless a browser sent them for a page ({@link BrowserRequests}).
     */
    public static final String SESSION_HEADER = "X-Requested-By";

    /**
     * The reads that record something in the caller's name: a certificate handed out ({@code CERTIFICATE_PROVIDED}
     * in the lot's history, with or without a customer) and an audit-trail check ({@code audit_check}).
     */
    private static final java.util.regex.Pattern RECORDING_GET = java.util.regex.Pattern.compile(
            "^/api/(?:lots/[^/]+/coa(?:/[^/]+)?|audit/verify)/?$");

    /**
     * Whether a request authenticated by a browser session may go on: reads (GET, HEAD, OPTIONS) that record
     * nothing always; anything else, and the reads that record ({@link #RECORDING_GET}), only with
     * {@link #SESSION_HEADER}. The Console overrides it: its forms carry a
     * per-session CSRF token instead ({@code ConsoleCsrfFilter}).
     */
    protected boolean sessionMayRecord(HttpServletRequest request) {
        String header = request.getHeader(SESSION_HEADER);
        if (header != null && !header.isBlank()) {
            return true;
        }
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        // the path as Spring MVC matches it (percent-decoded, matrix parameters and doubled slashes gone), so
        // /api/lots/X/%63oa is the certificate too
        return read && !RECORDING_GET.matcher(EngineResources.normalized(request)).matches();
    }

    /**
     * Whether a logged-in session is used before an HTTP Basic header the browser may send on its own (the Console:
     * a person logs in on its page; a Basic login a browser kept from Swagger UI or a typed URL must not act for
     * whoever uses the page next). False for {@code /api}, where a script's Basic login is meant.
     */
    protected boolean sessionFirst() {
        return false;
    }

    /** The user of the request's webapp session, or null without one. */
    private String sessionUserId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications != null
                && authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication ua
                ? ua.getIdentityId() : null;
    }

    /**
     * Answers a request without a valid login: 401 problem+json with the Basic challenge. The Console
     * overrides it to send a person's browser to its login page instead.
     *
     * @param basic whether the request tried HTTP Basic (and failed)
     */
    protected void unauthenticated(HttpServletRequest request, HttpServletResponse response, boolean basic)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"lotflow\", charset=\"UTF-8\"");
        Problems.write(response, 401, "Unauthorized", request.getAttribute(SessionsEndWithAccess.ENDED) != null
                ? SessionsEndWithAccess.ENDED_SENTENCE : allowSession
                ? "Log in with HTTP Basic (a lotflow user and password) or a Camunda webapp session"
                : "Log in with HTTP Basic (a lotflow user and password); a browser session is not accepted here");
    }

    private static String[] decode(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return null;
            }
            return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The request as the servlet API sees an authenticated call: the user as its principal and its Camunda groups
     * as its roles ({@code isUserInRole}), which Spring Boot's actuator reads to show health details to
     * administrators ({@code management.endpoint.health.roles}).
     */
    private static final class Authenticated extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final String userId;
        private final List<String> groupIds;

        Authenticated(HttpServletRequest request, String userId, List<String> groupIds) {
            super(request);
            this.userId = userId;
            this.groupIds = groupIds;
        }

        @Override
        public java.security.Principal getUserPrincipal() {
            return () -> userId;
        }

        @Override
        public String getRemoteUser() {
            return userId;
        }

        @Override
        public boolean isUserInRole(String role) {
            return groupIds.contains(role);
        }
    }

    private static boolean isRead(String method) {
        return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
    }
}
