package org.lotflow.history.internal.chain;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends committed lot events to the audit chain ({@link ChainHash}), in id order, under the head's lock so one
 * sealer runs at a time on any node of a cluster. Writers of events never wait for it. An event id is handed out
 * when its transaction inserts it, so a long transaction can commit an event below ids already sealed: a regular
 * run looks above the low watermark (the last event id older than {@code lotflow.audit.commit-lag}, default 10
 * minutes, below which every event is committed and sealed); a sweep ({@code sweep = true}, before every
 * verification) looks at every event.
 *
 * <p>Only events whose record seal ({@link EventMac}, {@code lot_event.mac}) is valid under lotflow's key are sealed:
 * a row written by SQL, or changed before it was sealed, stays out of the chain for good, and
 * {@link EventMacCheck} names it at every verification (audit29 F4).
 */
@Component
public class AuditSealer {

    private static final int BATCH = 2000;

    private final AuditChainStore store;
    private final AuditMacKey key;
    private final Clock clock;
    private final Duration commitLag;

    public AuditSealer(AuditChainStore store, AuditMacKey key, Clock clock,
            @Value("${lotflow.audit.commit-lag:PT10M}") Duration commitLag) {
        this.store = store;
        this.key = key;
        this.clock = clock;
        this.commitLag = commitLag;
    }

    /** Seals every committed, unsealed event; answers how many. */
    @Transactional
    public long seal(boolean sweep) {
        return seal(sweep, false);
    }

    /**
     * Seals every unsealed event with a valid record seal and, once, every unsealed event written before record seals
     * existed (none): the first start's sealing of the rows that existed ({@link AuditMacBackfill}), under its lock.
     */
    @Transactional
    public long sealLegacy() {
        return seal(true, true);
    }

    private long seal(boolean sweep, boolean legacy) {
        AuditChainStore.Head head = store.lockHead();
        long position = head.position();
        String hash = head.hash();
        long after = sweep ? 0 : head.lowEventId();
        long sealed = 0;
        // the clock that stamps the events (lotflow's one Clock), so the lag compares like with like
        java.time.Instant now = clock.instant();
        while (true) {
            List<AuditChainStore.Stored> events = store.unsealedWithMac(after, BATCH);
            List<AuditChainStore.Seal> seals = new ArrayList<>(events.size());
            for (AuditChainStore.Stored stored : events) {
                ChainHash.Event e = stored.event();
                after = e.id();
                if (!(legacy && stored.mac() == null) && !key.valid(e, stored.mac())) {
                    continue; // not written by lotflow (or changed since): never sealed, named by every verification
                }
                String next = ChainHash.next(hash, e);
                seals.add(new AuditChainStore.Seal(++position, e.id(), hash, next));
                hash = next;
            }
            if (!seals.isEmpty()) {
                store.insert(seals, now);
                sealed += seals.size();
            }
            if (events.size() < BATCH) {
                break;
            }
        }
        Long low = store.lastEventBefore(head.lowEventId(), now.minus(commitLag));
        store.moveHead(position, hash, low == null ? head.lowEventId() : Math.max(low, head.lowEventId()));
        return sealed;
    }
}
