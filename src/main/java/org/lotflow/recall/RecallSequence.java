package org.lotflow.recall;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-year recall sequence ({@code RC-{yyyy}-{seq}}). As for lot numbers: the increment is one
 * {@code UPDATE ... SET last_value = last_value + 1}, which holds the row lock until the opening
 * transaction ends, so concurrent recalls queue on the row and never get the same number; a
 * rolled-back recall gives its number back. The year's row is created in its own transaction.
 */
@Component
public class RecallSequence {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    public RecallSequence(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.update("UPDATE recall_sequence SET last_value = last_value + 1 WHERE seq_year = ?", year) == 1) {
                Integer value = jdbc.queryForObject("SELECT last_value FROM recall_sequence WHERE seq_year = ?",
                        Integer.class, year);
                return String.format("RC-%04d-%03d", year, value);
            }
            try {
                newTransaction.executeWithoutResult(s -> jdbc.update(
                        "INSERT INTO recall_sequence (seq_year, last_value) VALUES (?, 0)", year));
            } catch (DataIntegrityViolationException e) {
                // created concurrently by another recall: increment that row
            }
        }
        throw new IllegalStateException("recall sequence row for " + year + " is missing");
    }
}
