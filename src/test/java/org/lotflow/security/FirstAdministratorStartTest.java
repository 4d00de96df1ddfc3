package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotflow.LotflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.lotflow.support.Standalone;

/**
 * The whole application refuses to start on a database without an administrator when none is
 * configured and the demo data is off (what the README's PostgreSQL start was before issue #12), and
 * says why in Spring Boot's failure report. An embedded database, an engine name of its own and no
 * Camunda webapps, so it runs beside the shared API test context without disturbing it.
 */
@Standalone
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorStartTest {

    @Test
    void withoutDemoDataAndWithoutAConfiguredAdministratorTheStartIsRefused(CapturedOutput output) {
        Throwable failure = catchThrowable(() -> new SpringApplicationBuilder(LotflowApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:first-admin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--lotflow.demo-data=false", "--lotflow.admin.user=", "--lotflow.admin.password=",
                "--camunda.bpm.process-engine-name=firstadmin", "--camunda.bpm.job-execution.enabled=false",
                "--spring.jmx.enabled=false",
                // no Camunda webapps: they keep their engine lookup in static fields, and a context that
                // fails to start would leave them pointing at its closed engine for the other tests of this
                // JVM (Tasklist logins then answer 500)
                "--camunda.bpm.webapp.enabled=false"));

        assertThat(NestedExceptionUtils.getMostSpecificCause(failure)).isInstanceOf(FirstAdministrator.Refused.class)
                .hasMessageStartingWith("No administrator exists and none is configured");
        assertThat(output).contains("APPLICATION FAILED TO START", "No administrator exists and none is configured",
                "LOTFLOW_ADMIN_USER");
    }
}
