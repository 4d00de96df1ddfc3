package org.lotflow.console.internal.process;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.shared.process.WithoutCallerAuthorization;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of a lot or a recall (the processes keyed by its number: release, investigation,
 * recall, customer notifications), for the Console's pages: name, assignee, since, due, and the id for the
 * link into Tasklist. Listed whoever looks (names and dates only, read without the caller's task
 * authorization); Tasklist itself checks who may open, claim and complete a task.
 */
@Component
public class OpenTasks {

    /** An open task; {@code assignee} null while nobody has claimed it. */
    public record OpenTask(String id, String name, String assignee, Instant created, Instant due) {
    }

    private final ProcessEngine engine;

    OpenTasks(ProcessEngine engine) {
        this.engine = engine;
    }

    /** The active tasks of the process instances with this business key, oldest first. */
    public List<OpenTask> of(String businessKey) {
        List<Task> tasks = new WithoutCallerAuthorization(engine.getIdentityService()).call(() -> engine
                .getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).active()
                .orderByTaskCreateTime().asc().list());
        return tasks.stream().map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant())).toList();
    }
}
