package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the engine's identity endpoints accept as input ({@link IdentityInput}); without Spring. */
class IdentityInputTest {

    /** Auditor 2026-12-05 B5 and E8: a new group's name that reads as a role's, however it is written, is 400. */
    @Test
    void aGroupNameThatReadsAsARolesIsRefused() {
        for (String name : List.of("QA managers", "qa MANAGERS", "QA  managers", "QA manager", "Q.A. managers",
                "Q\u0410 managers", "qa-manager", "Sales")) {
            SurfaceRefusal r = IdentityInput.newGroup("lookalike", name, null);
            assertThat(r).as(name).isNotNull();
            assertThat(r.field()).isEqualTo("name");
        }
        // shown as a role's name by a direction override, or with invisible characters (auditor 2026-12-05 F4)
        assertThat(IdentityInput.newGroup("qm16", "\u202Esreganam AQ", null).field()).isEqualTo("name");
        assertThat(IdentityInput.newGroup("gt1", "G\u200Bt", null).field()).isEqualTo("name");
        assertThat(IdentityInput.newGroup("night", "Night shift", null)).isNull();
        assertThat(IdentityInput.newGroup("qa-manager", "QA managers", null)).isNull(); // the role's own record
        assertThat(IdentityInput.newGroup("x", "", null)).isNull();
    }
}
