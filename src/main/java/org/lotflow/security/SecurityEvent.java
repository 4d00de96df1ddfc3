package org.lotflow.security;

import java.time.Instant;

/**
 * One entry of the security audit trail ({@code security_event}): a failed login, a failed
 * electronic signature, a lock placed by the lockout, an administrator's unlock.
 *
 * @param type    {@link Type}
 * @param userId  the user id that was tried (also an unknown one)
 * @param client  the client address ({@link RequestOrigin#client()})
 * @param channel where: {@code api}, {@code engine-rest}, {@code webapp}, {@code signature}, {@code admin}
 * @param detail  what was being done, e.g. "release approval of lot HC100-2025-001"
 */
public record SecurityEvent(Instant at, Type type, String userId, String client, String channel, String detail) {

    /** The kinds of security event; the two failures count toward the lockout. */
    public enum Type {
        LOGIN_FAILED, SIGNATURE_FAILED, REFUSED_WHILE_LOCKED, LOCKED, UNLOCKED;

        boolean countsTowardLockout() {
            return this == LOGIN_FAILED || this == SIGNATURE_FAILED;
        }
    }
}
