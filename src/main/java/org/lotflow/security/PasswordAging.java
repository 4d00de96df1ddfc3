package org.lotflow.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Password aging (21 CFR 11.300(b): passwords periodically checked, recalled or revised; EU GMP Annex 11 §12.1; sig28
 * L4). A password is expired {@code lotflow.security.password-max-age} (ISO-8601, default {@code P90D}; blank,
 * {@code 0}, {@code PT0S} or {@code P0D}: no aging) after it was last set, as the security audit trail recorded it: the
 * newest {@code PASSWORD_CHANGED} or {@code USER_CREATED ... with a password} of the user
 * ({@link SecurityEvents#passwordHistory}). A user whose setting the trail does not hold (an account older than the
 * trail) counts as expired: nobody can say how old the password is.
 *
 * <p>Measured on lotflow's own clock, the clock that dated the trail's events: on a demo day
 * ({@code lotflow.today}) the passwords set at start-up are dated on the demo day too, so the demo users do not
 * expire during a demo nor during the tests (their passwords are 0 days old on the seed's day, however far the real
 * date is from it). A database used on a demo day and then on the real clock sees its demo passwords as set on the
 * demo day: expired, to be changed at the next login.
 *
 * <p>What an expired password may still do: log in and change itself. {@code /api}, {@code /engine-rest}, the Console
 * and the webapps' API answer anything else with 403 and the sentence of {@link #refusal} naming the way
 * ({@link ApiAuthenticationFilter}, {@link ExpiredPasswordGate}); records and electronic signatures are refused
 * ({@link CurrentUser#requireOwnPassword}).
 */
@Component
public class PasswordAging {

    /** The property. */
    static final String PROPERTY = "lotflow.security.password-max-age";

    /** How many users' last settings are kept (a full memory is emptied). */
    private static final int MAX_KEPT = 10_000;

    private final Duration maxAge;
    private final Clock clock;
    private final ObjectProvider<SecurityEvents> events;
    private final CredentialCache cache;
    private final long keptNanos;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** A user's last setting as read, under the credential cache's generation, until {@code endsAtNanos}. */
    private record Kept(Instant lastSet, long generation, long endsAtNanos) {
    }

    public PasswordAging(@Value("${" + PROPERTY + ":P90D}") String maxAge, Clock clock,
            ObjectProvider<SecurityEvents> events, CredentialCache cache,
            @Value("${lotflow.security.credential-cache:PT30S}") Duration keep) {
        this.maxAge = maxAge(maxAge);
        this.clock = clock;
        this.events = events;
        this.cache = cache;
        this.keptNanos = keep.toNanos();
    }

    /**
     * The setting as a duration, or null when passwords do not age (blank, {@code 0}, a zero duration). Refuses the
     * start (IllegalArgumentException naming the property) for anything else than a positive ISO-8601 duration.
     */
    static Duration maxAge(String setting) {
        if (setting == null || setting.isBlank() || setting.trim().equals("0")) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(setting.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(PROPERTY + " must be an ISO-8601 duration such as P90D (90 days), or 0"
                    + " for no password aging; got '" + setting + "'");
        }
        if (d.isNegative()) {
            throw new IllegalArgumentException(PROPERTY + " must not be negative; got '" + setting + "'");
        }
        return d.isZero() ? null : d;
    }

    /** When the password {@code history} (newest first) shows was last set, or null when it holds no setting. */
    static Instant lastSet(List<SecurityEvent> history) {
        SecurityEvent last = OwnPassword.lastPasswordSet(history);
        return last == null ? null : last.at();
    }

    /**
     * Why {@code userId} may do nothing but change their password, or null while it is not expired (a rule without
     * Spring): expired when {@code maxAge} (null: no aging) has passed since {@code lastSet} (null: unknown) at
     * {@code now}. The sentence names the age, the setting and the way to change it.
     */
    static String refusal(String userId, Instant lastSet, Instant now, Duration maxAge) {
        if (maxAge == null) {
            return null;
        }
        if (lastSet != null && now.isBefore(lastSet.plus(maxAge))) {
            return null;
        }
        String set = lastSet == null ? "the security audit trail holds no record of when it was set"
                : "it was set on " + OwnPassword.when(new SecurityEvent(lastSet, null, userId, null, null, null))
                        + " and passwords are changed at least every " + shown(maxAge);
        return "The password of " + userId + " has expired (" + set + "; " + PROPERTY + ", 21 CFR 11.300(b)): change it,"
                + " then go on. Tasklist: your name at the top right, My Profile, Change Password; a script: PUT"
                + " /engine-rest/user/" + userId + "/credentials with {\"password\": the new one,"
                + " \"authenticatedUserPassword\": the current one}. Until then you may log in only to change it";
    }

    /** {@code P90D} as "90 days", anything else as written. */
    static String shown(Duration d) {
        if (d.toSeconds() % 86_400 == 0 && d.getNano() == 0) {
            long days = d.toDays();
            return days == 1 ? "1 day" : days + " days";
        }
        return d.toString();
    }

    /** Whether passwords age at all. */
    public boolean enabled() {
        return maxAge != null;
    }

    /** The refusal for {@code userId} given their password {@code history} as just read, at the clock's now. */
    String refusal(String userId, List<SecurityEvent> history) {
        return maxAge == null ? null : refusal(userId, lastSet(history), clock.instant(), maxAge);
    }

    /**
     * Why {@code userId}'s password is expired, or null, for the filters on every call: the last setting is kept for
     * the credential cache's time to live and dropped at any identity change on this node; an expired answer is always
     * read again from the trail (a password just changed, on any node, is never refused).
     */
    String expired(String userId) {
        if (maxAge == null || userId == null) {
            return null;
        }
        long generation = cache.localGeneration();
        Kept k = kept.get(userId);
        long now = System.nanoTime();
        if (k != null && k.generation() == generation && now - k.endsAtNanos() < 0) {
            if (refusal(userId, k.lastSet(), clock.instant(), maxAge) == null) {
                return null;
            }
        }
        Instant lastSet = lastSet(events.getObject().passwordHistory(userId));
        if (keptNanos > 0) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(userId, new Kept(lastSet, generation, now + keptNanos));
        }
        return refusal(userId, lastSet, clock.instant(), maxAge);
    }
}
