package org.lotflow.security;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity version of the whole cluster: the single row of {@code identity_version} (V201), a number that every
 * node raises in the same transaction as any change to users, groups, tenants or memberships ({@link CredentialCache}'s
 * hook on the engine's writable identity session). A node that finds the number changed since it kept a login knows
 * that some identity changed somewhere and forgets what it kept.
 *
 * <p>Shapes: {@link #read()} one primary-key read, {@code SELECT version FROM identity_version WHERE id = 1};
 * {@link #raise()} {@code UPDATE identity_version SET version = version + 1 WHERE id = 1} in the caller's transaction
 * (its row lock queues concurrent identity changes until the first commits). Source: race28 F1, a role removed on one
 * node stayed in force on another for up to 30 s over HTTP Basic (README "Security"; 21 CFR 11.10(d), 11.10(g)).
 */
interface IdentityVersion {

    /** The committed version now. */
    long read();

    /** Raises the version in the current transaction. */
    void raise();

    /** A single node without a database (unit tests): never changes by itself. */
    IdentityVersion NONE = new IdentityVersion() {
        @Override
        public long read() {
            return 0;
        }

        @Override
        public void raise() {
        }
    };

    /** The {@code identity_version} row read and raised through {@code jdbc}. */
    static IdentityVersion of(JdbcTemplate jdbc) {
        return new IdentityVersion() {
            @Override
            public long read() {
                Long version = jdbc.queryForObject("SELECT version FROM identity_version WHERE id = 1", Long.class);
                return version == null ? 0 : version;
            }

            @Override
            public void raise() {
                jdbc.update("UPDATE identity_version SET version = version + 1 WHERE id = 1");
            }
        };
    }
}
