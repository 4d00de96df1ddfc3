package org.lotflow.shared.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * Display values computed when a form asks for them ({@code GET task/{id}/form-variables}, answered by {@link
 * TaskDisplays}), for the person who reads it ({@code reader}, the authenticated user; null when none): values that
 * depend on the reader (the four-eyes rule as it applies to them) or on lotflow's records as they are now (lab results
 * recorded while the task is open, re-test 2026-12-07 M1), and values a task opened before an upgrade never stored
 * (M2). They are shown as {@link TaskForm#show} shows values, over the stored ones of the same name. Listeners register
 * them once, by process and task key.
 */
@Component
public class LiveTaskDisplays {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(LiveTaskDisplays.class);

    /** What a task's form shows now: name -> value, as {@link TaskForm#show} takes values. */
    @FunctionalInterface
    public interface Live {
        Map<String, Object> values(DelegateTask task, String reader);
    }

    private final Map<String, List<Live>> live = new java.util.concurrent.ConcurrentHashMap<>();

    /** Computes {@code values} for every form of the user task {@code taskKey} of process {@code processKey}. */
    public void live(String processKey, String taskKey, Live values) {
        live.computeIfAbsent(processKey + ":" + taskKey, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(values);
    }

    /**
     * The live values of {@code task} for {@code reader}, as its form shows them; a computation that fails is logged
     * and left out (the stored values stand), so a form always opens.
     */
    Map<String, Object> values(TaskEntity task, String reader) {
        List<Live> computations = task.getProcessDefinition() == null ? null
                : live.get(task.getProcessDefinition().getKey() + ":" + task.getTaskDefinitionKey());
        Map<String, Object> values = new LinkedHashMap<>();
        if (computations == null) {
            return values;
        }
        for (Live computation : computations) {
            try {
                computation.values(task, reader).forEach((name, value) -> values.put(name,
                        TaskForm.displayed(task, value)));
            } catch (RuntimeException e) {
                log.warn("The live display values of task {} ({}) could not be computed; its stored values are shown",
                        task.getId(), task.getTaskDefinitionKey(), e);
            }
        }
        return values;
    }
}
