package org.lotflow.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.shared.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes Camunda Admin's first-run setup endpoint ({@code /camunda/api/admin/setup/**}).
 *
 * <p>CVE-2026-77226: in 7.24.0 that endpoint creates an administrator whenever the
 * {@code camunda-admin} group has no direct member, for anyone who asks. lotflow never needs
 * it: the first administrator comes from the environment ({@link FirstAdministrator},
 * {@code LOTFLOW_ADMIN_USER}) or the demo data, and a start without either is refused. Every request to it is refused before it reaches Camunda, whatever the method, case
 * or path encoding.
 */
public class SetupEndpointGuard extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isSetupPath(request)) {
            Problems.write(response, 403, "Forbidden", "The first-run setup of Camunda Admin is disabled in lotflow");
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isSetupPath(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String normalized = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
                .toLowerCase(java.util.Locale.ROOT).replaceAll("/+", "/").replaceAll(";[^/]*", "");
        return normalized.contains("/api/admin/setup");
    }
}
