package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.NotPermitted;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Password aging over HTTP (21 CFR 11.300(b); sig28 L4): a password set longer ago than
 * {@code lotflow.security.password-max-age} (P90D) logs in only to change it; {@code /api}, {@code /engine-rest} and the
 * Console answer 403 naming the way; an electronic signature with it is refused; once changed, everything works again.
 * The demo users' passwords, set on the demo day by the same clock, are not expired (every other API test uses them).
 * A password 91 days old is made by moving its trail events back (H2 lets the test do what PostgreSQL refuses).
 */
@ApiTest
class PasswordAgingApiTest {

    private static final String OLD = "Aged-Passw0rd!1";

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    ElectronicSignatures signatures;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    private String user(String prefix, int daysAgo, String... groups) {
        String id = prefix + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        User user = identityService.newUser(id);
        user.setFirstName("Aged");
        // a printed name of its own (security.PrintedNames)
        user.setLastName(prefix + " " + org.lotflow.support.TestUsers.letters(id.substring(prefix.length())));
        user.setPassword(OLD);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group); // Tasklist opens to members of a role group
        }
        jdbc.update("UPDATE security_event SET occurred_at = DATEADD('DAY', ?, occurred_at) WHERE user_id = ?", -daysAgo,
                id);
        return id;
    }

    @Test
    void anExpiredPasswordLogsInOnlyToChangeIt() {
        assertThat(api.call("jennifer", HttpMethod.GET, "/api/lots", null).status()).as("demo users do not expire")
                .isEqualTo(200);
        String fresh = user("fresh", 89, Groups.SALES);
        assertThat(api.call(fresh, OLD, HttpMethod.GET, "/api/lots", null, "application/json").status()).isEqualTo(200);

        String id = user("aged", 91, Groups.SALES);
        TestClient.Response refused = api.call(id, OLD, HttpMethod.GET, "/api/lots", null, "application/json");
        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asText()).startsWith("The password of " + id + " has expired")
                .contains("PUT /engine-rest/user/" + id + "/credentials");
        TestClient.Response engine = api.call(id, OLD, HttpMethod.GET, "/engine-rest/task", null, "application/json");
        assertThat(engine.status()).as(engine.text()).isEqualTo(403);
        assertThat(engine.text()).contains("has expired");
        TestClient.Response console = api.call(id, OLD, HttpMethod.GET, "/console/", null, "text/html");
        assertThat(console.status()).isEqualTo(403);
        assertThat(console.text()).contains("Your password has expired", "Change Password");
        assertThat(api.call(id, OLD, HttpMethod.GET, "/engine-rest/user/" + id + "/profile", null, "application/json")
                .status()).as("their profile, to change the password").isEqualTo(200);

        TestClient.Response changed = api.call(id, OLD, HttpMethod.PUT, "/engine-rest/user/" + id + "/credentials",
                Map.of("password", "Renewed-Passw0rd!9", "authenticatedUserPassword", OLD), "application/json");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(api.call(id, "Renewed-Passw0rd!9", HttpMethod.GET, "/api/lots", null, "application/json").status())
                .as("changed: a new password, not expired").isEqualTo(200);
    }

    /** Tasklist: the login works, the task list says the password expired, the password change goes through. */
    @Test
    void aTasklistSessionWithAnExpiredPasswordOnlyChangesIt() {
        String id = user("tasky", 91, Groups.SALES);
        org.lotflow.support.WebappSession tasklist = org.lotflow.support.WebappSession.login(port, id, OLD, "tasklist");
        assertThat(tasklist.loginStatus()).as(tasklist.loginBody()).isEqualTo(200);
        TestClient.Response tasks = tasklist.get("/camunda/api/engine/engine/default/task/count");
        assertThat(tasks.status()).as(tasks.text()).isEqualTo(403);
        assertThat(tasks.json().get("message").asText()).startsWith("The password of " + id + " has expired")
                .contains("My Profile, Change Password");
        assertThat(tasklist.get("/camunda/api/engine/engine/default/user/" + id + "/profile").status()).isEqualTo(200);
        TestClient.Response changed = tasklist.put("/camunda/api/engine/engine/default/user/" + id + "/credentials",
                "{\"password\":\"Renewed-Passw0rd!7\",\"authenticatedUserPassword\":\"" + OLD + "\"}");
        assertThat(changed.status()).as(changed.text()).isEqualTo(204);
        assertThat(tasklist.get("/camunda/api/engine/engine/default/task/count").status())
                .as("the session that changed it goes on").isEqualTo(200);
    }

    @Test
    void aPasswordWhoseSettingTheTrailDoesNotHoldCountsAsExpired() {
        String id = user("untracked", 0, Groups.SALES);
        jdbc.update("DELETE FROM security_event WHERE user_id = ?", id);
        TestClient.Response refused = api.call(id, OLD, HttpMethod.GET, "/api/lots", null, "application/json");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text()).contains("holds no record of when it was set");
    }

    @Test
    void anElectronicSignatureWithAnExpiredPasswordIsRefused() {
        String fresh = user("signer", 10);
        identityService.setAuthentication(fresh, java.util.List.of());
        try {
            assertThat(signatures.sign("release approval", "lot AGING-1", OLD).userId()).isEqualTo(fresh);
        } finally {
            identityService.clearAuthentication();
        }
        String aged = user("signer", 120);
        identityService.setAuthentication(aged, java.util.List.of());
        try {
            assertThatThrownBy(() -> signatures.sign("release approval", "lot AGING-1", OLD))
                    .isInstanceOf(NotPermitted.class).hasMessageContaining("has expired");
        } finally {
            identityService.clearAuthentication();
        }
    }
}
