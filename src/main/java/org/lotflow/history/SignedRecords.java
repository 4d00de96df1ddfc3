package org.lotflow.history;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A module's business rows that keep a copy of what a hash-chained event signed (a hold's disposition in
 * {@code lot_hold}, an override's decision in {@code sales_order}, an OOS decision in {@code oos_investigation}, a
 * recall's closing in {@code recall}): {@link AuditTrail#check} hands every sealed event
 * of the module's {@link #types()}, as the chain vouches for it, to {@link #check}, which answers each row whose signed
 * fields (decision, justification or comment, signer, time) no longer say what the event signed, or that claims a
 * signed decision no event records. An SQL edit of such a column changes no event and breaks no hash, so the chain
 * walk alone does not see it; this walk does (re-test N3; 21 CFR 11.10(e), 11.70: a signature stays linked to its
 * record). Implemented by the modules owning the tables (the history module reads no table of theirs).
 */
public interface SignedRecords {

    /**
     * A value as a disagreement's sentence quotes it: {@code 'text'} (at most 200 characters, then "…"), or "nothing"
     * for none.
     */
    static String quoted(String text) {
        if (text == null) {
            return "nothing";
        }
        return "'" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "'";
    }

    /**
     * What a row says against what event {@code eventId} signed, as a disagreement's sentence ("says 'x', but event 12
     * signed 'y'"), or null when they are the same.
     */
    static String changed(String signed, String now, long eventId) {
        return java.util.Objects.equals(signed, now) ? null
                : "says " + quoted(now) + ", but event " + eventId + " signed " + quoted(signed);
    }

    /** The event types whose signed content the module's rows copy. */
    Collection<String> types();

    /**
     * The disagreements between the module's rows and these events (all sealed events of {@link #types()}, in chain
     * order), in any order; empty when every row says what its event signed. Runs in the check's read-only
     * transaction.
     */
    List<Disagreement> check(List<SignedEvent> events);

    /**
     * One sealed event as the chain vouches for it: its chain {@code position}, id, lot, type, time ({@code at}, as
     * stored), the acting user ({@code userId}, the signer of a signed event), {@code reason} (a disposition's
     * justification, an override's comment) and {@code detail} (parsed; decimals as {@link java.math.BigDecimal}).
     */
    record SignedEvent(long position, long eventId, Long lotId, String type, Instant at, String userId, String reason,
            Map<String, Object> detail) {

        /** A value of the detail as text, or null. */
        public String detailText(String key) {
            Object v = detail.get(key);
            return v == null ? null : v.toString();
        }

        /** The signature's time ({@code detail.signature.at}), or null when the event carries no signature. */
        public Instant signedAt() {
            if (detail.get("signature") instanceof Map<?, ?> sig && sig.get("at") instanceof String at) {
                try {
                    return Instant.parse(at);
                } catch (java.time.format.DateTimeParseException e) {
                    return null;
                }
            }
            return null;
        }

        /**
         * Whether the signature and its event have one time (every signature since sig28 L1): then a business row's
         * copy of the signing time must be that time; a signature recorded before kept its own clock reading, and its
         * row's time is not compared.
         */
        public boolean oneTime() {
            Instant signed = signedAt();
            return signed != null && at != null && signed.truncatedTo(ChronoUnit.MICROS)
                    .equals(at.truncatedTo(ChronoUnit.MICROS));
        }
    }

    /**
     * A business row that disagrees with what was signed: the event it disagrees with ({@code position} and
     * {@code eventId}; null for a row claiming a signed decision no event records), the lot, the {@code table}, the
     * row's {@code key} ("id 12", "order_number SO-1"), the {@code field} (column) and the {@code problem} in a
     * sentence naming both values.
     */
    record Disagreement(Long position, Long eventId, Long lotId, String table, String key, String field,
            String problem) {
    }

    /** Two instants as one stored time (to the microsecond, as the databases keep it); both null is equal too. */
    static boolean sameTime(Instant a, Instant b) {
        return a == null ? b == null : b != null && a.truncatedTo(ChronoUnit.MICROS).equals(b.truncatedTo(
                ChronoUnit.MICROS));
    }
}
