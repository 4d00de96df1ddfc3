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
     * same new lock at once both go on, one after the other: the row is inserted under a savepoint, and the
     * one whose insert meets the other's row (the database makes it wait until that transaction ends, then
     * reports the duplicate key, SQL state 23505) rolls back to the savepoint only and waits for the row
     * lock like any later caller. Nothing else it did is undone, and nobody is refused: the first orders
     * of a product loaded by SQL (no lock row yet) are not answered 409 (issue #11's benchmark found 19
     * of 16 clients' first orders refused that way).
     */
    @org.springframework.transaction.annotation.Transactional(
            propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public void holdUntilCommitCreating(String name) {
        if (lockRow(name) || InsertUnlessThere.insert(jdbc, "INSERT INTO app_lock (name) VALUES (?)", name)) {
            return;
        }
        if (!lockRow(name)) {
            throw new IllegalStateException("The lock " + name + " was created by another transaction and is gone");
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
