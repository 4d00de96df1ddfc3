package org.lotflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.env.MapPropertySource;

/**
 * Creates a fresh database on the local PostgreSQL for one test context
 * ({@code lotflow_it_<time>_<pid>}) and drops it when the context closes. Host, port and user
 * come from {@code LOTFLOW_TEST_PG_URL} / {@code LOTFLOW_TEST_PG_USER} (defaults:
 * {@code jdbc:postgresql://127.0.0.1:5432/}, {@code postgres}).
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String BASE_URL = env("LOTFLOW_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    static final String USER = env("LOTFLOW_TEST_PG_USER", "postgres");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "lotflow_it_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
        execute("CREATE DATABASE " + name);
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("lotflow-it-postgres", Map.of(
                "spring.datasource.url", BASE_URL + name,
                "spring.datasource.username", USER,
                "spring.datasource.password", "")));
        // Dropped when the context is destroyed, after every other bean: registered before any other
        // disposable bean, it is disposed of last, once the engine and the pool are closed (dropping
        // earlier made the engine's last metrics flush wait 30 s for a connection at JVM exit).
        ((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("lotflowTestDatabase",
                () -> drop(name));
    }

    /** Creates an empty database of that name (for tests that start application contexts themselves). */
    /**
     * The record seals' key the nodes of a test cluster share by configuration ({@code lotflow.audit.mac-key}, as
     * README "Running a cluster" asks of a plant's nodes); a node given another key refuses to start.
     */
    public static final String CLUSTER_MAC_KEY = "--lotflow.audit.mac-key=Y2x1c3RlciB0ZXN0IGtleSBvZiB0aGUgcmVjb3JkIHNlYWxzIC0gdHdvIG5vZGVz";

    public static String create(String name) {
        execute("CREATE DATABASE " + name);
        return BASE_URL + name;
    }

    public static void drop(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
            System.err.println("could not drop test database " + name + ": " + e.getMessage());
        }
    }

    static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(BASE_URL + "postgres", USER, "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL at " + BASE_URL + " is needed for this test: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
