package org.lotflow.security;

import org.lotflow.shared.InvalidInput;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The security audit trail and the lockout, for administrators (and QA managers, who review the
 * trail; 21 CFR 11.10(e), 11.300(d)).
 * <ul>
 * <li>{@code GET /api/security/events?user=&limit=} (QA managers, administrators): newest first,
 * {@code [{at, type, userId, client, channel, detail}]}; {@code limit} 1-1000, default 100.</li>
 * <li>{@code GET /api/security/lockouts} (administrators): the locks in force,
 * {@code [{userId, client, failures, lockedUntil}]}.</li>
 * <li>{@code DELETE /api/security/lockouts/{userId}} (administrators): lifts every lock and count of
 * that user id, from every address, and records {@code UNLOCKED} when there was any to lift; answers
 * {@code {userId, cleared}} ({@code cleared}: how many lock or count rows were lifted; 0 records nothing, so the
 * trail never says an account was unlocked that was not locked: audit 26 F5).</li>
 * </ul>
 * 403 for anyone else; 400 for a limit out of range.
 */
@RestController
@RequestMapping("/api/security")
public class SecurityController {

    private final SecurityEvents events;
    private final LoginThrottle throttle;
    private final CurrentUser currentUser;
    private final IdentityService identityService;
    private final SignerConfirmation signers;

    public SecurityController(SecurityEvents events, LoginThrottle throttle, CurrentUser currentUser,
            IdentityService identityService, SignerConfirmation signers) {
        this.events = events;
        this.throttle = throttle;
        this.currentUser = currentUser;
        this.identityService = identityService;
        this.signers = signers;
    }

    @GetMapping("/events")
    public List<SecurityEvent> events(@RequestParam(required = false) String user,
            @RequestParam(defaultValue = "100") int limit) {
        currentUser.require(Groups.QA_MANAGER);
        if (limit < 1 || limit > 1000) {
            throw new InvalidInput("limit", "must be between 1 and 1000, got " + limit);
        }
        return events.recent(user, limit);
    }

    @GetMapping("/lockouts")
    public List<LoginThrottle.Lock> lockouts() {
        currentUser.require(Groups.ADMIN);
        return throttle.locks();
    }

    /**
     * {@code POST /api/security/users/{userId}/signer-confirmation}, no body: an administrator other than the one who
     * set the user's password confirms, after the user set their own, that the person is that user; they sign again
     * (21 CFR 11.100(b)). 200 {@code {userId, confirmedBy, at, passwordSetBy, passwordSetAt}}; 403, 404, 409 as
     * {@link SignerConfirmation} says.
     */
    @AllowedGroups(value = {Groups.ADMIN}, work = "confirm a signer's identity")
    @PostMapping("/users/{userId}/signer-confirmation")
    public SignerConfirmation.Confirmed confirmSigner(@PathVariable String userId) {
        return signers.confirm(userId);
    }

    /** The answer to an unlock. */
    public record Unlocked(String userId, int cleared) {
    }

    @AllowedGroups({Groups.ADMIN})
    @DeleteMapping("/lockouts/{userId}")
    @Transactional
    public Unlocked unlock(@PathVariable String userId) {
        currentUser.require(Groups.ADMIN);
        int cleared = throttle.unlock(userId);
        identityService.unlockUser(userId);
        if (cleared > 0) {
            events.unlocked(userId, currentUser.id());
        }
        return new Unlocked(userId, cleared);
    }
}
