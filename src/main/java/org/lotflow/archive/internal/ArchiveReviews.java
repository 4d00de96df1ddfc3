package org.lotflow.archive.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code archive_review} rows ({@code V113__archive_review.sql}): one per run that found lots to review. */
@Repository
public class ArchiveReviews {

    /** One review: the lots it listed, and once decided, the decision, exclusions and who. */
    public record Review(long id, String processInstanceId, LocalDate reviewDate, List<String> listedLots,
            long totalLots, String decision, List<String> excludedLots, String comment, String decidedBy) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ArchiveReviews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the lots a review task lists (replacing an earlier listing of the same run). */
    public void open(String processInstanceId, LocalDate date, List<String> listed, long total) {
        jdbc.update("DELETE FROM archive_review WHERE process_instance_id = ? AND decision IS NULL", processInstanceId);
        jdbc.update("INSERT INTO archive_review (process_instance_id, review_date, listed_lots, total_lots, created_at)"
                + " VALUES (?, ?, ?, ?, ?)", processInstanceId, date, String.join("\n", listed), total,
                Timestamp.from(clock.instant()));
    }

    /** Records the reviewer's decision; false when the run has no open review (decided already). */
    public boolean decide(String processInstanceId, String decision, List<String> excluded, String comment,
            String user) {
        return jdbc.update("UPDATE archive_review SET decision = ?, excluded_lots = ?, comment = ?, decided_by = ?,"
                + " decided_at = ? WHERE process_instance_id = ? AND decision IS NULL", decision,
                String.join("\n", excluded), comment, user, Timestamp.from(clock.instant()), processInstanceId) == 1;
    }

    /** Records how many lots the run archived. */
    public void archived(String processInstanceId, int count) {
        jdbc.update("UPDATE archive_review SET archived_count = ? WHERE process_instance_id = ?", count,
                processInstanceId);
    }

    /** The run's review, if any. */
    public Optional<Review> of(String processInstanceId) {
        return jdbc.query("SELECT id, process_instance_id, review_date, listed_lots, total_lots, decision,"
                + " excluded_lots, comment, decided_by FROM archive_review WHERE process_instance_id = ?",
                (rs, i) -> new Review(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        lines(rs.getString(4)), rs.getLong(5), rs.getString(6), lines(rs.getString(7)),
                        rs.getString(8), rs.getString(9)), processInstanceId).stream().findFirst();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).toList();
    }
}
