package org.lotflow.recall.internal;

import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.shared.process.TaskForm;
import org.springframework.stereotype.Component;

/**
 * Keeps a recall's waiting {@code closeRecall} form true to lotflow's records: when an answer or returns are recorded
 * after the form was made (a customer reached later, pallets that arrive while the recall waits for its closing), the
 * summary the QA manager reads before signing is built again from the recall's rows (new user 2026-12-06 M1: she
 * signed on figures from before the returns). Nothing happens when no closing form waits.
 */
@Component
class ClosingForm {

    private final RecallQueries queries;
    private final LotRecallProcess process;

    ClosingForm(RecallQueries queries, LotRecallProcess process) {
        this.queries = queries;
        this.process = process;
    }

    /** Builds the closing summary of {@code recall} again, for its waiting {@code closeRecall} task if it has one. */
    void refresh(RecallStore.RecallRow recall) {
        process.refreshClosingSummary(recall.processInstanceId(), queries.closeSummary(recall.recallNumber(),
                recall.processInstanceId(), t -> t == null ? TaskForm.ABSENT : t));
    }
}
