package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Auditor 2026-12-05, sixth round: bad identity and rights input answered 500 or was silently changed (E3, E4, E12);
 * the id {@code system} read as lotflow itself (E10); a group took a person's id (E18); tenants were unguarded (E15);
 * an open task's grants and a user's rights on their own record could be deleted (E1, E11); an authorization changed
 * into another's twin answered 500 (E9). Each is now a 4xx naming the field, and changes nothing.
 */
@ApiTest
class IdentityInputApiTest {

    @Autowired
    TestClient api;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;

    private Response asDemo(HttpMethod method, String path, Object body) {
        return api.call("demo", method, path, body);
    }

    /** A group of no role, made once (an authorization is given to a group that exists). */
    private String group(String id) {
        return org.lotflow.support.TestUsers.group(identityService, id, id);
    }

    private static void refused(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    private static Map<String, Object> newUser(String id, Map<String, Object> profileChanges) {
        Map<String, Object> profile = new HashMap<>(Map.of("id", id, "firstName", "Ada", "lastName", "Byron", "email",
                "ada@example.com"));
        profile.putAll(profileChanges);
        return Map.of("profile", profile, "credentials", Map.of("password", "Str0ng!Passw0rd-x"));
    }

    @Test
    void badUserAndGroupInputIsA400NamingTheFieldAndMakesNothing() {
        String id = "inp" + UUID.randomUUID().toString().substring(0, 6);
        String longText = "A".repeat(300);
        refused(asDemo(HttpMethod.POST, "/engine-rest/user/create", newUser("a".repeat(70), Map.of())), 400, "profile.id");
        refused(asDemo(HttpMethod.POST, "/engine-rest/user/create", newUser(id, Map.of("firstName", longText))), 400,
                "profile.firstName");
        refused(asDemo(HttpMethod.POST, "/engine-rest/user/create", newUser(id, Map.of("email", longText + "@x.org"))),
                400, "profile.email");
        refused(asDemo(HttpMethod.POST, "/engine-rest/user/create", newUser(id, Map.of("email", "not-an-address"))),
                400, "profile.email");
        for (String name : List.of("Ada\u0000", "Ada\u202EnoryB", "Ada\nByron", "<b>Ada</b>", "  ", "123",
                "Ef\uFE0F", "Ef\u034F", "E\uDB40\uDC01f")) { // invisible ones too (auditor 2026-12-05 F3)
            refused(asDemo(HttpMethod.POST, "/engine-rest/user/create", newUser(id, Map.of("lastName", name))), 400,
                    "profile.lastName");
        }
        Map<String, Object> numeric = new HashMap<>(newUser(id, Map.of()));
        numeric.put("profile", Map.of("id", 123, "firstName", "Ada", "lastName", "Byron"));
        refused(asDemo(HttpMethod.POST, "/engine-rest/user/create", numeric), 400, "profile.id");
        // lotflow's own name in its records is nobody's id (E10)
        for (String reserved : List.of("system", "SYSTEM")) {
            Response r = asDemo(HttpMethod.POST, "/engine-rest/user/create", newUser(reserved, Map.of()));
            refused(r, 400, "profile.id");
            assertThat(r.json().get("detail").asText()).contains("the name lotflow's records give to lotflow itself");
            refused(asDemo(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", reserved, "name", "S")), 400, "id");
        }
        assertThat(identityService.createUserQuery().userId(id).count()).isZero();
        assertThat(identityService.createUserQuery().userId("system").count()).isZero();

        refused(asDemo(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", "g" + "x".repeat(70), "name", "G")),
                400, "id");
        refused(asDemo(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", id, "name", longText)), 400, "name");
        refused(asDemo(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", id, "name", "G", "type", longText)),
                400, "type"); // auditor 2026-12-05 F2
        // a group does not take a person's id (E18)
        Response jennifer = asDemo(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", "jennifer", "name", "J"));
        refused(jennifer, 409, "id");
        assertThat(jennifer.json().get("detail").asText()).contains("is the id of the user 'jennifer'");
        // a profile change is held to the same rules
        refused(asDemo(HttpMethod.PUT, "/engine-rest/user/sarah/profile", Map.of("id", "sarah", "firstName", "Sarah",
                "lastName", "Chen\u200F", "email", "sarah@example.com")), 400, "lastName");
        assertThat(identityService.createUserQuery().userId("sarah").singleResult().getLastName()).doesNotContain("\u200F");
        // lotflow has no tenants (E15)
        refused(asDemo(HttpMethod.POST, "/engine-rest/tenant/create", Map.of("id", "t1", "name", "T")), 403, null);
        assertThat(identityService.createTenantQuery().count()).isZero();
    }

    @Test
    void badAuthorizationBodiesAreA400NamingTheField() {
        Map<String, Object> good = Map.of("type", 1, "permissions", List.of("READ"), "groupId", group("night"), "resourceType", 7,
                "resourceId", "x-" + UUID.randomUUID());
        record Bad(String field, Map<String, Object> changes) {
        }
        java.util.function.Function<Map<String, Object>, Map<String, Object>> with = changes -> {
            Map<String, Object> body = new HashMap<>(good);
            changes.forEach((k, v) -> {
                if (v == null) {
                    body.remove(k);
                } else {
                    body.put(k, v);
                }
            });
            return body;
        };
        Map<String, Object> none = new HashMap<>();
        none.put("groupId", null);
        for (Bad bad : List.of(new Bad("type", Map.of("type", 7)), new Bad("type", Map.of("type", -1)),
                new Bad("type", Map.of("type", "1")), new Bad("groupId", Map.of("userId", "tom")), new Bad("userId", none),
                new Bad("resourceType", Map.of("resourceType", "abc")), new Bad("permissions", Map.of("permissions",
                        "READ")), new Bad("resourceId", Map.of("resourceId", "r".repeat(300))),
                new Bad("userId", Map.of("type", 0)))) {
            refused(asDemo(HttpMethod.POST, "/engine-rest/authorization/create", with.apply(bad.changes())), 400,
                    bad.field());
        }
        assertThat(authorizationService.createAuthorizationQuery().groupIdIn("night").resourceType(7).count()).isZero();
        // for a group or user nobody has: it would pass to whoever gets that id later (auditor 2026-12-05 F8)
        refused(asDemo(HttpMethod.POST, "/engine-rest/authorization/create", with.apply(Map.of("groupId",
                "gfuture" + UUID.randomUUID().toString().substring(0, 6)))), 400, "groupId");
        Map<String, Object> ghost = new HashMap<>(Map.of("userId", "ghost" + UUID.randomUUID().toString().substring(0,
                6)));
        ghost.put("groupId", null);
        refused(asDemo(HttpMethod.POST, "/engine-rest/authorization/create", with.apply(ghost)), 400, "userId");
    }

    @Test
    void anOpenTasksGrantsAndAUsersRightsOnTheirOwnRecordAreNotChangedByHand() {
        String lot = api.createLot(api.createProduct("TGR"), new BigDecimal("10"), "2025-01-10");
        String task = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot).json().get(0).get("id")
                .asText();
        Authorization grant = authorizationService.createAuthorizationQuery().resourceType(7).resourceId(task)
                .groupIdIn(Groups.QA_ANALYST).singleResult();
        assertThat(grant).isNotNull();
        refused(asDemo(HttpMethod.DELETE, "/engine-rest/authorization/" + grant.getId(), null), 403, null);
        refused(asDemo(HttpMethod.PUT, "/engine-rest/authorization/" + grant.getId(), Map.of("permissions",
                List.of("READ"), "groupId", Groups.QA_ANALYST, "resourceType", 7, "resourceId", task)), 403, null);
        refused(asDemo(HttpMethod.PUT, "/engine-rest/authorization/" + grant.getId(), Map.of("permissions",
                List.of("READ", "TASK_WORK"), "groupId", group("night"), "resourceType", 7, "resourceId", task)), 403, null);
        assertThat(api.get("sarah", "/engine-rest/task/" + task).status()).isEqualTo(200);

        // a grant an administrator added to the task is theirs to take back (auditor 2026-12-05 F6)
        Response added = asDemo(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("READ"), "groupId", group("temps"), "resourceType", 7, "resourceId", task));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(asDemo(HttpMethod.DELETE, "/engine-rest/authorization/" + added.json().get("id").asText(), null)
                .status()).isEqualTo(204);

        Authorization own = authorizationService.createAuthorizationQuery().resourceType(1).resourceId("sarah")
                .userIdIn("sarah").singleResult();
        Response deleted = asDemo(HttpMethod.DELETE, "/engine-rest/authorization/" + own.getId(), null);
        refused(deleted, 403, null);
        assertThat(deleted.json().get("detail").asText()).contains("how they set their own password");
    }

    @Test
    void anAuthorizationChangedIntoAnotherOnesTwinIs409() {
        String group = group("twins" + UUID.randomUUID().toString().substring(0, 6));
        Response first = asDemo(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("READ"), "groupId", group, "resourceType", 6, "resourceId", "a"));
        Response second = asDemo(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("READ"), "groupId", group, "resourceType", 6, "resourceId", "b"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        Response twin = asDemo(HttpMethod.PUT, "/engine-rest/authorization/" + second.json().get("id").asText(), Map.of(
                "permissions", List.of("READ"), "groupId", group, "resourceType", 6, "resourceId", "a"));
        refused(twin, 409, "resourceId");
        // a change that keeps its own resource is no twin of itself
        assertThat(asDemo(HttpMethod.PUT, "/engine-rest/authorization/" + second.json().get("id").asText(), Map.of(
                "permissions", List.of("READ", "UPDATE"), "groupId", group, "resourceType", 6, "resourceId", "b"))
                .status()).isEqualTo(204);
    }

    /** Auditor 2026-12-05 E17: a group deleted with its rights gave them to a new group of the same id. */
    @Test
    void aGroupIsDeletedAfterItsRights() {
        String group = "gone" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(asDemo(HttpMethod.POST, "/engine-rest/group/create", Map.of("id", group, "name", "Gone")).status())
                .isEqualTo(204);
        Response grant = asDemo(HttpMethod.POST, "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("READ"), "groupId", group, "resourceType", 6, "resourceId", "*"));
        assertThat(grant.status()).isEqualTo(200);
        Response refusedDeletion = asDemo(HttpMethod.DELETE, "/engine-rest/group/" + group, null);
        refused(refusedDeletion, 409, null);
        assertThat(refusedDeletion.json().get("detail").asText()).contains("still holds 1 authorization: delete them"
                + " first");
        assertThat(asDemo(HttpMethod.DELETE, "/engine-rest/authorization/" + grant.json().get("id").asText(), null)
                .status()).isEqualTo(204);
        assertThat(asDemo(HttpMethod.DELETE, "/engine-rest/group/" + group, null).status()).isEqualTo(204);
        refused(asDemo(HttpMethod.DELETE, "/engine-rest/group/" + Groups.SALES, null), 403, null);
    }

    /** Auditor 2026-12-05 E16: handing back a task someone else handed back a moment ago is a lost race, 409. */
    @Test
    void handingBackATaskNoLongerClaimedIs409() {
        String lot = api.createLot(api.createProduct("UNC"), new BigDecimal("10"), "2025-01-10");
        String task = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot).json().get(0).get("id")
                .asText();
        assertThat(api.post("sarah", "/engine-rest/task/" + task + "/claim", Map.of("userId", "sarah")).status())
                .isEqualTo(204);
        assertThat(api.post("sarah", "/engine-rest/task/" + task + "/unclaim", null).status()).isEqualTo(204);
        refused(api.post("sarah", "/engine-rest/task/" + task + "/unclaim", null), 409, null);

        // four hand-backs at once: 204 or 409, never 500 (auditor 2026-12-05 F5)
        for (int round = 0; round < 3; round++) {
            assertThat(api.post("sarah", "/engine-rest/task/" + task + "/claim", Map.of("userId", "sarah")).status())
                    .isEqualTo(204);
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.CompletableFuture<Response>> at = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                at.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post("sarah", "/engine-rest/task/" + task + "/unclaim", null);
                }, java.util.concurrent.Executors.newSingleThreadExecutor()));
            }
            go.countDown();
            List<Integer> statuses = at.stream().map(f -> f.join().status()).toList();
            // one that comes after another's commit meets an unclaimed task and hands back nothing (204 or 409)
            assertThat(statuses).as(statuses.toString()).isSubsetOf(204, 409).contains(204);
            assertThat(taskAssignee(task)).isNull();
        }
    }

    private String taskAssignee(String taskId) {
        return api.get("sarah", "/engine-rest/task/" + taskId).json().path("assignee").asText(null);
    }
}
