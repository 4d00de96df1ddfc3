package org.lotflow.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the log for what went wrong: the engine logs every exception that ends a command at ERROR with its stack
 * trace ({@code ENGINE-16004}, and {@code ENGINE-REST-HTTP500} in the webapps' REST layer), also when the
 * exception is one of lotflow's refusals (four eyes, a wrong signature, a lost race), which the user receives as a
 * 4xx with a sentence and which the security events already record. About 150 lines of stack trace per refusal
 * buried real failures (audit finding, 2026-12-04 evening). This drops exactly those events: an engine logger,
 * level ERROR, whose exception is a refusal {@link EngineRefusals#refusal} gives a 4xx status; every other error
 * is logged as before.
 *
 * <p>An appender filter, added at start-up to every appender the logging configuration attached to a logger, not
 * a turbo filter: a turbo filter runs on every {@code isDebugEnabled()} of every logger, and the engine asks
 * that many times per command (about 2 % of a lifecycle's CPU in a JFR profile of {@code bench/lifecycle.sh},
 * issue #11); an appender filter runs only for events that are logged. Logback only (Spring Boot's default);
 * with another logging backend nothing is filtered, and appenders added after start-up are not filtered.
 */
@Component
class RefusalLogFilter extends Filter<ILoggingEvent> implements ApplicationListener<ApplicationStartedEvent> {

    @Override
    public void onApplicationEvent(ApplicationStartedEvent event) {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            attachTo(context);
        }
    }

    /** Adds this filter to every appender of {@code context}'s loggers that does not have one yet. */
    void attachTo(LoggerContext context) {
        start();
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> it = logger.iteratorForAppenders(); it.hasNext(); ) {
                Appender<ILoggingEvent> appender = it.next();
                if (appender.getCopyOfAttachedFiltersList().stream().noneMatch(f -> f instanceof RefusalLogFilter)) {
                    appender.addFilter(this);
                }
            }
        }
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (event.getLevel() != Level.ERROR || event.getLoggerName() == null
                || !event.getLoggerName().startsWith("org.camunda.bpm")) {
            return FilterReply.NEUTRAL;
        }
        Throwable thrown = event.getThrowableProxy() instanceof ThrowableProxy proxy ? proxy.getThrowable() : null;
        if (thrown == null) {
            return FilterReply.NEUTRAL;
        }
        EngineRefusals.Refusal refusal = EngineRefusals.refusal(thrown);
        return refusal != null && refusal.status() >= 400 && refusal.status() < 500 ? FilterReply.DENY : FilterReply.NEUTRAL;
    }
}
