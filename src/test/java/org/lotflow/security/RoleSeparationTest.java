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
            if (!role.equals(Groups.PRODUCTION)) {
                assertThat(RoleSeparation.refusal("sarah", role, List.of(Groups.QA_ANALYST))).as(role).isNull();
            }
        }
        assertThat(RoleSeparation.refusal("ada", Groups.ADMIN, List.of())).isNull();
        assertThat(RoleSeparation.refusal("ada", "contractors", List.of(Groups.ADMIN))).isNull();
    }

    /** Auditor 2026-12-06 X2: production and the quality unit are separate people, whichever came first. */
    @Test
    void productionNeverJoinsTheQualityUnitNorTheOtherWayRound() {
        assertThat(RoleSeparation.refusal("mike", Groups.QA_MANAGER, List.of(Groups.PRODUCTION)))
                .startsWith("mike is in the group Production and so may not also join the group QA managers")
                .contains("nobody releases or tests what they made");
        assertThat(RoleSeparation.refusal("mike", Groups.QA_ANALYST, List.of(Groups.PRODUCTION))).isNotNull();
        assertThat(RoleSeparation.refusal("sarah", Groups.PRODUCTION, List.of(Groups.QA_ANALYST))).isNotNull();
        assertThat(RoleSeparation.refusal("jennifer", Groups.PRODUCTION, List.of(Groups.QA_MANAGER))).isNotNull();
        assertThat(RoleSeparation.refusal("mike", Groups.SALES, List.of(Groups.PRODUCTION))).isNull();
        assertThat(RoleSeparation.refusal("sarah", Groups.QA_MANAGER, List.of(Groups.QA_ANALYST))).isNull();
    }

    /** Auditor 2026-12-05 A4: a role member makes no identity write but setting their own password. */
    @Test
    void aRoleMemberAdministersNoIdentityWhateverRightsTheyHold() {
        org.camunda.bpm.engine.impl.persistence.entity.UserEntity self =
                new org.camunda.bpm.engine.impl.persistence.entity.UserEntity("jennifer");
        org.camunda.bpm.engine.impl.persistence.entity.UserEntity other =
                new org.camunda.bpm.engine.impl.persistence.entity.UserEntity("sarah");
        List<String> qa = List.of(Groups.QA_MANAGER);
        assertThat(RoleSeparation.actorRefusal("jennifer", qa, "saveUser", new Object[] {self})).isNull();
        assertThat(RoleSeparation.actorRefusal("jennifer", qa, "saveUser", new Object[] {other}))
                .startsWith("jennifer is one of the QA managers: the people who record and sign do not administer");
        for (String write : List.of("createMembership", "deleteMembership", "saveGroup", "deleteGroup", "deleteUser",
                "unlockUser", "saveTenant", "createTenantUserMembership")) {
            assertThat(RoleSeparation.actorRefusal("jennifer", qa, write, new Object[] {"x", "y"})).as(write).isNotNull();
            assertThat(RoleSeparation.actorRefusal("demo", List.of(Groups.ADMIN), write, new Object[] {"x", "y"}))
                    .as(write).isNull();
        }
        assertThat(RoleSeparation.actorRefusal("jennifer", qa, "createNewUser", new Object[] {"x"})).isNull();
        assertThat(RoleSeparation.actorRefusal("jennifer", qa, "close", null)).isNull();
    }

    /** Auditor 2026-12-05 B12: a session that remembers a group its user left makes no identity write. */
    @Test
    void aSessionRememberingAGroupItsUserLeftIsStale() {
        org.camunda.bpm.engine.impl.identity.Authentication session = new org.camunda.bpm.engine.impl.identity
                .Authentication("admtwo", List.of(Groups.ADMIN));
        assertThat(RoleSeparation.staleSession("admtwo", session, List.of())).startsWith("admtwo is no longer a member of"
                + " camunda-admin: log in again");
        assertThat(RoleSeparation.staleSession("admtwo", session, List.of(Groups.ADMIN))).isNull();
        assertThat(RoleSeparation.staleSession("admtwo", null, List.of())).isNull();
    }
}
