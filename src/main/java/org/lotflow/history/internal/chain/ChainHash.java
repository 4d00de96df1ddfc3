package org.lotflow.history.internal.chain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit chain's hash rule (issue #16; README, "Audit trail"), a plain rule without Spring or database:
 * <pre>
 *   canonical(event) = the JSON array [id, lotId, at, type, userId, userName, previousStatus, newStatus, reason,
 *                      detail], numbers as JSON numbers, at as ISO-8601 UTC (java.time.Instant#toString of the
 *                      stored time), absent values as null (lotId of an event of no lot: CLOCK_SET), detail as
 *                      its stored JSON text (a string);
 *                      no whitespace, UTF-8
 *   hash(n)          = lowercase hex SHA-256 of  hash(n-1) + "\n" + canonical(event at position n)
 *   hash(0)          = 64 zeros ({@link #GENESIS})
 * </pre>
 * Anyone can recompute a chain from the tables with these lines and any SHA-256 tool.
 */
public final class ChainHash {

    /** The hash before the first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChainHash() {
    }

    /**
     * One stored event as the chain reads it; {@code lotId} null for an event of no lot ({@code CLOCK_SET}, V208), whose
     * canonical text then has {@code null} there.
     */
    public record Event(long id, Long lotId, Instant at, String type, String userId, String userName,
            String previousStatus, String newStatus, String reason, String detail) {

        /** An event of a lot. */
        public Event(long id, long lotId, Instant at, String type, String userId, String userName,
                String previousStatus, String newStatus, String reason, String detail) {
            this(id, Long.valueOf(lotId), at, type, userId, userName, previousStatus, newStatus, reason, detail);
        }
    }

    /** The canonical text of an event. */
    public static String canonical(Event e) {
        try {
            return JSON.writeValueAsString(Arrays.asList(e.id(), e.lotId(),
                    e.at() == null ? null : DateTimeFormatter.ISO_INSTANT.format(e.at()), e.type(), e.userId(),
                    e.userName(), e.previousStatus(), e.newStatus(), e.reason(), e.detail()));
        } catch (JsonProcessingException x) {
            throw new IllegalStateException(x);
        }
    }

    /** The hash of an event that follows {@code previousHash}. */
    public static String next(String previousHash, Event e) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(canonical(e).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", x);
        }
    }
}
