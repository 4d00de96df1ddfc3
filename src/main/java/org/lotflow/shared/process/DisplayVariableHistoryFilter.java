package org.lotflow.shared.process;


import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.HistoricVariableInstanceEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the display values of task forms ({@link TaskForm}) out of Camunda's history. They are
 * copies of facts kept (with their own history) in lotflow's tables, set once when a task is created
 * and read only by the forms, from the runtime task variables, while the task is open. With history
 * level {@code full}, every one of them also cost an {@code ACT_HI_VARINST} and an {@code ACT_HI_DETAIL}
 * row, about 20 per task: most of the rows a lot release wrote (issue #11, bench/results/engine.md).
 *
 * <p>Dropped: the creation event of a task-local variable set by {@link TaskForm#apply()} on this
 * thread, and the deletion event (at task completion) of a task-local variable that has no historic
 * instance, i.e. whose creation was dropped. Everything else passes to the engine's handler: process
 * variables, inputs submitted through forms (an input that updates a display value of the same name
 * starts its history at that update), and every other history event. History level stays {@code full}.
 */
@Component
public class DisplayVariableHistoryFilter extends AbstractProcessEnginePlugin {

    private final boolean keepInHistory;

    /**
     * @param keepInHistory {@code lotflow.history.form-display-values} (default false): true writes the
     *                      display values to history as before (for comparison, bench/lifecycle.sh)
     */
    public DisplayVariableHistoryFilter(
            @Value("${lotflow.history.form-display-values:false}") boolean keepInHistory) {
        this.keepInHistory = keepInHistory;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!keepInHistory) {
            DroppingHistoryEventHandler.install(configuration, DisplayVariableHistoryFilter::isDisplayOnly);
        }
    }

    static boolean isDisplayOnly(HistoryEvent event) {
        if (!(event instanceof HistoricVariableUpdateEventEntity v) || v.getTaskId() == null) {
            return false;
        }
        if (v.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_CREATE)) {
            return TaskForm.applying();
        }
        if (v.isEventOfType(HistoryEventTypes.VARIABLE_INSTANCE_DELETE)) {
            CommandContext context = Context.getCommandContext();
            return context != null && context.getDbEntityManager()
                    .selectById(HistoricVariableInstanceEntity.class, v.getVariableInstanceId()) == null;
        }
        return false;
    }
}
