package org.lotflow.history;

import java.time.Instant;
import java.util.Map;

/**
 * An electronic signature as the lot's hash-chained history recorded it at the signing ({@code lot_event.detail
 * .signature} = {@code {userId, fullName, at, meaning}}, written by {@link LotHistory.Builder#signature}): the
 * signer's id, the printed name they signed with, the time and the meaning (21 CFR 11.50(a), 11.70). Every rendering
 * of a signed decision shows these, never the signer's current name from the identity store nor a signer or time
 * column of a business table, which a rename or an edit would change after the signing (auditor sig28 H1, M1, M2).
 * With the event's {@code type}, {@code lotId}, time ({@code eventAt}), {@code reason} and the rest of its
 * {@code detail} (a disposition's {@code decision}, an override's {@code orderNumber}, a closing's
 * {@code recallNumber}).
 */
public record RecordedSignature(Long lotId, String type, Instant eventAt, String userId, String fullName, Instant at,
        String meaning, String reason, Map<String, Object> detail) {

    /** The event's signature, or null when it carries none (or an incomplete one). */
    public static RecordedSignature of(LotHistory.Entry e, Long lotId) {
        if (!(e.detail().get("signature") instanceof Map<?, ?> sig) || !(sig.get("userId") instanceof String userId)
                || !(sig.get("at") instanceof String at) || !(sig.get("meaning") instanceof String meaning)) {
            return null;
        }
        Object name = sig.get("fullName");
        return new RecordedSignature(lotId, e.type(), e.at(), userId, name == null ? userId : name.toString(),
                Instant.parse(at), meaning, e.reason(), e.detail());
    }

    /** A value of the event's detail as text ("RELEASE" for a disposition's {@code decision}), or null. */
    public String detailText(String key) {
        Object v = detail.get(key);
        return v == null ? null : v.toString();
    }

    /** "Jennifer Lee (jennifer)": the printed name as signed, with the signer's id. */
    public String nameWithId() {
        return fullName.equals(userId) ? userId : fullName + " (" + userId + ")";
    }

    /** The signature as an API shows it: {@code userId}, {@code fullName}, {@code signedAt} (UTC), {@code meaning}. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("userId", userId);
        m.put("fullName", fullName);
        m.put("signedAt", at);
        m.put("meaning", meaning);
        return m;
    }
}
