package org.lotflow.security;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.shared.process.WithoutCallerAuthorization;

/**
 * What the engine gate looks up about a task before the engine acts on a request ({@link EngineSurfaceGuard},
 * {@link TaskAssignments}, {@link FormSubmissions}): the task, its lotflow form, its candidate groups, the key of its
 * process. Looked up without the caller's authorizations (the caller's own rights are the engine's to check after the
 * gate); nothing here writes.
 */
final class EngineTasks {

    private final FormSchemas forms;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final ConcurrentMap<String, String> processKeys = new ConcurrentHashMap<>();

    EngineTasks(FormSchemas forms, TaskService taskService, RepositoryService repositoryService,
            IdentityService identityService, HistoryService historyService) {
        this.forms = forms;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.historyService = historyService;
    }

    FormSchemas forms() {
        return forms;
    }

    /** The open task of this id, or null. */
    Task open(String taskId) {
        return privileged(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
    }

    /** The completed task of this id in the history, or null. */
    HistoricTaskInstance finished(String taskId) {
        return privileged(() -> historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished()
                .singleResult());
    }

    /** The groups a task was offered to over its life (an escalation adds some), from the identity link history. */
    java.util.Set<String> offeredTo(String taskId) {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        privileged(() -> historyService.createHistoricIdentityLinkLogQuery().taskId(taskId).type("candidate")
                .operationType("add").list()).forEach(link -> {
                    if (link.getGroupId() != null) {
                        groups.add(link.getGroupId());
                    }
                });
        return groups;
    }

    /** Who completed a finished task: who had claimed it, else the user the engine's operation log records completing it. */
    String completedBy(HistoricTaskInstance done) {
        if (done.getAssignee() != null) {
            return done.getAssignee();
        }
        java.util.List<org.camunda.bpm.engine.history.UserOperationLogEntry> completion = privileged(() -> historyService
                .createUserOperationLogQuery().taskId(done.getId())
                .operationType(org.camunda.bpm.engine.history.UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .listPage(0, 1));
        return completion.isEmpty() ? null : completion.get(0).getUserId();
    }

    /** The form of a lotflow process's task, or null for a task of no lotflow process (or none). */
    FormSchema formOf(Task task) {
        String processKey = task == null || task.getProcessDefinitionId() == null ? null
                : processKey(task.getProcessDefinitionId());
        return processKey == null ? null : forms.task(processKey, task.getTaskDefinitionKey());
    }

    /** The task's candidate groups, or null when the task was completed meanwhile (a lost race). */
    List<String> candidateGroups(String taskId) {
        try {
            return org.lotflow.shared.process.TaskCandidates.groups(taskService, identityService, taskId);
        } catch (org.camunda.bpm.engine.exception.NullValueException gone) {
            return null;
        }
    }

    /**
     * The key of a process definition, or null when there is none of this id; remembered, because a deployed
     * definition's id and key never change (a new version is a new id), so a task's completion does not read the
     * definition again.
     */
    String processKey(String processDefinitionId) {
        String known = processKeys.get(processDefinitionId);
        if (known != null) {
            return known;
        }
        try {
            String key = privileged(() -> repositoryService.getProcessDefinition(processDefinitionId).getKey());
            if (processKeys.size() < 10_000) {
                processKeys.put(processDefinitionId, key);
            }
            return key;
        } catch (RuntimeException notFound) {
            return null;
        }
    }

    <T> T privileged(Supplier<T> query) {
        return new WithoutCallerAuthorization(identityService).call(query);
    }
}
