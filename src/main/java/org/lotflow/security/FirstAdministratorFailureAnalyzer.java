package org.lotflow.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start refused by {@link FirstAdministrator} into Spring Boot's "APPLICATION FAILED TO
 * START" report: the refusal's sentence as the description and what to do as the action, without a
 * stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class FirstAdministratorFailureAnalyzer extends AbstractFailureAnalyzer<FirstAdministrator.Refused> {

    /** The action printed under every refusal. */
    static final String ACTION = "Start lotflow with LOTFLOW_ADMIN_USER and LOTFLOW_ADMIN_PASSWORD set (a password of at "
            + "least 10 characters with upper- and lower-case letters, a digit and a special character); they create "
            + "the first administrator once and are ignored while an administrator exists. "
            + "See the README, section \"PostgreSQL\".";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, FirstAdministrator.Refused cause) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
    }
}
