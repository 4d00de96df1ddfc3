package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.security.SessionsEndWithAccess.Event;

/** Which changes end a user's browser sessions, without Spring. */
class SessionsEndWithAccessTest {

    @Test
    void aPasswordSetARemovalADeletionOrAGroupDeletedEndsTheSession() {
        List<String> groups = List.of(Groups.QA_MANAGER, "helpers");
        assertThat(SessionsEndWithAccess.ends("jennifer", groups, List.of())).isFalse();
        for (Event e : List.of(new Event(1, "PASSWORD_CHANGED", "jennifer", "password set by demo"),
                new Event(2, "MEMBERSHIP_REMOVED", "jennifer", "removed from group qa-manager by demo"),
                new Event(3, "USER_DELETED", "jennifer", "deleted by demo"),
                new Event(4, "GROUP_DELETED", "helpers", "group helpers deleted by demo, with its memberships"))) {
            assertThat(SessionsEndWithAccess.ends("jennifer", groups, List.of(e))).as(e.toString()).isTrue();
        }
        // someone else's change, or a group of someone else's deleted, ends nothing of hers
        assertThat(SessionsEndWithAccess.ends("jennifer", groups, List.of(new Event(5, "PASSWORD_CHANGED", "sarah",
                "password set by sarah"), new Event(6, "GROUP_DELETED", "auditors", "deleted by demo")))).isFalse();
    }

    @Test
    void onlyOnesOwnPasswordChangesLetTheSessionThatMadeThemGoOn() {
        assertThat(SessionsEndWithAccess.onlyOwnPasswordChanges("jennifer", List.of(new Event(1, "PASSWORD_CHANGED",
                "jennifer", "password set by jennifer")))).isTrue();
        assertThat(SessionsEndWithAccess.onlyOwnPasswordChanges("jennifer", List.of(new Event(1, "PASSWORD_CHANGED",
                "jennifer", "password set by jennifer"), new Event(2, "PASSWORD_CHANGED", "jennifer",
                "password set by demo")))).isFalse();
        assertThat(SessionsEndWithAccess.onlyOwnPasswordChanges("jennifer", List.of(new Event(2, "MEMBERSHIP_REMOVED",
                "jennifer", "removed from group sales by demo")))).isFalse();
    }
}
