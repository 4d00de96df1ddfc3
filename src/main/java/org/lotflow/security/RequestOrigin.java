package org.lotflow.security;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the request on this thread comes from (the client address the lockout is keyed by) and
 * the security events it must leave behind even when its own transaction rolls back. Bound for
 * each HTTP request by {@link SecurityEventsFilter}; absent on engine threads (job executor) and
 * in tests that call services directly, where {@link #client()} is {@value #LOCAL}.
 */
public final class RequestOrigin {

    public static final String LOCAL = "local";

    private static final ThreadLocal<RequestOrigin> CURRENT = new ThreadLocal<>();

    private final String client;
    private final List<SecurityEvent> deferred = new ArrayList<>();

    RequestOrigin(String client) {
        this.client = client == null || client.isBlank() ? LOCAL : client;
    }

    /** The origin bound to this thread, or null outside an HTTP request. */
    static RequestOrigin current() {
        return CURRENT.get();
    }

    /** The client address of the current request, or {@value #LOCAL}. */
    public static String client() {
        RequestOrigin origin = CURRENT.get();
        return origin == null ? LOCAL : origin.client;
    }

    static void bind(RequestOrigin origin) {
        CURRENT.set(origin);
    }

    static void unbind() {
        CURRENT.remove();
    }

    void defer(SecurityEvent event) {
        deferred.add(event);
    }

    List<SecurityEvent> drainDeferred() {
        List<SecurityEvent> events = List.copyOf(deferred);
        deferred.clear();
        return events;
    }
}
