package org.lotflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The outermost filter: binds the request's {@link RequestOrigin} (client address) to the
 * thread and, once the whole request has run and every transaction of it has ended, writes the
 * security events it left behind (failed logins and signatures) in a transaction of their own.
 * One pooled connection at a time: the request's connection is back in the pool by then. The
 * answer to a write is held until then, so whoever reads the refusal finds its event stored.
 */
public class SecurityEventsFilter extends OncePerRequestFilter {

    private final SecurityEvents events;

    public SecurityEventsFilter(SecurityEvents events) {
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestOrigin origin = new RequestOrigin(request.getRemoteAddr());
        RequestOrigin.bind(origin);
        // A refusal that must leave an event is a write (POST, PUT, ...): its answer is held back
        // until the event is stored, so a client that reads the answer finds the event counted.
        boolean write = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        ContentCachingResponseWrapper held = write ? new ContentCachingResponseWrapper(response) : null;
        try {
            chain.doFilter(request, held == null ? response : held);
        } finally {
            RequestOrigin.unbind();
            try {
                events.writeNow(origin.drainDeferred());
            } finally {
                if (held != null) {
                    held.copyBodyToResponse();
                }
            }
        }
    }
}
