package org.lotflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The security audit trail and the lockout it drives. A failure is written in a transaction of
 * its own that begins after the refused request's transaction has ended, so it survives that
 * rollback without ever holding a second pooled connection: inside an HTTP request it waits
 * in the {@link RequestOrigin} until {@link SecurityEventsFilter} has run the whole request;
 * elsewhere (engine threads, tests calling services) it is written after the current
 * transaction completes.
 *
 * <p>Source: 21 CFR 11.10(e) (audit trail), 11.300(d) (detect and report attempts at
 * unauthorized use), EU GMP Annex 11 §12.4.
 */
@Component
public class SecurityEvents {

    private static final int MAX_TEXT = 255;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final LoginThrottle throttle;
    private final Clock clock;

    public SecurityEvents(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, LoginThrottle throttle,
            Clock clock) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Records a failed login or signature and counts it toward the lockout of that user id from
     * that client; a failure that locks the pair also records {@code LOCKED}. An attempt refused
     * because the pair is locked ({@code REFUSED_WHILE_LOCKED}) is recorded without counting. Survives
     * the rollback of the caller's transaction (see the class comment).
     */
    public void failure(SecurityEvent.Type type, String userId, String channel, String detail) {
        SecurityEvent event = new SecurityEvent(clock.instant(), type, userId, RequestOrigin.client(), channel, detail);
        RequestOrigin origin = RequestOrigin.current();
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            writeNow(List.of(event));
        } else if (origin != null) {
            origin.defer(event);
        } else if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    writeNow(List.of(event));
                }
            });
        } else {
            writeNow(List.of(event));
        }
    }

    /** An administrator's unlock, written at once (in the caller's transaction). */
    void unlocked(String userId, String by) {
        insert(new SecurityEvent(clock.instant(), SecurityEvent.Type.UNLOCKED, userId, RequestOrigin.client(), "admin",
                "unlocked by " + by));
    }

    /**
     * A change to who may log in or sign ({@link IdentityChangeAudit}), written at once in the caller's (the engine
     * command's) transaction: it is kept exactly when the change is.
     */
    void identityChanged(SecurityEvent.Type type, String userId, String detail) {
        insert(new SecurityEvent(clock.instant(), type, userId, RequestOrigin.client(), "identity", detail));
    }

    /** Writes deferred failures, each counted toward the lockout, in a transaction of their own. */
    void writeNow(List<SecurityEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(status -> {
            for (SecurityEvent event : events) {
                insert(event);
                if (!event.type().countsTowardLockout()) {
                    continue;
                }
                Instant lockedUntil = throttle.countFailure(event.userId(), event.client(), event.at());
                if (lockedUntil != null) {
                    insert(new SecurityEvent(event.at(), SecurityEvent.Type.LOCKED, event.userId(), event.client(),
                            event.channel(), "locked until " + lockedUntil + " after repeated failures"));
                }
            }
        });
    }

    /**
     * What decides whether {@code userId} signs ({@link OwnPassword}): every event that set their password (a password
     * change, their creation with a password) and every confirmation of their identity ({@code SIGNER_CONFIRMED}),
     * newest first. A user's passwords are set a handful of times a year: the list is short.
     */
    public List<SecurityEvent> passwordHistory(String userId) {
        return jdbc.query("SELECT occurred_at, type, user_id, client, channel, detail FROM security_event WHERE user_id"
                + " = ? AND (type IN ('PASSWORD_CHANGED', 'SIGNER_CONFIRMED') OR (type = 'USER_CREATED' AND detail LIKE"
                + " '%with a password%')) ORDER BY id DESC", (rs, i) -> new SecurityEvent(rs.getTimestamp(1).toInstant(),
                        SecurityEvent.Type.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)), bounded(userId));
    }

    /** An administrator's confirmation of a user's identity ({@link SignerConfirmation}), in the caller's transaction. */
    void signerConfirmed(String userId, String detail) {
        insert(new SecurityEvent(clock.instant(), SecurityEvent.Type.SIGNER_CONFIRMED, userId, RequestOrigin.client(),
                "admin", detail));
    }

    /**
     * The latest time of the security audit trail (of its last 1,000 events by id: no scan at any size), or null when
     * it is empty; for a demo day restarted on its database, which goes on after it ({@code TrailClockFloor}).
     */
    public Instant latestAt() {
        Timestamp at = jdbc.queryForObject("SELECT MAX(occurred_at) FROM (SELECT occurred_at FROM security_event ORDER"
                + " BY id DESC FETCH FIRST 1000 ROWS ONLY) last_events", Timestamp.class);
        return at == null ? null : at.toInstant();
    }

    /** The newest events of one user id (or of everyone when null), newest first. */
    public List<SecurityEvent> recent(String userId, int limit) {
        String where = userId == null ? "" : " WHERE user_id = ?";
        Object[] args = userId == null ? new Object[] {limit} : new Object[] {bounded(userId), limit};
        return jdbc.query("SELECT occurred_at, type, user_id, client, channel, detail FROM security_event" + where
                + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY", (rs, i) -> new SecurityEvent(
                        rs.getTimestamp(1).toInstant(), SecurityEvent.Type.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)), args);
    }

    private void insert(SecurityEvent e) {
        jdbc.update("INSERT INTO security_event (occurred_at, type, user_id, client, channel, detail) VALUES (?,?,?,?,?,?)",
                Timestamp.from(e.at()), e.type().name(), bounded(e.userId()), e.client(), e.channel(),
                e.detail()); // whole: nothing a record says is cut (V139; auditor 2026-12-06 A8)
    }

    /** A user id as stored: ids longer than any real one are kept recognisably shortened, never silently. */
    static String bounded(String userId) {
        if (userId == null) {
            return "";
        }
        String shown = visible(userId);
        return shown.length() <= MAX_TEXT ? shown
                : shown.substring(0, 200) + "…(" + shown.length() + " characters)";
    }

    /**
     * A user id as typed at a login, with what would hide or turn text around written out ({@code <U+202E>}): a failed
     * login's id is anyone's typing, and the security trail shows what was sent, not a reversed or cut text (re-test
     * 2026-12-06 F5). Real user ids hold none of these characters (they are refused when a user is made).
     */
    static String visible(String text) {
        return org.lotflow.shared.input.InputRules.writtenOut(text);
    }
}
