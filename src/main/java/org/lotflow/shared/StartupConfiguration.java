package org.lotflow.shared;

import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;

/**
 * Start-up work that can run beside the rest: Hibernate builds its {@code EntityManagerFactory}
 * (entity metamodel, schema validation) on a thread of its own while the main thread starts the
 * process engine and the web layer (issue #11, target 6: {@code bench/startup.sh}). Spring Data's
 * repositories are bootstrapped {@code deferred} ({@code spring.data.jpa.repositories.bootstrap-mode}
 * in {@code application.yml}): they are created, and their queries validated, when the context has
 * been refreshed, before any {@code ApplicationRunner} and before readiness; a broken mapping or
 * query still stops the start-up.
 */
@Configuration(proxyBeanMethods = false)
public class StartupConfiguration {

    /** The thread that builds the {@code EntityManagerFactory}; it ends when the build has. */
    @Bean
    EntityManagerFactoryBuilderCustomizer entityManagerFactoryInBackground() {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("jpa-bootstrap-");
        return builder -> builder.setBootstrapExecutor(executor);
    }
}
