package org.lotflow.expiry.internal;

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
 * (what will be promoted or disposed) goes into the history of every lot the alert list holds now, as the
 * logged-in reviewer's entry (21 CFR 11.10(e): who, when, what).
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

    public ExpiryReview(ExpiryQueries queries, LotStock lots, LotHistory history) {
        this.queries = queries;
        this.lots = lots;
        this.history = history;
    }

    /**
     * Records the review note of {@code reviewedBy} in the history of each lot the review task lists: the first
     * {@code lotflow.expiry.review-lines} (default 200) lots expiring within the alert window, earliest first. The note is required (non-blank text, at most 2000 characters): {@link InvalidInput} (400,
     * naming {@code reviewNote}) otherwise, and nothing is recorded.
     */
    @Transactional
    public void record(String reviewedBy, String note) {
        if (org.lotflow.shared.input.InputRules.blank(note)) {
            throw new InvalidInput(NOTE_FIELD, "say what happens to the expiring lots (promote, dispose...)");
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInput(NOTE_FIELD, "at most " + MAX_NOTE + " characters");
        }
        String text = note.trim();
        // the lots the task listed (the first lotflow.expiry.review-lines, earliest expiry first), not every lot of
        // the window: at a plant's scale that is 150,000 lots, one history event each in one transaction
        for (ExpiringLot e : queries.head(queries.alertDays(), queries.reviewLines()).lots()) {
            lots.findByLotNumber(e.lotNumber()).ifPresent(l -> history.event(l.getId(), OrderEventTypes.EXPIRY_REVIEWED)
                    .by(reviewedBy).reason(text).detail("expirationDate", e.expirationDate().toString())
                    .detail("daysRemaining", e.daysRemaining()).detail("available", e.available()).record());
        }
    }
}
