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
 * boundary event leads to {@code holdLot} (the lot is held for a quarantine investigation).
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
            throw new BpmnError(SOURCE_LOT_RECALLED, "Lot " + lot.getLotNumber() + " is not released: it was made from "
                    + String.join(", ", unfit.stream().map(org.lotflow.lot.UnfitSource::described).toList())
                    + ", found unfit after its release was signed");
        }
    }
}
