package org.lotflow.shared;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * lotflow's refusals on the webapps' engine API (Tasklist's submissions under {@code /camunda/api/engine}), which has no
 * place for {@link EngineRefusals}' JAX-RS exception mappers: an engine command that ends with a refusal notes it on
 * the thread ({@link #refusalCapture}), and {@link WebappRefusalFilter} turns the webapp's 500 into that refusal's 4xx
 * and sentence (RFC 9457), never engine codes. Split from {@link EngineRefusals}, which maps {@code /engine-rest}.
 */
@Configuration(proxyBeanMethods = false)
public class WebappRefusals {

    /** The last refusal an engine command ended with on this thread, for the webapps' API. */
    private static final ThreadLocal<EngineRefusals.Refusal> LAST = new ThreadLocal<>();

    /**
     * Notes, on the thread, the refusal an engine command ends with, and lets the exception go on
     * unchanged. The webapps' engine API (Tasklist) has no place for lotflow's exception mappers;
     * {@link WebappRefusalFilter} reads the note there instead.
     */
    @Bean
    static org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin refusalCapture() {
        return new org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin() {
            @Override
            public void preInit(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration) {
                org.lotflow.shared.process.OutermostCommands.add(configuration, (command, proceed) -> {
                    try {
                        return proceed.get();
                    } catch (RuntimeException e) {
                        EngineRefusals.Refusal refusal = EngineRefusals.refusal(e);
                        if (refusal != null) {
                            LAST.set(refusal);
                        }
                        handBack(configuration, e);
                        throw e;
                    }
                }, true);
            }
        };
    }

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WebappRefusals.class);

    /**
     * A completion refused by four eyes to the person who had claimed the task ({@link FourEyesViolation#handedBack}):
     * the refused command's transaction is rolled back by now (this hook is outside it), so the task is unclaimed in a
     * command of its own, while still theirs, and goes back to its candidate groups for an eligible colleague (new user
     * 28 M2). Authorized by the rule, not by the caller's rights (the caller stays the operation log's user). Under a
     * caller's own Spring transaction (rolled back later, with anything done in it) nothing is handed back.
     */
    static void handBack(org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl configuration, Throwable e) {
        FourEyesViolation refused = null;
        for (Throwable t = e; t != null && refused == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FourEyesViolation v && v.handedBackTask() != null) {
                refused = v;
            }
        }
        if (refused == null
                || org.springframework.transaction.support.TransactionSynchronizationManager.isActualTransactionActive()) {
            return;
        }
        String taskId = refused.handedBackTask();
        String assignee = refused.handedBackFrom();
        try {
            configuration.getCommandExecutorTxRequired().execute(context -> context.runWithoutAuthorization(() -> {
                var task = context.getTaskManager().findTaskById(taskId);
                if (task != null && assignee.equals(task.getAssignee())) {
                    new org.camunda.bpm.engine.impl.cmd.AssignTaskCmd(taskId, null).execute(context);
                }
                return null;
            }));
        } catch (RuntimeException failed) {
            log.warn("Task {} refused to {} by four eyes could not be handed back to its group", taskId, assignee, failed);
        }
    }

    /** Tasklist's submissions: a 500 that is really a lotflow refusal answers with the refusal's status and sentence. */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<WebappRefusalFilter> webappRefusalFilter(
            @org.springframework.beans.factory.annotation.Value("${camunda.bpm.webapp.application-path:/camunda}")
            String webappPath) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new WebappRefusalFilter());
        registration.setName("lotflow-webapp-refusals");
        registration.addUrlPatterns(webappPath + "/api/engine/*");
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 40);
        return registration;
    }

    /**
     * Rewrites the answer of a write to the webapps' engine API that failed with 500 because of a
     * lotflow refusal (four eyes, a wrong signature, a value out of range) into that refusal: its
     * 4xx status and an RFC 9457 body whose {@code detail} and {@code message} (what Tasklist shows)
     * are the refusal's sentence, without engine codes.
     */
    public static class WebappRefusalFilter extends org.springframework.web.filter.OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(jakarta.servlet.http.HttpServletRequest request) {
            return "GET".equalsIgnoreCase(request.getMethod()) || "HEAD".equalsIgnoreCase(request.getMethod());
        }

        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, java.io.IOException {
            LAST.remove();
            var held = new org.springframework.web.util.ContentCachingResponseWrapper(response);
            try {
                chain.doFilter(request, held);
                EngineRefusals.Refusal refusal = LAST.get();
                if (refusal != null && held.getStatus() >= 500) {
                    held.resetBuffer();
                    held.setStatus(refusal.status());
                    held.setContentType("application/problem+json");
                    held.setCharacterEncoding("UTF-8");
                    held.getWriter().write(refusal.problemJson());
                    held.getWriter().flush();
                }
            } finally {
                LAST.remove();
                held.copyBodyToResponse();
            }
        }
    }
}
