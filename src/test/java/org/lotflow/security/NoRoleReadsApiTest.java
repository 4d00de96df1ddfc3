package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.lotflow.console.ConsoleSession;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Audit 29 F1: access ends by removing a user's roles (README "Security"), yet a user in no group still read every lot,
 * its history and lab results, every order with its customers, the products and their specifications, and the
 * Console's pages. Every read now needs one of lotflow's roles (or administration); the login and logout pages stay
 * open ({@link OpenToAnyUser}).
 */
@ApiTest
class NoRoleReadsApiTest {

    @Autowired
    TestClient api;
    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    @Test
    void aUserInNoRoleReadsNothingUntilGivenOne() {
        String sku = api.createProduct("NOROLE");
        String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-20");
        String user = "norole" + UUID.randomUUID().toString().substring(0, 6);
        String password = "Quiet-Harbor-4417!";
        Response created = api.call("demo", "demo", HttpMethod.POST, "/engine-rest/user/create", Map.of("profile",
                Map.of("id", user, "firstName", "Nora", "lastName", "Role", "email", user + "@example.com"),
                "credentials", Map.of("password", password)), "application/json");
        assertThat(created.status()).as(created.toString()).isEqualTo(204);

        for (String path : List.of("/api/lots", "/api/lots/" + lot, "/api/lots/" + lot + "/history",
                "/api/lots/" + lot + "/lab-results", "/api/orders", "/api/products", "/api/products/" + sku)) {
            Response r = api.call(user, password, HttpMethod.GET, path, null, "application/json");
            assertThat(r.status()).as(path + ": " + r).isEqualTo(403);
            assertThat(r.isProblem()).as(path).isTrue();
            assertThat(r.json().get("detail").asText()).as(path).contains(user + " is not one");
        }
        ConsoleSession console = ConsoleSession.login(port, user, password);
        for (String page : List.of("/console/lots", "/console/lots/" + lot, "/console/orders", "/console/products")) {
            assertThat(console.get(page).status()).as(page).isEqualTo(403);
        }

        // given a role, the same reads answer
        Response added = api.call("demo", "demo", HttpMethod.PUT, "/engine-rest/group/sales/members/" + user, null,
                "application/json");
        assertThat(added.status()).as(added.toString()).isEqualTo(204);
        assertThat(api.call(user, password, HttpMethod.GET, "/api/lots/" + lot, null, "application/json").status())
                .isEqualTo(200);
        Response removed = api.call("demo", "demo", HttpMethod.DELETE, "/engine-rest/group/sales/members/" + user,
                null, "application/json");
        assertThat(removed.status()).as(removed.toString()).isEqualTo(204);
        assertThat(api.call(user, password, HttpMethod.GET, "/api/lots/" + lot, null, "application/json").status())
                .as("removed again: at once").isEqualTo(403);
    }
}
