package org.lotflow.security;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' API ({@code /camunda/api/*}: Tasklist, Cockpit, Admin, the Welcome page) for a logged-in session whose
 * user's password has expired ({@link PasswordAging}; 21 CFR 11.300(b)): the login itself works, and so does what
 * changing the password takes ({@link #mayWhileExpired}); everything else answers 403 problem+json whose
 * {@code detail} and {@code message} (which Tasklist shows) say that the password has expired and how to change it.
 * Calls without a session pass (the webapps answer them 401).
 */
public class ExpiredPasswordGate extends OncePerRequestFilter {

    /** The webapps' login, logout and who-is-logged-in ({@code /api/admin/auth/user/{engine}/...}). */
    private static final Pattern AUTH = Pattern.compile("^.*/api/admin/auth/.*$");
    /** Plugin code and styles of the webapps' pages (the same files for everyone, no data). */
    private static final Pattern PLUGIN_FILES = Pattern.compile("^.*/api/[a-z]+/plugin/[A-Za-z0-9_-]+/static/"
            + "[A-Za-z0-9_./-]+\\.(js|css)$");
    /** The list of engines the pages read first. */
    private static final Pattern ENGINES = Pattern.compile("^.*/api/engine/engine/?$");

    private final String engineName;
    private final PasswordAging aging;

    public ExpiredPasswordGate(String engineName, PasswordAging aging) {
        this.engineName = engineName;
        this.aging = aging;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = aging.enabled() ? sessionUser(request) : null;
        if (userId != null && !mayWhileExpired(request.getMethod(), EngineResources.normalized(request),
                userId, request.getParameter("member"))) {
            String why = aging.expired(userId);
            if (why != null) {
                SurfaceRefusal.refuse(response, 403, "Password expired", null, why);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * What a session with an expired password may call (a rule without Spring): the login, logout and the current
     * login; the pages' plugin files; the list of engines; the user's own profile ({@code GET user/{self}/profile}),
     * own groups ({@code GET group?member={self}}) and own password change ({@code PUT user/{self}/credentials}); the
     * password policy.
     *
     * @param path   the request's path as normalized ({@link EngineResources#normalized})
     * @param member the {@code member} query parameter, or null
     */
    static boolean mayWhileExpired(String method, String path, String userId, String member) {
        String m = method.toUpperCase(Locale.ROOT);
        boolean read = m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS");
        if (AUTH.matcher(path).matches() || ENGINES.matcher(path).matches() && read
                || read && PLUGIN_FILES.matcher(path).matches() && !path.contains("..")) {
            return true;
        }
        Matcher api = EngineResources.ENGINE_API.matcher(path);
        if (!api.matches()) {
            return false;
        }
        String resource = api.group(1);
        Matcher credentials = EngineResources.OWN_CREDENTIALS.matcher(resource);
        Matcher profile = EngineResources.PROFILE.matcher(resource);
        return credentials.matches() && credentials.group(1).equals(userId) && m.equals("PUT")
                || profile.matches() && profile.group(1).equals(userId) && read
                || resource.matches("(?i)^group/?$") && read && userId.equals(member)
                || resource.matches("(?i)^identity/password-policy/?$");
    }

    private String sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        return all != null && all.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication ua
                ? ua.getIdentityId() : null;
    }
}
