package org.lotflow.history;

import org.lotflow.history.internal.LotEvent;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.lotflow.history.internal.LotEventRepository;
import org.lotflow.history.internal.LotEventRows;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes and reads the audit trail. Events are written in the transaction of the change they
 * describe, so an event exists exactly when its change does.
 */
@Service
public class LotHistory {

    /**
     * Reads an event's detail back with every decimal as the {@link java.math.BigDecimal} that was recorded: as a
     * {@code double}, the lab value 999999999999.999999 read back as {@code 1.0E12} and quantities as {@code 1000.0}
     * (auditor 2026-12-06 G4; 21 CFR 11.10(b), accurate and complete copies).
     */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final LotEventRepository events;
    private final LotEventRows rows;
    private final CurrentUser currentUser;
    private final Clock clock;

    public LotHistory(LotEventRepository events, LotEventRows rows, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.rows = rows;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A view of one event as the API shows it. */
    public record Entry(java.time.Instant at, String type, String user, String userName, String previousStatus,
            String newStatus, String reason, Map<String, Object> detail) {
    }

    /** Starts an event by the acting user (or the system when the engine acts). */
    public Builder event(Long lotId, String type) {
        return new Builder(lotId, type).by(currentUser.id());
    }

    @Transactional(readOnly = true)
    public List<Entry> of(Long lotId) {
        return events.findByLotIdOrderByIdAsc(lotId).stream().map(LotHistory::toEntry).toList();
    }

    @Transactional(readOnly = true)
    public List<Entry> of(Long lotId, String type) {
        return events.findByLotIdAndTypeOrderByIdAsc(lotId, type).stream().map(LotHistory::toEntry).toList();
    }

    /**
     * The electronic signatures in the lot's history on events of these types, as recorded at the signing
     * ({@link RecordedSignature}), oldest first; events of these types without a signature are left out.
     */
    @Transactional(readOnly = true)
    public List<RecordedSignature> signatures(Long lotId, String... types) {
        // only the events of these types are read and their details parsed, not the lot's whole history (a lot
        // with thousands of allocation events is viewed as fast as one without)
        return events.findOfTypes(lotId, java.util.List.of(types)).stream()
                .map(e -> RecordedSignature.of(toEntry(e), lotId)).filter(java.util.Objects::nonNull).toList();
    }

    /** Whether the lot's status ever changed to {@code status} (a {@code STATUS_CHANGED} event with that new status). */
    @Transactional(readOnly = true)
    public boolean everReached(Long lotId, String status) {
        return of(lotId, LotEventTypes.STATUS_CHANGED).stream().anyMatch(e -> status.equals(e.newStatus()));
    }

    private static Entry toEntry(LotEvent e) {
        return new Entry(e.getAt(), e.getType(), e.getUserId(), e.getUserName(), e.getPreviousStatus(),
                e.getNewStatus(), e.getReason(), readDetail(e.getDetail()));
    }

    static Map<String, Object> readDetail(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            return Map.of("raw", json);
        }
    }

    /** The longest reason a history event keeps (column {@code lot_event.reason}). */
    public static final int MAX_REASON = 16000;

    /** Fluent builder for one event; {@link #record()} writes it. */
    public final class Builder {
        private final Long lotId;
        private final String type;
        private String userId;
        private String previousStatus;
        private String newStatus;
        private String reason;
        private java.time.Instant at;
        private final Map<String, Object> detail = new LinkedHashMap<>();

        private Builder(Long lotId, String type) {
            this.lotId = lotId;
            this.type = type;
        }

        public Builder by(String userId) {
            this.userId = userId == null ? CurrentUser.SYSTEM : userId;
            return this;
        }

        /**
         * The event's time, read from the clock once by a caller who keeps the same instant in its own row (a hold's
         * {@code decided_at}, an order's override time) and answers it: one signature, one time (auditor sig28 L1).
         * Without it the event is dated when it is written, or at its {@link #signature(String)}.
         */
        public Builder at(java.time.Instant at) {
            this.at = at;
            return this;
        }

        public Builder status(Object previous, Object next) {
            this.previousStatus = previous == null ? null : previous.toString();
            this.newStatus = next == null ? null : next.toString();
            return this;
        }

        public Builder reason(String reason) {
            if (reason != null && reason.length() > MAX_REASON) {
                // never cut: the whole request is refused and nothing of it is kept
                throw new org.lotflow.shared.InvalidInput("reason", "must be at most " + MAX_REASON
                        + " characters, was " + reason.length());
            }
            this.reason = reason;
            return this;
        }

        public Builder detail(String key, Object value) {
            if (value != null) {
                detail.put(key, value);
            }
            return this;
        }

        public Builder details(Map<String, ?> values) {
            values.forEach(this::detail);
            return this;
        }

        /**
         * Adds an electronic signature (21 CFR 11.50): the signer's id and full name, the time and
         * the meaning of the signature. The time is the event's ({@link #at}, or the clock read once here for both):
         * the signature and its event have one time (auditor sig28 L1: three times for one signature).
         */
        public Builder signature(String meaning) {
            if (at == null) {
                at = clock.instant();
            }
            return signature(meaning, at);
        }

        /**
         * {@link #signature(String)} given at {@code signedAt}: a decision signed earlier and carried out now (a recall's
         * closing, signed on its task and carried out by its job, in the signer's name: {@link #by}).
         */
        public Builder signature(String meaning, java.time.Instant signedAt) {
            Map<String, Object> signature = new LinkedHashMap<>();
            signature.put("userId", userId);
            signature.put("fullName", currentUser.signedName(userId));
            signature.put("at", signedAt.toString());
            signature.put("meaning", meaning);
            detail.put("signature", signature);
            return this;
        }

        /** Writes the event (in the caller's transaction) and returns it as read back; never updated or deleted afterwards. */
        public Entry record() {
            return toEntry(events.save(rows.entity(lotId, at != null ? at : clock.instant(), type, userId,
                    currentUser.fullName(userId), previousStatus, newStatus, reason, detailJson())));
        }

        /**
         * Writes the same event as {@link #record()} does, by plain SQL and without reading it back (issue
         * #11: an order's allocation events). The row is there at once for any query of the transaction; it
         * is not an entity of the persistence context.
         */
        public void append() {
            rows.insert(lotId, at != null ? at : clock.instant(), type, userId, currentUser.fullName(userId), previousStatus, newStatus,
                    reason, detailJson());
        }

        private String detailJson() {
            try {
                return detail.isEmpty() ? null : JSON.writeValueAsString(detail);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("history detail is not serializable", e);
            }
        }
    }
}
