package org.lotflow.recall.internal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.lotflow.shared.ClusterLock;

/**
 * The per-year recall sequence ({@code RC-{yyyy}-{seq}}), handed out inside the opening
 * transaction and its own connection (never a second pooled connection). Concurrent openings
 * queue on the cluster lock {@code recall-sequence} ({@link ClusterLock}); under it the year's row is
 * incremented, or created at 1 for the year's first recall, so no two recalls get the same number
 * and a rolled-back recall gives its number back.
 */
@Component
public class RecallSequence {

    private final JdbcTemplate jdbc;
    private final ClusterLock lock;

    public RecallSequence(JdbcTemplate jdbc, ClusterLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(int year) {
        lock.holdUntilCommit("recall-sequence");
        int value;
        if (jdbc.update("UPDATE recall_sequence SET last_value = last_value + 1 WHERE seq_year = ?", year) == 1) {
            value = jdbc.queryForObject("SELECT last_value FROM recall_sequence WHERE seq_year = ?", Integer.class,
                    year);
        } else {
            jdbc.update("INSERT INTO recall_sequence (seq_year, last_value) VALUES (?, 1)", year);
            value = 1;
        }
        return String.format("RC-%04d-%03d", year, value);
    }
}
