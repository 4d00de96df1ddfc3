package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * sig28 L3: {@code lotflow.today} fixes the clock's day, so on a plant's records (no demo data) it could date records
 * older than they are (21 CFR 11.10(e)). The rule without Spring, then the clock bean refusing a start with it.
 */
class FixedDayRuleTest {

    @Test
    void aFixedDayIsRefusedWithoutDemoDataUnlessExplicitlyAllowed() {
        String refusal = ClockConfiguration.fixedDayRefusal("2025-01-28", false, false);
        assertThat(refusal).startsWith("lotflow.today (LOTFLOW_TODAY) is set to 2025-01-28 and this installation has no"
                + " demo data").contains("LOTFLOW_DEMO_DATA", "21 CFR 11.10(e)");
        assertThat(ClockConfiguration.fixedDayRefusal(" 2025-01-28 ", false, false)).contains("set to 2025-01-28 and");

        assertThat(ClockConfiguration.fixedDayRefusal("2025-01-28", true, false)).as("a demo").isNull();
        assertThat(ClockConfiguration.fixedDayRefusal("2025-01-28", false, true)).as("explicitly allowed").isNull();
        assertThat(ClockConfiguration.fixedDayRefusal("", false, false)).as("the real clock").isNull();
        assertThat(ClockConfiguration.fixedDayRefusal("  ", false, false)).isNull();
        assertThat(ClockConfiguration.fixedDayRefusal(null, false, false)).isNull();
    }

    @Test
    void theStartUpReportSaysWhatToDo() {
        FailureAnalysis analysis = new FixedDayFailureAnalyzer().analyze(new RuntimeException("wrapped",
                new ClockConfiguration.FixedDayRefused(ClockConfiguration.fixedDayRefusal("2025-01-28", false, false))));
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("lotflow.today (LOTFLOW_TODAY) is set to 2025-01-28");
        assertThat(analysis.getAction()).contains("Remove lotflow.today", "LOTFLOW_DEMO_DATA=true",
                "lotflow.clock.allow-fixed-day=true", "LOTFLOW_CLOCK_ALLOW_FIXED_DAY=true", "CLOCK_SET");
    }

    /** The clock bean itself: a postgres-profile production start (demo data off) with a fixed day fails. */
    @Test
    void theClockRefusesToStartOnAFixedDayWithoutDemoData() {
        new ApplicationContextRunner().withUserConfiguration(ClockConfiguration.class)
                .withPropertyValues("lotflow.today=2025-01-28", "lotflow.demo-data=false").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .isInstanceOf(ClockConfiguration.FixedDayRefused.class)
                            .hasMessageContaining("no demo data");
                });
        new ApplicationContextRunner().withUserConfiguration(ClockConfiguration.class)
                .withPropertyValues("lotflow.today=", "lotflow.demo-data=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(((ClockConfiguration.TrailClock) context.getBean(java.time.Clock.class)).fixedDay())
                            .as("the real clock: nothing to record").isNull();
                });
    }
}
