package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.shared.PartyReadings;
import org.lotflow.shared.input.PartyNames;

/**
 * Fills {@code party_reading} (V147) with the customers and suppliers on record: for each, in the order they were first
 * recorded, its reading and its name, the first name of a reading kept (a look-alike recorded before the check existed
 * stays on its orders and lots; new orders and receipts use the first name).
 */
public class V148__party_reading_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        fill(connection, "customer", "SELECT customer FROM sales_order GROUP BY customer ORDER BY MIN(id)");
        fill(connection, "supplier", "SELECT supplier FROM lot WHERE supplier IS NOT NULL GROUP BY supplier"
                + " ORDER BY MIN(id)");
    }

    private static void fill(Connection connection, String kind, String namesInOrder) throws Exception {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (PreparedStatement names = connection.prepareStatement(namesInOrder);
                ResultSet rs = names.executeQuery();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO party_reading (kind, reading_hash, name) VALUES (?, ?, ?)")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String hash = PartyReadings.hash(PartyNames.printsAs(name));
                if (seen.add(hash)) {
                    insert.setString(1, kind);
                    insert.setString(2, hash);
                    insert.setString(3, name.length() > 200 ? name.substring(0, 200) : name);
                    insert.executeUpdate();
                }
            }
        }
    }
}
