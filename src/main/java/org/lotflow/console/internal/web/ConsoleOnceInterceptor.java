package org.lotflow.console.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses a Console form sent a second time (its one-time token spent, made up or left out: {@link ConsoleCsrfFilter}
 * marks it {@link ConsoleCsrf#ONCE_REFUSED}) with 409 and the Console's refusal page, before its handler runs: nothing
 * more is created. It runs after {@code security.AllowedGroupsInterceptor}, so a person outside the groups of the form's
 * work is told 403 first (re-test 2026-12-06 R10: an outsider's lab results without the token were told the form was
 * sent already).
 */
@Configuration(proxyBeanMethods = false)
class ConsoleOnceInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    /** After every interceptor of the default order (0), the group check among them. */
    static final int ORDER = 100;

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/console/**").order(ORDER);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws java.io.IOException {
        if (!Boolean.TRUE.equals(request.getAttribute(ConsoleCsrf.ONCE_REFUSED))) {
            return true;
        }
        ConsoleRefusalPage.write(response, 409, "Conflict", "This form was sent already", "<p>This form was"
                + " sent before, or it is out of date (the browser's Back button or a reload brings a sent form"
                + " back), so it was not sent again and nothing more was created. What it created is in the"
                + " Console's lists. <a href=\"" + request.getContextPath() + "/console/\">Open the Console</a>"
                + " and open a new form to create another.</p>");
        return false;
    }
}
