package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What the engine's identity and authorization endpoints accept from whom; without Spring. */
class IdentityCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void nobodyChecksAnotherUsersPasswordAdministratorsIncluded() {
        assertThat(IdentityCalls.beforeBody("POST", "identity/verify", "demo", true).status()).isEqualTo(403);
        assertThat(IdentityCalls.beforeBody("POST", "Identity/Verify/", "sarah", false).detail()).contains("lockout");
    }

    @Test
    void onlyAdministratorsChangeProfilesAndNobodyChangesAUsersId() throws Exception {
        SurfaceRefusal own = IdentityCalls.beforeBody("PUT", "user/sarah/profile", "sarah", false);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.detail()).contains("electronic signatures", "'sarah'");
        assertThat(IdentityCalls.beforeBody("PUT", "user/sarah/profile", "demo", true)).isNull();

        assertThat(IdentityCalls.changesProfile("PUT", "user/sarah/profile")).isTrue();
        assertThat(IdentityCalls.changesProfile("GET", "user/sarah/profile")).isFalse();
        SurfaceRefusal renamed = IdentityInput.profileBody("user/sarah/profile", body("{\"id\":\"mallory\"}"));
        assertThat(renamed.status()).isEqualTo(400);
        assertThat(renamed.field()).isEqualTo("id");
        assertThat(renamed.detail()).contains("never changed", "21 CFR 11.100(a)");
        assertThat(IdentityInput.profileBody("user/sarah/profile", body("{\"id\":\"sarah\",\"firstName\":\"S\"}")))
                .isNull();
        // the engine answered a profile without its id with 500 (auditor 2026-12-05 F7): 400 naming id
        assertThat(IdentityInput.profileBody("user/sarah/profile", body("{\"firstName\":\"S\"}")).field())
                .isEqualTo("id");
        assertThat(IdentityInput.profileBody("user/sarah/profile", body("{\"id\":null}")).field()).isEqualTo("id");
    }

    @Test
    void aUserChangesOnlyTheirOwnPasswordAndAdministratorsKeepTheRest() {
        assertThat(IdentityCalls.beforeBody("PUT", "user/sarah/credentials", "sarah", false)).isNull();
        assertThat(IdentityCalls.beforeBody("PUT", "user/tom/credentials", "sarah", false).status()).isEqualTo(403);
        assertThat(IdentityCalls.beforeBody("POST", "user/create", "sarah", false).detail())
                .contains("kept by administrators");
        assertThat(IdentityCalls.beforeBody("DELETE", "user/tom", "sarah", false).status()).isEqualTo(403);
        assertThat(IdentityCalls.beforeBody("POST", "user/create", "demo", true)).isNull();
        assertThat(IdentityCalls.beforeBody("PUT", "user/tom/credentials", "demo", true)).isNull();

        assertThat(IdentityCalls.credentialsOf("PUT", "user/tom/credentials")).isEqualTo("tom");
        assertThat(IdentityCalls.credentialsOf("POST", "user/tom/credentials")).isNull();
        assertThat(IdentityCalls.createsUser("POST", "user/create")).isTrue();
        assertThat(IdentityCalls.createsUser("POST", "user/create/")).isTrue();
        assertThat(IdentityCalls.createsUser("PUT", "user/create")).isFalse();
    }

    @Test
    void nobodyAddsThemselvesToAGroup() {
        SurfaceRefusal self = IdentityCalls.beforeBody("PUT", "group/qa-manager/members/demo", "demo", true);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.detail()).contains("another administrator adds demo to 'qa-manager'");
        assertThat(IdentityCalls.beforeBody("PUT", "group/qa-manager/members/DEMO", "demo", true)).isNotNull();
        assertThat(IdentityCalls.beforeBody("PUT", "group/qa-manager/members/anna", "demo", true)).isNull();
        assertThat(IdentityCalls.beforeBody("DELETE", "group/qa-manager/members/demo", "demo", true)).isNull();
    }

    @Test
    void nobodyGrantsRightsToThemselvesOrToTheirOwnGroup() throws Exception {
        assertThat(IdentityCalls.writesAuthorization("POST", "authorization/create")).isTrue();
        assertThat(IdentityCalls.writesAuthorization("PUT", "authorization/a1")).isTrue();
        assertThat(IdentityCalls.writesAuthorization("GET", "authorization/a1")).isFalse();
        assertThat(IdentityCalls.writesAuthorization("POST", "authorization/check")).isTrue();

        List<String> admins = List.of("camunda-admin");
        SurfaceRefusal self = IdentityCalls.authorizationBody(body("{\"userId\":\"Demo\",\"resourceType\":7}"),
                "demo", admins);
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.field()).isEqualTo("userId");
        SurfaceRefusal ownGroup = IdentityCalls.authorizationBody(body("{\"groupId\":\"camunda-admin\"}"), "demo",
                admins);
        assertThat(ownGroup.field()).isEqualTo("groupId");
        assertThat(ownGroup.detail()).contains("a group they belong to");
        assertThat(IdentityCalls.authorizationBody(body("{\"groupId\":\"sales\",\"permissions\":[\"READ\"]}"), "demo",
                admins)).isNull();
        assertThat(IdentityCalls.authorizationBody(body("{\"userId\":\"tom\"}"), "demo", admins)).isNull();
    }

    /** Auditor's re-test 2026-12-05: N2 (a role member given the administrator's rights) and F17 (role filters). */
    @Test
    void administeringIdentitiesAndRightsNeverGoesToARoleNorDoRoleFiltersChange() throws Exception {
        java.util.function.Function<String, List<String>> groups = u -> u.equals("jennifer") ? List.of("qa-manager")
                : List.of("camunda-admin");
        java.util.function.Predicate<String> roleFilter = "f-qa"::equals;
        SurfaceRefusal toMember = IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"ALL\"],"
                + "\"userId\":\"jennifer\",\"resourceType\":3,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter);
        assertThat(toMember.status()).isEqualTo(403);
        assertThat(toMember.field()).isEqualTo("userId");
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"CREATE\"],\"groupId\":"
                + "\"sales\",\"resourceType\":1,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter).field())
                .isEqualTo("groupId");
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"ACCESS\"],\"groupId\":"
                + "\"qa-manager\",\"resourceType\":0,\"resourceId\":\"admin\"}"), groups, "auditors"::equals, roleFilter)).isNotNull();
        assertThat(IdentityCalls.roleRights(body("{\"type\":0,\"permissions\":[\"ALL\"],\"userId\":\"*\","
                + "\"resourceType\":4,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter).field()).isEqualTo("type");
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"READ\"],\"groupId\":"
                + "\"sales\",\"resourceType\":1,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter)).as("READ").isNull();
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":"
                + "\"ada\",\"resourceType\":2,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter)).as("an admin").isNull();
        // auditor 2026-12-05 B1: not to a group a role member belongs to either
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"ALL\"],\"groupId\":"
                + "\"auditors\",\"resourceType\":4,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter)
                .field()).isEqualTo("groupId");
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"ALL\"],\"groupId\":"
                + "\"sales\",\"resourceType\":7,\"resourceId\":\"*\"}"), groups, "auditors"::equals, roleFilter)).as("tasks").isNull();
        assertThat(IdentityCalls.roleRights(body("{\"type\":2,\"permissions\":[\"READ\"],\"groupId\":"
                + "\"qa-manager\",\"resourceType\":5,\"resourceId\":\"f-qa\"}"), groups, "auditors"::equals, roleFilter).field())
                .isEqualTo("resourceId");
        assertThat(IdentityCalls.roleRights(body("{\"type\":1,\"permissions\":[\"READ\"],\"groupId\":"
                + "\"sales\",\"resourceType\":5,\"resourceId\":\"f-own\"}"), groups, "auditors"::equals, roleFilter)).isNull();
    }
}
