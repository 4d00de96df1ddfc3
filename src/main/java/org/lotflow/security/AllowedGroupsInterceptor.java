package org.lotflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Checks {@link AllowedGroups} before Spring MVC reads and validates a request's body: Spring calls interceptors
 * after choosing the handler and before resolving its arguments, so a user outside the groups gets {@code 403}
 * ({@code application/problem+json}, through lotflow's problem handler) whatever the body holds, and nothing is
 * parsed, validated or changed. Audit finding 2026-12-05: a sales user posting an invalid lot got {@code 400} field
 * errors, learning the request's rules, where {@code 403} was due. The Console's form posts carry the annotation too
 * (its refusal page shows the 403).
 */
@Configuration(proxyBeanMethods = false)
public class AllowedGroupsInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    private final CurrentUser currentUser;

    AllowedGroupsInterceptor(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/**", "/console/**");
    }

    /**
     * Refuses with {@link org.lotflow.shared.NotPermitted} (403) unless the user is in one of the handler's
     * {@link AllowedGroups}. A handler without it (the reads) is refused to a logged-in user in none of lotflow's roles
     * nor an administrator, unless it is {@link OpenToAnyUser}: "Only Production, QA analysts, QA managers, Sales or
     * Recall coordinators (and administrators) may do this; zed is not one" (audit 29 F1: a user whose roles were all
     * removed still read every lot, lab result, order and customer). Each read keeps its own narrower rule behind this
     * gate (traces, reports, the audit trail).
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            AllowedGroups allowed = method.getMethodAnnotation(AllowedGroups.class);
            if (allowed != null) {
                currentUser.requireMembership(allowed.work(), allowed.value());
            } else if (!method.hasMethodAnnotation(OpenToAnyUser.class) && currentUser.isAuthenticated()) {
                currentUser.require(Groups.BUSINESS.toArray(String[]::new));
            }
        }
        return true;
    }
}
