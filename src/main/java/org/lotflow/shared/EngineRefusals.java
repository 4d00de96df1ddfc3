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
