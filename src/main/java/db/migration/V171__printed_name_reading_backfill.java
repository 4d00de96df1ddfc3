package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.security.PrintedNames;

/**
 * Records the printed names users carry now (the identity store) and those the lot histories printed for them
 * ({@code lot_event.user_name}, in the order first recorded) in {@code printed_name_reading} (V170): a name that
 * once signed stays its holder's. Where two users already share a reading, the first one recorded keeps it.
 */
public class V171__printed_name_reading_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO printed_name_reading"
                + " (reading_hash, user_id, printed_name, recorded_at) VALUES (?, ?, ?, ?)")) {
            java.util.Set<String> done = new java.util.HashSet<>();
            fill(connection, "SELECT ID_, TRIM(CONCAT(CONCAT(COALESCE(FIRST_, ''), ' '), COALESCE(LAST_, '')))"
                    + " FROM ACT_ID_USER ORDER BY ID_", insert, done, now);
            fill(connection, "SELECT user_id, user_name FROM lot_event WHERE user_id <> 'system'"
                    + " GROUP BY user_id, user_name ORDER BY MIN(id)", insert, done, now);
            insert.executeBatch();
        }
    }

    private static void fill(Connection connection, String namesInOrder, PreparedStatement insert,
            java.util.Set<String> done, Timestamp now) throws Exception {
        try (PreparedStatement names = connection.prepareStatement(namesInOrder); ResultSet rs = names.executeQuery()) {
            while (rs.next()) {
                String userId = rs.getString(1);
                String name = rs.getString(2);
                if (name == null || name.isBlank() || name.equals(userId)) {
                    continue; // no name: the id stood for it
                }
                for (String hash : PrintedNames.readingHashes(name)) {
                    if (done.add(hash)) {
                        insert.setString(1, hash);
                        insert.setString(2, userId);
                        insert.setString(3, name);
                        insert.setTimestamp(4, now);
                        insert.addBatch();
                    }
                }
            }
        }
    }
}
