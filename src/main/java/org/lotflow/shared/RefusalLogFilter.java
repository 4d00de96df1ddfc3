package org.lotflow.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.context.ApplicationListener;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the log for what went wrong: the engine logs every exception that ends a command at ERROR with its stack
 * trace ({@code ENGINE-16004}, and {@code ENGINE-REST-HTTP500} in the webapps' REST layer), also when the
 * exception is one of lotflow's refusals (four eyes, a wrong signature, a lost race), which the user receives as a
 * 4xx with a sentence and which the security events already record. About 150 lines of stack trace per refusal
 * buried real failures (audit finding, 2026-12-04 evening). This drops exactly those events: an engine logger,
 * level ERROR, whose exception is a refusal {@link EngineRefusals#refusal} gives a 4xx status; every other error
 * is logged as before. Logback only (Spring Boot's default); with another logging backend nothing is filtered.
 */
@Component
class RefusalLogFilter extends TurboFilter implements ApplicationListener<ApplicationStartedEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getTurboFilterList().stream().noneMatch(f -> f instanceof RefusalLogFilter)) {
            start();
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (level != Level.ERROR || logger == null || !logger.getName().startsWith("org.camunda.bpm")) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = t;
        if (thrown == null && params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
            thrown = last;
        }
        if (thrown == null) {
            return FilterReply.NEUTRAL;
        }
        EngineRefusals.Refusal refusal = EngineRefusals.refusal(thrown);
        return refusal != null && refusal.status() >= 400 && refusal.status() < 500 ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
