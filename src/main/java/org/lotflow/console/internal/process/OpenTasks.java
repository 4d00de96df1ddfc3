package org.lotflow.console.internal.process;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.shared.process.WithoutCallerAuthorization;
import org.springframework.stereotype.Component;

/**
 * The open user tasks of a lot or a recall (the processes keyed by its number: release, investigation,
 * recall, customer notifications) and the plant-wide reviews, for the Console's pages: name, assignee, since, due, and the id for the
 * link into Tasklist. Listed whoever looks (names and dates only, read without the caller's task
 * authorization); Tasklist itself checks who may open, claim and complete a task, and the Console links a task
 * only for those who may open it there ({@code openable}: a member of one of its candidate groups, or the person it
 * is claimed by; new user 2026-12-05 V6: sales followed a link to a QA manager's task and Tasklist said it did not
 * exist).
 */
@Component
public class OpenTasks {

    /**
     * An open task; {@code key} its step in the process model ({@code approveRelease}, ...); {@code assignee} null
     * while nobody has claimed it; {@code openable} whether the viewer may open it in Tasklist.
     */
    public record OpenTask(String id, String key, String name, String assignee, Instant created, Instant due,
            boolean openable) {
    }

    private final ProcessEngine engine;
    private final org.lotflow.security.CurrentUser viewer;

    OpenTasks(ProcessEngine engine, org.lotflow.security.CurrentUser viewer) {
        this.engine = engine;
        this.viewer = viewer;
    }

    /** The active tasks of the process instances with this business key, oldest first. */
    public List<OpenTask> of(String businessKey) {
        return list(new WithoutCallerAuthorization(engine.getIdentityService()).call(() -> engine
                .getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey).active()
                .orderByTaskCreateTime().asc().list()));
    }

    /**
     * The active tasks of the plant-wide reviews, which concern many lots and no one business key: the expiry
     * run's "Review expiring lots" and the archiving run's "Review lots to archive", oldest first (a few at most:
     * each run opens no second review while one is open).
     */
    public List<OpenTask> reviews() {
        return list(new WithoutCallerAuthorization(engine.getIdentityService()).call(() -> engine
                .getTaskService().createTaskQuery().processDefinitionKeyIn("expiryMonitoring", "lotArchiving")
                .active().orderByTaskCreateTime().asc().list()));
    }

    private List<OpenTask> list(List<Task> tasks) {
        String me = viewer.id();
        List<String> mine = viewer.groups();
        return tasks.stream().map(t -> new OpenTask(t.getId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                me.equals(t.getAssignee()) || org.lotflow.shared.process.TaskCandidates.groups(engine.getTaskService(),
                        engine.getIdentityService(), t.getId()).stream().anyMatch(mine::contains))).toList();
    }

}
