package org.lotflow.quarantine.internal.process;


import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.lotflow.shared.process.DroppingHistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps signature passwords out of Camunda's history. A Tasklist form that signs (e.g.
 * {@code decideDisposition}) may submit the password as the variable {@code signaturePassword}; its task
 * listener checks and removes it in the same transaction, so it never reaches the runtime tables.
 * This plugin wraps the engine's history event handler (after the engine built it) and drops
 * every variable event (ACT_HI_VARINST, ACT_HI_DETAIL) and form-property event (ACT_HI_DETAIL)
 * of that name, so history never sees it either.
 */
@Component
public class SignaturePasswordHistoryFilter extends AbstractProcessEnginePlugin {

    public static final String SECRET = QuarantineInvestigationVariables.SIGNATURE_PASSWORD.name();

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DroppingHistoryEventHandler.install(configuration, SignaturePasswordHistoryFilter::isSecret);
    }

    static boolean isSecret(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity v) {
            return SECRET.equals(v.getVariableName());
        }
        if (event instanceof HistoricFormPropertyEventEntity f) {
            return SECRET.equals(f.getPropertyId());
        }
        return false;
    }
}
