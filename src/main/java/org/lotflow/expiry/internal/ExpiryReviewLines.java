package org.lotflow.expiry.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code expiry_review_line} rows ({@code V175__expiry_review_line.sql}): the lots one {@code reviewExpiringLots}
 * task listed, in the order listed, with the figures the reviewer saw. The review's note is recorded against these
 * lots only (audit 26 F1: it went into the history of every lot in the window at completion time).
 */
@Repository
public class ExpiryReviewLines {

    /** One listed lot: its id and number and the figures shown (days left at listing; available in the lot's unit). */
    public record Line(long lotId, String lotNumber, LocalDate expirationDate, long daysRemaining,
            BigDecimal available, Instant listedAt) {
    }

    private final JdbcTemplate jdbc;

    public ExpiryReviewLines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records what a run's review task lists, replacing an earlier listing of the same run. */
    public void list(String processInstanceId, List<Line> lines) {
        jdbc.update("DELETE FROM expiry_review_line WHERE process_instance_id = ?", processInstanceId);
        int position = 0;
        for (Line l : lines) {
            jdbc.update("INSERT INTO expiry_review_line (process_instance_id, position, lot_id, lot_number,"
                    + " expiration_date, days_remaining, available, listed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    processInstanceId, position++, l.lotId(), l.lotNumber(), l.expirationDate(), l.daysRemaining(),
                    l.available(), Timestamp.from(l.listedAt()));
        }
    }

    /** The lots the run's review task listed, in the order listed; empty when it listed none. */
    public List<Line> of(String processInstanceId) {
        return jdbc.query("SELECT lot_id, lot_number, expiration_date, days_remaining, available, listed_at"
                + " FROM expiry_review_line WHERE process_instance_id = ? ORDER BY position",
                (rs, i) -> new Line(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getLong(4),
                        rs.getBigDecimal(5), rs.getTimestamp(6).toInstant()), processInstanceId);
    }
}
