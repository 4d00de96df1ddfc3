package org.lotflow.archive.internal.process;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.archive.internal.ArchivableLotsTable;
import org.lotflow.archive.internal.LotArchiving;
import org.lotflow.lot.ArchivableLots;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code reviewArchiving}: on create, lists the lots past their retention (the first
 * {@code lotflow.archiving.review-lines}, with the total) and records that listing; on complete, records the
 * logged-in QA manager's {@code decision}, {@code excludedLots} and {@code comment} ({@link LotArchiving#decide},
 * a bad value refused naming the field), read from this completion only and removed once recorded.
 */
@Component("reviewArchivingListener")
public class ReviewArchivingListener extends TaskLifecycleListener {

    private final LotArchiving archiving;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReviewArchivingListener(LotArchiving archiving, CurrentUser currentUser, Clock clock) {
        this.archiving = archiving;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        LotArchiving.Listing listing = archiving.openReview(task.getProcessInstanceId());
        ArchivableLots.Head head = listing.head();
        TaskForm.of(task).show("reviewDate", LocalDate.now(clock)).raw("archivableTotal", head.total())
                .raw("archivableLots", ArchivableLotsTable.of(head))
                .raw("keptLots", ArchivableLotsTable.kept(head, listing.keptBy())).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        archiving.decide(task.getProcessInstanceId(), currentUser.id(),
                processInstance.getVariableLocal(LotArchivingProcess.DECISION),
                processInstance.getVariableLocal(LotArchivingProcess.EXCLUDED_LOTS),
                processInstance.getVariableLocal(LotArchivingProcess.COMMENT));
        for (String name : new String[] {LotArchivingProcess.DECISION, LotArchivingProcess.EXCLUDED_LOTS,
                LotArchivingProcess.COMMENT}) {
            processInstance.removeVariableLocal(name);
        }
        LotArchivingProcess.ARCHIVE_CONFIRMED.set(processInstance,
                archiving.archiveDecided(task.getProcessInstanceId()));
    }
}
