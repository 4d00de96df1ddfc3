package org.lotflow.history.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The record seal of one {@code lot_event} row (audit29 F4; 21 CFR 11.10(e), 11.70; EU GMP Annex 11 §9, §14): an
 * HMAC-SHA256 with a key lotflow holds outside the database ({@code AuditMacKey}), so a row written by SQL, or
 * changed by SQL, has no valid seal. A plain rule without Spring or database:
 * <pre>
 *   nonce            = 16 random bytes, lowercase hex (32 characters), new for every row
 *   canonical(event) = the JSON array ["lotflow-event-v1", nonce, lotId, at, type, userId, userName,
 *                      previousStatus, newStatus, reason, detail], as {@link ChainHash#canonical} writes
 *                      them (at as ISO-8601 UTC of the stored time, absent values as null), without the id
 *                      (the database hands it out after the row is written); UTF-8, no whitespace
 *   mac              = "v1." + nonce + "." + lowercase hex HMAC-SHA256(key, canonical(event))
 * </pre>
 * The nonce makes every row's seal unique: the {@code lot_event.mac} column is unique, so a copy of a row with its
 * seal (a replayed signature) is refused by the database. The key's fingerprint is
 * {@code HMAC-SHA256(key, "lotflow audit key fingerprint")} in lowercase hex.
 */
public final class EventMac {

    /** The shortest key accepted: 32 bytes (256 bits), the HMAC-SHA256 block's security level. */
    public static final int MIN_KEY_BYTES = 32;

    private static final String VERSION = "v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EventMac() {
    }

    /** The canonical text of an event with its nonce (the id is not part of it). */
    public static String canonical(String nonce, ChainHash.Event e) {
        try {
            return JSON.writeValueAsString(Arrays.asList("lotflow-event-v1", nonce, e.lotId(),
                    e.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(e.at()), e.type(), e.userId(),
                    e.userName(), e.previousStatus(), e.newStatus(), e.reason(), e.detail()));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /** A new seal of an event, with a fresh nonce. */
    public static String seal(byte[] key, ChainHash.Event e) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return seal(key, HexFormat.of().formatHex(nonce), e);
    }

    /** The seal of an event with a given nonce (32 lowercase hex characters). */
    public static String seal(byte[] key, String nonce, ChainHash.Event e) {
        return VERSION + "." + nonce + "." + hmac(key, canonical(nonce, e));
    }

    /** Whether {@code mac} is the seal of the event under the key (false for null or malformed seals). */
    public static boolean valid(byte[] key, ChainHash.Event e, String mac) {
        if (mac == null) {
            return false;
        }
        String[] parts = mac.split("\\.", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !parts[1].matches("[0-9a-f]{32}")) {
            return false;
        }
        return MessageDigest.isEqual(seal(key, parts[1], e).getBytes(StandardCharsets.US_ASCII),
                mac.getBytes(StandardCharsets.US_ASCII));
    }

    /** The key's fingerprint: lowercase hex HMAC-SHA256 of a constant; tells keys apart without showing them. */
    public static String fingerprint(byte[] key) {
        return hmac(key, "lotflow audit key fingerprint");
    }

    static String hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException x) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", x);
        }
    }
}
