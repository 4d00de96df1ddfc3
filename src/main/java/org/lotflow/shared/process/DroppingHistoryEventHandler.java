package org.lotflow.shared.process;

import java.util.List;
import java.util.function.Predicate;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Wraps the engine's history event handler so that the events a predicate names never reach
 * history; every other event passes unchanged. Shared by the plugins that keep something out of
 * Camunda's history (signature passwords, form display values), each installing its own predicate
 * in its {@code postInit}.
 */
public final class DroppingHistoryEventHandler implements HistoryEventHandler {

    private final HistoryEventHandler delegate;
    private final Predicate<HistoryEvent> drop;

    private DroppingHistoryEventHandler(HistoryEventHandler delegate, Predicate<HistoryEvent> drop) {
        this.delegate = delegate;
        this.drop = drop;
    }

    /** Installs a handler dropping the events {@code drop} names around the engine's current one. */
    public static void install(ProcessEngineConfigurationImpl configuration, Predicate<HistoryEvent> drop) {
        HistoryEventHandler delegate = configuration.getHistoryEventHandler();
        if (delegate != null) {
            configuration.setHistoryEventHandler(new DroppingHistoryEventHandler(delegate, drop));
        }
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!drop.test(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        delegate.handleEvents(events.stream().filter(e -> !drop.test(e)).toList());
    }
}
