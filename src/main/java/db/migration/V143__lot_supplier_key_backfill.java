package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.shared.input.PartyNames;

/**
 * Fills {@code lot.supplier_key} (V142) for the received lots on record: one update per distinct supplier, its key
 * computed as new receipts' are ({@link PartyNames#printsAs}), so the check of a new receipt's supplier sees every
 * supplier already known.
 */
public class V143__lot_supplier_key_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> suppliers = new ArrayList<>();
        try (PreparedStatement distinct = connection.prepareStatement(
                "SELECT DISTINCT supplier FROM lot WHERE supplier IS NOT NULL AND supplier_key IS NULL");
                ResultSet rs = distinct.executeQuery()) {
            while (rs.next()) {
                suppliers.add(rs.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE lot SET supplier_key = ? WHERE supplier = ? AND supplier_key IS NULL")) {
            for (String supplier : suppliers) {
                update.setString(1, PartyNames.printsAs(supplier));
                update.setString(2, supplier);
                update.executeUpdate();
            }
        }
    }
}
