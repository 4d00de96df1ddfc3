package org.lotflow.drill.internal;

import org.lotflow.shared.ClusterLock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-year drill sequence ({@code MR-{yyyy}-{seq:4}}), handed out inside the starting transaction
 * and its own connection, as the recall and certificate sequences are. Concurrent starts queue on the
 * cluster lock {@code mock-recall-sequence} ({@link ClusterLock}, a row lock held until commit); under
 * it the year's row is incremented, or created at 1 for the year's first drill, so no two drills get
 * the same number (the unique keys {@code uk_mock_recall_number} and {@code uk_mock_recall_seq} would
 * refuse it anyway) and a rolled-back start gives its number back.
 */
@Component
class DrillSequence {

    private final JdbcTemplate jdbc;
    private final ClusterLock lock;

    DrillSequence(JdbcTemplate jdbc, ClusterLock lock) {
        this.jdbc = jdbc;
        this.lock = lock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    DrillNumber next(int year) {
        lock.holdUntilCommit("mock-recall-sequence");
        int value;
        if (jdbc.update("UPDATE mock_recall_sequence SET last_value = last_value + 1 WHERE seq_year = ?",
                year) == 1) {
            value = jdbc.queryForObject("SELECT last_value FROM mock_recall_sequence WHERE seq_year = ?",
                    Integer.class, year);
        } else {
            jdbc.update("INSERT INTO mock_recall_sequence (seq_year, last_value) VALUES (?, 1)", year);
            value = 1;
        }
        return new DrillNumber(year, value);
    }
}
