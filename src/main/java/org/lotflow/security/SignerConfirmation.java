package org.lotflow.security;

import java.time.Instant;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "confirm a signer's identity" (21 CFR 11.100(b): before an organization sanctions an individual's
 * electronic signature it verifies the individual's identity; EU GMP Annex 11 §12.1): after an administrator created a
 * user with a password, or reset a user's password, and the user set a password of their own, a second administrator
 * confirms that the person who did is that user. Only then does the user sign and record quality work again
 * ({@link OwnPassword}). One administrator alone can therefore not make an account in a role group, take it over with
 * the password he chose and sign under it (auditor 2026-12-06 C-f), nor reset a signer's password and sign as them.
 *
 * <p>{@code POST /api/security/users/{userId}/signer-confirmation}, administrators. Refused: 403 for anyone but an
 * administrator, for the user themselves, for the administrator who set the password being confirmed, and for an
 * administrator who does not stand as a signer would (a password of their own and, if another administrator set one,
 * confirmed: an administrator one administrator made confirms nobody until a third person confirmed them); 404 for an
 * unknown user; 409 when there is nothing to confirm (every password of the user was their own or lotflow's, or the
 * identity is confirmed already) or the user has not yet set a password of their own. Recorded in the security audit
 * trail ({@code SIGNER_CONFIRMED}, "identity confirmed by Y, after the password X set on ...").
 */
@Service
public class SignerConfirmation {

    /** The answer: whose identity, confirmed by whom and when, and who had set the password it follows. */
    public record Confirmed(String userId, String confirmedBy, Instant at, String passwordSetBy, Instant passwordSetAt) {
    }

    private final SecurityEvents events;
    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final java.time.Clock clock;

    public SignerConfirmation(SecurityEvents events, CurrentUser currentUser, IdentityService identityService,
            java.time.Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.clock = clock;
    }

    /**
     * A user who may not sign or record quality work yet because an administrator set their password (21 CFR
     * 11.100(b)): {@code passwordSetBy} and {@code passwordSetAt} that password; {@code ownPassword} whether they set one
     * of their own since (then another administrator than {@code passwordSetBy} confirms their identity; before, they
     * set their own first).
     */
    public record Awaiting(String userId, String name, String passwordSetBy, Instant passwordSetAt,
            boolean ownPassword) {
    }

    /**
     * The users awaiting their own password or an identity confirmation, by user id, for administrators (403
     * otherwise): the Console's page of signers to confirm (new user 2026-12-06 M10: the confirmation had no screen).
     * One password-history read per user; a plant has tens or hundreds of users.
     */
    @Transactional(readOnly = true)
    public List<Awaiting> awaiting() {
        currentUser.requireMembership("see whose identity awaits confirmation", Groups.ADMIN);
        List<Awaiting> out = new java.util.ArrayList<>();
        for (org.camunda.bpm.engine.identity.User user : identityService.createUserQuery().orderByUserId().asc()
                .list()) {
            String id = user.getId();
            List<SecurityEvent> history = events.passwordHistory(id);
            SecurityEvent other = OwnPassword.lastSetBySomeoneElse(id, history);
            if (other == null || OwnPassword.refusal(id, history) == null) {
                continue;
            }
            boolean own = !OwnPassword.setBySomeoneElse(id, OwnPassword.lastPasswordSet(history));
            out.add(new Awaiting(id, CurrentUser.printedName(user.getFirstName(), user.getLastName()),
                    OwnPassword.setBy(other), other.at(), own));
        }
        return out;
    }

    @Transactional
    public Confirmed confirm(String userId) {
        currentUser.requireMembership("confirm a signer's identity", Groups.ADMIN);
        // the confirmer's own standing, as a signer's: a password of their own and, if an administrator set one, a
        // confirmation by another (re-test 2026-12-06 E1: demo made "evil" an administrator, or reset oliver's
        // password, and had that account confirm the signer demo controlled)
        currentUser.requireOwnPassword();
        String by = currentUser.id();
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            throw new NotFound("User", userId);
        }
        if (by.equals(userId)) {
            throw new NotPermitted("Nobody confirms their own identity: another administrator confirms " + userId);
        }
        List<SecurityEvent> history = events.passwordHistory(userId);
        SecurityEvent other = OwnPassword.lastSetBySomeoneElse(userId, history);
        if (other == null) {
            throw new StateConflict("There is nothing to confirm: every password of " + userId + " was set by "
                    + userId + " or by lotflow itself");
        }
        String setBy = OwnPassword.setBy(other);
        if (by.equals(setBy)) {
            throw new NotPermitted(setBy + " set the password of " + userId + " (" + OwnPassword.when(other) + "): another"
                    + " administrator than " + setBy + " confirms " + userId + "'s identity, so that a second person"
                    + " stands behind it (21 CFR 11.100(b))");
        }
        SecurityEvent last = OwnPassword.lastPasswordSet(history); // not null: an administrator's is one of them
        if (OwnPassword.setBySomeoneElse(userId, last)) {
            throw new StateConflict(userId + " has not set a password of their own since " + setBy + " set it ("
                    + OwnPassword.when(other) + "): confirm their identity once they have");
        }
        if (OwnPassword.refusal(userId, history) == null) {
            throw new StateConflict("The identity of " + userId + " is confirmed already since " + setBy
                    + " set their password (" + OwnPassword.when(other) + "); there is nothing to confirm");
        }
        events.signerConfirmed(userId, "identity confirmed by " + by + ", after the password " + setBy + " set on "
                + other.at());
        return new Confirmed(userId, by, clock.instant(), setBy, other.at());
    }
}
