package org.lotflow.shared.process;

import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * What an engine command will act on, read before it runs: Camunda's commands keep it (the task's id, the user or
 * authorization to save) in protected fields and offer no getter. Used by lotflow's command interceptors to take a lock
 * or refuse a twin before the engine starts.
 */
public final class EngineCommandFields {

    private EngineCommandFields() {
    }

    /**
     * The field {@code name} of {@code command} (declared on its class or a superclass), or null when this engine
     * version names it otherwise or it cannot be read: callers then leave the command to the engine as it is.
     */
    public static Object of(Command<?> command, String name) {
        for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
            try {
                java.lang.reflect.Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(command);
            } catch (NoSuchFieldException e) {
                // the superclass may hold it
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
