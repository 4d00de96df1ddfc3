package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.lot.internal.SupplierLotRules;

/**
 * {@code lot.supplier_lot_key}: what a received lot's supplier lot number is compared by ({@link SupplierLotRules#key}:
 * its NFKC form in capitals, letters and digits only), so a delivery of "AS 2", "AS2" or "AS‐2" (a Unicode hyphen) is
 * checked against the lots of "AS-2" (re-test 27 R2: such a delivery was received PENDING with no notice while a lot of
 * AS-2 was REJECTED). With its index, which the receipt's check ({@code LotRepository#receivedOfSupplierLot}) and a
 * received lot's release (its siblings) read. Filled here for the lots on record, one update per distinct supplier lot
 * number, by the same rule the lot entity writes it with for new receipts: SQL has no portable NFKC and no
 * regexp_replace H2 and PostgreSQL agree on. Null for lots made at the plant and for lots loaded by SQL around the
 * application (benchmarks).
 */
public class V189__lot_supplier_lot_key extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE lot ADD COLUMN supplier_lot_key VARCHAR(" + SupplierLotRules.MAX_KEY + ")");
            ddl.execute("CREATE INDEX ix_lot_supplier_lot_key ON lot (supplier_lot_key)");
        }
        List<String> numbers = new ArrayList<>();
        try (PreparedStatement distinct = connection.prepareStatement(
                "SELECT DISTINCT supplier_lot_number FROM lot WHERE supplier_lot_number IS NOT NULL");
                ResultSet rs = distinct.executeQuery()) {
            while (rs.next()) {
                numbers.add(rs.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE lot SET supplier_lot_key = ? WHERE supplier_lot_number = ?")) {
            for (String number : numbers) {
                update.setString(1, SupplierLotRules.key(number));
                update.setString(2, number);
                update.executeUpdate();
            }
        }
    }
}
