package org.lotflow.shared;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The error body of a call of Camunda's webapps (Tasklist, Cockpit, Admin: {@code /camunda/api/...}) made without a
 * login, because the session ended (it timed out, or lotflow ended it when the user's access changed): a
 * {@code message} in words, which Tasklist shows, instead of Spring's bare {@code {"timestamp":...,"status":401,
 * "error":"Unauthorized","path":...}}, which Tasklist showed whole beside "An error happened while submitting the task
 * form" (new user 2026-12-06 W7). Nothing of such a call was saved. Every other error body is Spring Boot's default.
 */
@Component
public class WebappErrorAttributes extends DefaultErrorAttributes {

    /** What a user of Tasklist, Cockpit or Admin reads when their session has ended. */
    public static final String SESSION_ENDED = "Your session has ended, so nothing was saved. Log in again, then open"
            + " the task and complete it again (what you had typed is not kept).";

    /** What the webapps' login form says to a wrong user name or password. */
    public static final String WRONG_LOGIN = "Wrong user name or password (or the user is locked for a while after"
            + " failed attempts): nothing was logged in.";

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (Integer.valueOf(401).equals(attributes.get("status")) && path != null
                && path.toString().startsWith("/camunda/api/")) {
            // the login form itself: a wrong user name or password, not a session that ended (re-test 2026-12-06 F7)
            String said = path.toString().contains("/auth/user/") && path.toString().contains("/login")
                    ? WRONG_LOGIN : SESSION_ENDED;
            attributes.put("message", said);
            attributes.put("detail", said);
        }
        return attributes;
    }
}
