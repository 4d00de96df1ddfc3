package org.lotflow.archive.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.lot.ArchivableLots;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.RetentionRule;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "archive the lots past their retention" (process {@code lotArchiving}, issue #16): find the lots
 * ({@link RetentionRule}), list the first {@code lotflow.archiving.review-lines} (default 200) for a QA manager's
 * review, record the decision (ARCHIVE with exclusions, or KEEP), then set each confirmed lot ARCHIVED with a
 * history event naming the reviewer and the reason. Which lots come from lotflow's tables (the review's listing),
 * never from a process variable; a lot is judged again under its lock before it is archived, so one whose retention
 * has not passed, or that became active again, is never archived. Nothing is deleted.
 *
 * <p>A lot still under other lotflow work (in the scope of a recall that is not CLOSED, with an open hold:
 * {@link OpenLotWork}) is not archived (auditor 26b F3: lots archived out of an OPEN recall could no longer take
 * their returned goods back, and the recall's signed closing had to justify a loss that did not happen; 21 CFR
 * 7.55(a), 7.42(b)(3)): the review leaves it off its list and says why, and the archiving step, under the lots' locks,
 * skips a confirmed lot that such work reached meanwhile, or whose status is no longer the one the review listed (a
 * recall opened while the review task was open), recording why in the review ({@link ArchiveRecheck}).
 */
@Service
public class LotArchiving {

    /** The decision that archives the listed lots (less the excluded ones). */
    public static final String ARCHIVE = "ARCHIVE";
    /** The decision that keeps every listed lot in the active set. */
    public static final String KEEP = "KEEP";

    private final ArchivableLots archivable;
    private final ArchiveReviews reviews;
    private final LotStock lots;
    private final LotService lotService;
    private final Clock clock;
    private final int reviewLines;
    private final OpenLotWork openWork;

    /** A review's listing: the lots listed and left off ({@link ArchivableLots.Head}), and why each left off is. */
    public record Listing(ArchivableLots.Head head, Map<Long, String> keptBy) {
    }

    public LotArchiving(ArchivableLots archivable, ArchiveReviews reviews, LotStock lots, LotService lotService,
            Clock clock, @Value("${lotflow.archiving.review-lines:200}") int reviewLines, OpenLotWork openWork) {
        this.openWork = openWork;
        this.archivable = archivable;
        this.reviews = reviews;
        this.lots = lots;
        this.lotService = lotService;
        this.clock = clock;
        this.reviewLines = reviewLines;
    }

    /** How many lots may be archived today. */
    @Transactional(readOnly = true)
    public long countArchivable() {
        return archivable.find(LocalDate.now(clock), 0, openWork.of(null).keySet()).total();
    }

    /**
     * Lists the first lots for the run's review (less those other work keeps active, listed apart with why), records
     * the listing with each lot's status, and returns it with the totals.
     */
    @Transactional
    public Listing openReview(String processInstanceId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, String> keptBy = openWork.of(null);
        ArchivableLots.Head head = archivable.find(today, reviewLines, keptBy.keySet());
        reviews.open(processInstanceId, today, head.lots().stream().map(Lot::getLotNumber).toList(),
                head.lots().stream().map(l -> l.getStatus().name()).toList(), head.total(),
                head.keptActive().stream().map(l -> l.getLotNumber() + ": " + keptBy.get(l.getId())).toList());
        return new Listing(head, keptBy);
    }

    /**
     * Records the reviewer's decision: {@code decision} ARCHIVE or KEEP (required), {@code excludedLots} lot
     * numbers of the listing separated by commas, spaces or lines (optional), {@code comment} the reason (required,
     * at most 2000 characters). A value breaking these is refused naming the field, and nothing is recorded.
     */
    @Transactional
    public void decide(String processInstanceId, String user, Object decision, Object excludedLots, Object comment) {
        if (!(decision instanceof String d) || !(ARCHIVE.equals(d) || KEEP.equals(d))) {
            throw new InvalidInput("decision", "must be ARCHIVE (archive the listed lots, less the excluded ones) or "
                    + "KEEP (archive none)");
        }
        if (!(comment instanceof String c) || org.lotflow.shared.input.InputRules.blank(c)) {
            throw new InvalidInput("comment", "must say why the lots are archived or kept");
        }
        if (c.length() > 2000) {
            throw new InvalidInput("comment", "must not exceed 2000 characters, has " + c.length());
        }
        if (excludedLots != null && !(excludedLots instanceof String)) {
            throw new InvalidInput("excludedLots", "must be text: lot numbers separated by commas or lines");
        }
        ArchiveReviews.Review review = reviews.of(processInstanceId).orElseThrow(() -> new StateConflict(
                "This archiving run lists no lots to review"));
        Set<String> excluded = new LinkedHashSet<>();
        String text = excludedLots == null ? "" : ((String) excludedLots).trim();
        if (!text.isEmpty()) {
            for (String lot : text.split("[,;\\s]+")) {
                if (!review.listedLots().contains(lot)) {
                    throw new InvalidInput("excludedLots", "lot " + lot + " is not listed in this review; exclude "
                            + "only listed lots");
                }
                excluded.add(lot);
            }
        }
        if (!reviews.decide(processInstanceId, d, List.copyOf(excluded), c.trim(), user)) {
            throw new StateConflict("This archiving review was decided already");
        }
    }

    /** Whether the run's review decided to archive. */
    @Transactional(readOnly = true)
    public boolean archiveDecided(String processInstanceId) {
        return reviews.of(processInstanceId).map(r -> ARCHIVE.equals(r.decision())).orElse(false);
    }

    /**
     * Sets ARCHIVED each lot of the run's listing that the reviewer did not exclude and that, under its lock, still
     * passes the retention rule, has the status the review listed it with and is under no other open work (a recall
     * not CLOSED, an open hold: {@link ArchiveRecheck}); the history event names the reviewer and the reason. The
     * others are recorded in the review with why. Returns the lot numbers archived (none when the decision was KEEP).
     */
    @Transactional
    public List<String> archive(String processInstanceId) {
        ArchiveReviews.Review review = reviews.of(processInstanceId).orElse(null);
        List<String> archived = new ArrayList<>();
        if (review == null || !ARCHIVE.equals(review.decision())) {
            return archived;
        }
        LocalDate today = LocalDate.now(clock);
        List<String> confirmed = review.listedLots().stream().filter(l -> !review.excludedLots().contains(l))
                .toList();
        List<Lot> locked = lots.lockAllByLotNumber(confirmed);
        // read under the locks: a recall opened since the listing has locked (and committed) its scope's lots first
        Map<Long, String> keptBy = openWork.of(locked.stream().map(Lot::getId).toList());
        List<String> skipped = new ArrayList<>();
        for (Lot lot : locked) {
            String listedAs = review.listedStatus(lot.getLotNumber());
            String refusal = ArchiveRecheck.refusal(lot, listedAs == null ? null : LotStatus.valueOf(listedAs), today,
                    keptBy.get(lot.getId()));
            if (refusal != null) {
                skipped.add(lot.getLotNumber() + ": " + refusal); // changed since the review listed it: never archived
                continue;
            }
            LocalDate retainUntil = RetentionRule.retainUntil(lot);
            lotService.changeStatus(lot, LotStatus.ARCHIVED, "Retention passed (kept until " + retainUntil
                    + "); archived after QA review: " + review.comment(), Map.of("retainUntil",
                            retainUntil.toString(), "retentionYears", lot.getProduct().getRetentionYears(),
                            "reviewDate", review.reviewDate().toString()), review.decidedBy());
            archived.add(lot.getLotNumber());
        }
        reviews.archived(processInstanceId, archived.size(), skipped);
        return archived;
    }
}
