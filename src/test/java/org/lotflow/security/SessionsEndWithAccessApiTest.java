package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Auditor 2026-12-05 B13: a password change left the user's other sessions open; C5: an administrator removed from
 * {@code camunda-admin} went on handing over tasks and reading the security trail from an open session. A session ends
 * when its user's access changes, on the next request, whichever node serves it ({@link SessionsEndWithAccess}).
 */
@ApiTest
class SessionsEndWithAccessApiTest {

    private static final String TASKS = "/camunda/api/engine/engine/default/task/count";

    @Autowired
    IdentityService identityService;
    @Autowired
    TestClient api;
    @Value("${local.server.port}")
    int port;

    private String user(String prefix, String... groups) {
        return org.lotflow.support.TestUsers.create(identityService, prefix, "Str0ng!Passw0rd-", groups);
    }

    @Test
    void aPasswordChangeEndsTheUsersOtherSessionsButNotTheOneThatMadeIt() {
        String kim = user("kim", Groups.SALES);
        String password = "Str0ng!Passw0rd-" + kim;
        WebappSession laptop = WebappSession.login(port, kim, password, "tasklist");
        WebappSession thief = WebappSession.login(port, kim, password, "tasklist");
        assertThat(laptop.loginStatus()).isEqualTo(200);
        assertThat(thief.get(TASKS).status()).isEqualTo(200);

        TestClient.Response changed = laptop.put("/camunda/api/engine/engine/default/user/" + kim + "/credentials",
                "{\"password\":\"N3w!Passw0rd-long\",\"authenticatedUserPassword\":\"" + password + "\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(laptop.get(TASKS).status()).isEqualTo(200);
        assertThat(laptop.get("/v3/api-docs").status()).isEqualTo(200);
        TestClient.Response ended = thief.get(TASKS);
        assertThat(ended.status()).as(ended.toString()).isEqualTo(401);
        TestClient.Response still = thief.get(TASKS);
        assertThat(still.status()).isEqualTo(401); // and stays ended
        // in words Tasklist shows, not Spring's bare error body (new user 2026-12-06 W7)
        assertThat(still.json().get("message").asText()).isEqualTo(org.lotflow.shared.WebappErrorAttributes
                .SESSION_ENDED);
        TestClient.Response anonymous = api.call(null, null, org.springframework.http.HttpMethod.GET, TASKS, null,
                "application/json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("message").asText()).contains("Your session has ended, so nothing was saved");
        // a wrong login is said as one, not as a session that ended (re-test 2026-12-06 F7)
        WebappSession wrong = WebappSession.login(port, "nobody-" + kim, "wrong", "tasklist");
        assertThat(wrong.loginStatus()).isEqualTo(401);
        assertThat(wrong.loginBody()).contains("Wrong user name or password").doesNotContain("session has ended");

        // a password an administrator sets ends the session that changed it before too
        TestClient.Response reset = api.call("demo", org.springframework.http.HttpMethod.PUT, "/engine-rest/user/" + kim + "/credentials",
                java.util.Map.of("password", "Adm1n!Set-Passw0rd", "authenticatedUserPassword", "demo"));
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        // its next request ends it, the API's documentation too (auditor 2026-12-05 E6)
        assertThat(laptop.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(laptop.get(TASKS).status()).isEqualTo(401);
        assertThat(WebappSession.login(port, kim, "Adm1n!Set-Passw0rd", "tasklist").get(TASKS).status()).isEqualTo(200);
    }

    @Test
    void anAdministratorRemovedFromTheAdministratorsIsLoggedOutAtTheirNextRequest() {
        String ada = user("ada", Groups.ADMIN);
        WebappSession admin = WebappSession.login(port, ada, "Str0ng!Passw0rd-" + ada, "admin");
        assertThat(admin.get("/camunda/api/engine/engine/default/user/count").status()).isEqualTo(200);
        WebappSession other = WebappSession.login(port, "sarah", "sarah", "tasklist");

        identityService.deleteMembership(ada, Groups.ADMIN);
        assertThat(admin.get("/camunda/api/engine/engine/default/user/count").status()).isEqualTo(401);
        assertThat(admin.put("/camunda/api/engine/engine/default/task/x/unclaim", "{}").status()).isIn(401, 403);
        assertThat(other.get(TASKS).status()).isEqualTo(200); // nobody else's session ends

        // a group deleted ends its members' sessions as well
        String helpers = "helpers" + UUID.randomUUID().toString().substring(0, 6);
        org.camunda.bpm.engine.identity.Group g = identityService.newGroup(helpers);
        g.setName("Helpers");
        identityService.saveGroup(g);
        String lee = user("lee", helpers, Groups.SALES);
        WebappSession member = WebappSession.login(port, lee, "Str0ng!Passw0rd-" + lee, "tasklist");
        assertThat(member.get(TASKS).status()).isEqualTo(200);
        identityService.deleteGroup(helpers);
        assertThat(member.get(TASKS).status()).isEqualTo(401);
    }
}
