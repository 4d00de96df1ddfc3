package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CredentialCacheTest {

    final AtomicLong now = new AtomicLong(1_000);
    final CredentialCache cache = new CredentialCache(Duration.ofSeconds(30), now::get);

    @Test
    void keepsAVerifiedLoginOnlyForItsPasswordAndTimeToLive() {
        cache.remember(cache.generation(), "tom", "s3cret", List.of("sales"), List.of());
        assertThat(cache.find("tom", "s3cret")).isEqualTo(new CredentialCache.Login("tom", List.of("sales"), List.of()));
        assertThat(cache.find("tom", "S3cret")).isNull();
        assertThat(cache.find("tom", "")).isNull();
        assertThat(cache.find("jennifer", "s3cret")).isNull();
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(cache.find("tom", "s3cret")).isNotNull();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(cache.find("tom", "s3cret")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void anIdentityChangeEmptiesItAndALoginVerifiedAcrossTheChangeIsNotKept() {
        cache.remember(cache.generation(), "tom", "s3cret", List.of("sales"), List.of());
        long seen = cache.generation();
        cache.clear();
        assertThat(cache.find("tom", "s3cret")).isNull();
        cache.remember(seen, "tom", "old", List.of("sales"), List.of());
        assertThat(cache.find("tom", "old")).isNull();
        cache.remember(cache.generation(), "tom", "new", List.of("sales"), List.of());
        cache.forget("tom");
        assertThat(cache.find("tom", "new")).isNull();
    }

    @Test
    void anotherNodesIdentityChangeCountsAtOnce() {
        AtomicLong stored = new AtomicLong(7);
        CredentialCache node = new CredentialCache(Duration.ofSeconds(30), now::get, new IdentityVersion() {
            @Override
            public long read() {
                return stored.get();
            }

            @Override
            public void raise() {
                stored.incrementAndGet();
            }
        });
        long seen = node.generation();
        node.remember(seen, "tom", "s3cret", List.of("sales"), List.of());
        node.rememberName(seen, "tom", "Tom Old");
        assertThat(node.find("tom", "s3cret")).as("no change anywhere").isNotNull();
        stored.incrementAndGet(); // another node removed tom from sales and committed
        assertThat(node.find("tom", "s3cret")).isNull();
        assertThat(node.knownName("tom")).isNull();
        node.remember(seen, "tom", "s3cret", List.of("sales"), List.of());
        assertThat(node.find("tom", "s3cret")).as("verified before the change was read").isNull();
        node.remember(node.generation(), "tom", "s3cret", List.of(), List.of());
        assertThat(node.find("tom", "s3cret")).isEqualTo(new CredentialCache.Login("tom", List.of(), List.of()));
    }

    @Test
    void aVersionReadByTheCallerCountsAsTheNodesOwnRead() {
        // an HTTP Basic call reads the identity version with its lockout count (LoginThrottle.findWithIdentityVersion)
        // and hands it over: the cache must not read again, and must act on it as on its own read
        CredentialCache node = new CredentialCache(Duration.ofSeconds(30), now::get, new IdentityVersion() {
            @Override
            public long read() {
                throw new AssertionError("the call's own reading must be used");
            }

            @Override
            public void raise() {
            }
        });
        long seen = node.generation(7);
        node.remember(seen, "tom", "s3cret", List.of("sales"), List.of());
        assertThat(node.find("tom", "s3cret", 7)).as("no change anywhere").isNotNull();
        assertThat(node.find("tom", "s3cret", 8)).as("another node changed an identity").isNull();
        node.remember(seen, "tom", "s3cret", List.of("sales"), List.of());
        assertThat(node.find("tom", "s3cret", 8)).as("verified before the change was read").isNull();
        node.remember(node.generation(8), "tom", "s3cret", List.of(), List.of());
        assertThat(node.find("tom", "s3cret", 8)).isEqualTo(new CredentialCache.Login("tom", List.of(), List.of()));
        assertThat(node.find("tom", "s3cret", 7)).as("an older reading (a slower call) forgets nothing").isNotNull();
    }

    @Test
    void zeroSwitchesItOff() {
        CredentialCache off = new CredentialCache(Duration.ZERO, now::get);
        off.remember(off.generation(), "tom", "s3cret", List.of(), List.of());
        assertThat(off.enabled()).isFalse();
        assertThat(off.find("tom", "s3cret")).isNull();
    }

    @Test
    void keepsPrintedNamesForTheTimeToLiveUntilAnIdentityChange() {
        assertThat(cache.knownName("jennifer")).isNull();
        cache.rememberName(cache.generation(), "jennifer", "Jennifer Lee");
        assertThat(cache.knownName("jennifer")).isEqualTo("Jennifer Lee");
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(cache.knownName("jennifer")).as("after its time to live").isNull();

        cache.rememberName(cache.generation(), "jennifer", "Jennifer Lee");
        cache.clear(); // a rename through the engine
        assertThat(cache.knownName("jennifer")).isNull();
        long before = cache.generation();
        cache.clear(); // a change while the name was being read
        cache.rememberName(before, "jennifer", "Jennifer Lee");
        assertThat(cache.knownName("jennifer")).isNull();

        CredentialCache off = new CredentialCache(Duration.ZERO, now::get);
        off.rememberName(off.generation(), "jennifer", "Jennifer Lee");
        assertThat(off.knownName("jennifer")).isNull();
    }
}
