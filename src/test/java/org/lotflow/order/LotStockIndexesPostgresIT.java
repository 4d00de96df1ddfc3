package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An allocation changes a lot's quantities and nothing any index of {@code lot} names, so PostgreSQL
 * updates the row in place (a HOT update) instead of writing a new entry into each of the table's indexes
 * (issue #11, FEFO allocation; V96). The FEFO index finds lots with stock through the generated column
 * {@code stock_available}, which must say exactly the rule: quantity &gt; allocated + shipped + consumed +
 * disposed.
 */
@PostgresApiTest
class LotStockIndexesPostgresIT {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void noIndexOfTheLotTableNamesAQuantity() {
        List<String> indexes = jdbc.queryForList(
                "SELECT pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid = 'lot'::regclass", String.class);
        assertThat(indexes).hasSizeGreaterThanOrEqualTo(7)
                .anySatisfy(d -> assertThat(d).contains("ix_lot_fefo_available").contains("stock_available"))
                .allSatisfy(d -> assertThat(d).doesNotContainPattern("\\b(quantity|allocated|shipped|consumed|disposed)\\b"));
    }

    @Test
    void anAllocationUpdatesTheLotInPlace() {
        OrderFixtures fx = new OrderFixtures(api, jdbc);
        String lot = fx.releasedLot(api.createProduct("HOT"), 100, "2024-06-01", null);
        String counts = "SELECT pg_stat_get_xact_tuples_hot_updated('lot'::regclass),"
                + " pg_stat_get_xact_tuples_updated('lot'::regclass)";
        long[] updates = new TransactionTemplate(transactions).execute(status -> {
            // the backend's counts not yet reported include its earlier transactions: take the difference
            long[] before = jdbc.queryForObject(counts, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            // as Hibernate writes it: every column, the indexed ones unchanged
            jdbc.update("UPDATE lot SET allocated = allocated + 10, status = status, lot_number = lot_number,"
                    + " product_id = product_id, expiration_date = expiration_date,"
                    + " manufacture_date = manufacture_date WHERE lot_number = ?", lot);
            long[] after = jdbc.queryForObject(counts, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            status.setRollbackOnly();
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });
        assertThat(updates[1]).as("lot rows updated").isEqualTo(1L);
        assertThat(updates[0]).as("lot rows updated in place (HOT)").isEqualTo(1L);
    }

    @Test
    void stockAvailableIsTheRuleAndFollowsEveryQuantity() {
        OrderFixtures fx = new OrderFixtures(api, jdbc);
        String sku = api.createProduct("AVAIL");
        String lot = fx.releasedLot(sku, 100, "2024-06-01", null);
        assertThat(stockAvailable(lot)).isTrue();

        fx.placed(sku, 60);
        assertThat(stockAvailable(lot)).as("40 of 100 left").isTrue();
        fx.placed(sku, 40);
        assertThat(stockAvailable(lot)).as("all 100 allocated").isFalse();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM lot WHERE stock_available"
                + " <> (quantity > allocated + shipped + consumed + disposed)", Long.class))
                .as("lots whose column disagrees with the rule").isZero();
    }

    @Test
    void stockOnHandIsTheRuleAndShippingStillUpdatesTheLotInPlace() {
        OrderFixtures fx = new OrderFixtures(api, jdbc);
        String lot = fx.releasedLot(api.createProduct("ONHAND"), 100, "2024-06-01", null);
        assertThat(jdbc.queryForObject("SELECT stock_on_hand FROM lot WHERE lot_number = ?", Boolean.class, lot))
                .isTrue();
        String counts = "SELECT pg_stat_get_xact_tuples_hot_updated('lot'::regclass),"
                + " pg_stat_get_xact_tuples_updated('lot'::regclass)";
        long[] updates = new TransactionTemplate(transactions).execute(status -> {
            long[] before = jdbc.queryForObject(counts, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            // a partial shipment: stock on hand stays, so V107's partial indexes need no new entry
            jdbc.update("UPDATE lot SET shipped = shipped + 10, status = status, lot_number = lot_number,"
                    + " product_id = product_id, expiration_date = expiration_date,"
                    + " manufacture_date = manufacture_date WHERE lot_number = ?", lot);
            long[] after = jdbc.queryForObject(counts, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
            assertThat(jdbc.queryForObject("SELECT stock_on_hand FROM lot WHERE lot_number = ?", Boolean.class, lot))
                    .isTrue();
            // the whole rest shipped: no stock on hand left
            jdbc.update("UPDATE lot SET shipped = quantity WHERE lot_number = ?", lot);
            assertThat(jdbc.queryForObject("SELECT stock_on_hand FROM lot WHERE lot_number = ?", Boolean.class, lot))
                    .isFalse();
            status.setRollbackOnly();
            return new long[] {after[0] - before[0], after[1] - before[1]};
        });
        assertThat(updates[1]).as("lot rows updated").isEqualTo(1L);
        assertThat(updates[0]).as("lot rows updated in place (HOT)").isEqualTo(1L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lot WHERE stock_on_hand"
                + " <> (quantity > shipped + consumed + disposed)", Long.class))
                .as("lots whose column disagrees with the rule").isZero();
    }

    private boolean stockAvailable(String lot) {
        return jdbc.queryForObject("SELECT stock_available FROM lot WHERE lot_number = ?", Boolean.class, lot);
    }
}
