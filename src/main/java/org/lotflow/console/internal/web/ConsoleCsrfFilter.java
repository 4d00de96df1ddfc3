package org.lotflow.console.internal.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses with 403 every Console request that would change something (POST and the like) without the
 * session's CSRF token ({@link ConsoleCsrf}), before it reaches a controller: nothing changes. The login form
 * is protected too (login CSRF). A creating form's one-time token ({@link ConsoleCsrf#ONCE_FIELD}) is spent here; one
 * sent a second time, made up or left out marks the request ({@link ConsoleCsrf#ONCE_REFUSED}), and
 * {@link ConsoleOnceInterceptor} refuses it with 409 once the handler is known, after the check of who may send it: a
 * person outside the form's groups is told 403, not that the form was sent already (re-test 2026-12-06 R10).
 */
public class ConsoleCsrfFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ConsoleCsrf.isSafe(request.getMethod())) {
            String sent = request.getHeader(ConsoleCsrf.HEADER);
            if (sent == null) {
                sent = request.getParameter(ConsoleCsrf.FIELD);
            }
            if (!ConsoleCsrf.matches(request.getSession(false), sent)) {
                ConsoleRefusalPage.write(response, 403, "Refused", "Refused: this form is out of date", "<p>The form"
                        + " did not carry this session's security token (CSRF), so nothing was changed. It may come from"
                        + " another site, or from a page opened before your last login. <a href=\""
                        + request.getContextPath() + "/console/\">Open the Console</a>, reload the page and try"
                        + " again.</p>");
                return;
            }
            // the path as the application reads it (decoded, without path parameters): "/%63onsole/lots/new" is
            // "/console/lots/new" (auditor 2026-12-05 C7)
            String path = (request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo()))
                    .replaceAll("/+", "/");
            if (ConsoleCsrf.needsOnce(path) && !ConsoleCsrf.spend(request.getSession(false),
                    request.getParameter(ConsoleCsrf.ONCE_FIELD))) {
                request.setAttribute(ConsoleCsrf.ONCE_REFUSED, Boolean.TRUE);
            }
        }
        chain.doFilter(request, response);
    }
}
