package org.lotflow.console.internal.web;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.lotflow.shared.StrictJson;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The API's rule for text on every Console form: a field holding a NUL character ({@code \u0000}) is refused with
 * 400 naming it, before any controller runs, so nothing changes. It is no part of any text a plant records,
 * PostgreSQL cannot store it, and the API refuses it in JSON ({@code shared.StrictJson}); a Console form that let it
 * through stored it on H2 and then failed every page that showed it (audit finding, 2026-12-05).
 */
public class ConsoleInputFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ConsoleCsrf.isSafe(request.getMethod())) {
            for (Map.Entry<String, String[]> field : request.getParameterMap().entrySet()) {
                if (StrictJson.hasNul(field.getKey()) || Arrays.stream(field.getValue()).anyMatch(StrictJson::hasNul)) {
                    String name = HtmlUtils.htmlEscape(field.getKey().replace('\u0000', ' '));
                    ConsoleRefusalPage.write(response, 400, "Invalid input", "Invalid input", "<p data-field=\"" + name
                            + "\">" + name + ": " + StrictJson.NUL_REFUSED + " (a control character that no record may"
                            + " hold, often pasted from another program). Nothing was changed: go back, retype the field"
                            + " and send the form again.</p>");
                    return;
                }
                if (Arrays.stream(field.getValue()).anyMatch(StrictJson::hasBidiControl)) {
                    String name = HtmlUtils.htmlEscape(field.getKey());
                    ConsoleRefusalPage.write(response, 400, "Invalid input", "Invalid input", "<p data-field=\"" + name
                            + "\">" + name + ": " + StrictJson.BIDI_REFUSED + ". Nothing was changed: go back, retype"
                            + " the field and send the form again.</p>");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
