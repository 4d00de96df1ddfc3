package org.lotflow.shared.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls whose answer must not depend on the caller's Camunda authorizations (a QA
 * analyst may not read {@code lotRelease} instances, but whether a lot is still in lab release must
 * be answered the same for everyone; a salesperson may not delete an override process, but cancelling
 * the order withdraws it). The caller's identity is restored afterwards, also on failure. Only for
 * steps lotflow's own rules have already allowed: it is never a way around a refusal.
 */
@Component
public class WithoutCallerAuthorization {

    private final IdentityService identityService;

    public WithoutCallerAuthorization(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The answer of {@code call}, computed without the caller's Camunda identity. */
    public <T> T call(Supplier<T> call) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return call.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    /** Runs {@code action} without the caller's Camunda identity. */
    public void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
