package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

/** {@link RefusalLogFilter}: only the engine's ERROR events about a lotflow refusal are dropped. */
class RefusalLogFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger engine = context.getLogger("org.camunda.bpm.engine.context");
    private final Logger other = context.getLogger("org.lotflow.order.OrderPlacement");
    private final RefusalLogFilter filter = new RefusalLogFilter();

    @Test
    void aRefusalInsideAnEngineCommandIsNotLoggedAsAnError() {
        RuntimeException refusal = new RuntimeException("wrapped", new FourEyesViolation("sarah", "recorded the results", "approve the release"));
        assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 Exception while closing command context: {}",
                new Object[] {"msg", refusal}, null)).isEqualTo(FilterReply.DENY);
        assertThat(filter.decide(null, engine, Level.ERROR, "x", null, new StateConflict("taken")))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void everythingElseIsLoggedAsBefore() {
        assertThat(filter.decide(null, engine, Level.ERROR, "ENGINE-16004 {}", new Object[] {"m",
                new IllegalStateException("database down")}, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engine, Level.ERROR, "no exception", null, null)).isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, engine, Level.WARN, "x", null, new StateConflict("taken")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(filter.decide(null, other, Level.ERROR, "x", null, new StateConflict("taken")))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
