package org.lotflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.lotflow.history.internal.chain.AuditChainStore;
import org.lotflow.history.internal.chain.AuditSealer;
import org.lotflow.history.internal.chain.ChainHash;
import org.lotflow.history.internal.chain.ChainWalk;
import org.lotflow.security.CurrentUser;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A check whose reads straddle another sealer's commit (audit 2026-12-05: three checks at once reported "seals at
 * its end were deleted", recorded for good). The store below answers its first read from a chain of 2 seals and
 * every later read from the same chain grown to 3, as PostgreSQL and H2 do at READ COMMITTED when a sealer commits
 * in between. No Spring, no database.
 */
class AuditCheckRaceTest {

    private record Seal(long position, long eventId, String previous, String hash, ChainHash.Event event) {
    }

    private static List<Seal> chain(int length) {
        List<Seal> seals = new ArrayList<>();
        String hash = ChainHash.GENESIS;
        for (long id = 1; id <= length; id++) {
            ChainHash.Event e = new ChainHash.Event(id, 7, Instant.parse("2025-01-28T14:05:00Z"), "STATUS_CHANGED",
                    "jennifer", "Jennifer Lee", "PENDING", "RELEASED", "reason " + id, "{}");
            String next = ChainHash.next(hash, e);
            seals.add(new Seal(id, id, hash, next, e));
            hash = next;
        }
        return seals;
    }

    @Test
    void aSealCommittedBetweenTheCheckReadsIsLeftToTheNextCheck() {
        List<Seal> grown = chain(3);
        int[] reads = {0};
        AuditChainStore store = mock(AuditChainStore.class);
        when(store.head()).thenAnswer(inv -> {
            int length = reads[0]++ == 0 ? 2 : 3;
            Seal last = grown.get(length - 1);
            return new AuditChainStore.Head(last.position(), last.hash(), 0);
        });
        doAnswer(inv -> {
            int length = reads[0]++ == 0 ? 2 : 3;
            ChainWalk walk = inv.getArgument(0);
            long upTo = inv.getArgument(3);
            grown.stream().limit(length).filter(s -> s.position() <= upTo)
                    .forEach(s -> walk.accept(s.position(), s.eventId(), s.previous(), s.hash(), s.event()));
            return null;
        }).when(store).walk(any(), any(), any(), anyLong());
        org.lotflow.history.internal.chain.EventMacCheck macs = mock(org.lotflow.history.internal.chain.EventMacCheck.class);
        when(macs.check()).thenReturn(new org.lotflow.history.internal.chain.EventMacCheck.Result(List.of(), 0));
        AuditTrail trail = new AuditTrail(mock(AuditSealer.class), store, macs, mock(LotNumbers.class),
                mock(org.lotflow.product.ProductService.class), mock(CurrentUser.class), Clock.fixed(Instant.parse("2025-01-28T15:00:00Z"), ZoneOffset.UTC),
                mock(PlatformTransactionManager.class), new SimpleMeterRegistry(), java.util.List.of(), agreeing());

        AuditTrail.Verification v = trail.check("jennifer");

        assertThat(v.intact()).as(String.valueOf(v.firstBroken())).isTrue();
        assertThat(v.events()).isEqualTo(2);
    }

    /** The business records agree with the trail (BusinessRecordsWalk is not what this test is about). */
    private static org.lotflow.history.internal.chain.BusinessRecordsWalk agreeing() {
        org.lotflow.history.internal.chain.BusinessRecordsWalk walk =
                mock(org.lotflow.history.internal.chain.BusinessRecordsWalk.class);
        when(walk.walk()).thenReturn(new BusinessRecords.Reconciliation(0, 0, List.of()));
        return walk;
    }
}
