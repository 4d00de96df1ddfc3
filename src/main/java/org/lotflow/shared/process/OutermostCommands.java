package org.lotflow.shared.process;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * lotflow's hooks around the engine's commands: interceptors before the engine's own transaction and command context
 * (Camunda's public {@code customPreCommandInterceptorsTxRequired}), added from a process engine plugin's
 * {@code preInit}. Each hook sees only the commands that open their own command context, the ones a caller sends
 * (the REST API, Tasklist, lotflow's services); a command the engine runs inside another passes through untouched.
 * Used by the refusal capture ({@code EngineRefusals}), the identity-rights lock ({@code IdentityWritesInOrder}) and
 * task completions one at a time ({@link TaskCompletionsInOrder}).
 */
public final class OutermostCommands {

    private OutermostCommands() {
    }

    /**
     * What a hook does with a command a caller sent: {@code proceed} runs it (and answers its result); the hook runs it,
     * runs something around it, or refuses it by throwing.
     */
    @FunctionalInterface
    public interface Hook {
        Object around(Command<?> command, java.util.function.Supplier<Object> proceed);
    }

    /** Adds {@code hook} after the hooks added before it. */
    public static void add(ProcessEngineConfigurationImpl configuration, Hook hook) {
        add(configuration, hook, false);
    }

    /** Adds {@code hook} before every other pre-command interceptor ({@code first}) or after them. */
    public static void add(ProcessEngineConfigurationImpl configuration, Hook hook, boolean first) {
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new java.util.ArrayList<>());
        }
        CommandInterceptor interceptor = new CommandInterceptor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                return Context.getCommandContext() != null ? next.execute(command)
                        : (T) hook.around(command, () -> next.execute(command));
            }
        };
        if (first) {
            configuration.getCustomPreCommandInterceptorsTxRequired().add(0, interceptor);
        } else {
            configuration.getCustomPreCommandInterceptorsTxRequired().add(interceptor);
        }
    }
}
