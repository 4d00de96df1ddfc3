package org.lotflow.quarantine.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quarantine's settings as beans of its plain rule classes. */
@Configuration(proxyBeanMethods = false)
class QuarantineConfiguration {

    /** {@code lotflow.quarantine.decision-due} (ISO-8601, default {@code P7D}). */
    @Bean
    DecisionDeadline decisionDeadline(@Value("${lotflow.quarantine.decision-due:P7D}") Duration decisionDue) {
        return new DecisionDeadline(decisionDue);
    }
}
