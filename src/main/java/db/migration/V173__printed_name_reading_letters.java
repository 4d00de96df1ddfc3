package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.security.PrintedNames;

/**
 * Reads the printed names on record ({@code printed_name_reading}, V170, V171) again by their letters only
 * ({@link PrintedNames#readingHashes}: punctuation, spaces and generic combining marks left out, re-test 2026-12-07
 * G7, G2): every row is replaced by the new readings of its name, in the order first recorded, the first holder
 * keeping a reading two names now share.
 */
public class V173__printed_name_reading_letters extends BaseJavaMigration {

    private record Held(String userId, String name, Timestamp at) {
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<Held> held = new ArrayList<>();
        try (Statement read = connection.createStatement();
                ResultSet rs = read.executeQuery("SELECT user_id, printed_name, MIN(recorded_at) FROM printed_name_reading"
                        + " GROUP BY user_id, printed_name ORDER BY MIN(recorded_at), user_id, printed_name")) {
            while (rs.next()) {
                held.add(new Held(rs.getString(1), rs.getString(2), rs.getTimestamp(3)));
            }
        }
        try (Statement clear = connection.createStatement()) {
            clear.executeUpdate("DELETE FROM printed_name_reading");
        }
        Set<String> done = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO printed_name_reading"
                + " (reading_hash, user_id, printed_name, recorded_at) VALUES (?, ?, ?, ?)")) {
            for (Held h : held) {
                for (String hash : PrintedNames.readingHashes(h.name())) {
                    if (done.add(hash)) {
                        insert.setString(1, hash);
                        insert.setString(2, h.userId());
                        insert.setString(3, h.name());
                        insert.setTimestamp(4, h.at());
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }
}
