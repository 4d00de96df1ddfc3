package org.lotflow.history.internal.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The record seal's rule (audit29 F4) without Spring or database: the canonical text, a known answer any HMAC-SHA256
 * tool reproduces, and that a change of any field, another key, a missing or malformed seal do not pass.
 */
class EventMacTest {

    static final byte[] KEY = Base64.getDecoder().decode("dGVzdC1vbmx5IGF1ZGl0IHJlY29yZCBrZXkgLSBub3QgZm9yIHBsYW50cyEhIQ==");
    static final String NONCE = "00112233445566778899aabbccddeeff";
    static final ChainHash.Event FORGED_LOOKING = new ChainHash.Event(812, 7, Instant.parse("2025-01-28T09:12:00Z"),
            "RELEASE_APPROVED", "anna", "Anna Kowalski", null, null, "ok", "{\"approved\":true}");

    @Test
    void theCanonicalTextIsTheJsonArrayWithoutTheId() {
        assertThat(EventMac.canonical(NONCE, FORGED_LOOKING)).isEqualTo("[\"lotflow-event-v1\","
                + "\"00112233445566778899aabbccddeeff\",7,\"2025-01-28T09:12:00Z\",\"RELEASE_APPROVED\",\"anna\","
                + "\"Anna Kowalski\",null,null,\"ok\",\"{\\\"approved\\\":true}\"]");
        // the id is handed out by the database after the row is written: not part of the seal
        assertThat(EventMac.canonical(NONCE, new ChainHash.Event(1, 7, FORGED_LOOKING.at(), "RELEASE_APPROVED", "anna",
                "Anna Kowalski", null, null, "ok", "{\"approved\":true}"))).isEqualTo(EventMac.canonical(NONCE,
                        FORGED_LOOKING));
        // microseconds as stored, UTF-8 names as written
        assertThat(EventMac.canonical(NONCE, new ChainHash.Event(1, 7, Instant.parse("2025-01-28T09:12:00.123456Z"),
                "CREATED", "mike", "Mike Chén", "PENDING", "RELEASED", null, null))).isEqualTo("[\"lotflow-event-v1\","
                        + "\"00112233445566778899aabbccddeeff\",7,\"2025-01-28T09:12:00.123456Z\",\"CREATED\","
                        + "\"mike\",\"Mike Chén\",\"PENDING\",\"RELEASED\",null,null]");
    }

    @Test
    void theSealIsTheHmacSha256OfTheCanonicalText() {
        // python3: hmac.new(key, canonical.encode(), hashlib.sha256).hexdigest()
        assertThat(EventMac.seal(KEY, NONCE, FORGED_LOOKING)).isEqualTo("v1." + NONCE + "."
                + "e141e8c963c4b28723b72c19075086fc608e2180c941a4a49994ae667f59f56b");
        assertThat(EventMac.fingerprint(KEY))
                .isEqualTo("9e548bd97d409b8968dcf414d0e4c2ae43199fe18fe7483e4368e36a281b05e7");
    }

    @Test
    void aChangedFieldAnotherKeyOrNoSealDoNotPass() {
        String seal = EventMac.seal(KEY, FORGED_LOOKING);
        assertThat(seal).matches("v1\\.[0-9a-f]{32}\\.[0-9a-f]{64}");
        assertThat(EventMac.valid(KEY, FORGED_LOOKING, seal)).isTrue();
        assertThat(EventMac.seal(KEY, FORGED_LOOKING)).as("a fresh nonce every time").isNotEqualTo(seal);
        ChainHash.Event e = FORGED_LOOKING;
        ChainHash.Event[] changed = {
            new ChainHash.Event(e.id(), 8, e.at(), e.type(), e.userId(), e.userName(), null, null, e.reason(), e.detail()),
            new ChainHash.Event(e.id(), 7, e.at().plusNanos(1000), e.type(), e.userId(), e.userName(), null, null,
                    e.reason(), e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), "STATUS_CHANGED", e.userId(), e.userName(), null, null, e.reason(),
                    e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), e.type(), "jennifer", e.userName(), null, null, e.reason(), e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), e.type(), e.userId(), "Jennifer Lee", null, null, e.reason(),
                    e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), e.type(), e.userId(), e.userName(), "PENDING", null, e.reason(),
                    e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), e.type(), e.userId(), e.userName(), null, "RELEASED", e.reason(),
                    e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), e.type(), e.userId(), e.userName(), null, null, "ok ", e.detail()),
            new ChainHash.Event(e.id(), 7, e.at(), e.type(), e.userId(), e.userName(), null, null, e.reason(), null)};
        for (ChainHash.Event c : changed) {
            assertThat(EventMac.valid(KEY, c, seal)).as(c.toString()).isFalse();
        }
        byte[] other = KEY.clone();
        other[0] ^= 1;
        assertThat(EventMac.valid(other, e, seal)).isFalse();
        assertThat(EventMac.fingerprint(other)).isNotEqualTo(EventMac.fingerprint(KEY));
        for (String bad : new String[] {null, "", "v1", "v2" + seal.substring(2), seal.toUpperCase(), seal + "0",
                "v1." + NONCE + "." + "0".repeat(64)}) {
            assertThat(EventMac.valid(KEY, e, bad)).as(bad).isFalse();
        }
    }
}
