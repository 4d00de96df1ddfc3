package org.lotflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.lotflow.shared.RequestSizeLimitFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The entry points and who may pass them. One identity store (Camunda's) for all:
 * <ul>
 * <li>{@code /camunda/api/admin/setup/**} is closed for everyone (CVE-2026-77226);</li>
 * <li>{@code /engine-rest/*} takes HTTP Basic through Camunda's own authentication filter;</li>
 * <li>{@code /api/*}, the OpenAPI docs and non-health actuator endpoints take HTTP Basic or a
 * Camunda webapp session; actuator needs {@code camunda-admin};</li>
 * <li>{@code /actuator/health} is open.</li>
 * </ul>
 * Camunda authorization is switched on in {@code application.yml}; every filter sets the
 * identity on the engine so the checks run.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard() {
        FilterRegistrationBean<SetupEndpointGuard> registration = new FilterRegistrationBean<>(new SetupEndpointGuard());
        registration.setName("lotflow-setup-guard");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(
            @Value("${lotflow.api.max-request-size:1MB}") DataSize maxSize) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxSize.toBytes()));
        registration.setName("lotflow-request-size");
        registration.addUrlPatterns("/api/*", "/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> apiAuthenticationFilter(IdentityService identityService,
            ProcessEngine engine) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(identityService, engine.getName(), null));
        registration.setName("lotflow-api-auth");
        registration.addUrlPatterns("/api/*", "/v3/api-docs/*", "/v3/api-docs", "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthenticationFilter(IdentityService identityService,
            ProcessEngine engine) {
        ApiAuthenticationFilter filter = new ApiAuthenticationFilter(identityService, engine.getName(), Groups.ADMIN) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
            }
        };
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("lotflow-actuator-auth");
        registration.addUrlPatterns("/actuator/*", "/actuator");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthenticationFilter() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("lotflow-engine-rest-auth");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }
}
