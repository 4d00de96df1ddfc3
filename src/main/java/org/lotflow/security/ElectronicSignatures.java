package org.lotflow.security;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.SignatureRefused;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Electronic signatures as 21 CFR Part 11 asks: each signing is made by the logged-in user,
 * re-authenticated with user id and password at that moment (11.200(a)(1)), and names the signer
 * by the printed name of an identity record the signer cannot edit (11.50; see
 * {@link EngineSurfaceGuard}: only administrators change profiles). The password comes from
 * {@link SignatureCredentials} (HTTP Basic of the call, or re-entered in a masked field) and is
 * never stored, logged or put in a process variable.
 *
 * <p>Refusals, each changing nothing: nobody logged in 401; no password 400 (field
 * {@code password}); the user id and address locked after repeated failures 429; a wrong password
 * 403 "Signature refused". Every wrong password is a {@code SIGNATURE_FAILED} security event (who,
 * when, what was being signed) that survives the rollback of the refused request and counts toward
 * the lockout (11.300(d)).
 */
@Component
public class ElectronicSignatures {

    private final CurrentUser currentUser;
    private final LoginThrottle throttle;
    private final SecurityEvents events;
    private final Clock clock;

    public ElectronicSignatures(CurrentUser currentUser, LoginThrottle throttle, SecurityEvents events, Clock clock) {
        this.currentUser = currentUser;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
    }

    /** How a re-entered password fared ({@link #attempt}); {@code secondsLeft} of the lock when LOCKED. */
    public record Attempt(Outcome outcome, long secondsLeft) {

        /** LOCKED: refused unread; MISSING: none given; WRONG: recorded and counted; RIGHT: the count cleared. */
        public enum Outcome {
            LOCKED, MISSING, WRONG, RIGHT
        }
    }

    /**
     * {@code password} re-entered as {@code userId}'s own, as every signature checks it (11.300(d)): refused unread while
     * the user id and address are locked ({@code REFUSED_WHILE_LOCKED}, "{@code what} refused: locked"); a wrong one is
     * a {@code SIGNATURE_FAILED} security event ({@code what}) counting toward the lockout; a right one clears the
     * count. The caller says the refusal in its own words: a signature here, a password change's current password in
     * {@code CurrentPasswordCheck}.
     */
    Attempt attempt(String userId, String password, String channel, String what) {
        LoginThrottle.Lock count = throttle.find(userId, RequestOrigin.client());
        if (throttle.isLocked(count)) {
            events.failure(SecurityEvent.Type.REFUSED_WHILE_LOCKED, userId, channel, what + " refused: locked");
            return new Attempt(Attempt.Outcome.LOCKED, throttle.secondsLeft(count));
        }
        if (password == null || password.isEmpty()) {
            return new Attempt(Attempt.Outcome.MISSING, 0);
        }
        if (!currentUser.checkPassword(userId, password)) {
            events.failure(SecurityEvent.Type.SIGNATURE_FAILED, userId, channel, what);
            return new Attempt(Attempt.Outcome.WRONG, 0);
        }
        if (count != null) {
            throttle.succeeded(userId, RequestOrigin.client()); // a good attempt clears the count
        }
        return new Attempt(Attempt.Outcome.RIGHT, 0);
    }

    /** Who signed, with the printed name and time to record with the signed record. */
    public record Signer(String userId, String fullName, Instant at) {
    }

    /**
     * Signs with the password that accompanies this request ({@link SignatureCredentials}).
     *
     * @param meaning what the signature means, e.g. "release approval" (11.50(a)(3))
     * @param subject what is signed, e.g. "lot HC100-2025-001"
     */
    public Signer sign(String meaning, String subject) {
        return sign(meaning, subject, null);
    }

    /**
     * Signs with an explicitly given password (an API call that takes it in its body), or, when it is
     * null, with the one that accompanies the request.
     */
    public Signer sign(String meaning, String subject, String password) {
        if (password == null) {
            password = SignatureCredentials.password();
        }
        if (!currentUser.isAuthenticated()) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_SIGNED_IN,
                    "A " + meaning + " must be signed by a logged-in user");
        }
        String userId = currentUser.id();
        Attempt attempt = attempt(userId, password, "signature", meaning + " of " + subject);
        switch (attempt.outcome()) {
            case LOCKED -> throw new SignatureRefused(SignatureRefused.Reason.LOCKED_OUT,
                    "Too many failed signatures or logins for user '" + userId + "' from this address: try again in "
                            + attempt.secondsLeft() + " seconds, or ask an administrator to unlock the user");
            case MISSING -> throw new InvalidInput("password",
                    "re-enter your password to sign the " + meaning + " of " + subject + " (electronic signature)");
            case WRONG -> throw new SignatureRefused(SignatureRefused.Reason.WRONG_PASSWORD,
                    "The password does not match user '" + userId + "'; the " + meaning + " of " + subject
                            + " was not signed");
            case RIGHT -> {
            }
        }
        currentUser.requireOwnPassword(); // a password an administrator set is not the signer's alone
        return new Signer(userId, currentUser.signedName(userId), clock.instant());
    }
}
