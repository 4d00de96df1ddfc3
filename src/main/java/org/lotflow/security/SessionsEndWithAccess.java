package org.lotflow.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session ends when its user's access changes: their password is set (by anyone, themselves in another
 * session included), they are removed from a group, one of their groups is deleted, or they are deleted. The next
 * request of any of their open sessions (Tasklist, Cockpit, Admin, the Console, {@code /api} from a page) finds the
 * session ended, as if it had never logged in: the webapps show their login, the Console its login page, the API
 * answers 401. Auditor 2026-12-05 B13: a password change left the user's other sessions open (a thief's too); C5: an
 * administrator removed from {@code camunda-admin} handed over and unclaimed tasks and read the security trail from
 * an open session until the webapps re-read its groups (up to 30 seconds). 21 CFR 11.300(b) (credentials revised),
 * 11.10(d) (access limited to authorised individuals); EU GMP Annex 11 §12.1.
 *
 * <p>The changes are read from the security trail ({@code security_event}, written with each change in the engine
 * command's transaction), so it holds across a cluster's nodes. A session remembers the trail's last event id at its
 * login ({@value #MARK}); each request on the paths above reads the user's access-ending events after it (one
 * indexed look-up, V128; HTTP Basic calls carry no session and are not touched). A user who sets their own password
 * in a session keeps that session; their others end.
 */
public class SessionsEndWithAccess extends OncePerRequestFilter {

    /** The session attribute: the trail's last event id when the session's user logged in. */
    static final String MARK = "lotflow.accessMark";

    /**
     * The request attribute set when this request's session was ended (a {@code Boolean}): the Console's login page
     * and {@code /api}'s 401 then say why the user is asked to log in again.
     */
    public static final String ENDED = "lotflow.sessionEnded";

    /** What a user whose session ended is told (the same words wherever they meet it). */
    public static final String ENDED_SENTENCE = "Your session ended because your access changed (your password was set,"
            + " or you left one of your groups): log in again.";

    /** A user's own password set through the webapps' engine API. */
    private static final Pattern OWN_PASSWORD = Pattern.compile(".*/api/engine/engine/[^/]+/user/([^/]+)/credentials/?$");

    /** One security event that may end a session. */
    record Event(long id, String type, String userId, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final String engineName;

    public SessionsEndWithAccess(JdbcTemplate jdbc, String engineName) {
        this.jdbc = jdbc;
        this.engineName = engineName;
    }

    /**
     * Whether these events, newer than the session's login, end the session of {@code userId}, a member of
     * {@code groups}: a password set, a membership removed or the user deleted ({@code userId} is theirs), or one of
     * their groups deleted ({@code userId} is the group's).
     */
    static boolean ends(String userId, List<String> groups, List<Event> events) {
        for (Event e : events) {
            boolean theirs = e.userId().equals(userId) && List.of("PASSWORD_CHANGED", "MEMBERSHIP_REMOVED",
                    "USER_DELETED").contains(e.type());
            boolean theirGroup = e.type().equals("GROUP_DELETED") && groups.contains(e.userId());
            if (theirs || theirGroup) {
                return true;
            }
        }
        return false;
    }

    /** Whether the events are all the user's own password changes (made through the session that asks). */
    static boolean onlyOwnPasswordChanges(String userId, List<Event> events) {
        return events.stream().allMatch(e -> e.type().equals("PASSWORD_CHANGED") && e.userId().equals(userId)
                && ("password set by " + userId).equals(e.detail()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        UserAuthentication user = user(session);
        Long mark = user == null ? null : markOf(session);
        Long before = null;
        if (user != null && mark != null) {
            List<Event> newer = events(user, mark);
            if (ends(user.getIdentityId(), user.getGroupIds(), newer)) {
                invalidate(session); // what follows sees no session: the webapps, the Console and /api ask for a login
                request.setAttribute(ENDED, Boolean.TRUE);
            }
        } else if (!"GET".equals(request.getMethod())) {
            before = lastEventId(); // perhaps a login: what happens from here on counts against the new session
        }
        chain.doFilter(request, response);

        HttpSession after = request.getSession(false);
        UserAuthentication now = user(after);
        if (now == null) {
            return;
        }
        try {
            Long kept = (Long) after.getAttribute(MARK);
            if (kept == null) {
                after.setAttribute(MARK, before != null ? before : lastEventId());
                return;
            }
            Matcher own = OWN_PASSWORD.matcher(request.getRequestURI());
            if ("PUT".equals(request.getMethod()) && response.getStatus() / 100 == 2 && own.matches()
                    && own.group(1).equals(now.getIdentityId())) {
                List<Event> newer = events(now, kept);
                if (onlyOwnPasswordChanges(now.getIdentityId(), newer) && !newer.isEmpty()) {
                    after.setAttribute(MARK, newer.get(newer.size() - 1).id());
                }
            }
        } catch (IllegalStateException invalidatedMeanwhile) {
            // another request of the session (a logout, an ended session) invalidated it: nothing to remember
        }
    }

    /** The session's mark, or null when it has none or was invalidated by another request meanwhile. */
    private static Long markOf(HttpSession session) {
        try {
            return (Long) session.getAttribute(MARK);
        } catch (IllegalStateException invalidated) {
            return null;
        }
    }

    private static void invalidate(HttpSession session) {
        try {
            session.invalidate();
        } catch (IllegalStateException already) {
            // ended by another request at the same moment
        }
    }

    private UserAuthentication user(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications all;
        try {
            all = AuthenticationUtil.getAuthsFromSession(session);
        } catch (IllegalStateException invalidated) {
            return null;
        }
        return all != null && all.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication ua
                ? ua : null;
    }

    private List<Event> events(UserAuthentication user, long mark) {
        List<String> whose = new ArrayList<>();
        whose.add(user.getIdentityId());
        if (user.getGroupIds() != null) {
            whose.addAll(user.getGroupIds());
        }
        String in = String.join(",", java.util.Collections.nCopies(whose.size(), "?"));
        List<Object> args = new ArrayList<>(whose);
        args.add(mark);
        return jdbc.query("SELECT id, type, user_id, detail FROM security_event WHERE user_id IN (" + in + ") AND id > ?"
                + " AND type IN ('PASSWORD_CHANGED', 'MEMBERSHIP_REMOVED', 'USER_DELETED', 'GROUP_DELETED') ORDER BY id",
                (rs, i) -> new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)), args.toArray());
    }

    private long lastEventId() {
        Long last = jdbc.queryForObject("SELECT MAX(id) FROM security_event", Long.class);
        return last == null ? 0 : last;
    }
}
