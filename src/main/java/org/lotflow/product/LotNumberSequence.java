package org.lotflow.product;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out the next number of a product's per-year lot sequence.
 *
 * <p>Concurrency: the increment is a single {@code UPDATE ... SET last_value = last_value + 1},
 * which takes the row lock until the creating transaction ends, so two concurrent lot creations
 * for the same product and year queue on that row and never see the same value. The row for a new
 * year is inserted in its own short transaction; a concurrent insert of the same row is harmless
 * (the loser ignores the duplicate key and increments the winner's row). If the lot creation rolls
 * back, so does its increment: a number is handed out only with its lot.
 */
@Component
public class LotNumberSequence {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;

    public LotNumberSequence(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactionManager);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public int next(long productId, int year) {
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = jdbc.update(
                    "UPDATE lot_sequence SET last_value = last_value + 1 WHERE product_id = ? AND seq_year = ?",
                    productId, year);
            if (updated == 1) {
                Integer value = jdbc.queryForObject(
                        "SELECT last_value FROM lot_sequence WHERE product_id = ? AND seq_year = ?",
                        Integer.class, productId, year);
                return value;
            }
            createRow(productId, year);
        }
        throw new IllegalStateException("lot sequence row for product " + productId + "/" + year + " is missing");
    }

    private void createRow(long productId, int year) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO lot_sequence (product_id, seq_year, last_value) VALUES (?, ?, 0)", productId, year));
        } catch (DuplicateKeyException e) {
            // another transaction created it first; fine
        } catch (DataIntegrityViolationException e) {
            if (!String.valueOf(e.getMessage()).toLowerCase().contains("primary key")
                    && !String.valueOf(e.getMessage()).toLowerCase().contains("duplicate")
                    && !String.valueOf(e.getMessage()).toLowerCase().contains("unique")) {
                throw e;
            }
        }
    }
}
