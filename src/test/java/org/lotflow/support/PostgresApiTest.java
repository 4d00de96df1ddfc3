package org.lotflow.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link ApiTest}, but against the real PostgreSQL on 127.0.0.1:5432: the {@code postgres}
 * profile on a database of its own, created for this test run and dropped afterwards (see
 * {@link PostgresDatabase}). All such tests share one context and one database. As on H2, a recall
 * starts one customer per batch, so its tests go through several batch jobs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lotflow.demo-data=true", "lotflow.today=2025-01-28", "camunda.bpm.job-execution.enabled=false",
                "lotflow.recall.notification-batch=1",
                "spring.jpa.hibernate.ddl-auto=validate", "lotflow.metrics.refresh=PT0S",
                "management.prometheus.metrics.export.enabled=true",
                // the record seals' key, by configuration as on a plant's cluster (no key file in the working directory)
                "lotflow.audit.mac-key=Y2x1c3RlciB0ZXN0IGtleSBvZiB0aGUgcmVjb3JkIHNlYWxzIC0gdHdvIG5vZGVz"})
@ActiveProfiles({"postgres"})
@ContextConfiguration(initializers = PostgresDatabase.class)
@Import(TestClient.class)
@Tag("postgres")
public @interface PostgresApiTest {
}
