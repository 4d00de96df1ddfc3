package org.lotflow.history.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/**
 * The master-data walk's rule (sig28 M1): each fingerprint a chained CREATED or LAB_RESULTS_RECORDED recorded must
 * still be its product's; the first event in chain order whose product no longer gives it, or is gone, is the break.
 */
class MasterDataWalkTest {

    private static ChainHash.Event event(long id, String type, String detail) {
        return new ChainHash.Event(id, 7, Instant.parse("2025-01-28T09:00:00Z"), type, "mike", "Mike Chen", null,
                null, null, detail);
    }

    private static String fingerprint(String sku, String sha) {
        return "{\"productMasterData\":{\"sku\":\"" + sku + "\",\"sha256\":\"" + sha + "\"}}";
    }

    @Test
    void productsThatStillGiveTheirFingerprintsAreNoBreak() {
        MasterDataWalk walk = new MasterDataWalk();
        walk.accept(1, event(10, "CREATED", fingerprint("A", "aaa")));
        walk.accept(2, event(11, "LAB_RESULTS_RECORDED", fingerprint("A", "aaa")));
        walk.accept(3, event(12, "STATUS_CHANGED", fingerprint("A", "zzz"))); // not a record that uses the product
        walk.accept(4, event(13, "CREATED", "{\"sku\":\"B\"}")); // recorded before fingerprints existed
        walk.accept(5, null);
        assertThat(walk.end(sku -> Optional.of("aaa"))).isNull();
    }

    @Test
    void theFirstEventInChainOrderWhoseProductChangedOrIsGoneIsTheBreak() {
        MasterDataWalk walk = new MasterDataWalk();
        walk.accept(1, event(10, "CREATED", fingerprint("A", "aaa")));
        walk.accept(2, event(11, "CREATED", fingerprint("B", "bbb")));
        walk.accept(3, event(12, "LAB_RESULTS_RECORDED", fingerprint("C", "ccc")));
        Map<String, Optional<String>> now = Map.of("A", Optional.of("aaa"), "B", Optional.of("edited"),
                "C", Optional.empty());
        ChainWalk.Break b = walk.end(now::get);
        assertThat(b.position()).isEqualTo(2);
        assertThat(b.eventId()).isEqualTo(11);
        assertThat(b.problem()).contains("specification of product B").contains("sha256 bbb, now edited");

        MasterDataWalk gone = new MasterDataWalk();
        gone.accept(3, event(12, "LAB_RESULTS_RECORDED", fingerprint("C", "ccc")));
        assertThat(gone.end(now::get).problem()).contains("product C").contains("no longer exists");
    }
}
