package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Password aging's rules without Spring (21 CFR 11.300(b); sig28 L4). */
class PasswordAgingTest {

    private static final Duration P90D = Duration.ofDays(90);

    @Test
    void theMaximumAgeIsAnIsoDurationAndZeroOrBlankSwitchesAgingOff() {
        assertThat(PasswordAging.maxAge("P90D")).isEqualTo(P90D);
        assertThat(PasswordAging.maxAge(" PT12H ")).isEqualTo(Duration.ofHours(12));
        assertThat(PasswordAging.maxAge("")).isNull();
        assertThat(PasswordAging.maxAge(null)).isNull();
        assertThat(PasswordAging.maxAge("0")).isNull();
        assertThat(PasswordAging.maxAge("PT0S")).isNull();
        assertThat(PasswordAging.maxAge("P0D")).isNull();
        assertThatThrownBy(() -> PasswordAging.maxAge("90 days")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lotflow.security.password-max-age").hasMessageContaining("P90D");
        assertThatThrownBy(() -> PasswordAging.maxAge("-P1D")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPasswordExpiresItsMaximumAgeAfterItWasLastSet() {
        Instant set = Instant.parse("2025-01-28T09:00:00Z");
        assertThat(PasswordAging.refusal("sarah", set, set.plus(P90D).minusNanos(1000), P90D)).isNull();
        String refusal = PasswordAging.refusal("sarah", set, set.plus(P90D), P90D);
        assertThat(refusal).startsWith("The password of sarah has expired (it was set on 2025-01-28 09:00 UTC and"
                + " passwords are changed at least every 90 days; lotflow.security.password-max-age, 21 CFR 11.300(b))")
                .contains("PUT /engine-rest/user/sarah/credentials", "My Profile, Change Password",
                        "you may log in only to change it");
        assertThat(PasswordAging.refusal("sarah", set, set.plus(Duration.ofDays(400)), null)).as("aging off").isNull();
        assertThat(PasswordAging.refusal("old", null, set, P90D)).as("no record of when it was set")
                .contains("holds no record of when it was set");
        assertThat(PasswordAging.shown(Duration.ofDays(1))).isEqualTo("1 day");
        assertThat(PasswordAging.shown(Duration.ofHours(12))).isEqualTo("PT12H");
    }

    @Test
    void theLastSettingIsTheNewestPasswordEventNotAConfirmation() {
        Instant old = Instant.parse("2024-06-01T10:00:00Z");
        Instant newer = Instant.parse("2025-01-20T10:00:00Z");
        List<SecurityEvent> history = List.of(
                new SecurityEvent(Instant.parse("2025-01-27T10:00:00Z"), SecurityEvent.Type.SIGNER_CONFIRMED, "sarah",
                        null, "admin", "identity confirmed by oliver"),
                new SecurityEvent(newer, SecurityEvent.Type.PASSWORD_CHANGED, "sarah", null, "identity",
                        "password set by sarah"),
                new SecurityEvent(old, SecurityEvent.Type.USER_CREATED, "sarah", null, "identity",
                        "created by demo, with a password"));
        assertThat(PasswordAging.lastSet(history)).isEqualTo(newer);
        assertThat(PasswordAging.lastSet(List.of())).isNull();
    }

    @Test
    void anExpiredSessionMayOnlyLogInAndChangeItsPassword() {
        String api = "/camunda/api/engine/engine/default/";
        assertThat(ExpiredPasswordGate.mayWhileExpired("PUT", api + "user/sarah/credentials", "sarah", null)).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("PUT", api + "user/mike/credentials", "sarah", null)).isFalse();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", api + "user/sarah/profile", "sarah", null)).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("PUT", api + "user/sarah/profile", "sarah", null)).isFalse();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", api + "group", "sarah", "sarah")).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", api + "group", "sarah", null)).isFalse();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", api + "identity/password-policy", "sarah", null)).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("POST", "/camunda/api/admin/auth/user/default/login/tasklist",
                "sarah", null)).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", "/camunda/api/engine/engine/", "sarah", null)).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", "/camunda/api/tasklist/plugin/p/static/app/plugin.js",
                "sarah", null)).isTrue();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", api + "task", "sarah", null)).isFalse();
        assertThat(ExpiredPasswordGate.mayWhileExpired("POST", api + "task/1/submit-form", "sarah", null)).isFalse();
        assertThat(ExpiredPasswordGate.mayWhileExpired("GET", "/camunda/api/cockpit/plugin/base/default/process-definition",
                "sarah", null)).isFalse();
    }
}
