package org.lotflow.release.internal.process;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.lot.Lot;
import org.lotflow.release.internal.ReleaseOutcome;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.springframework.stereotype.Component;

/**
 * Service task {@code releaseLot}: the lot becomes RELEASED. The lot is the one bound to this
 * process instance, and {@link ReleaseOutcome#release} re-checks the passing verdict and the
 * signed four-eyes approval in lotflow's records; no variable decides anything here.
 *
 * <p>When material the lot was made from became RECALLED, held in QUARANTINE or REJECTED after the release was signed
 * (read under the lot's row lock), the release is not carried out: the task throws the BPMN error {@value #SOURCE_LOT_RECALLED}, whose
 * boundary event leads to {@code holdLot} (the lot is held for a quarantine investigation). So too for a lot received
 * PENDING from a supplier when another lot of its supplier lot became RECALLED, REJECTED or held by QA
 * ({@link org.lotflow.lot.UnfitSource#sibling}).
 */
@Component("releaseLotDelegate")
public class ReleaseLotDelegate implements JavaDelegate {

    /** The error code of {@code Error_SourceLotRecalled} in {@code lotRelease.bpmn}. */
    public static final String SOURCE_LOT_RECALLED = "SOURCE_LOT_RECALLED";

    private final ReleaseRunBinding runs;
    private final ReleaseOutcome outcome;

    public ReleaseLotDelegate(ReleaseRunBinding runs, ReleaseOutcome outcome) {
        this.runs = runs;
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Lot lot = ReleaseFacts.lot(runs, execution);
        List<org.lotflow.lot.UnfitSource> unfit = outcome.release(lot.getId());
        if (!unfit.isEmpty()) {
            List<String> madeFrom = unfit.stream().filter(u -> !u.sibling())
                    .map(org.lotflow.lot.UnfitSource::described).toList();
            List<String> siblings = unfit.stream().filter(org.lotflow.lot.UnfitSource::sibling)
                    .map(org.lotflow.lot.UnfitSource::described).toList();
            throw new BpmnError(SOURCE_LOT_RECALLED, "Lot " + lot.getLotNumber() + " is not released: "
                    + (madeFrom.isEmpty() ? "" : "it was made from " + String.join(", ", madeFrom))
                    + (!madeFrom.isEmpty() && !siblings.isEmpty() ? "; and " : "")
                    + (siblings.isEmpty() ? "" : "other lots of its supplier lot are " + String.join(", ", siblings))
                    + ", found unfit after its release was signed");
        }
    }
}
