package org.lotflow.security;

import java.time.Instant;

/**
 * One entry of the security audit trail ({@code security_event}): a failed login, a failed
 * electronic signature, a lock placed by the lockout, an administrator's unlock, and every change to who may
 * log in and sign (a user created or deleted, a password set, a group membership added or removed: 21 CFR
 * 11.10(d) and (g), 11.300(b); EU GMP Annex 11 §12.3, recorded by {@link IdentityChangeAudit}).
 *
 * @param type    {@link Type}
 * @param userId  the user id that was tried (also an unknown one)
 * @param client  the client address ({@link RequestOrigin#client()})
 * @param channel where: {@code api}, {@code engine-rest}, {@code webapp}, {@code signature}, {@code admin},
 *                {@code identity} (a change to users, passwords and memberships, through any surface)
 * @param detail  what was being done, e.g. "release approval of lot HC100-2025-001"
 */
public record SecurityEvent(Instant at, Type type, String userId, String client, String channel, String detail) {

    /** The kinds of security event; the two failures count toward the lockout. */
    public enum Type {
        LOGIN_FAILED, SIGNATURE_FAILED, REFUSED_WHILE_LOCKED, LOCKED, UNLOCKED,
        /** A user created (with the password it was given, never the password itself). */
        USER_CREATED,
        /** A user's password set: by the user or by an administrator ({@code detail} says who). */
        PASSWORD_CHANGED,
        /** A user's name or e-mail changed ({@code detail}: the printed name and the e-mail, before and after). */
        USER_CHANGED,
        USER_DELETED, MEMBERSHIP_ADDED, MEMBERSHIP_REMOVED,
        /** A membership refused by the separation of roles ({@code detail}: who tried, which group, why). */
        MEMBERSHIP_REFUSED,
        /** A group created or deleted ({@code userId} holds the group's id; a deleted group takes its memberships). */
        GROUP_CREATED, GROUP_DELETED,
        /** A group's name or type changed ({@code userId} holds the group's id; {@code detail}: old and new name). */
        GROUP_CHANGED,
        /**
         * A Camunda authorization created, changed or deleted ({@code userId} holds the user or group it is for,
         * {@code *} for everyone; {@code detail} its permissions, resource and who changed it).
         */
        AUTHORIZATION_GRANTED, AUTHORIZATION_CHANGED, AUTHORIZATION_REVOKED,
        /**
         * A user's identity confirmed by an administrator other than the one who set their password, after the user
         * set their own ({@code detail} "identity confirmed by Y, after the password X set on ..."): they sign again
         * (21 CFR 11.100(b); {@link SignerConfirmation}).
         */
        SIGNER_CONFIRMED;

        boolean countsTowardLockout() {
            return this == LOGIN_FAILED || this == SIGNATURE_FAILED;
        }
    }
}
