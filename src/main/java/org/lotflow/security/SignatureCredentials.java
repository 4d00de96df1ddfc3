package org.lotflow.security;

import java.util.function.Supplier;

/**
 * The password that accompanies the request on this thread as the second component of an
 * electronic signature (21 CFR 11.200(a)(1): user id and password at each signing): the HTTP
 * Basic password of an {@code /engine-rest} call, or the password re-entered in a signing form,
 * which {@link EngineSurfaceGuard} takes out of the submitted variables before the engine sees
 * them. Never stored: it lives on this thread for the length of one request.
 */
public final class SignatureCredentials {

    private static final ThreadLocal<String> PASSWORD = new ThreadLocal<>();

    private SignatureCredentials() {
    }

    static void set(String password) {
        if (password == null) {
            PASSWORD.remove();
        } else {
            PASSWORD.set(password);
        }
    }

    /** The password given with this request for signing, or null. */
    static String password() {
        return PASSWORD.get();
    }

    /**
     * Runs {@code work} with {@code password} as the signature password of this thread (the guard
     * for engine calls; lotflow's own API calls that take a password in their body; tests).
     */
    public static <T> T with(String password, Supplier<T> work) {
        String previous = PASSWORD.get();
        PASSWORD.set(password);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                PASSWORD.remove();
            } else {
                PASSWORD.set(previous);
            }
        }
    }

    /** {@link #with(String, Supplier)} for work without a result. */
    public static void with(String password, Runnable work) {
        with(password, () -> {
            work.run();
            return null;
        });
    }
}
