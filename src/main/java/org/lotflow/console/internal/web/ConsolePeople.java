package org.lotflow.console.internal.web;

import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * How the Console names a person who did something (templates call it as {@code @people}): the printed name with
 * the user id, {@code Sarah Johnson (sarah)}, as signatures and the lot history's "Who" show them, not the bare id
 * (new user 2026-12-07 F6: "recorded by sarah", "approved by jennifer" beside "Jennifer Lee (jennifer)"). lotflow's own
 * steps are {@code lotflow}; an id the identity store no longer knows is shown as it is.
 */
@Component("people")
public class ConsolePeople {

    private final CurrentUser users;

    public ConsolePeople(CurrentUser users) {
        this.users = users;
    }

    /**
     * {@code Full Name (id)}; {@code lotflow} for the system; the id alone when no name is known; "" for none. Each
     * user is read once per page (a recall's timeline names the same few people hundreds of times).
     */
    public String name(String userId) {
        if (userId == null || userId.isBlank()) {
            return "";
        }
        org.springframework.web.context.request.RequestAttributes request =
                org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return users.nameWithId(userId);
        }
        @SuppressWarnings("unchecked")
        java.util.Map<String, String> page = (java.util.Map<String, String>) request.getAttribute(PAGE_NAMES,
                org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (page == null) {
            page = new java.util.HashMap<>();
            request.setAttribute(PAGE_NAMES, page,
                    org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return page.computeIfAbsent(userId, users::nameWithId);
    }

    private static final String PAGE_NAMES = ConsolePeople.class.getName() + ".names";
}
