package org.lotflow.security;

import java.util.function.BiPredicate;

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

    private final java.util.function.Supplier<LoginThrottle> throttles;
    private final java.util.function.Supplier<SecurityEvents> trail;
    private final BiPredicate<String, String> passwordMatches;

    /** The throttle and the security trail are looked up when first needed (they are made after the filters). */
    CurrentPasswordCheck(java.util.function.Supplier<LoginThrottle> throttle,
            java.util.function.Supplier<SecurityEvents> events, BiPredicate<String, String> passwordMatches) {
        this.throttles = throttle;
        this.trail = events;
        this.passwordMatches = passwordMatches;
    }

    /** Why {@code userId}'s change with {@code given} as their current password is refused, or null when it may go on. */
    SurfaceRefusal refusal(String userId, String given) {
        LoginThrottle throttle = throttles.get();
        SecurityEvents events = trail.get();
        LoginThrottle.Lock count = throttle.find(userId, RequestOrigin.client());
        if (throttle.isLocked(count)) {
            events.failure(SecurityEvent.Type.REFUSED_WHILE_LOCKED, userId, "password change",
                    "password change refused: locked");
            return new SurfaceRefusal(429, "Too many failed attempts", null, "Too many failed signatures or logins for"
                    + " user '" + userId + "' from this address: try again in " + throttle.secondsLeft(count)
                    + " seconds, or ask an administrator to unlock the user; nothing was changed");
        }
        if (given == null || given.isEmpty()) {
            return new SurfaceRefusal(400, "Invalid request", "authenticatedUserPassword", "authenticatedUserPassword:"
                    + " give your current password to change a password; nothing was changed");
        }
        if (!passwordMatches.test(userId, given)) {
            events.failure(SecurityEvent.Type.SIGNATURE_FAILED, userId, "password change",
                    "wrong current password for a password change");
            return new SurfaceRefusal(403, "Signature refused", "authenticatedUserPassword", "authenticatedUserPassword:"
                    + " this is not the current password of user '" + userId + "'; nothing was changed (it counts as a"
                    + " failed attempt toward the lockout)");
        }
        if (count != null) {
            throttle.succeeded(userId, RequestOrigin.client());
        }
        return null;
    }
}
