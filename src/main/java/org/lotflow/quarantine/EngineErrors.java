package org.lotflow.quarantine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.BadUserRequestException;
import org.lotflow.shared.ApiException;

/**
 * Inside the engine (Tasklist, engine REST) a refusal must be an engine exception to reach the
 * user as a 4xx with its message; the transaction rolls back either way.
 */
final class EngineErrors {

    private EngineErrors() {
    }

    static <T> T refusalsAsBadRequest(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }

    static void refusalsAsBadRequest(Runnable action) {
        refusalsAsBadRequest(() -> {
            action.run();
            return null;
        });
    }
}
