package org.lotflow.product.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lot number sequence needs exactly one connection, the creating transaction's own: with a
 * pool of one connection, numbering the first lot of a year (the row does not exist yet) and the
 * next ones works, and a rolled-back creation gives its number back. (It used to open a second
 * pooled connection for the year's row, which starved the pool under a burst.)
 */
class LotNumberSequenceTest {

    private HikariDataSource pool;
    private JdbcTemplate jdbc;
    private TransactionTemplate transaction;
    private LotNumberSequence sequence;

    @BeforeEach
    void onePooledConnection() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:seq-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1000);
        pool = new HikariDataSource(config);
        jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE product (id BIGINT PRIMARY KEY)");
        jdbc.execute("CREATE TABLE lot_sequence (product_id BIGINT NOT NULL REFERENCES product (id),"
                + " seq_year INTEGER NOT NULL, last_value INTEGER NOT NULL, PRIMARY KEY (product_id, seq_year))");
        jdbc.update("INSERT INTO product (id) VALUES (7)");
        transaction = new TransactionTemplate(new DataSourceTransactionManager(pool));
        sequence = new LotNumberSequence(jdbc);
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void numbersTheFirstLotsOfAYearWithinTheCreatingTransactionsOwnConnection() {
        assertThat(next(2025)).isEqualTo(1);
        assertThat(next(2025)).isEqualTo(2);
        assertThat(next(2026)).isEqualTo(1);
    }

    @Test
    void aRolledBackCreationGivesItsNumberBack() {
        transaction.executeWithoutResult(s -> {
            sequence.next(7, 2025);
            s.setRollbackOnly();
        });
        assertThat(next(2025)).isEqualTo(1);
    }

    private int next(int year) {
        Integer value = transaction.execute(s -> sequence.next(7, year));
        return value;
    }
}
