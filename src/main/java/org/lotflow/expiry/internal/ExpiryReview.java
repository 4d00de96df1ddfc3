package org.lotflow.expiry.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.lotflow.expiry.ExpiringLot;
import org.lotflow.expiry.ExpiryQueries;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.LotStock;
import org.lotflow.order.OrderEventTypes;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: sales and QA review the lots about to expire ({@code reviewExpiringLots}). The reviewer's note
 * (what will be promoted or disposed) goes into the history of every lot the review task listed when it opened, with
 * the figures the reviewer saw, as the logged-in reviewer's entry (21 CFR 11.10(e): who, when, what). A lot that
 * entered the alert window after the task opened was not reviewed and gets no entry (audit 26 F1).
 */
@Service
public class ExpiryReview {

    /** The form field of the note (the task's only input). */
    public static final String NOTE_FIELD = "reviewNote";
    /** The longest review note, in characters. */
    public static final int MAX_NOTE = 2000;

    private final ExpiryQueries queries;
    private final LotStock lots;
    private final LotHistory history;
    private final ExpiryReviewLines lines;
    private final Clock clock;

    public ExpiryReview(ExpiryQueries queries, LotStock lots, LotHistory history, ExpiryReviewLines lines,
            Clock clock) {
        this.queries = queries;
        this.lots = lots;
        this.history = history;
        this.lines = lines;
        this.clock = clock;
    }

    /**
     * Lists the lots the review task of run {@code processInstanceId} shows: the first
     * {@code lotflow.expiry.review-lines} (default 200) lots expiring within the alert window, earliest first, and
     * how many there are in all. What is shown is recorded ({@code expiry_review_line}), so the note is later
     * recorded against exactly these lots.
     */
    @Transactional
    public ExpiryQueries.Head list(String processInstanceId) {
        ExpiryQueries.Head head = queries.head(queries.alertDays(), queries.reviewLines());
        Map<String, Long> ids = lots.ids(head.lots().stream().map(ExpiringLot::lotNumber).toList());
        var listedAt = clock.instant();
        lines.list(processInstanceId, head.lots().stream().filter(e -> ids.containsKey(e.lotNumber()))
                .map(e -> new ExpiryReviewLines.Line(ids.get(e.lotNumber()), e.lotNumber(), e.expirationDate(),
                        e.daysRemaining(), e.available(), listedAt)).toList());
        return head;
    }

    /**
     * Records the review note of {@code reviewedBy} in the history of each lot the review task of run
     * {@code processInstanceId} listed ({@link #list}), with the expiration date, days left and available quantity
     * shown and when they were listed ({@code listedAt}). The note is required (non-blank text, at most 2000
     * characters): {@link InvalidInput} (400, naming {@code reviewNote}) otherwise, and nothing is recorded.
     */
    @Transactional
    public void record(String processInstanceId, String reviewedBy, String note) {
        if (org.lotflow.shared.input.InputRules.blank(note)) {
            throw new InvalidInput(NOTE_FIELD, "say what happens to the expiring lots (promote, dispose...)");
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInput(NOTE_FIELD, "at most " + MAX_NOTE + " characters");
        }
        String text = note.trim();
        // the lots the task listed (the first lotflow.expiry.review-lines, earliest expiry first) as listed: not the
        // window at completion time, which may hold lots the reviewer never saw (audit 26 F1)
        List<ExpiryReviewLines.Line> listed = lines.of(processInstanceId);
        for (ExpiryReviewLines.Line l : listed) {
            history.event(l.lotId(), OrderEventTypes.EXPIRY_REVIEWED).by(reviewedBy).reason(text)
                    .detail("expirationDate", l.expirationDate().toString()).detail("daysRemaining", l.daysRemaining())
                    .detail("available", l.available()).detail("listedAt", l.listedAt().toString()).record();
        }
    }
}
