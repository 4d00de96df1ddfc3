package org.lotflow.history.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChainWalkTest {

    private static ChainHash.Event event(long id, String reason) {
        return new ChainHash.Event(id, 7, Instant.parse("2025-01-28T14:05:00.123456Z"), "STATUS_CHANGED", "jennifer",
                "Jennifer Lee", "PENDING", "RELEASED", reason, "{\"signature\":{\"meaning\":\"release approval\"}}");
    }

    private record Seal(long position, long eventId, String previous, String hash) {
    }

    private static List<Seal> seal(List<ChainHash.Event> events) {
        List<Seal> seals = new ArrayList<>();
        String hash = ChainHash.GENESIS;
        long position = 0;
        for (ChainHash.Event e : events) {
            String next = ChainHash.next(hash, e);
            seals.add(new Seal(++position, e.id(), hash, next));
            hash = next;
        }
        return seals;
    }

    @Test
    void theCanonicalFormIsTheDocumentedJsonArray() {
        assertThat(ChainHash.canonical(event(1, "Lab results within specification"))).isEqualTo(
                "[1,7,\"2025-01-28T14:05:00.123456Z\",\"STATUS_CHANGED\",\"jennifer\",\"Jennifer Lee\",\"PENDING\","
                        + "\"RELEASED\",\"Lab results within specification\","
                        + "\"{\\\"signature\\\":{\\\"meaning\\\":\\\"release approval\\\"}}\"]");
        // sha256("000...0\n" + canonical), as `printf '%s\n%s' ... | sha256sum` gives it
        assertThat(ChainHash.next(ChainHash.GENESIS, event(1, "x"))).hasSize(64).matches("[0-9a-f]{64}")
                .isNotEqualTo(ChainHash.next(ChainHash.GENESIS, event(1, "y")));
    }

    @Test
    void anIntactChainEndsAtItsHead() {
        List<ChainHash.Event> events = List.of(event(1, "a"), event(2, "b"), event(5, "c"));
        List<Seal> seals = seal(events);
        ChainWalk walk = new ChainWalk();
        for (int i = 0; i < seals.size(); i++) {
            Seal s = seals.get(i);
            walk.accept(s.position(), s.eventId(), s.previous(), s.hash(), events.get(i));
        }
        walk.end(3, seals.get(2).hash());
        assertThat(walk.broken()).isNull();
        assertThat(walk.events()).isEqualTo(3);
        assertThat(walk.lastHash()).isEqualTo(seals.get(2).hash());
    }

    @Test
    void anEditedEventIsNamedAndTheFirstBreakIsKept() {
        List<ChainHash.Event> events = List.of(event(1, "a"), event(2, "b"), event(3, "c"));
        List<Seal> seals = seal(events);
        ChainWalk walk = new ChainWalk();
        walk.accept(1, 1, seals.get(0).previous(), seals.get(0).hash(), events.get(0));
        walk.accept(2, 2, seals.get(1).previous(), seals.get(1).hash(), event(2, "b, but changed"));
        walk.accept(3, 3, seals.get(2).previous(), seals.get(2).hash(), null);
        walk.end(3, seals.get(2).hash());
        assertThat(walk.broken().position()).isEqualTo(2);
        assertThat(walk.broken().eventId()).isEqualTo(2);
        assertThat(walk.broken().problem()).contains("event 2").contains("content was changed");
    }

    @Test
    void aDeletedEventADeletedSealAndACutEndAreEachNamed() {
        List<ChainHash.Event> events = List.of(event(1, "a"), event(2, "b"), event(3, "c"));
        List<Seal> seals = seal(events);

        ChainWalk gone = new ChainWalk();
        gone.accept(1, 1, seals.get(0).previous(), seals.get(0).hash(), events.get(0));
        gone.accept(2, 2, seals.get(1).previous(), seals.get(1).hash(), null);
        assertThat(gone.broken().problem()).contains("event 2").contains("no longer exists");

        ChainWalk gap = new ChainWalk();
        gap.accept(1, 1, seals.get(0).previous(), seals.get(0).hash(), events.get(0));
        gap.accept(3, 3, seals.get(2).previous(), seals.get(2).hash(), events.get(2));
        assertThat(gap.broken().position()).isEqualTo(2);
        assertThat(gap.broken().problem()).contains("position 2 is missing");

        ChainWalk cut = new ChainWalk();
        cut.accept(1, 1, seals.get(0).previous(), seals.get(0).hash(), events.get(0));
        cut.end(3, seals.get(2).hash());
        assertThat(cut.broken().problem()).contains("ends at position 1").contains("up to position 3");

        ChainWalk relinked = new ChainWalk();
        relinked.accept(1, 1, seals.get(0).previous(), seals.get(0).hash(), events.get(0));
        relinked.accept(2, 3, seals.get(0).hash(), ChainHash.next(seals.get(0).hash(), events.get(2)), events.get(2));
        relinked.accept(3, 2, seals.get(1).previous(), seals.get(1).hash(), events.get(1));
        assertThat(relinked.broken().position()).isEqualTo(3);
        assertThat(relinked.broken().problem()).contains("does not link");
    }
}
