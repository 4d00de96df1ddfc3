package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Administrators and lotflow's roles are separate accounts: the rule, without Spring. */
class RoleSeparationTest {

    @Test
    void anAdministratorIsNeverAddedToARoleNorARoleMemberToTheAdministrators() {
        assertThat(RoleSeparation.refusal("demo", Groups.QA_MANAGER, List.of(Groups.ADMIN)))
                .startsWith("demo administers lotflow and so may not also join the");
        for (String role : Groups.BUSINESS) {
            assertThat(RoleSeparation.refusal("demo", role, List.of(Groups.ADMIN))).as(role).isNotNull();
            assertThat(RoleSeparation.refusal("sarah", Groups.ADMIN, List.of(role))).as(role)
                    .contains("may not also administer lotflow");
            assertThat(RoleSeparation.refusal("sarah", role, List.of(Groups.QA_ANALYST))).as(role).isNull();
        }
        assertThat(RoleSeparation.refusal("ada", Groups.ADMIN, List.of())).isNull();
        assertThat(RoleSeparation.refusal("ada", "contractors", List.of(Groups.ADMIN))).isNull();
    }
}
