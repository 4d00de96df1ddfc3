package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.lotflow.security.Groups;
import org.lotflow.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Auditor 2026-12-05 B13 in the Console: a password set by an administrator (or by the user elsewhere) ends the user's
 * open Console session; the next page asks for a login, and a form sent from the old page records nothing.
 */
@ApiTest
class ConsoleSessionEndsTest {

    @Autowired
    IdentityService identityService;
    @Value("${local.server.port}")
    int port;

    @Test
    void aPasswordSetElsewhereSendsTheConsoleBackToItsLogin() {
        String id = "cs" + UUID.randomUUID().toString().substring(0, 6);
        User u = identityService.newUser(id);
        u.setFirstName("Casey");
        u.setLastName("Sales");
        u.setPassword(id);
        identityService.saveUser(u);
        identityService.createMembership(id, Groups.SALES);
        ConsoleSession console = ConsoleSession.login(port, id);
        assertThat(console.get("/console/lots").status()).isEqualTo(200);

        User changed = identityService.createUserQuery().userId(id).singleResult();
        changed.setPassword("Adm1n!Set-Passw0rd");
        identityService.saveUser(changed);
        ConsoleSession.Page page = console.get("/console/lots");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/console/login");
        assertThat(console.api("GET", "/api/lots?size=1", null, true).status()).isEqualTo(401);
    }
}
