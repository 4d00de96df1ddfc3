package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.EARLIER_ROUNDS;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_INVESTIGATION;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_RECORDED_AT;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_RECORDED_BY_NAME;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_SUMMARY;
import static org.lotflow.release.internal.process.LotReleaseVariables.PRODUCTION_INVESTIGATION;
import static org.lotflow.release.internal.process.LotReleaseVariables.TEST_ROUND;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.release.LabVerdict;
import org.lotflow.release.internal.OosInvestigation;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.process.TaskForm;
import org.springframework.stereotype.Component;

/**
 * What the three tasks of an out-of-specification investigation show ({@code investigateLabError},
 * {@code investigateProduction}, {@code decideOutOfSpecification}): the lot's facts ({@link LotFacts}),
 * the round under investigation with each value, unit and limits ({@code labSummary}), the analyst's
 * name and the time, the earlier rounds, and what each concluded phase found, by whom and when. All
 * read from lotflow's records; for display only.
 */
@Component
class OosForms {

    private final ReleaseQueries queries;
    private final CurrentUser currentUser;

    OosForms(ReleaseQueries queries, CurrentUser currentUser) {
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /** The display of the lot's current investigation, ready to {@link TaskForm#apply()}. */
    TaskForm of(DelegateTask task, Lot lot) {
        OosInvestigation oos = queries.currentInvestigation(lot.getId());
        List<LabVerdict> rounds = queries.rounds(lot.getId());
        TaskForm form = TaskForm.of(task).showAll(LotFacts.of(lot));
        if (oos == null) {
            return form;
        }
        LabVerdict round = rounds.stream().filter(r -> r.round() == oos.getRound()).findFirst().orElse(null);
        form.show(TEST_ROUND.name(), oos.getRound() == 1 ? "1 (original analysis)" : oos.getRound() + " (retest)")
                .markdown(LAB_SUMMARY.name(), esc -> round == null ? null : round.summary(esc))
                .show(LAB_RECORDED_BY_NAME.name(), currentUser.nameWithId(oos.getAnalyst()))
                .show(LAB_RECORDED_AT.name(), oos.getOpenedAt())
                .show(EARLIER_ROUNDS.name(), earlier(rounds, oos.getRound()))
                .show(LAB_INVESTIGATION.name(), oos.getLabConclusion() == null ? "not concluded yet"
                        : (oos.getLabConclusion() == OosInvestigation.LabConclusion.LAB_ERROR
                                ? "Assignable laboratory error" : "No laboratory error: result confirmed")
                                + " (" + currentUser.nameWithId(oos.getLabConcludedBy()) + ", "
                                + TaskForm.text(oos.getLabConcludedAt()) + "): " + oos.getLabFindings())
                .show(PRODUCTION_INVESTIGATION.name(), oos.getProductionConcludedAt() == null ? "not concluded yet"
                        : currentUser.nameWithId(oos.getProductionConcludedBy()) + ", "
                                + TaskForm.text(oos.getProductionConcludedAt()) + ": " + oos.getProductionFindings());
        return form;
    }

    /**
     * The lot's earlier out-of-specification rounds for the release approver ({@code approveRelease}):
     * for each investigation, its round, failed tests, analyst and time, and phase I's conclusion with
     * who, when and the findings; "none" when no round was out of specification. A release after a
     * retest is thus never signed on the passing round alone (FDA OOS guidance: QA reviews the
     * investigation; 21 CFR 211.192). A retest recorded by the analyst of a round it replaces, or by whoever
     * invalidated an earlier round, is said below the rounds.
     */
    String oosHistory(Lot lot) {
        List<OosInvestigation> investigations = queries.investigations(lot.getId());
        if (investigations.isEmpty()) {
            return "none";
        }
        return investigations.stream().map(oos -> "Round " + oos.getRound() + " (recorded by "
                + currentUser.nameWithId(oos.getAnalyst()) + ", " + TaskForm.text(oos.getOpenedAt())
                + ") was out of specification: " + oos.getFailedTests() + ". "
                + (oos.getLabConclusion() == null ? "Its laboratory investigation is not concluded."
                        : (oos.getLabConclusion() == OosInvestigation.LabConclusion.LAB_ERROR
                                ? "Invalidated by an assignable laboratory error"
                                : "Confirmed: no laboratory error")
                                + " (" + currentUser.nameWithId(oos.getLabConcludedBy()) + ", "
                                + TaskForm.text(oos.getLabConcludedAt()) + "): "
                                + withoutFinalStop(oos.getLabFindings()) + ". Its results stay on record."))
                .collect(Collectors.joining("\n")) + retestBySameAnalyst(investigations, queries.verdict(lot.getId()))
                + retestByInvalidator(investigations, queries.verdict(lot.getId()));
    }

    /**
     * A line for the approver when the round now signed on was recorded by the analyst of a round it replaces as a
     * laboratory error: "" otherwise. Not a refusal: FDA's guidance on investigating OOS results recommends that a
     * retest be performed by an analyst other than the one who performed the original test ("often important"), not
     * that it must; a plant with one analyst on a shift retests with them, and the QA manager who approves weighs it
     * (auditor 2026-12-07 25 F3: nothing showed it).
     */
    private String retestBySameAnalyst(List<OosInvestigation> investigations, LabVerdict current) {
        if (current == null) {
            return "";
        }
        return investigations.stream().filter(oos -> oos.getLabConclusion() == OosInvestigation.LabConclusion.LAB_ERROR
                && oos.getRound() < current.round() && oos.getAnalyst() != null
                && oos.getAnalyst().equals(current.recordedBy())).findFirst()
                .map(oos -> "\nThe retest, round " + current.round() + ", was recorded by the analyst of round "
                        + oos.getRound() + ", " + currentUser.nameWithId(oos.getAnalyst()) + ": FDA's guidance on OOS"
                        + " results recommends a retest by another analyst; weigh this before you sign.")
                .orElse("");
    }

    /**
     * A line for the approver when the round now signed on was recorded by the person who invalidated an earlier round
     * as a laboratory error: "" otherwise. Recording it is refused since auditor 27 F4
     * ({@link org.lotflow.release.internal.FourEyes#requireNotInvalidatorOfReplaced}: the retest is kept independent of
     * the invalidation, FDA's OOS guidance); a retest recorded before that, or after an earlier round's invalidation,
     * is still said here, so the approver never signs on it unaware.
     */
    private String retestByInvalidator(List<OosInvestigation> investigations, LabVerdict current) {
        if (current == null || current.recordedBy() == null) {
            return "";
        }
        return investigations.stream().filter(oos -> oos.getLabConclusion() == OosInvestigation.LabConclusion.LAB_ERROR
                && oos.getRound() < current.round() && current.recordedBy().equals(oos.getLabConcludedBy()))
                .findFirst()
                .map(oos -> "\nThe retest, round " + current.round() + ", was recorded by "
                        + currentUser.nameWithId(oos.getLabConcludedBy()) + ", who invalidated round " + oos.getRound()
                        + " as a laboratory error: FDA's guidance on OOS results wants the retest independent of the"
                        + " invalidation; weigh this before you sign.")
                .orElse("");
    }

    /** The text without the full stop it may end with, so the sentence around it has one (new user 2026-12-06 L7). */
    static String withoutFinalStop(String text) {
        String t = text == null ? "" : text.strip();
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String earlier(List<LabVerdict> rounds, int current) {
        String text = rounds.stream().filter(r -> r.round() < current)
                .map(r -> "Round " + r.round() + " (" + (r.passed() ? "passed" : "out of specification: "
                        + r.failedTests()) + ", invalidated by a laboratory error)")
                .collect(Collectors.joining("\n"));
        return text.isEmpty() ? "none" : text;
    }
}
