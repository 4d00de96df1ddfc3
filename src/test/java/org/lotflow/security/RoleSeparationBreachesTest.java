package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.lotflow.security.RoleSeparationBreaches.Authorization;

/** Role separation read off the whole identity store (auditor 2026-12-05 C2), without Spring. */
class RoleSeparationBreachesTest {

    private static final int ALL = Integer.MAX_VALUE;
    private static final int READ = 2;

    private static Authorization grant(String user, String group, int resourceType, String resourceId, int perms) {
        return new Authorization(RoleSeparationBreaches.GRANT, user, group, resourceType, resourceId, perms);
    }

    @Test
    void aRoleMemberReachedByRightsToAdministerIdentitiesIsABreachWhicheverWayTheyReachThem() {
        Map<String, Set<String>> groups = Map.of("jennifer", Set.of(Groups.QA_MANAGER, "helpers"),
                "ada", Set.of(Groups.ADMIN), "bob", Set.of("contractors"));
        // through a group one of whose members has a role
        assertThat(RoleSeparationBreaches.of(groups, List.of(grant(null, "helpers", 3, "*", ALL))))
                .containsExactly("the group 'helpers', which has members with one of lotflow's roles, would hold rights"
                        + " to administer group memberships '*', and the people who record and sign do not administer");
        // by name, through the role group, for everyone, globally, on the Admin webapp
        assertThat(RoleSeparationBreaches.of(groups, List.of(grant("jennifer", null, 4, "*", ALL)))).hasSize(1);
        assertThat(RoleSeparationBreaches.of(groups, List.of(grant(null, Groups.SALES, 1, "*", 4)))).hasSize(1);
        assertThat(RoleSeparationBreaches.of(groups, List.of(grant("*", null, 2, "*", ALL)))).hasSize(1);
        assertThat(RoleSeparationBreaches.of(groups, List.of(new Authorization(RoleSeparationBreaches.GLOBAL, "*",
                null, 12, "*", ALL)))).hasSize(1);
        assertThat(RoleSeparationBreaches.of(groups, List.of(grant("jennifer", null, 0, "admin", 32)))).hasSize(1);
    }

    @Test
    void readingIdentitiesOwnUserRecordsAndAdministratorsRightsAreNoBreach() {
        Map<String, Set<String>> groups = Map.of("jennifer", Set.of(Groups.QA_MANAGER), "ada", Set.of(Groups.ADMIN),
                "bob", Set.of("contractors"));
        assertThat(RoleSeparationBreaches.of(groups, List.of(
                grant(null, Groups.QA_MANAGER, 1, "*", READ), // reading users
                grant("jennifer", null, 1, "jennifer", ALL), // her own user record (her password)
                grant(null, Groups.ADMIN, 4, "*", ALL), // administrators
                grant("bob", null, 3, "*", ALL), // bob has no role
                grant(null, "contractors", 2, "*", ALL), // nor has any member of contractors
                grant(null, Groups.QA_MANAGER, 0, "tasklist", ALL), // Tasklist is no administration
                grant(null, Groups.QA_MANAGER, 7, "*", ALL)))) // tasks are not identities
                .isEmpty();
    }

    @Test
    void anAdministratorInARoleAndARevocationOfRoleWorkAreBreaches() {
        assertThat(RoleSeparationBreaches.of(Map.of("ada", Set.of(Groups.ADMIN, Groups.QA_MANAGER)), List.of()))
                .containsExactly("ada would both administer lotflow and be one of the QA managers");
        Map<String, Set<String>> groups = Map.of("jennifer", Set.of(Groups.QA_MANAGER, "helpers"));
        for (Authorization revoke : List.of(new Authorization(2, "jennifer", null, 5, "*", 0),
                new Authorization(2, "*", null, 7, "*", 0), new Authorization(2, null, Groups.QA_MANAGER, 7, "*", 0))) {
            assertThat(RoleSeparationBreaches.of(groups, List.of(revoke))).as(revoke.toString()).singleElement()
                    .asString().startsWith("a revocation on");
        }
        // a revocation for another group of hers is the gate's rules' business, not a breach
        assertThat(RoleSeparationBreaches.of(groups, List.of(new Authorization(2, null, "helpers", 7, "*", 0))))
                .isEmpty();
    }

    @Test
    void onlyWhatAWriteAddsCounts() {
        assertThat(RoleSeparationBreaches.added(Set.of("a", "b"), Set.of("a", "b", "c"))).containsExactly("c");
        assertThat(RoleSeparationBreaches.added(Set.of("a", "b"), Set.of("a"))).isEmpty();
    }

    /** Auditor 2026-12-05 C9: the grants lotflow keeps for its roles are not taken away or reduced. */
    @Test
    void aKeptGrantMissingOrReducedIsLostAndMorePermissionsAreNot() {
        List<RoleSeparationBreaches.KeptGrant> kept = List.of(
                new RoleSeparationBreaches.KeptGrant(Groups.QA_MANAGER, 0, "tasklist", 32),
                new RoleSeparationBreaches.KeptGrant(Groups.QA_MANAGER, 6, "*", 2),
                new RoleSeparationBreaches.KeptGrant(Groups.QA_MANAGER, 6, "*", 64)); // the same grant named twice
        Authorization tasklist = grant(null, Groups.QA_MANAGER, 0, "tasklist", 32);
        assertThat(RoleSeparationBreaches.keptGrantsLost(kept, List.of(tasklist, grant(null, Groups.QA_MANAGER, 6, "*",
                2 | 64 | 128)))).isEmpty();
        assertThat(RoleSeparationBreaches.keptGrantsLost(kept, List.of(grant(null, Groups.QA_MANAGER, 6, "*", 66))))
                .containsExactly("the QA managers would lose rights lotflow keeps for the role on the webapp 'tasklist'"
                        + " (without them the role's work is out of its people's reach); an administrator may add"
                        + " permissions to them, not take them away");
        assertThat(RoleSeparationBreaches.keptGrantsLost(kept, List.of(tasklist, grant(null, Groups.QA_MANAGER, 6, "*",
                2)))).singleElement().asString().contains("on process definitions '*'");
        // the same rights held by someone else, or revoked, are not the role's grant
        assertThat(RoleSeparationBreaches.keptGrantsLost(kept, List.of(grant(null, Groups.SALES, 0, "tasklist", 32),
                new Authorization(2, null, Groups.QA_MANAGER, 6, "*", Integer.MAX_VALUE)))).hasSize(2);
    }
}
