package org.lotflow.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The lockout: consecutive failed logins and signatures of one user id from one client address
 * ({@code login_throttle}), and whether that pair is locked now, after {@link LockoutPolicy}.
 * Camunda's own account-wide lock is switched off ({@code loginMaxAttempts}, {@code loginDelayBase}
 * in {@code application.yml}): an account-wide lock lets anyone shut a user (or the only
 * administrator) out by typing wrong passwords; this one is per address and always time-limited.
 * Administrators lift a lock with {@code DELETE /api/security/lockouts/{userId}}. A successful
 * webapp login or electronic signature clears the count; an HTTP Basic call (one per request) does
 * not, so failed signatures made by scripts still add up.
 *
 * <p>Properties: {@code lotflow.security.lockout.free-failures} (5), {@code first-delay} (PT30S),
 * {@code max-delay} (PT15M), {@code forget-after} (PT24H).
 */
@Component
public class LoginThrottle {

    private final JdbcTemplate jdbc;
    private final LockoutPolicy policy;
    private final Clock clock;
    private volatile Boolean postgres;

    public LoginThrottle(JdbcTemplate jdbc, Clock clock,
            @Value("${lotflow.security.lockout.free-failures:5}") int freeFailures,
            @Value("${lotflow.security.lockout.first-delay:PT30S}") Duration firstDelay,
            @Value("${lotflow.security.lockout.max-delay:PT15M}") Duration maxDelay,
            @Value("${lotflow.security.lockout.forget-after:PT24H}") Duration forgetAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = new LockoutPolicy(freeFailures, firstDelay, maxDelay, forgetAfter);
    }

    /** A lock in force: who, from where, until when. */
    public record Lock(String userId, String client, int failures, Instant lockedUntil) {
        public long secondsLeft(Instant now) {
            return Math.max(1, Duration.between(now, lockedUntil).toSeconds() + 1);
        }
    }

    /** The count of this user id from this client (locked or not), or null when there is none. */
    public Lock find(String userId, String client) {
        List<Lock> locks = jdbc.query("SELECT user_id, client, failures, locked_until FROM login_throttle"
                + " WHERE user_id = ? AND client = ?", (rs, i) -> new Lock(rs.getString(1), rs.getString(2),
                        rs.getInt(3), rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()),
                SecurityEvents.bounded(userId), client);
        return locks.isEmpty() ? null : locks.get(0);
    }

    /**
     * What an HTTP Basic call reads before anything else, in one statement: the count of this user id from this client
     * (null when there is none) and the cluster's identity version ({@link IdentityVersion}, table
     * {@code identity_version}). One read instead of two per call (issue #11: each autocommit read is a round trip and a
     * commit; race28 F1 had added the version read to every call).
     */
    public record Reading(Lock lock, long identityVersion) {
    }

    /**
     * {@link #find} and {@link IdentityVersion#read} in one statement: {@code SELECT v.version, t.* FROM
     * identity_version v LEFT JOIN login_throttle t ON t.user_id = ? AND t.client = ? WHERE v.id = 1}.
     */
    public Reading findWithIdentityVersion(String userId, String client) {
        List<Reading> readings = jdbc.query("SELECT v.version, t.user_id, t.client, t.failures, t.locked_until"
                + " FROM identity_version v LEFT JOIN login_throttle t ON t.user_id = ? AND t.client = ?"
                + " WHERE v.id = 1", (rs, i) -> new Reading(rs.getString(2) == null ? null
                        : new Lock(rs.getString(2), rs.getString(3), rs.getInt(4),
                                rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()),
                        rs.getLong(1)),
                SecurityEvents.bounded(userId), client);
        if (readings.isEmpty()) {
            throw new IllegalStateException("identity_version has no row 1 (migration V201)");
        }
        return readings.get(0);
    }

    /** Whether a count found by {@link #find} locks its pair now. */
    public boolean isLocked(Lock lock) {
        return lock != null && lock.lockedUntil() != null && lock.lockedUntil().isAfter(clock.instant());
    }

    /** The seconds until a lock ends, for the refusal and its {@code Retry-After} header. */
    public long secondsLeft(Lock lock) {
        return lock.secondsLeft(clock.instant());
    }

    /** Every lock in force now. */
    public List<Lock> locks() {
        return jdbc.query("SELECT user_id, client, failures, locked_until FROM login_throttle WHERE locked_until > ?"
                + " ORDER BY user_id, client", (rs, i) -> new Lock(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getTimestamp(4).toInstant()), Timestamp.from(clock.instant()));
    }

    /** A success clears the count of that pair (one primary-key delete, nothing when there is none). */
    public void succeeded(String userId, String client) {
        jdbc.update("DELETE FROM login_throttle WHERE user_id = ? AND client = ?", SecurityEvents.bounded(userId), client);
    }

    /** Removes every count and lock of a user id, from every address; how many pairs there were. */
    int unlock(String userId) {
        return jdbc.update("DELETE FROM login_throttle WHERE user_id = ?", SecurityEvents.bounded(userId));
    }

    /**
     * Counts one failure (inside the caller's transaction) and returns until when the pair is now locked, or null.
     *
     * <p>Three statements: the pair's row is made sure of by one that cannot collide with a concurrent failure of the
     * same pair ({@code INSERT ... ON CONFLICT DO NOTHING} on PostgreSQL, {@code MERGE ... WHEN NOT MATCHED} on H2;
     * a new row says 0 failures), then read {@code FOR UPDATE} and counted. The row lock serializes concurrent
     * failures of the pair, so N failures at once are N counted. Race28 F2: an {@code INSERT} that lost to a
     * concurrent first failure raised a duplicate key, which on PostgreSQL aborts the transaction, so the retry
     * failed too: a raw 500, and the failure's {@code LOGIN_FAILED} event and count were lost (21 CFR 11.300(d)).
     */
    Instant countFailure(String userId, String client, Instant at) {
        String id = SecurityEvents.bounded(userId);
        if (postgres()) {
            jdbc.update("INSERT INTO login_throttle (user_id, client, failures, last_failure_at) VALUES (?,?,0,?)"
                    + " ON CONFLICT (user_id, client) DO NOTHING", id, client, Timestamp.from(at));
        } else {
            jdbc.update("MERGE INTO login_throttle t USING (VALUES (CAST(? AS VARCHAR(255)), CAST(? AS VARCHAR(100))))"
                    + " AS s (user_id, client) ON t.user_id = s.user_id AND t.client = s.client"
                    + " WHEN NOT MATCHED THEN INSERT (user_id, client, failures, last_failure_at)"
                    + " VALUES (s.user_id, s.client, 0, ?)", id, client, Timestamp.from(at));
        }
        record Row(int failures, Instant lastFailureAt) {
        }
        Row row = jdbc.queryForObject("SELECT failures, last_failure_at FROM login_throttle"
                + " WHERE user_id = ? AND client = ? FOR UPDATE",
                (rs, i) -> new Row(rs.getInt(1), rs.getTimestamp(2).toInstant()), id, client);
        int failures = policy.failuresAfter(row.failures(), row.lastFailureAt(), at);
        Instant until = policy.lockedUntil(failures, at);
        jdbc.update("UPDATE login_throttle SET failures = ?, last_failure_at = ?, locked_until = ?"
                + " WHERE user_id = ? AND client = ?", failures, Timestamp.from(at),
                until == null ? null : Timestamp.from(until), id, client);
        return until;
    }

    /** Whether the database is PostgreSQL (else H2), read once from the connection's metadata. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>) c ->
                    "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }
}
