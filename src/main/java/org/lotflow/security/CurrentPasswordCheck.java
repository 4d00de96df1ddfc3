package org.lotflow.security;

/**
 * The current password a password change brings ({@code authenticatedUserPassword} of {@code PUT user/{id}/credentials},
 * the caller's own password, whoever's password is set), checked before anything else of the change as a signature is
 * (auditor 2026-12-06 G1: a wrong guess answered otherwise than a right one, nothing was counted or recorded, the
 * lockout did not apply, so an open session let anyone find its user's password): locked, 429 and
 * {@code REFUSED_WHILE_LOCKED}; none given, 400 naming {@code authenticatedUserPassword}; wrong, 403 and a
 * {@code SIGNATURE_FAILED} security event that counts toward the lockout (21 CFR 11.300(d)); right, a good attempt
 * clears the count. The new password's policy is judged only after it.
 */
final class CurrentPasswordCheck {

    private final java.util.function.Supplier<ElectronicSignatures> signatures;

    /** The signatures' check is looked up when first needed (it is made after the filters). */
    CurrentPasswordCheck(java.util.function.Supplier<ElectronicSignatures> signatures) {
        this.signatures = signatures;
    }

    /** Why {@code userId}'s change with {@code given} as their current password is refused, or null when it may go on. */
    SurfaceRefusal refusal(String userId, String given) {
        ElectronicSignatures.Attempt attempt = signatures.get().attempt(userId, given, "password change",
                "current password of a password change");
        return switch (attempt.outcome()) {
            case LOCKED -> new SurfaceRefusal(429, "Too many failed attempts", null, "Too many failed signatures or"
                    + " logins for user '" + userId + "' from this address: try again in " + attempt.secondsLeft()
                    + " seconds, or ask an administrator to unlock the user; nothing was changed");
            case MISSING -> new SurfaceRefusal(400, "Invalid request", "authenticatedUserPassword",
                    "authenticatedUserPassword: give your current password to change a password; nothing was changed");
            case WRONG -> new SurfaceRefusal(403, "Signature refused", "authenticatedUserPassword",
                    "authenticatedUserPassword: this is not the current password of user '" + userId + "'; nothing was"
                            + " changed (it counts as a failed attempt toward the lockout)");
            case RIGHT -> null;
        };
    }
}
