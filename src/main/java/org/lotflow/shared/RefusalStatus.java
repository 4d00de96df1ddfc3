package org.lotflow.shared;

/**
 * The one mapping from a domain {@link Refusal} to the HTTP status its caller sees, used alike by
 * the {@code /api} problem handler ({@link ProblemHandler}), the engine REST mappers and the
 * Tasklist filter ({@link EngineRefusals}), so a rule answers the same everywhere:
 *
 * <ul>
 * <li>{@link InvalidInput} 400</li>
 * <li>{@link NotFound} 404</li>
 * <li>{@link StateConflict} 409</li>
 * <li>{@link NotPermitted} (and {@link FourEyesViolation}) 403</li>
 * <li>{@link SignatureRefused}: not signed in 401, wrong password 403, locked out 429</li>
 * <li>{@link NotPrintable} 406 (a PDF asked for whose font cannot print a text of it)</li>
 * </ul>
 */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    /** The HTTP status of a refusal. */
    public static int of(Refusal refusal) {
        if (refusal instanceof InvalidInput) {
            return 400;
        }
        if (refusal instanceof NotFound) {
            return 404;
        }
        if (refusal instanceof StateConflict) {
            return 409;
        }
        if (refusal instanceof NotPermitted) {
            return 403;
        }
        if (refusal instanceof NotPrintable) {
            return 406;
        }
        if (refusal instanceof SignatureRefused signature) {
            return switch (signature.reason()) {
                case NOT_SIGNED_IN -> 401;
                case WRONG_PASSWORD -> 403;
                case LOCKED_OUT -> 429;
            };
        }
        throw new IllegalArgumentException("No status for refusal " + refusal.getClass().getName());
    }
}
