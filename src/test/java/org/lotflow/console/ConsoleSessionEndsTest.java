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
        u.setLastName("Sales " + org.lotflow.support.TestUsers.letters(id.substring(2)));
        u.setPassword(id);
        identityService.saveUser(u);
        identityService.createMembership(id, Groups.SALES);
        ConsoleSession console = ConsoleSession.login(port, id);
        assertThat(console.get("/console/lots").status()).isEqualTo(200);

        User changed = identityService.createUserQuery().userId(id).singleResult();
        changed.setPassword("Adm1n!Set-Passw0rd");
        identityService.saveUser(changed);
        // a form sent from a page opened before: to the login page, not the browser's password dialog (new user V1)
        ConsoleSession.Page form = console.post("/console/lots/new", java.util.Map.of("sku", "IL-250-55GAL",
                "quantity", "5", "manufactureDate", "2025-01-20", "location", "WH A"));
        assertThat(form.status()).isEqualTo(303);
        assertThat(form.location()).contains("/console/login?next=%2Fconsole%2Flots%2Fnew").endsWith("&ended=1");
        ConsoleSession.Page page = console.get("/console/lots");
        assertThat(page.status()).isEqualTo(303);
        assertThat(page.location()).contains("/console/login").doesNotContain("ended"); // ended once, then no login
        assertThat(console.get(form.location().replaceFirst("^https?://[^/]+", "")).html())
                .contains("id=\"session-ended\"").contains("Your session ended because your access changed");
        ConsoleSession.Page api = console.api("GET", "/api/lots?size=1", null, true);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.html()).doesNotContain("session ended"); // ended once: now simply no login

        // a second session of hers, through /api: told why
        ConsoleSession other = ConsoleSession.login(port, id, "Adm1n!Set-Passw0rd");
        User again = identityService.createUserQuery().userId(id).singleResult();
        again.setPassword("An0ther!Passw0rd-x");
        identityService.saveUser(again);
        ConsoleSession.Page told = other.api("GET", "/api/lots?size=1", null, true);
        assertThat(told.status()).isEqualTo(401);
        assertThat(told.html()).contains("Your session ended because your access changed");
    }
}
