package org.lotflow.product.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out the next number of a product's per-year lot sequence, inside the creating lot's own
 * transaction and connection (never a second pooled connection: under a burst of lot creations
 * that would starve the pool).
 *
 * <p>Concurrency: the product's row is locked first ({@code SELECT ... FOR UPDATE}), so creations
 * of one product queue there; under that lock the year's row is incremented, or created at 1 when
 * it is the product's first lot of the year: no two creations see the same value and no
 * check-then-insert race is possible. If the lot creation rolls back, so does its increment: a
 * number is handed out only with its lot (no gaps from failed creations).
 */
@Component
public class LotNumberSequence {

    private final JdbcTemplate jdbc;

    public LotNumberSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The next sequence value (1, 2, ...) of the product in the year; joins the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(long productId, int year) {
        jdbc.queryForList("SELECT id FROM product WHERE id = ? FOR UPDATE", Long.class, productId);
        int updated = jdbc.update(
                "UPDATE lot_sequence SET last_value = last_value + 1 WHERE product_id = ? AND seq_year = ?",
                productId, year);
        if (updated == 1) {
            return jdbc.queryForObject("SELECT last_value FROM lot_sequence WHERE product_id = ? AND seq_year = ?",
                    Integer.class, productId, year);
        }
        jdbc.update("INSERT INTO lot_sequence (product_id, seq_year, last_value) VALUES (?, ?, 1)", productId, year);
        return 1;
    }
}
