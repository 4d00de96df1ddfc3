package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A failed login's user id is anyone's typing: the security trail keeps it with what would hide text or turn it around
 * written out, so it shows what was sent (re-test 2026-12-06 F5: "sarah" and a reversed "nimda" read alike); without
 * Spring.
 */
class SecurityEventUserIdsTest {

    @Test
    void controlAndDirectionCharactersOfATypedUserIdAreWrittenOut() {
        assertThat(SecurityEvents.bounded("sarah")).isEqualTo("sarah");
        assertThat(SecurityEvents.bounded("\u202Enimda")).isEqualTo("<U+202E>nimda");
        assertThat(SecurityEvents.bounded("ann\u0000a\u2066")).isEqualTo("ann<U+0000>a<U+2066>");
        assertThat(SecurityEvents.bounded(null)).isEmpty();
        // the same typing maps to the same key, so a lockout counts it as one user id
        assertThat(SecurityEvents.bounded("\u202Ex")).isEqualTo(SecurityEvents.bounded("\u202Ex"));
        assertThat(SecurityEvents.bounded("x".repeat(300))).endsWith("…(300 characters)");
    }
}
