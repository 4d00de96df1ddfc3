package org.lotflow.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts a row that may be inserted by another transaction at the same moment (a lock or a sequence made on
 * first use), without losing the caller's transaction to the duplicate key: the insert runs under a savepoint,
 * and when the database reports the other transaction's row (SQL state 23505, after waiting for that transaction
 * to end) only the insert is rolled back. The caller then goes on with the row that is there (locks it, updates
 * it), so two first uses at once both succeed, one after the other, instead of one answering 409 "try again".
 * Works on PostgreSQL and H2 (JDBC savepoints); needs the caller's transaction (Spring's connection of it).
 */
public final class InsertUnlessThere {

    private InsertUnlessThere() {
    }

    /**
     * Runs {@code insertSql} (one row) with {@code args} in the running transaction; true when it inserted,
     * false when the row's key was already taken (nothing else changed). Any other SQL error is thrown as
     * Spring translates it.
     */
    public static boolean insert(JdbcTemplate jdbc, String insertSql, Object... args) {
        Boolean inserted = jdbc.execute((ConnectionCallback<Boolean>) connection -> {
            Savepoint before = connection.setSavepoint();
            try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
                for (int i = 0; i < args.length; i++) {
                    insert.setObject(i + 1, args[i]);
                }
                insert.executeUpdate();
                return true;
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                connection.rollback(before);
                return false;
            }
        });
        return Boolean.TRUE.equals(inserted);
    }
}
