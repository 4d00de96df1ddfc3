package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.PartyNames;

/**
 * Fills {@code sales_order.customer_key} (V140) for the orders on record: one update per distinct customer, its key
 * computed as new orders' are ({@link PartyNames#printsAs}), so the check of a new order's customer sees every
 * customer already known.
 */
public class V141__sales_order_customer_key_backfill extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        List<String> customers = new ArrayList<>();
        try (PreparedStatement distinct = connection.prepareStatement(
                "SELECT DISTINCT customer FROM sales_order WHERE customer_key IS NULL");
                ResultSet rs = distinct.executeQuery()) {
            while (rs.next()) {
                customers.add(rs.getString(1));
            }
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sales_order SET customer_key = ? WHERE customer = ? AND customer_key IS NULL")) {
            for (String customer : customers) {
                update.setString(1, PartyNames.printsAs(customer));
                update.setString(2, customer);
                update.executeUpdate();
            }
        }
    }
}
