package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Whose password a signature's password is, read from the last event that set it; without Spring. */
class OwnPasswordTest {

    private static SecurityEvent event(SecurityEvent.Type type, String user, String detail) {
        return new SecurityEvent(Instant.parse("2026-12-05T10:00:00Z"), type, user, "127.0.0.1", "identity", detail);
    }

    @Test
    void aPasswordSetByTheUserOrByLotflowIsTheirsOneSetByAnAdministratorIsNot() {
        assertThat(OwnPassword.refusal("sarah", null)).isNull();
        assertThat(OwnPassword.refusal("sarah", event(SecurityEvent.Type.PASSWORD_CHANGED, "sarah",
                "password set by sarah"))).isNull();
        assertThat(OwnPassword.refusal("sarah", event(SecurityEvent.Type.USER_CREATED, "sarah",
                "created by system, with a password"))).isNull();
        assertThat(OwnPassword.refusal("sarah", event(SecurityEvent.Type.USER_CREATED, "sarah",
                "created by demo, with a password"))).contains("was set by demo (5 Dec 2026, 10:00 UTC)");
        assertThat(OwnPassword.refusal("sarah", event(SecurityEvent.Type.PASSWORD_CHANGED, "sarah",
                "password set by ada"))).contains("set by ada").contains("11.300(b)");
        // an id that merely starts like the setter's is not the setter
        assertThat(OwnPassword.refusal("sarah", event(SecurityEvent.Type.PASSWORD_CHANGED, "sarah",
                "password set by sarah2"))).contains("set by sarah2");
    }
}
