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
 */
@Component
public class AuditSealer {

    private static final int BATCH = 2000;

    private final AuditChainStore store;
    private final Clock clock;
    private final Duration commitLag;

    public AuditSealer(AuditChainStore store, Clock clock,
            @Value("${lotflow.audit.commit-lag:PT10M}") Duration commitLag) {
        this.store = store;
        this.clock = clock;
        this.commitLag = commitLag;
    }

    /** Seals every committed, unsealed event; answers how many. */
    @Transactional
    public long seal(boolean sweep) {
        AuditChainStore.Head head = store.lockHead();
        long position = head.position();
        String hash = head.hash();
        long after = sweep ? 0 : head.lowEventId();
        long sealed = 0;
        // the clock that stamps the events (lotflow's one Clock), so the lag compares like with like
        java.time.Instant now = clock.instant();
        while (true) {
            List<ChainHash.Event> events = store.unsealed(after, BATCH);
            List<AuditChainStore.Seal> seals = new ArrayList<>(events.size());
            for (ChainHash.Event e : events) {
                String next = ChainHash.next(hash, e);
                seals.add(new AuditChainStore.Seal(++position, e.id(), hash, next));
                hash = next;
                after = e.id();
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
