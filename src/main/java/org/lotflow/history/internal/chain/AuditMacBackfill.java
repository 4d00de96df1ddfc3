package org.lotflow.history.internal.chain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first start with record seals ({@link EventMac}, V216) gives the rows written before them their record seal,
 * once, trusting the hash chain as it is verified at that moment (audit29 F4). Under the chain head's lock (one
 * node at a time), when {@code audit_mac_key.backfilled_at} is not yet set:
 * <ol>
 * <li>the rows without a record seal that are not yet in the chain (written in the last seal interval before the
 * upgrade) are sealed into it, as the previous version would have;</li>
 * <li>the whole chain is walked ({@link ChainWalk}); when it is broken nothing is given a record seal: the rows stay
 * without one, every verification names them, and {@code backfill_note} says why;</li>
 * <li>else every row without a record seal (all in the chain now) gets one, and {@code audit_mac_key} records the
 * highest event id covered, how many rows, when and the chain's length.</li>
 * </ol>
 * The limit: a row forged by SQL before the upgrade and sealed into the chain by the previous version (which sealed
 * every row) is given a record seal like the others; record seals vouch for the origin of rows written after the
 * upgrade only.
 */
@Component
public class AuditMacBackfill implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(AuditMacBackfill.class);

    private final JdbcTemplate jdbc;
    private final AuditChainStore store;
    private final AuditSealer sealer;
    private final AuditMacKey key;
    private final Clock clock;
    private final TransactionTemplate tx;

    public AuditMacBackfill(JdbcTemplate jdbc, AuditChainStore store, AuditSealer sealer, AuditMacKey key, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.store = store;
        this.sealer = sealer;
        this.key = key;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    @Override
    public void afterSingletonsInstantiated() {
        tx.executeWithoutResult(status -> backfill());
    }

    private void backfill() {
        store.lockHead();
        Timestamp done = jdbc.queryForObject("SELECT backfilled_at FROM audit_mac_key WHERE id = 1 FOR UPDATE",
                (rs, n) -> rs.getTimestamp(1));
        if (done != null) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        long without = jdbc.queryForObject("SELECT COUNT(*) FROM lot_event WHERE mac IS NULL", Long.class);
        if (without == 0) {
            jdbc.update("UPDATE audit_mac_key SET backfilled_at = ?, backfilled_up_to = 0, backfilled_events = 0,"
                    + " backfill_note = ? WHERE id = 1", now, "no events without a record seal");
            return;
        }
        sealer.sealLegacy();
        AuditChainStore.Head head = store.head();
        ChainWalk walk = new ChainWalk();
        store.walk(walk, head.position());
        walk.end(head.position(), head.hash());
        if (walk.broken() != null) {
            String note = "refused: the hash chain is broken at position " + walk.broken().position() + " ("
                    + walk.broken().problem() + "); the " + without + " events written before record seals were"
                    + " given none";
            log.error("Audit record seals: {}", note);
            jdbc.update("UPDATE audit_mac_key SET backfilled_at = ?, backfilled_events = 0, backfill_note = ?"
                    + " WHERE id = 1", now, note.length() > 1000 ? note.substring(0, 1000) : note);
            return;
        }
        long[] count = {0};
        long[] upTo = {0};
        List<Object[]> batch = new ArrayList<>();
        store.eachWithMac(0, stored -> {
            if (stored.mac() == null) {
                batch.add(new Object[] {key.seal(stored.event()), stored.event().id()});
                count[0]++;
                upTo[0] = Math.max(upTo[0], stored.event().id());
                if (batch.size() == 1000) {
                    update(batch);
                }
            }
        });
        update(batch);
        jdbc.update("UPDATE audit_mac_key SET backfilled_at = ?, backfilled_up_to = ?, backfilled_events = ?,"
                + " backfill_note = ? WHERE id = 1", now, upTo[0], count[0],
                "the events written before record seals were given their record seal, trusting the hash chain"
                        + " verified intact at that moment (" + walk.events() + " events)");
        log.info("Audit record seals: gave {} events written before record seals (up to event {}) their record seal,"
                + " after verifying the hash chain ({} events)", count[0], upTo[0], walk.events());
    }

    private void update(List<Object[]> batch) {
        if (!batch.isEmpty()) {
            jdbc.batchUpdate("UPDATE lot_event SET mac = ? WHERE id = ? AND mac IS NULL", batch);
            batch.clear();
        }
    }
}
