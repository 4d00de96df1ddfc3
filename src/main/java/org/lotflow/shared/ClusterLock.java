package org.lotflow.shared;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Serializes work across cluster nodes sharing one database: the work runs in a transaction
 * holding the row lock of its name in {@code app_lock} (rows seeded by the migrations: for example
 * {@code identity-setup}, {@code demo-data}, {@code recall-sequence}, {@code expiry-review}), so a
 * second node or request waits and then finds the work done. The table is this class's alone: other
 * modules take the lock here and never name the table.
 */
@Component
public class ClusterLock {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public ClusterLock(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Takes the lock {@code name} in the caller's transaction; it is held until that transaction ends
     * (a sequence handed out inside a business transaction, say). Needs a running transaction.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void holdUntilCommit(String name) {
        lockRow(name);
    }

    /** Makes the lock {@code name} (one per product, say), in the caller's transaction. */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void create(String name) {
        jdbc.update("INSERT INTO app_lock (name) VALUES (?)", name);
    }

    /**
     * {@link #holdUntilCommit} for a lock of which there are many, made on first use (one per product,
     * say): takes the row lock, creating the row when it does not exist yet. Two transactions creating the
     * same new lock at once: the second waits for the first and then loses with a {@link StateConflict}
     * (409, try again); nothing it did is kept.
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void holdUntilCommitCreating(String name) {
        if (lockRow(name)) {
            return;
        }
        try {
            jdbc.update("INSERT INTO app_lock (name) VALUES (?)", name);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new StateConflict("Another request took the new lock " + name + " at the same time; try again");
        }
    }

    /** Runs {@code work} holding the lock {@code name}, in the caller's transaction or a new one. */
    public <T> T withLock(String name, Supplier<T> work) {
        return transaction.execute(status -> {
            lockRow(name);
            return work.get();
        });
    }

    /** Runs {@code work} holding the lock {@code name}, in the caller's transaction or a new one. */
    public void withLock(String name, Runnable work) {
        withLock(name, () -> {
            work.run();
            return null;
        });
    }

    /** Takes the row lock of {@code name}; whether the row exists. */
    private boolean lockRow(String name) {
        return !jdbc.queryForList("SELECT name FROM app_lock WHERE name = ? FOR UPDATE", String.class, name).isEmpty();
    }
}
