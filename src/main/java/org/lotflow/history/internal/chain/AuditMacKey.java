package org.lotflow.history.internal.chain;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The key of the lot events' record seals ({@link EventMac}; audit29 F4), held outside the database:
 * <ul>
 * <li>{@code lotflow.audit.mac-key} (environment {@code LOTFLOW_AUDIT_MAC_KEY}): the key in base64, at least 32
 * bytes; a shorter or malformed key is a refused start;</li>
 * <li>else the file {@code lotflow.audit.mac-key-file} (default {@code data/audit-mac.key} below the working
 * directory, beside the default H2 database): read when it exists, else made once with 32 random bytes in base64,
 * readable by its owner only (600), and reused at every start.</li>
 * </ul>
 * The database keeps the key's fingerprint ({@code audit_mac_key}, one row, written by the first start): a start
 * with another key is refused with a message naming both fingerprints, so a node of a cluster never writes rows
 * the other nodes cannot verify. 21 CFR 11.10(e), 11.70; EU GMP Annex 11 §9, §14.
 */
@Component
public class AuditMacKey {

    private static final Logger log = LoggerFactory.getLogger(AuditMacKey.class);

    private final byte[] key;
    private final String fingerprint;

    public AuditMacKey(JdbcTemplate jdbc, Clock clock, @Value("${lotflow.audit.mac-key:}") String configured,
            @Value("${lotflow.audit.mac-key-file:data/audit-mac.key}") String file) {
        this.key = configured.isBlank() ? fromFile(Path.of(file)) : decode(configured.trim(), "lotflow.audit.mac-key");
        this.fingerprint = EventMac.fingerprint(key);
        List<String> stored = jdbc.queryForList("SELECT fingerprint FROM audit_mac_key WHERE id = 1", String.class);
        if (stored.isEmpty()) {
            try {
                jdbc.update("INSERT INTO audit_mac_key (id, fingerprint, recorded_at) VALUES (1, ?, ?)", fingerprint,
                        Timestamp.from(clock.instant()));
                stored = List.of(fingerprint);
            } catch (DuplicateKeyException raced) {
                // another node started at the same moment and recorded its key first
                stored = jdbc.queryForList("SELECT fingerprint FROM audit_mac_key WHERE id = 1", String.class);
            }
        }
        if (!stored.get(0).equals(fingerprint)) {
            throw new IllegalStateException("lotflow refuses to start: its audit record key (fingerprint "
                    + fingerprint + ") is not the key this database's audit trail is sealed with (fingerprint "
                    + stored.get(0) + "). Every node of a cluster must be given the same key: set"
                    + " lotflow.audit.mac-key (LOTFLOW_AUDIT_MAC_KEY) or lotflow.audit.mac-key-file to the key the"
                    + " other nodes use (README, \"Security\").");
        }
    }

    /** The key (the caller must not change or show it). */
    byte[] key() {
        return key;
    }

    /** The key's fingerprint, lowercase hex ({@link EventMac#fingerprint}). */
    public String fingerprint() {
        return fingerprint;
    }

    /** A new record seal of an event ({@link EventMac#seal}). */
    public String seal(ChainHash.Event e) {
        return EventMac.seal(key, e);
    }

    /** Whether {@code mac} is a record seal of the event made with this key. */
    public boolean valid(ChainHash.Event e, String mac) {
        return EventMac.valid(key, e, mac);
    }

    private static byte[] decode(String base64, String where) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("lotflow refuses to start: the audit record key in " + where
                    + " is not base64: " + e.getMessage());
        }
        if (decoded.length < EventMac.MIN_KEY_BYTES) {
            throw new IllegalStateException("lotflow refuses to start: the audit record key in " + where + " has "
                    + decoded.length + " bytes; it needs at least " + EventMac.MIN_KEY_BYTES
                    + " (e.g. openssl rand -base64 32)");
        }
        return decoded;
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) {
                    Files.createDirectories(dir);
                }
                try {
                    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
                    if (posix) {
                        Files.createFile(file, PosixFilePermissions.asFileAttribute(
                                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
                    } else {
                        Files.createFile(file);
                    }
                    Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
                    log.warn("Made a new audit record key in {} (readable by its owner only). Keep a copy in a safe"
                            + " place: without it the audit trail cannot be verified (README, \"Security\").",
                            file.toAbsolutePath());
                } catch (FileAlreadyExistsException raced) {
                    // another process made it meanwhile: read theirs
                }
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toAbsolutePath().toString());
        } catch (IOException e) {
            throw new IllegalStateException("lotflow refuses to start: cannot read or make the audit record key file "
                    + file.toAbsolutePath() + ": " + e);
        }
    }
}
