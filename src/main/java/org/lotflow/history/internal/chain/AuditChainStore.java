package org.lotflow.history.internal.chain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit chain's tables (V110): {@code audit_seal} (one row per sealed {@code lot_event}, never changed),
 * {@code audit_chain_head} (the end of the chain and the low watermark of sealed events) and {@code audit_check}
 * (every verification). Callers hold the transaction; {@link #lockHead()} serialises sealers across nodes.
 */
@Component
public class AuditChainStore {

    private static final String EVENT_COLUMNS = "e.id, e.lot_id, e.at, e.type, e.user_id, e.user_name,"
            + " e.previous_status, e.new_status, e.reason, e.detail";

    private final JdbcTemplate jdbc;
    /** Reads the chain in slices of 1,000 rows (a PostgreSQL cursor inside the transaction), never all at once. */
    private final JdbcTemplate walking;

    public AuditChainStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.walking = new JdbcTemplate(jdbc.getDataSource());
        this.walking.setFetchSize(1000);
    }

    /** The end of the chain: last position, its hash, and the event id up to which every event is sealed. */
    public record Head(long position, String hash, long lowEventId) {
    }

    /** The head, locked until the transaction ends: one sealer at a time on every node. */
    public Head lockHead() {
        return jdbc.queryForObject("SELECT position, hash, low_event_id FROM audit_chain_head WHERE id = 1 FOR UPDATE",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    public Head head() {
        return jdbc.queryForObject("SELECT position, hash, low_event_id FROM audit_chain_head WHERE id = 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)));
    }

    /** Committed events above {@code afterId} that have no seal yet, in id order, at most {@code limit}. */
    public List<ChainHash.Event> unsealed(long afterId, int limit) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + " FROM lot_event e WHERE e.id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id) ORDER BY e.id FETCH FIRST " + limit
                + " ROWS ONLY", (rs, n) -> event(rs, 1), afterId);
    }

    /** A stored event with its record seal ({@link EventMac}; null for a row written without one). */
    public record Stored(ChainHash.Event event, String mac) {
    }

    /** As {@link #unsealed}, each event with its record seal. */
    public List<Stored> unsealedWithMac(long afterId, int limit) {
        return jdbc.query("SELECT " + EVENT_COLUMNS + ", e.mac FROM lot_event e WHERE e.id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM audit_seal s WHERE s.event_id = e.id) ORDER BY e.id FETCH FIRST " + limit
                + " ROWS ONLY", (rs, n) -> new Stored(event(rs, 1), rs.getString(11)), afterId);
    }

    /** Every event above {@code afterId} in id order, with its record seal, fed one by one (a cursor, never all). */
    public void eachWithMac(long afterId, java.util.function.Consumer<Stored> each) {
        walking.query("SELECT " + EVENT_COLUMNS + ", e.mac FROM lot_event e WHERE e.id > ? ORDER BY e.id",
                rs -> {
                    each.accept(new Stored(event(rs, 1), rs.getString(11)));
                }, afterId);
    }

    /** One new seal. */
    public record Seal(long position, long eventId, String previousHash, String hash) {
    }

    public void insert(List<Seal> seals, Instant at) {
        jdbc.batchUpdate("INSERT INTO audit_seal (position, event_id, previous_hash, hash, sealed_at)"
                + " VALUES (?, ?, ?, ?, ?)", seals, seals.size(), (ps, s) -> {
                    ps.setLong(1, s.position());
                    ps.setLong(2, s.eventId());
                    ps.setString(3, s.previousHash());
                    ps.setString(4, s.hash());
                    ps.setTimestamp(5, Timestamp.from(at));
                });
    }

    public void moveHead(long position, String hash, long lowEventId) {
        jdbc.update("UPDATE audit_chain_head SET position = ?, hash = ?, low_event_id = ? WHERE id = 1", position, hash,
                lowEventId);
    }

    /** The highest event id above {@code afterId} written before {@code cutoff} (null: none). */
    public Long lastEventBefore(long afterId, Instant cutoff) {
        return jdbc.queryForObject("SELECT MAX(id) FROM lot_event WHERE id > ? AND at < ?", Long.class, afterId,
                Timestamp.from(cutoff));
    }

    /**
     * Feeds every seal up to {@code upToPosition} (the head read before), in position order, with its event as stored
     * now (null when gone), to the walk.
     */
    public void walk(ChainWalk walk, long upToPosition) {
        walk(walk, null, upToPosition);
    }

    /**
     * As {@link #walk(ChainWalk, long)}, feeding every seal's event to {@code masterData} too (null: none), in the same
     * pass: the chain vouches for the fingerprints the master-data walk reads.
     */
    public void walk(ChainWalk walk, MasterDataWalk masterData, long upToPosition) {
        walk(walk, masterData, null, upToPosition);
    }

    /**
     * As {@link #walk(ChainWalk, MasterDataWalk, long)}, feeding every seal's event to {@code signed} too (null: none),
     * in the same pass: the chain vouches for the signed events the signed-records check compares rows with.
     */
    public void walk(ChainWalk walk, MasterDataWalk masterData, SignedEventWalk signed, long upToPosition) {
        walking.query("SELECT s.position, s.event_id, s.previous_hash, s.hash, " + EVENT_COLUMNS
                + " FROM audit_seal s LEFT JOIN lot_event e ON e.id = s.event_id WHERE s.position <= ?"
                + " ORDER BY s.position", rs -> {
                    rs.getLong(5);
                    ChainHash.Event event = rs.wasNull() ? null : event(rs, 5);
                    walk.accept(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), event);
                    if (masterData != null) {
                        masterData.accept(rs.getLong(1), event);
                    }
                    if (signed != null) {
                        signed.accept(rs.getLong(1), event);
                    }
                }, upToPosition);
    }

    /** The lot id of an event (null when the event is gone). */
    public Long lotIdOf(Long eventId) {
        if (eventId == null) {
            return null;
        }
        List<Long> found = jdbc.queryForList("SELECT lot_id FROM lot_event WHERE id = ?", Long.class, eventId);
        return found.isEmpty() ? null : found.get(0);
    }

    /** A chained event of no lot: {@code CLOCK_SET} (V208), with its detail as stored (JSON text). */
    public record PlantEvent(long eventId, Instant at, String type, String userId, String reason, String detail) {
    }

    /** The newest chained events of no lot of this type, newest first, at most {@code limit}. */
    public List<PlantEvent> plantEvents(String type, int limit) {
        return jdbc.query("SELECT id, at, type, user_id, reason, detail FROM lot_event WHERE lot_id IS NULL AND type = ?"
                + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", (rs, n) -> new PlantEvent(rs.getLong(1),
                        instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)), type);
    }

    /** A recorded verification. */
    public record Check(Instant checkedAt, String checkedBy, boolean intact, long events, String lastHash,
            Long brokenPosition, Long brokenEventId, String problem) {
    }

    public void record(Check c) {
        jdbc.update("INSERT INTO audit_check (checked_at, checked_by, intact, events, last_hash, broken_position,"
                + " broken_event_id, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", Timestamp.from(c.checkedAt()),
                c.checkedBy(), c.intact(), c.events(), c.lastHash(), c.brokenPosition(), c.brokenEventId(),
                c.problem());
    }

    public Optional<Check> latest() {
        List<Check> found = jdbc.query("SELECT checked_at, checked_by, intact, events, last_hash, broken_position,"
                + " broken_event_id, problem FROM audit_check ORDER BY checked_at DESC, id DESC FETCH FIRST 1 ROWS ONLY",
                (rs, n) -> new Check(instant(rs, 1), rs.getString(2), rs.getBoolean(3), rs.getLong(4), rs.getString(5),
                        (Long) rs.getObject(6, Long.class), (Long) rs.getObject(7, Long.class), rs.getString(8)));
        return found.stream().findFirst();
    }

    private static ChainHash.Event event(ResultSet rs, int first) throws SQLException {
        return new ChainHash.Event(rs.getLong(first), rs.getObject(first + 1, Long.class), instant(rs, first + 2),
                rs.getString(first + 3), rs.getString(first + 4), rs.getString(first + 5), rs.getString(first + 6),
                rs.getString(first + 7), rs.getString(first + 8), rs.getString(first + 9));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
