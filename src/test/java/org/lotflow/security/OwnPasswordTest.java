package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Whose password a signature's password is, and whether a second administrator confirmed the identity since an
 * administrator set it, read from the user's password events (newest first); without Spring.
 */
class OwnPasswordTest {

    private static SecurityEvent event(SecurityEvent.Type type, String user, String detail) {
        return new SecurityEvent(Instant.parse("2026-12-05T10:00:00Z"), type, user, "127.0.0.1", "identity", detail);
    }

    private static SecurityEvent set(String by) {
        return event(SecurityEvent.Type.PASSWORD_CHANGED, "sarah", "password set by " + by);
    }

    private static SecurityEvent confirmed(String by) {
        return event(SecurityEvent.Type.SIGNER_CONFIRMED, "sarah", "identity confirmed by " + by
                + ", after the password demo set on 2026-12-05T10:00:00Z");
    }

    private static final SecurityEvent CREATED_BY_DEMO = event(SecurityEvent.Type.USER_CREATED, "sarah",
            "created by demo, with a password");

    @Test
    void aPasswordSetByTheUserOrByLotflowIsTheirsOneSetByAnAdministratorIsNot() {
        assertThat(OwnPassword.refusal("sarah", List.of())).isNull();
        assertThat(OwnPassword.refusal("sarah", List.of(set("sarah")))).isNull();
        assertThat(OwnPassword.refusal("sarah", List.of(event(SecurityEvent.Type.USER_CREATED, "sarah",
                "created by system, with a password")))).isNull();
        assertThat(OwnPassword.refusal("sarah", List.of(CREATED_BY_DEMO))).contains("was set by demo (2026-12-05 10:00"
                + " UTC)");
        assertThat(OwnPassword.refusal("sarah", List.of(set("ada")))).contains("set by ada").contains("11.300(b)");
        // an id that merely starts like the setter's is not the setter
        assertThat(OwnPassword.refusal("sarah", List.of(set("sarah2")))).contains("set by sarah2");
    }

    /** Auditor 2026-12-06 C-f: one administrator made an account, set its "own" password himself and signed. */
    @Test
    void afterAnAdministratorSetThePasswordAnotherAdministratorConfirmsTheIdentityAfterTheUsersOwn() {
        // own password, nobody confirmed: refused
        assertThat(OwnPassword.refusal("sarah", List.of(set("sarah"), CREATED_BY_DEMO)))
                .contains("The identity of sarah has not been confirmed since demo set their password")
                .contains("an administrator other than demo and sarah").contains("11.100(b)");
        // confirmed by another administrator after the own password: signs; later own changes keep it
        assertThat(OwnPassword.refusal("sarah", List.of(confirmed("oliver"), set("sarah"), CREATED_BY_DEMO))).isNull();
        assertThat(OwnPassword.refusal("sarah", List.of(set("sarah"), confirmed("oliver"), set("sarah"),
                CREATED_BY_DEMO))).isNull();
        // by the administrator who set it, or by the user: counts for nothing
        assertThat(OwnPassword.refusal("sarah", List.of(confirmed("demo"), set("sarah"), CREATED_BY_DEMO))).isNotNull();
        assertThat(OwnPassword.refusal("sarah", List.of(confirmed("sarah"), set("sarah"), CREATED_BY_DEMO)))
                .isNotNull();
        // before the user's own password (a confirmation racing a reset, or given too early): counts for nothing
        assertThat(OwnPassword.refusal("sarah", List.of(set("sarah"), confirmed("oliver"), CREATED_BY_DEMO)))
                .isNotNull();
        // a reset after the confirmation ends it
        assertThat(OwnPassword.refusal("sarah", List.of(set("sarah"), set("oliver"), confirmed("oliver"), set("sarah"),
                CREATED_BY_DEMO))).contains("since oliver set their password");
        assertThat(OwnPassword.refusal("sarah", List.of(confirmed("demo"), set("sarah"), set("oliver"),
                confirmed("oliver"), set("sarah"), CREATED_BY_DEMO))).isNull();
    }
}
