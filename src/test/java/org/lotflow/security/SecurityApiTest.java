package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpMethod;

@ApiTest
class SecurityApiTest {

    @Autowired
    TestClient api;

    @Autowired
    IdentityService identityService;

    @Value("${local.server.port}")
    int port;

    @Test
    void apiNeedsAValidLogin() {
        Response anonymous = api.call(null, null, HttpMethod.GET, "/api/lots", null, "application/json");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();
        assertThat(api.call("tom", "wrong", HttpMethod.GET, "/api/lots", null, "application/json").status())
                .isEqualTo(401);
        assertThat(api.call("nobody", "nobody", HttpMethod.GET, "/api/lots", null, "application/json").status())
                .isEqualTo(401);
        assertThat(api.get("tom", "/api/lots").status()).isEqualTo(200);
    }

    @Test
    void engineRestNeedsALoginAndAppliesCamundaAuthorization() {
        assertThat(api.call(null, null, HttpMethod.GET, "/engine-rest/task", null, "application/json").status())
                .isEqualTo(401);
        assertThat(api.call("jennifer", "wrong", HttpMethod.GET, "/engine-rest/task", null, "application/json")
                .status()).isEqualTo(401);
        // sales may not start a lot release (only production may, through creating a lot)
        Response start = api.post("tom", "/engine-rest/process-definition/key/lotRelease/start",
                Map.of("businessKey", "FAKE-1", "variables", Map.of("lotId", Map.of("value", 1, "type", "Long"))));
        assertThat(start.status()).as(start.toString()).isEqualTo(403);
        // nobody but administrators administers users
        Response users = api.post("jennifer", "/engine-rest/user/create", Map.of("profile", Map.of("id", "mallory"),
                "credentials", Map.of("password", "mallory")));
        assertThat(users.status()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("mallory").count()).isZero();
    }

    @Test
    void healthIsOpenOtherActuatorEndpointsNeedAnAdministrator() {
        assertThat(api.call(null, null, HttpMethod.GET, "/actuator/health", null, "application/json").status())
                .isEqualTo(200);
        assertThat(api.call(null, null, HttpMethod.GET, "/actuator/metrics", null, "application/json").status())
                .isEqualTo(401);
        assertThat(api.get("jennifer", "/actuator/metrics").status()).isEqualTo(403);
        assertThat(api.get("demo", "/actuator/metrics").status()).isEqualTo(200);
    }

    /**
     * CVE-2026-77226: with no direct member in camunda-admin, Camunda 7.24.0's setup endpoint would
     * create an administrator for anyone. lotflow refuses every variant of the path.
     */
    @Test
    void adminSetupEndpointNeverCreatesAUser() throws Exception {
        List<String> admins = identityService.createUserQuery().memberOfGroup("camunda-admin").list().stream()
                .map(u -> u.getId()).toList();
        admins.forEach(id -> identityService.deleteMembership(id, "camunda-admin"));
        try {
            assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
            String body = "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"I\",\"lastName\":\"N\",\"email\":\"i@x.y\"},"
                    + "\"credentials\":{\"password\":\"intruder1\"}}";
            HttpClient client = HttpClient.newHttpClient();
            for (String path : List.of("/camunda/api/admin/setup/default/user/create",
                    "/camunda/api/admin/setup/default/user/create/", "/camunda/api/admin//setup/default/user/create",
                    "/camunda/api/admin/%73etup/default/user/create", "/camunda/api/ADMIN/setup/default/user/create",
                    "/camunda/api/admin/setup;x=1/default/user/create")) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(path).isIn(400, 403, 404);
            }
            assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
            assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").count()).isZero();
        } finally {
            admins.forEach(id -> identityService.createMembership(id, "camunda-admin"));
        }
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aTasklistSessionAlsoOpensTheApi(CapturedOutput output) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
        String base = "http://localhost:" + port;
        // Camunda's webapps want their CSRF token cookie and header on the login POST
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String csrf = page.headers().firstValue("X-XSRF-TOKEN").orElse("");
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(
                        base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=tom&password=tom")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // the lockout filter reads the user id without consuming the form for Camunda's login resource (which
        // would log "contains form parameters in the request body but the request body has been consumed")
        assertThat(output.getAll()).doesNotContain("request body has been consumed");
        HttpResponse<String> lots = client.send(HttpRequest.newBuilder(URI.create(base + "/api/lots")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(lots.statusCode()).isEqualTo(200);
        assertThat(lots.body()).contains("items");
    }
}
