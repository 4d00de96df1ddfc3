package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** {@link RefusalLogFilter}: only the engine's ERROR events about a lotflow refusal are dropped. */
class RefusalLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger engine = context.getLogger("org.camunda.bpm.engine.context");
    private final Logger other = context.getLogger("org.lotflow.order.OrderPlacement");
    private final RefusalLogFilter filter = new RefusalLogFilter();

    private FilterReply decide(Logger logger, Level level, String format, Object[] params, Throwable t) {
        return filter.decide(new LoggingEvent(Logger.class.getName(), logger, level, format, t, params));
    }

    @Test
    void aRefusalInsideAnEngineCommandIsNotLoggedAsAnError() {
        RuntimeException refusal = new RuntimeException("wrapped", new FourEyesViolation("sarah", "recorded the results", "approve the release"));
        assertThat(decide(engine, Level.ERROR, "ENGINE-16004 Exception while closing command context: {}",
                new Object[] {"msg", refusal}, null)).isEqualTo(FilterReply.DENY);
        assertThat(decide(engine, Level.ERROR, "x", null, new StateConflict("taken"))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void everythingElseIsLoggedAsBefore() {
        assertThat(decide(engine, Level.ERROR, "ENGINE-16004 {}", new Object[] {"m",
                new IllegalStateException("database down")}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(engine, Level.ERROR, "no exception", null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(engine, Level.WARN, "x", null, new StateConflict("taken"))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(decide(other, Level.ERROR, "x", null, new StateConflict("taken"))).isEqualTo(FilterReply.NEUTRAL);
    }

    @Test
    void attachedToTheConfiguredAppendersOnceTheyDropTheRefusalAndKeepTheRest() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        filter.attachTo(context);
        filter.attachTo(context);
        assertThat(appender.getCopyOfAttachedFiltersList()).containsExactly(filter);

        engine.error("ENGINE-16004 Exception while closing command context: {}", "m", new StateConflict("taken"));
        engine.error("ENGINE-16004 Exception while closing command context: {}", "m", new IllegalStateException("database down"));
        other.error("order refused", new StateConflict("taken"));

        assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("ENGINE-16004 Exception while closing command context: m", "order refused");
    }
}
