package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Every change to who may log in and sign is in the security audit trail, with who made it (21 CFR 11.10(d),
 * 11.300(b); EU GMP Annex 11 §12.3; audit finding 2026-12-05: a password change left no trace), whichever surface
 * made it; a refused change leaves none.
 */
@ApiTest
class IdentityChangeAuditApiTest {

    @Autowired
    TestClient api;

    @Autowired
    IdentityService identityService;

    private List<String> events(String userId) {
        Response r = api.get("jennifer", "/api/security/events?user=" + userId);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        for (JsonNode e : r.json()) {
            if (e.get("channel").asText().equals("identity")) {
                seen.add(0, e.get("type").asText() + ": " + e.get("detail").asText()); // oldest first
            }
        }
        return seen;
    }

    @Test
    void creatingAUserSettingPasswordsAndMembershipsAreRecordedWithWhoDidItAndUsersAreNeverDeleted() {
        String id = "audity" + java.util.UUID.randomUUID().toString().substring(0, 6);
        Response created = api.post("demo", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Aud", "lastName", "Ity", "email", "audity@example.com"),
                "credentials", Map.of("password", "Long-enough-Password-1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(204);
        {
            // a password the policy refuses changes nothing and records nothing
            Response weak = api.call("demo", HttpMethod.PUT, "/engine-rest/user/" + id + "/credentials",
                    Map.of("password", "abc", "authenticatedUserPassword", "demo"));
            assertThat(weak.status()).as(weak.toString()).isEqualTo(400);

            Response own = api.call(id, "Long-enough-Password-1", HttpMethod.PUT, "/engine-rest/user/" + id
                    + "/credentials", Map.of("password", "Another-long-Password-2",
                            "authenticatedUserPassword", "Long-enough-Password-1"), "application/json");
            assertThat(own.status()).as(own.toString()).isEqualTo(204);
            Response join = api.call("demo", HttpMethod.PUT, "/engine-rest/group/" + Groups.SALES + "/members/" + id,
                    null);
            assertThat(join.status()).as(join.toString()).isEqualTo(204);
            Response leave = api.call("demo", HttpMethod.DELETE, "/engine-rest/group/" + Groups.SALES + "/members/"
                    + id, null);
            assertThat(leave.status()).as(leave.toString()).isEqualTo(204);
        }
        // an administrator does not delete the identity behind past records, nor one of lotflow's roles
        Response delete = api.call("demo", HttpMethod.DELETE, "/engine-rest/user/" + id, null);
        assertThat(delete.status()).as(delete.toString()).isEqualTo(403);
        assertThat(delete.isProblem()).isTrue();
        assertThat(delete.json().get("detail").asText()).contains("never deleted", "remove their group memberships");
        assertThat(identityService.createUserQuery().userId(id).count()).isOne();
        Response recreate = api.post("demo", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", "Someone", "lastName", "Else"),
                "credentials", Map.of("password", "Long-enough-Password-3")));
        assertThat(recreate.status()).as(recreate.toString()).isEqualTo(409);
        assertThat(recreate.json().get("field").asText()).isEqualTo("profile.id");
        assertThat(identityService.createUserQuery().userId(id).singleResult().getFirstName()).isEqualTo("Aud");
        Response role = api.call("demo", HttpMethod.DELETE, "/engine-rest/group/" + Groups.QA_MANAGER, null);
        assertThat(role.status()).as(role.toString()).isEqualTo(403);
        assertThat(role.json().get("detail").asText()).contains("qa-manager", "one of lotflow's roles");
        assertThat(identityService.createGroupQuery().groupId(Groups.QA_MANAGER).count()).isOne();
        assertThat(events(id)).containsExactly(
                "USER_CREATED: created by demo, with a password",
                "PASSWORD_CHANGED: password set by " + id,
                "MEMBERSHIP_ADDED: added to group sales by demo",
                "MEMBERSHIP_REMOVED: removed from group sales by demo");
    }

    @Test
    void theJavaApiIsRecordedToo() {
        String id = "auditz";
        org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
        user.setPassword("Long-enough-Password-1");
        identityService.saveUser(user);
        org.camunda.bpm.engine.identity.User saved = identityService.createUserQuery().userId(id).singleResult();
        saved.setLastName("Renamed");
        identityService.saveUser(saved);
        identityService.deleteUser(id);
        assertThat(events(id)).containsExactly("USER_CREATED: created by system, with a password",
                "USER_CHANGED: profile changed by system, printed name 'Renamed'", "USER_DELETED: deleted by system");
        identityService.saveGroup(identityService.newGroup("audit-group"));
        identityService.deleteGroup("audit-group");
        assertThat(events("audit-group")).containsExactly("GROUP_CREATED: group audit-group created by system",
                "GROUP_DELETED: group audit-group deleted by system, with its memberships");
    }

    @Test
    void grantingChangingAndRevokingAnAuthorizationAreRecordedWithWhoDidIt() {
        String group = "auditors" + java.util.UUID.randomUUID().toString().substring(0, 6);
        identityService.saveGroup(identityService.newGroup(group));
        Response created = api.post("demo", "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("READ"), "groupId", group, "resourceType", 7, "resourceId", "*"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.json().get("id").asText();
        Response changed = api.call("demo", HttpMethod.PUT, "/engine-rest/authorization/" + id, Map.of("type", 1,
                "permissions", List.of("READ", "UPDATE"), "groupId", group, "resourceType", 7, "resourceId", "*"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(api.call("demo", HttpMethod.DELETE, "/engine-rest/authorization/" + id, null).status()).isEqualTo(204);
        List<String> seen = events(group);
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).startsWith("GROUP_CREATED");
        assertThat(seen.get(1)).isEqualTo("AUTHORIZATION_GRANTED: grant of READ on Task * to group " + group
                + " created by demo");
        assertThat(seen.get(2)).startsWith("AUTHORIZATION_CHANGED: grant of READ, UPDATE on Task * to group " + group
                + " changed").contains("permissions was READ").endsWith("by demo");
        assertThat(seen.get(3)).isEqualTo("AUTHORIZATION_REVOKED: grant of READ, UPDATE on Task * to group " + group
                + " deleted by demo");
    }

    @Test
    void twoAdministratorsCreatingOneUserIdAtOnceGetOneUserAndA409() throws Exception {
        String id = "racey" + java.util.UUID.randomUUID().toString().substring(0, 6);
        int tries = 6;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(tries);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", id, "firstName",
                        "Try" + (char) ('a' + n), "lastName", "Racer"), "credentials", Map.of("password", "Long-enough-Password-" + n)));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (java.util.concurrent.Future<Response> answer : answers) {
            Response r = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
            statuses.add(r.status());
            if (r.status() != 204) {
                assertThat(r.isProblem()).as(r.toString()).isTrue();
                assertThat(r.json().get("field").asText()).isEqualTo("profile.id");
            }
        }
        pool.shutdown();
        assertThat(statuses).as(statuses.toString()).containsOnlyOnce(204).containsOnly(204, 409);
        assertThat(identityService.createUserQuery().userId(id).count()).isOne();
    }

    /**
     * A group's rename and a user's e-mail change say the old and the new value (21 CFR 11.10(e); auditor 2026-12-07
     * L2: the rename left no event, the e-mail change named neither address), through {@code /engine-rest} as
     * Camunda Admin sends them, and through the Java API.
     */
    @Test
    void aGroupsRenameAndAUsersEmailChangeAreRecordedWithTheOldAndTheNewValue() {
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 6);
        String group = "renamed" + suffix;
        Response created = api.post("demo", "/engine-rest/group/create", Map.of("id", group, "name",
                "External auditors " + suffix, "type", "WORKFLOW"));
        assertThat(created.status()).as(created.toString()).isEqualTo(204);
        Response renamed = api.call("demo", HttpMethod.PUT, "/engine-rest/group/" + group, Map.of("id", group,
                "name", "Internal staff " + suffix, "type", "WORKFLOW"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(204);
        org.camunda.bpm.engine.identity.Group viaJava = identityService.createGroupQuery().groupId(group).singleResult();
        viaJava.setType("SYSTEM");
        identityService.saveGroup(viaJava);
        assertThat(events(group)).containsExactly(
                "GROUP_CREATED: group " + group + " created by demo, name 'External auditors " + suffix
                        + "', type 'WORKFLOW'",
                "GROUP_CHANGED: group " + group + " changed by demo, name 'External auditors " + suffix + "' -> 'Internal"
                        + " staff " + suffix + "', type 'WORKFLOW'",
                "GROUP_CHANGED: group " + group + " changed by system, name 'Internal staff " + suffix + "', type"
                        + " 'WORKFLOW' -> 'SYSTEM'");

        String user = "mailer" + suffix;
        Response made = api.post("demo", "/engine-rest/user/create", Map.of(
                "profile", Map.of("id", user, "firstName", "Mai", "lastName", "Ler" + suffix.replaceAll("[0-9]", "x"),
                        "email", user + "@old.example"),
                "credentials", Map.of("password", "Long-enough-Password-1")));
        assertThat(made.status()).as(made.toString()).isEqualTo(204);
        Response profile = api.get("demo", "/engine-rest/user/" + user + "/profile");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
        Map<String, Object> changed = new java.util.LinkedHashMap<>();
        profile.json().fields().forEachRemaining(f -> changed.put(f.getKey(), f.getValue().isNull() ? null
                : f.getValue().asText()));
        changed.put("email", user + "@new.example");
        Response put = api.call("demo", HttpMethod.PUT, "/engine-rest/user/" + user + "/profile", changed);
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        String printed = "Mai Ler" + suffix.replaceAll("[0-9]", "x");
        assertThat(events(user)).containsExactly("USER_CREATED: created by demo, with a password",
                "USER_CHANGED: profile changed by demo, printed name '" + printed + "', e-mail '" + user
                        + "@old.example' -> '" + user + "@new.example'");
    }
}
