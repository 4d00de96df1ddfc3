package org.lotflow.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start refused by {@link ClockConfiguration#fixedDayRefusal} ({@code lotflow.today} without demo data) into
 * Spring Boot's "APPLICATION FAILED TO START" report: the refusal's sentence as the description and what to do as the
 * action, without a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class FixedDayFailureAnalyzer extends AbstractFailureAnalyzer<ClockConfiguration.FixedDayRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ClockConfiguration.FixedDayRefused cause) {
        return new FailureAnalysis(cause.getMessage(), ClockConfiguration.FIXED_DAY_ACTION, cause);
    }
}
