package org.lotflow.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
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
 * <li>every request: its client address is bound and the security events it leaves (failed logins
 * and signatures) are written after it, surviving its rollback ({@link SecurityEventsFilter});</li>
 * <li>{@code /camunda/api/admin/setup/**} is closed for everyone (CVE-2026-77226);</li>
 * <li>{@code /engine-rest/*} takes HTTP Basic only (no session: it has no CSRF protection), and
 * nothing there answers without a login;</li>
 * <li>{@code /api/*}, the OpenAPI docs and non-health actuator endpoints take HTTP Basic or a
 * Camunda webapp session; actuator needs {@code camunda-admin};</li>
 * <li>the webapps' login is throttled like HTTP Basic ({@link WebappLoginThrottle});</li>
 * <li>{@code /engine-rest/*} and the webapps' {@code /camunda/api/*} pass {@link EngineSurfaceGuard}:
 * task submissions carry exactly their form's fields, variable writes and starts around lotflow are
 * refused, profiles are for administrators, Cockpit's API for Cockpit users;</li>
 * <li>{@code /console/*} takes the same as {@code /api}; a browser without a login is sent to the Console's
 * login page ({@link WebappLogin}, which logs into the webapps' session);</li>
 * <li>{@code /actuator/health} is open;</li>
 * <li>a user whose password has expired ({@link PasswordAging}) may log in and change it, nothing else
 * ({@link ApiAuthenticationFilter#expiringWith}, {@link ExpiredPasswordGate}).</li>
 * </ul>
 * Camunda authorization is switched on in {@code application.yml}; every filter sets the
 * identity on the engine so the checks run.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    FilterRegistrationBean<SecurityEventsFilter> securityEventsFilter(SecurityEvents events) {
        FilterRegistrationBean<SecurityEventsFilter> registration = new FilterRegistrationBean<>(
                new SecurityEventsFilter(events));
        registration.setName("lotflow-security-events");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SetupEndpointGuard> setupEndpointGuard() {
        FilterRegistrationBean<SetupEndpointGuard> registration = new FilterRegistrationBean<>(new SetupEndpointGuard());
        registration.setName("lotflow-setup-guard");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
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
            ProcessEngine engine, LoginThrottle throttle, SecurityEvents events,
            CredentialCache cache, org.springframework.boot.availability.ApplicationAvailability availability,
            PasswordAging aging) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(identityService, engine.getName(), null, throttle, events, "api", true, cache)
                        .answeringWhen(ready(availability)).expiringWith(aging));
        registration.setName("lotflow-api-auth");
        registration.addUrlPatterns("/api/*", "/v3/api-docs/*", "/v3/api-docs", "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Browser sessions end when their user's access changes ({@link SessionsEndWithAccess}); before the logins. */
    @Bean
    FilterRegistrationBean<SessionsEndWithAccess> sessionsEndWithAccess(org.springframework.jdbc.core.JdbcTemplate jdbc,
            ProcessEngine engine, @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<SessionsEndWithAccess> registration = new FilterRegistrationBean<>(
                new SessionsEndWithAccess(jdbc, engine.getName()));
        registration.setName("lotflow-sessions-end-with-access");
        // the API's documentation too (auditor 2026-12-05 E6: an ended session still read it)
        registration.addUrlPatterns("/api/*", "/console/*", "/console", webappPath + "/api/*", "/v3/api-docs/*",
                "/v3/api-docs", "/swagger-ui/*", "/swagger-ui.html");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 15);
        return registration;
    }

    /**
     * {@code /console/*}: the Console takes the webapps' session or HTTP Basic, like {@code /api}; its login
     * page and the root redirect answer without one. A person's browser without a login is sent to the login
     * page (a GET asking for HTML); anything else gets 401 problem+json.
     */
    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> consoleAuthenticationFilter(IdentityService identityService,
            ProcessEngine engine, LoginThrottle throttle, SecurityEvents events, CredentialCache cache,
            PasswordAging aging) {
        ApiAuthenticationFilter filter = new ApiAuthenticationFilter(identityService, engine.getName(), null,
                throttle, events, "console", true, cache) {
            @Override
            protected boolean sessionMayRecord(HttpServletRequest request) {
                return true; // every Console form carries its per-session CSRF token (ConsoleCsrfFilter)
            }

            @Override
            protected boolean sessionFirst() {
                return true; // the person logged in on the Console's page acts, not a Basic login the browser kept
            }

            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.equals("/console/login");
            }

            @Override
            protected boolean mayWhileExpired(HttpServletRequest request, String userId) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.equals("/console/logout");
            }

            @Override
            protected void passwordExpired(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
                    String why) throws java.io.IOException {
                String accept = request.getHeader("Accept");
                if (request.getHeader("HX-Request") != null || accept == null || !accept.contains("text/html")) {
                    super.passwordExpired(request, response, why);
                    return;
                }
                // a person's page after the Console's login: say it on the page, with the way to change it
                response.setStatus(403);
                response.setContentType("text/html;charset=UTF-8");
                String home = request.getContextPath();
                response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                        + "Password expired - lotflow</title></head><body style=\"font-family:sans-serif;max-width:40rem;"
                        + "margin:2rem auto\"><h1>Your password has expired</h1><p>"
                        + org.springframework.web.util.HtmlUtils.htmlEscape(why) + "</p><p><a href=\"" + home
                        + "/camunda/app/tasklist/\">Open Tasklist to change it</a> (your name at the top right, My"
                        + " Profile, Change Password), then come back to the <a href=\"" + home + "/console/\">Console"
                        + "</a>.</p></body></html>");
            }

            @Override
            protected void unauthenticated(HttpServletRequest request,
                    jakarta.servlet.http.HttpServletResponse response, boolean basic) throws java.io.IOException {
                String accept = request.getHeader("Accept");
                boolean browser = !basic && request.getHeader("HX-Request") == null && accept != null
                        && accept.contains("text/html");
                // a page, or a form sent from a page whose session ended meanwhile (new user 2026-12-05 V1: a form sent
                // after an administrator set the password met the browser's Basic prompt and a blank page)
                boolean page = browser && ("GET".equals(request.getMethod()) || "POST".equals(request.getMethod()));
                if (!page) {
                    if (basic) {
                        super.unauthenticated(request, response, true);
                    } else {
                        // no Basic challenge for a page's script: the browser would ask for a password in a dialog
                        org.lotflow.shared.Problems.write(response, 401, "Unauthorized",
                                request.getAttribute(SessionsEndWithAccess.ENDED) != null
                                        ? SessionsEndWithAccess.ENDED_SENTENCE : "Log in on the Console's login page");
                    }
                    return;
                }
                String path = request.getRequestURI().substring(request.getContextPath().length());
                response.setStatus(303); // after a POST too, the browser asks for the login page with a GET
                response.setHeader("Location", request.getContextPath() + "/console/login?next="
                        + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8)
                        + (request.getAttribute(SessionsEndWithAccess.ENDED) != null ? "&ended=1" : ""));
                response.flushBuffer();
            }
        };
        filter.expiringWith(aging);
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("lotflow-console-auth");
        registration.addUrlPatterns("/console/*", "/console");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> actuatorAuthenticationFilter(IdentityService identityService,
            ProcessEngine engine, LoginThrottle throttle, SecurityEvents events,
            CredentialCache cache, PasswordAging aging) {
        ApiAuthenticationFilter filter = new ApiAuthenticationFilter(identityService, engine.getName(), Groups.ADMIN,
                throttle, events, "api", true, cache) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
            }
        };
        filter.expiringWith(aging);
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("lotflow-actuator-auth");
        registration.addUrlPatterns("/actuator/*", "/actuator");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * {@code /actuator/health} answers everyone; a call that brings HTTP Basic credentials is authenticated (and
     * refused with 401 when they are wrong, counted like any failed login), so an administrator sees the details
     * ({@code management.endpoint.health.show-details: when-authorized}, role {@code camunda-admin}).
     */
    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> healthAuthenticationFilter(IdentityService identityService,
            ProcessEngine engine, LoginThrottle throttle, SecurityEvents events, CredentialCache cache) {
        ApiAuthenticationFilter filter = new ApiAuthenticationFilter(identityService, engine.getName(), null,
                throttle, events, "api", false, cache) {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return request.getHeader("Authorization") == null;
            }
        };
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setName("lotflow-health-auth");
        registration.addUrlPatterns("/actuator/health", "/actuator/health/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAuthenticationFilter> engineRestAuthenticationFilter(IdentityService identityService,
            ProcessEngine engine, LoginThrottle throttle, SecurityEvents events,
            CredentialCache cache, org.springframework.boot.availability.ApplicationAvailability availability,
            PasswordAging aging) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration = new FilterRegistrationBean<>(
                new ApiAuthenticationFilter(identityService, engine.getName(), null, throttle, events, "engine-rest",
                        false, cache).answeringWhen(ready(availability)).expiringWith(aging));
        registration.setName("lotflow-engine-rest-auth");
        registration.addUrlPatterns("/engine-rest/*", "/engine-rest");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle, SecurityEvents events,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            org.springframework.boot.availability.ApplicationAvailability availability) {
        FilterRegistrationBean<WebappLoginThrottle> registration = new FilterRegistrationBean<>(
                new WebappLoginThrottle(throttle, events).answeringWhen(ready(availability)));
        registration.setName("lotflow-webapp-login-throttle");
        registration.addUrlPatterns(webappPath + "/api/admin/auth/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
        return registration;
    }

    /**
     * The webapps' API ({@code /camunda/api/*}) for a session whose user's password has expired: only what changes it
     * ({@link ExpiredPasswordGate}); before the engine surface's guard.
     */
    @Bean
    FilterRegistrationBean<ExpiredPasswordGate> expiredPasswordGate(ProcessEngine engine, PasswordAging aging,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
        FilterRegistrationBean<ExpiredPasswordGate> registration = new FilterRegistrationBean<>(
                new ExpiredPasswordGate(engine.getName(), aging));
        registration.setName("lotflow-expired-password-gate");
        registration.addUrlPatterns(webappPath + "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 28);
        return registration;
    }

    /** Jobs and job definitions of no process, looked up without the caller's authorizations (they only decide a 403). */
    private static JobCalls.EngineWideJobs engineWideJobs(ProcessEngine engine) {
        org.camunda.bpm.engine.ManagementService management = engine.getManagementService();
        return new JobCalls.EngineWideJobs() {
            @Override
            public boolean job(String jobId) {
                org.camunda.bpm.engine.runtime.Job job = UncheckedEngineCommand.call(engine,
                        () -> management.createJobQuery().jobId(jobId).singleResult());
                return job != null && job.getProcessDefinitionId() == null;
            }

            @Override
            public java.util.Date timerNotYetDue(String jobId) {
                org.camunda.bpm.engine.runtime.Job timer = UncheckedEngineCommand.call(engine,
                        () -> management.createJobQuery().jobId(jobId).timers().singleResult());
                java.util.Date now = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime();
                // a timer of a running instance (an escalation, a deadline); a timer start event's job (the daily
                // expiry check) has no instance and may be run now by an administrator
                return timer != null && timer.getProcessInstanceId() != null && timer.getDuedate() != null
                        && timer.getDuedate().after(now) ? timer.getDuedate() : null;
            }

            @Override
            public boolean jobDefinition(String jobDefinitionId) {
                org.camunda.bpm.engine.management.JobDefinition definition = UncheckedEngineCommand.call(engine,
                        () -> management.createJobDefinitionQuery().jobDefinitionId(jobDefinitionId).singleResult());
                return definition != null && definition.getProcessDefinitionId() == null;
            }
        };
    }

    /** The running process of an instance or execution id, {instance id, process key}, whoever asks; null: none. */
    private static EngineSurfaceGuard.RunningProcesses runningProcesses(ProcessEngine engine) {
        org.lotflow.shared.process.WithoutCallerAuthorization privileged =
                new org.lotflow.shared.process.WithoutCallerAuthorization(engine.getIdentityService());
        return (execution, id) -> privileged.call(() -> {
            String instanceId = id;
            if (execution) {
                org.camunda.bpm.engine.runtime.Execution e = engine.getRuntimeService().createExecutionQuery()
                        .executionId(id).singleResult();
                if (e == null) {
                    return null;
                }
                instanceId = e.getProcessInstanceId();
            }
            org.camunda.bpm.engine.runtime.ProcessInstance instance = engine.getRuntimeService()
                    .createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
            return instance == null ? null : new String[] {instanceId,
                    engine.getRepositoryService().getProcessDefinition(instance.getProcessDefinitionId()).getKey()};
        });
    }

    /** Existence lookups for {@link EngineReads}, whoever asks (the answer is only "there is none"). */
    private static EngineReads engineReads(ProcessEngine engine) {
        org.lotflow.shared.process.WithoutCallerAuthorization privileged =
                new org.lotflow.shared.process.WithoutCallerAuthorization(engine.getIdentityService());
        return new EngineReads(
                id -> privileged.call(() -> engine.getTaskService().createTaskQuery().taskId(id).count() > 0),
                id -> privileged.call(() -> engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id)
                        .count() > 0),
                id -> privileged.call(() -> engine.getRuntimeService().createExecutionQuery().executionId(id)
                        .count() > 0));
    }

    @Bean
    FilterRegistrationBean<EngineSurfaceGuard> engineSurfaceGuard(FormSchemas forms, ProcessEngine engine,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath,
            org.springframework.beans.factory.ObjectProvider<SecurityEvents> events,
            org.springframework.beans.factory.ObjectProvider<ElectronicSignatures> signatures, PrintedNames printedNames,
            org.springframework.beans.factory.ObjectProvider<CurrentUser> currentUser) {
        FilterRegistrationBean<EngineSurfaceGuard> registration = new FilterRegistrationBean<>(new EngineSurfaceGuard(
                forms, engine.getTaskService(), engine.getRepositoryService(), engine.getIdentityService(),
                engine.getHistoryService(), engine.getName(), taskId -> UncheckedEngineCommand.call(engine, () -> {
                    engine.getTaskService().setAssignee(taskId, null); // the caller stays authenticated: the log names them
                    return null;
                }), engineWideJobs(engine), filterId -> IdentitySetup.isRolesFilter(engine, filterId),
                engine.getAuthorizationService()).standingFrom(userId -> currentUser.getObject().standing(userId)).readsCheckedBy(engineReads(engine)).runningProcessesFrom(runningProcesses(engine))
                .formerNamesFrom(printedNames)
                .currentPasswordCheckedBy(new CurrentPasswordCheck(signatures::getObject))
                .notesKeptBy((taskId, processInstanceId, message, caller) -> {
                    // in the caller's name (the comment's user and the operation log), without Camunda's check of
                    // the task's history, which a task's own people may not read (auditor 2026-12-06 A3)
                    org.camunda.bpm.engine.IdentityService ids = engine.getIdentityService();
                    org.camunda.bpm.engine.impl.identity.Authentication before = ids.getCurrentAuthentication();
                    ids.setAuthentication(caller.userId(), caller.groups());
                    try {
                        return UncheckedEngineCommand.call(engine, () -> engine.getTaskService()
                                .createComment(taskId, processInstanceId, message));
                    } finally {
                        if (before != null) {
                            ids.setAuthentication(before);
                        } else {
                            ids.clearAuthentication();
                        }
                    }
                }, new TaskNotes.Reader() {
                    @Override
                    public java.util.List<org.camunda.bpm.engine.task.Comment> comments(String taskId) {
                        return new org.lotflow.shared.process.WithoutCallerAuthorization(engine.getIdentityService())
                                .call(() -> engine.getTaskService().getTaskComments(taskId));
                    }

                    @Override
                    public boolean readsHistoryOf(String taskId) {
                        // as the caller: the engine's attachment endpoint looks the task up in its history so
                        return engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
                    }
                }));
        registration.setName("lotflow-engine-surface-guard");
        registration.addUrlPatterns("/engine-rest/*", webappPath + "/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** Whether the application accepts traffic: after start-up's identities, processes and demo data (readiness). */
    static java.util.function.BooleanSupplier ready(org.springframework.boot.availability.ApplicationAvailability availability) {
        return () -> availability.getReadinessState()
                == org.springframework.boot.availability.ReadinessState.ACCEPTING_TRAFFIC;
    }
}
