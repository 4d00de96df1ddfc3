package org.lotflow.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A short-lived memory of verified HTTP Basic logins, so that a script or client making many calls
 * does not pay Camunda's password hash check and its group and tenant reads (three database reads and
 * a salted SHA-512) on every request. Issue #11: these made a lot lifecycle over HTTP 38-42 commits.
 *
 * <p>What is kept, per user id: a random 16-byte salt, SHA-256 of salt and password (never the password),
 * the user's group and tenant ids, and when the entry ends. A call is taken from the cache only when its
 * password hashes to the kept value before the entry ends; anything else (another password, an ended
 * entry, an unknown user) goes to the identity service as before, and a failed check forgets the user.
 *
 * <p>Emptied on every identity change made through this engine: saving or deleting a user (a password
 * change is a save), group or tenant, a group or tenant membership, an unlock. The plugin wraps the
 * engine's writable identity session, so the Java API, the admin webapp and {@code /engine-rest} are all
 * seen; it empties the cache at the change and again when its transaction commits (a login verified
 * in between against the old row is not kept: {@link #generation()}).
 *
 * <p>Another node's change is seen at once: the same hook raises the cluster's identity version
 * ({@link IdentityVersion}, table {@code identity_version}) in the change's transaction, and {@link #find}
 * reads that version (one primary-key read, made by an HTTP Basic call in the same statement as its lockout count:
 * {@link LoginThrottle#findWithIdentityVersion}) before it answers from a kept login; a version other than the
 * one this node last read empties the cache. So a membership removed, a user deleted or a password changed
 * on node A is in force on node B from A's commit on (race28 F1: a salesperson removed from {@code sales}
 * on one node placed orders on the other for up to 30 s). A login verified against the old rows while the
 * change commits is not kept: its generation, read (after the version) before the verification, is gone once
 * a call has read the new version. Cost: one read of one row per call, answered from the cache or before a
 * password check (issue #11's saving of the hash and the group and tenant reads stays).
 * Printed names ({@link #knownName}) are forgotten when this node next reads a new version (any kept HTTP
 * Basic login's next call), at the latest after the time to live; signatures read the name afresh.
 *
 * <p>Not used for: lotflow's lockout (checked before the cache on every call, {@link LoginThrottle});
 * electronic signatures, which always re-check the password with the identity service
 * ({@link ElectronicSignatures}); webapp logins.
 *
 * <p>Property {@code lotflow.security.credential-cache}: the time to live, an ISO-8601 duration,
 * default {@code PT30S}; {@code PT0S} switches the cache off. At most {@value #MAX_ENTRIES} users are
 * kept; a full cache is emptied.
 */
@Component
public class CredentialCache extends AbstractProcessEnginePlugin {

    /** The most users kept at once. */
    static final int MAX_ENTRIES = 10_000;

    /** A verified login: who, and the groups and tenants read for them at verification. */
    public record Login(String userId, List<String> groupIds, List<String> tenantIds) {
    }

    private record Entry(byte[] salt, byte[] hash, Login login, long endsAtNanos) {
    }

    /** A printed name read from the identity store at {@code generation}, kept until {@code endsAtNanos}. */
    private record Name(String fullName, long generation, long endsAtNanos) {
    }

    private final long ttlNanos;
    private final LongSupplier nanoTime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, Name> names = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final IdentityVersion version;
    /** The highest identity version this node has read; -1 before the first read. */
    private final AtomicLong versionSeen = new AtomicLong(-1);

    @Autowired
    public CredentialCache(@Value("${lotflow.security.credential-cache:PT30S}") Duration timeToLive, JdbcTemplate jdbc) {
        this(timeToLive, System::nanoTime, IdentityVersion.of(jdbc));
    }

    CredentialCache(Duration timeToLive, LongSupplier nanoTime) {
        this(timeToLive, nanoTime, IdentityVersion.NONE);
    }

    CredentialCache(Duration timeToLive, LongSupplier nanoTime, IdentityVersion version) {
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("lotflow.security.credential-cache must not be negative: " + timeToLive);
        }
        this.ttlNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
        this.version = version;
    }

    /** Whether logins are kept at all ({@code PT0S} switches the cache off). */
    public boolean enabled() {
        return ttlNanos > 0;
    }

    /**
     * The current generation: read it before verifying a password with the identity service and pass it
     * to {@link #remember}, so a login verified while an identity change happened is not kept. Reads the
     * cluster's identity version first (an identity changed on any node since this node last read it
     * empties the cache and moves the generation on).
     */
    public long generation() {
        if (enabled()) {
            catchUp(version.read()); // a login kept from now on was verified under this version or a later one
        }
        return generation.get();
    }

    /**
     * {@link #generation()} with the cluster's identity version already read by the caller in this call, before the
     * password is verified ({@link LoginThrottle#findWithIdentityVersion}): no second read.
     */
    public long generation(long identityVersionRead) {
        if (enabled()) {
            catchUp(identityVersionRead);
        }
        return generation.get();
    }

    /**
     * The generation as this node knows it, without reading the cluster's identity version: moves on at every identity
     * change on this node and at every newer version read ({@link PasswordAging} keeps what it read under it).
     */
    long localGeneration() {
        return generation.get();
    }

    /**
     * The kept login of this user id if the password matches it, it has not ended and no identity changed on any
     * node since it was kept (the cluster's identity version is read first, only when a login of this user is kept),
     * else null.
     */
    public Login find(String userId, String password) {
        if (!enabled()) {
            return null;
        }
        if (!entries.containsKey(userId)) {
            return null;
        }
        return find(userId, password, version.read());
    }

    /**
     * {@link #find(String, String)} with the cluster's identity version already read by the caller in this call
     * ({@link LoginThrottle#findWithIdentityVersion}): a version newer than any this node has read empties the cache
     * first, so a change committed on any node before that read is in force.
     */
    public Login find(String userId, String password, long identityVersionRead) {
        if (!enabled()) {
            return null;
        }
        catchUp(identityVersionRead);
        Entry entry = entries.get(userId);
        if (entry == null) {
            return null;
        }
        if (nanoTime.getAsLong() - entry.endsAtNanos() >= 0) {
            entries.remove(userId, entry);
            return null;
        }
        return MessageDigest.isEqual(entry.hash(), hash(entry.salt(), password)) ? entry.login() : null;
    }

    /** Keeps a login just verified by the identity service, unless identities changed since {@code seenGeneration}. */
    public void remember(long seenGeneration, String userId, String password, List<String> groupIds,
            List<String> tenantIds) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        Entry entry = new Entry(salt, hash(salt, password),
                new Login(userId, List.copyOf(groupIds), List.copyOf(tenantIds)), nanoTime.getAsLong() + ttlNanos);
        entries.put(userId, entry);
        if (generation.get() != seenGeneration) {
            entries.remove(userId, entry); // an identity change raced the verification: do not keep it
        }
    }

    /**
     * The printed name of a user kept by {@link #rememberName}, or null: not kept, older than the time to
     * live, an identity change happened on this node since, or this node has read a newer identity version
     * since (another node's change: {@link #find}). For history entries only; electronic signatures read the
     * name afresh ({@link CurrentUser#signedName}).
     */
    public String knownName(String userId) {
        if (!enabled()) {
            return null;
        }
        Name name = names.get(userId);
        if (name == null || name.generation() != generation.get() || nanoTime.getAsLong() - name.endsAtNanos() >= 0) {
            return null;
        }
        return name.fullName();
    }

    /** Keeps a printed name just read, unless identities changed since {@code seenGeneration}. */
    public void rememberName(long seenGeneration, String userId, String fullName) {
        if (!enabled() || generation.get() != seenGeneration) {
            return;
        }
        if (names.size() >= MAX_ENTRIES) {
            names.clear();
        }
        names.put(userId, new Name(fullName, seenGeneration, nanoTime.getAsLong() + ttlNanos));
    }

    /**
     * Empties the cache when {@code read} is newer than every identity version this node has read before: an
     * identity changed on some node. Emptied before the newer version is noted, so a concurrent call that reads the
     * new version too cannot take a kept login in between; the generation moves on, so a login verified before the
     * change committed is not kept ({@link #remember}).
     */
    private void catchUp(long read) {
        if (read > versionSeen.get()) {
            clear();
            versionSeen.accumulateAndGet(read, Math::max);
        }
    }

    /** Forgets one user's login (after a failed password check). */
    public void forget(String userId) {
        entries.remove(userId);
    }

    /** Forgets every login (any identity change). */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
        names.clear();
    }

    /** How many logins are kept (for tests). */
    int size() {
        return entries.size();
    }

    private static byte[] hash(byte[] salt, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wraps the engine's writable identity session so that every identity change empties the cache. */
    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        IdentitySessionHook.install(configuration, this, (method, args, call) -> {
            if (method.getDeclaringClass() == WritableIdentityProvider.class && !method.getName().startsWith("createNew")) {
                // before the change's own writes: every identity change takes this row lock first (one lock order)
                version.raise();
                clearNowAndAtCommit();
            }
            return call.proceed();
        });
    }

    private void clearNowAndAtCommit() {
        clear();
        CommandContext context = Context.getCommandContext();
        if (context != null) {
            context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, c -> clear());
            context.getTransactionContext().addTransactionListener(TransactionState.ROLLED_BACK, c -> clear());
        }
    }
}
