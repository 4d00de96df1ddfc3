package org.lotflow.shared;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes start-up work across cluster nodes sharing one database: the work runs in a
 * transaction holding the row lock of its name in {@code app_lock}, so a second node waits and
 * then finds the work done.
 */
@Component
public class ClusterLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ClusterLock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public <T> T withLock(String name, Supplier<T> work) {
        return transaction.execute(status -> {
            jdbc.queryForList("SELECT name FROM app_lock WHERE name = ? FOR UPDATE", String.class, name);
            return work.get();
        });
    }

    public void withLock(String name, Runnable work) {
        withLock(name, () -> {
            work.run();
            return null;
        });
    }
}
