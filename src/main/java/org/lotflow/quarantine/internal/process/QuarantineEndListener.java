package org.lotflow.quarantine.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.quarantine.internal.FollowUp;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.springframework.stereotype.Component;

/**
 * End of a {@code quarantineInvestigation} instance (every path, its last step done): the hold bound
 * to it ({@link BoundHold}, never a variable) records that its case is complete ({@link FollowUp#caseCompleted}).
 */
@Component("quarantineEndListener")
public class QuarantineEndListener implements ExecutionListener {

    private final QuarantineQueries queries;
    private final FollowUp followUp;

    public QuarantineEndListener(QuarantineQueries queries, FollowUp followUp) {
        this.queries = queries;
        this.followUp = followUp;
    }

    @Override
    public void notify(DelegateExecution execution) {
        followUp.caseCompleted(BoundHold.of(queries, execution).getId());
    }
}
