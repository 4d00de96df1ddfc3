package org.lotflow.recall.internal;

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
 * Recall numbers need exactly one connection, the opening transaction's own: with a pool of one,
 * the year's first recall and the next ones are numbered, and a rolled-back opening gives its
 * number back. (The year's row used to be created in a second pooled connection.)
 */
class RecallSequenceTest {

    private HikariDataSource pool;
    private TransactionTemplate transaction;
    private RecallSequence sequence;

    @BeforeEach
    void onePooledConnection() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:rcseq-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(1000);
        pool = new HikariDataSource(config);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        jdbc.execute("CREATE TABLE app_lock (name VARCHAR(64) PRIMARY KEY)");
        jdbc.execute("INSERT INTO app_lock (name) VALUES ('recall-sequence')");
        jdbc.execute("CREATE TABLE recall_sequence (seq_year INTEGER NOT NULL PRIMARY KEY, last_value INTEGER NOT NULL)");
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(pool);
        transaction = new TransactionTemplate(transactions);
        sequence = new RecallSequence(jdbc, new org.lotflow.shared.ClusterLock(jdbc, transactions));
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void numbersWithinTheOpeningTransactionsOwnConnection() {
        assertThat(next(2025)).isEqualTo("RC-2025-001");
        assertThat(next(2025)).isEqualTo("RC-2025-002");
        transaction.executeWithoutResult(s -> {
            sequence.next(2025);
            s.setRollbackOnly();
        });
        assertThat(next(2025)).isEqualTo("RC-2025-003");
        assertThat(next(2026)).isEqualTo("RC-2026-001");
    }

    private String next(int year) {
        String number = transaction.execute(s -> sequence.next(year));
        return number;
    }
}
