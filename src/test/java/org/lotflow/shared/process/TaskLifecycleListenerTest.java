package org.lotflow.shared.process;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/** Every new task names what it concerns: the business key joins the model's name unless shown already. */
class TaskLifecycleListenerTest {

    private static DelegateTask task(String name, String businessKey) {
        DelegateTask task = mock(DelegateTask.class);
        DelegateExecution execution = mock(DelegateExecution.class);
        when(task.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);
        when(task.getName()).thenReturn(name);
        when(task.getExecution()).thenReturn(execution);
        when(execution.getProcessBusinessKey()).thenReturn(businessKey);
        return task;
    }

    private static final TaskLifecycleListener LISTENER = new TaskLifecycleListener() {
        @Override
        protected void onCreate(DelegateTask task) {
        }

        @Override
        protected void onComplete(DelegateTask task) {
        }
    };

    @Test
    void theLotNumberJoinsTheTasksName() {
        DelegateTask task = task("Record lab results", "IL250-2025-001");
        LISTENER.notify(task);
        verify(task).setName("Record lab results · IL250-2025-001");
    }

    @Test
    void aNameThatShowsItAlreadyAndATaskWithoutBusinessKeyKeepTheirNames() {
        DelegateTask named = task("Notify Acme (RC-2025-001)", "RC-2025-001");
        LISTENER.notify(named);
        verify(named, never()).setName(org.mockito.ArgumentMatchers.anyString());
        DelegateTask daily = task("Review expiring lots", null);
        LISTENER.notify(daily);
        verify(daily, never()).setName(org.mockito.ArgumentMatchers.anyString());
    }
}
