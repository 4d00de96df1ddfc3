package org.lotflow.shared;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST (and so Tasklist): a lotflow refusal raised inside a task or start listener (four
 * eyes, a wrong signature, a value out of range) reaches the caller with its own 4xx status and
 * message. The engine wraps every listener exception in a plain {@link ProcessEngineException},
 * (and its task resource in a {@link RestException}), which Camunda's REST layer would answer
 * with 500; these mappers look into the cause chain and are
 * preferred over Camunda's only when they find a refusal there. Everything else keeps Camunda's
 * mapping. The transaction is rolled back either way: nothing changes.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRefusals {

    @Bean
    ResourceConfigCustomizer engineRefusalMapper() {
        return config -> {
            config.register(EngineExceptionMapper.class, 1);
            config.register(RestExceptionMapper.class, 1);
            config.register(ApiExceptionMapper.class, 1);
        };
    }

    /** The refusal carried by an engine exception, or null when it is a technical failure. */
    static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return new Refusal(api.status().value(), api.getMessage());
            }
            if (t != e && t instanceof AuthorizationException) {
                return new Refusal(403, t.getMessage());
            }
            if (t != e && t instanceof BadUserRequestException) {
                return new Refusal(400, t.getMessage());
            }
        }
        return null;
    }

    record Refusal(int status, String message) {
    }

    /** The last refusal an engine command ended with on this thread, for the webapps' API. */
    private static final ThreadLocal<Refusal> LAST = new ThreadLocal<>();

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
                if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
                    configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
                }
                configuration.getCustomPreCommandInterceptorsTxRequired().add(0,
                        new org.camunda.bpm.engine.impl.interceptor.CommandInterceptor() {
                            @Override
                            public <T> T execute(org.camunda.bpm.engine.impl.interceptor.Command<T> command) {
                                try {
                                    return next.execute(command);
                                } catch (RuntimeException e) {
                                    Refusal refusal = e instanceof ApiException api
                                            ? new Refusal(api.status().value(), api.getMessage()) : refusal(e);
                                    if (refusal != null) {
                                        LAST.set(refusal);
                                    }
                                    throw e;
                                }
                            }
                        });
            }
        };
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
                Refusal refusal = LAST.get();
                if (refusal != null && held.getStatus() >= 500) {
                    held.resetBuffer();
                    Problems.write(held, refusal.status(), refusal.status() == 403 ? "Forbidden"
                            : refusal.status() == 409 ? "Conflict" : "Refused", refusal.message());
                }
            } finally {
                LAST.remove();
                held.copyBodyToResponse();
            }
        }
    }

    abstract static class RefusalMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

        @Override
        public boolean isMappable(E e) {
            return refusal(e) != null;
        }

        @Override
        public Response toResponse(E e) {
            Refusal refusal = refusal(e);
            ExceptionDto dto = new ExceptionDto();
            dto.setType(refusal.status() == 403 ? AuthorizationException.class.getSimpleName()
                    : BadUserRequestException.class.getSimpleName());
            dto.setMessage(refusal.message());
            return Response.status(refusal.status()).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
    }

    public static class EngineExceptionMapper extends RefusalMapper<ProcessEngineException> {
    }

    public static class RestExceptionMapper extends RefusalMapper<RestException> {
    }

    /** Execution listeners' exceptions are not wrapped: a refusal from a start listener arrives as is. */
    public static class ApiExceptionMapper extends RefusalMapper<ApiException> {
    }
}
