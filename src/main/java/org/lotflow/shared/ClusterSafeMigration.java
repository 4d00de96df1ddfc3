package org.lotflow.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway's migration, one node at a time on PostgreSQL (a homogeneous cluster on one database).
 * Flyway locks its schema history table while it migrates, but on an empty database two nodes
 * starting together could both decide how to begin: the second saw the history table the first had
 * just created, still empty, and refused to start ("Unable to baseline schema history table ... as
 * it already exists, and is empty"; seen once in {@code ClusterStartupIT}). So the whole migration,
 * that decision included, runs under a PostgreSQL session advisory lock: the second node waits, then
 * finds everything migrated. H2, the embedded single-node default, migrates as before.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterSafeMigration {

    /** The advisory lock's key: "lotflow" spelled in digits, used for nothing else. */
    static final long LOCK_KEY = 50_768_236_912L;

    @Bean
    FlywayMigrationStrategy clusterSafeMigrationStrategy(DataSource dataSource) {
        return flyway -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                    flyway.migrate();
                    return;
                }
                try (Statement lock = connection.createStatement()) {
                    lock.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
                }
                try {
                    flyway.migrate();
                } finally {
                    try (Statement unlock = connection.createStatement()) {
                        unlock.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Could not take the database migration lock: " + e.getMessage(), e);
            }
        };
    }
}
