package org.lotflow.archive.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.archive.internal.LotArchiving;
import org.springframework.stereotype.Component;

/** Service task {@code archiveLots}: sets the confirmed lots of the run's review ARCHIVED ({@link LotArchiving}). */
@Component("archiveLotsDelegate")
public class ArchiveLotsDelegate implements JavaDelegate {

    private final LotArchiving archiving;

    public ArchiveLotsDelegate(LotArchiving archiving) {
        this.archiving = archiving;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LotArchivingProcess.ARCHIVED_COUNT.set(execution,
                archiving.archive(execution.getProcessInstanceId()).size());
    }
}
