package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates Camunda's own tables from the scripts shipped in {@code camunda-engine}, under
 * Flyway's lock. Several cluster nodes starting together on an empty database therefore do not
 * race each other (the engine's {@code schema-update} would): the first node creates the schema,
 * the others wait for Flyway's lock and find it done.
 *
 * <p>A database that already holds Camunda's tables (an existing installation adopting lotflow)
 * is left as it is; {@code spring.flyway.baseline-on-migrate} covers the missing Flyway history.
 */
public class V1__camunda_engine_schema extends BaseJavaMigration {

    private static final List<String> PARTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (hasTable(connection, "ACT_GE_PROPERTY")) {
            return;
        }
        String database = databaseType(connection);
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        for (String part : PARTS) {
            populator.addScript(new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + part + ".sql"));
        }
        populator.setSeparator(";");
        populator.populate(connection);
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    static String databaseType(Connection connection) throws Exception {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("lotflow supports PostgreSQL and H2, not " + product);
    }

    static boolean hasTable(Connection connection, String table) throws Exception {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet rs = meta.getTables(null, connection.getSchema(), name, new String[] {"TABLE"})) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

}
