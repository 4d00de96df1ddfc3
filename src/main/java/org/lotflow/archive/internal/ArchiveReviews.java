package org.lotflow.archive.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code archive_review} rows ({@code V113__archive_review.sql}, {@code V178__archive_review_open_work.sql}): one
 * per run that found lots to review, with the status each listed lot had, the lots left off because other work keeps
 * them active, and the listed lots the archiving step did not archive, with why (auditor 26b F3).
 */
@Repository
public class ArchiveReviews {

    /**
     * One review: the lots it listed (and the status each was listed with: empty for a review recorded before V178),
     * the lots it left off ("lot: reason"), and once decided, the decision, exclusions and who; once archived, the
     * listed lots not archived ("lot: reason").
     */
    public record Review(long id, String processInstanceId, LocalDate reviewDate, List<String> listedLots,
            long totalLots, String decision, List<String> excludedLots, String comment, String decidedBy,
            List<String> listedStatuses, List<String> keptLots, List<String> skippedLots) {

        /** The status the lot was listed with, or null when not recorded. */
        public String listedStatus(String lotNumber) {
            int i = listedLots.indexOf(lotNumber);
            return i < 0 || i >= listedStatuses.size() ? null : listedStatuses.get(i);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ArchiveReviews(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records the lots a review task lists with the status each is listed with (in the same order), and the lots it
     * leaves off ("lot: reason"), replacing an earlier listing of the same run.
     */
    public void open(String processInstanceId, LocalDate date, List<String> listed, List<String> statuses, long total,
            List<String> kept) {
        jdbc.update("DELETE FROM archive_review WHERE process_instance_id = ? AND decision IS NULL", processInstanceId);
        jdbc.update("INSERT INTO archive_review (process_instance_id, review_date, listed_lots, total_lots, created_at,"
                + " listed_statuses, kept_lots) VALUES (?, ?, ?, ?, ?, ?, ?)", processInstanceId, date,
                String.join("\n", listed), total, Timestamp.from(clock.instant()), String.join("\n", statuses),
                kept.isEmpty() ? null : String.join("\n", kept));
    }

    /** Records the reviewer's decision; false when the run has no open review (decided already). */
    public boolean decide(String processInstanceId, String decision, List<String> excluded, String comment,
            String user) {
        return jdbc.update("UPDATE archive_review SET decision = ?, excluded_lots = ?, comment = ?, decided_by = ?,"
                + " decided_at = ? WHERE process_instance_id = ? AND decision IS NULL", decision,
                String.join("\n", excluded), comment, user, Timestamp.from(clock.instant()), processInstanceId) == 1;
    }

    /** Records how many lots the run archived, and the confirmed lots it did not archive ("lot: reason"). */
    public void archived(String processInstanceId, int count, List<String> skipped) {
        jdbc.update("UPDATE archive_review SET archived_count = ?, skipped_lots = ? WHERE process_instance_id = ?",
                count, skipped.isEmpty() ? null : String.join("\n", skipped), processInstanceId);
    }

    /** The run's review, if any. */
    public Optional<Review> of(String processInstanceId) {
        return jdbc.query("SELECT id, process_instance_id, review_date, listed_lots, total_lots, decision,"
                + " excluded_lots, comment, decided_by, listed_statuses, kept_lots, skipped_lots FROM archive_review"
                + " WHERE process_instance_id = ?",
                (rs, i) -> new Review(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                        lines(rs.getString(4)), rs.getLong(5), rs.getString(6), lines(rs.getString(7)),
                        rs.getString(8), rs.getString(9), lines(rs.getString(10)), lines(rs.getString(11)),
                        lines(rs.getString(12))), processInstanceId).stream().findFirst();
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("\n")).toList();
    }
}
