package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.shared.PartyReadings;
import org.lotflow.shared.input.PartyNames;

/**
 * Records, for the customers and suppliers on record, the reading of each name's lower case in {@code party_reading}
 * (V147) with the party's first spelling (in the order the parties were first recorded; a row of a later spelling of
 * the same party, capitals aside, takes the first; another party's row is left as it is). A
 * party's every spelling capitals aside is then exported under that name ({@code PartyReadings#oneNames}; re-test
 * 2026-12-06 F2: "ALLIED MACHINING" read apart from "Allied Machining", a capital I being read as l).
 */
public class V152__party_reading_lower_case extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        fill(connection, "customer", "SELECT customer FROM sales_order GROUP BY customer ORDER BY MIN(id)");
        fill(connection, "supplier", "SELECT supplier FROM lot WHERE supplier IS NOT NULL GROUP BY supplier"
                + " ORDER BY MIN(id)");
    }

    private static void fill(Connection connection, String kind, String namesInOrder) throws Exception {
        java.util.Map<String, String> known = new java.util.HashMap<>();
        try (PreparedStatement rows = connection.prepareStatement(
                "SELECT reading_hash, name FROM party_reading WHERE kind = ?")) {
            rows.setString(1, kind);
            try (ResultSet rs = rows.executeQuery()) {
                while (rs.next()) {
                    known.put(rs.getString(1).trim(), rs.getString(2));
                }
            }
        }
        java.util.Set<String> done = new java.util.HashSet<>();
        try (PreparedStatement names = connection.prepareStatement(namesInOrder);
                ResultSet rs = names.executeQuery();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO party_reading (kind, reading_hash, name) VALUES (?, ?, ?)");
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE party_reading SET name = ? WHERE kind = ? AND reading_hash = ?")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String kept = name.length() > 200 ? name.substring(0, 200) : name;
                String hash = PartyReadings.hash(PartyNames.printsAs(PartyReadings.folded(name)));
                if (!done.add(hash)) {
                    continue;
                }
                String onRecord = known.get(hash);
                if (onRecord == null) {
                    insert.setString(1, kind);
                    insert.setString(2, hash);
                    insert.setString(3, kept);
                    insert.executeUpdate();
                } else if (!onRecord.equals(kept) && PartyReadings.folded(onRecord).equals(PartyReadings.folded(kept))) {
                    // the same party recorded under a later spelling: its first spelling is its name
                    update.setString(1, kept);
                    update.setString(2, kind);
                    update.setString(3, hash);
                    update.executeUpdate();
                }
            }
        }
    }
}
