package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** The login cache of HTTP Basic never outlives an identity change made through the engine. */
@ApiTest
class CredentialCacheApiTest {

    @Autowired
    TestClient api;

    @Autowired
    IdentityService identityService;

    @Autowired
    CredentialCache cache;

    int status(String user, String password, String path) {
        return api.call(user, password, HttpMethod.GET, path, null, "application/json").status();
    }

    @Test
    void aPasswordChangeMembershipChangeOrDeletionCountsAtOnce() {
        User user = identityService.newUser("cachy");
        user.setPassword("first-Password-1");
        identityService.saveUser(user);
        identityService.createMembership("cachy", Groups.ADMIN);
        try {
            assertThat(status("cachy", "first-Password-1", "/actuator/metrics")).isEqualTo(200);
            assertThat(cache.find("cachy", "first-Password-1")).as("kept after the first call").isNotNull();
            assertThat(status("cachy", "first-Password-1", "/actuator/metrics")).isEqualTo(200);
            assertThat(status("cachy", "wrong", "/api/lots")).isEqualTo(401);

            User saved = identityService.createUserQuery().userId("cachy").singleResult();
            saved.setPassword("second-Password-2");
            identityService.saveUser(saved);
            assertThat(status("cachy", "first-Password-1", "/api/lots")).isEqualTo(401);
            assertThat(status("cachy", "second-Password-2", "/actuator/metrics")).isEqualTo(200);

            identityService.deleteMembership("cachy", Groups.ADMIN);
            assertThat(status("cachy", "second-Password-2", "/actuator/metrics")).isEqualTo(403);
            // signed in (not 401), and in no role now: no role, no reads (audit 29 F1)
            assertThat(status("cachy", "second-Password-2", "/api/lots")).isEqualTo(403);
        } finally {
            identityService.deleteUser("cachy");
        }
        assertThat(status("cachy", "second-Password-2", "/api/lots")).isEqualTo(401);
    }

    @Autowired
    CurrentUser currentUser;

    @Test
    void aRenameCountsAtOnceForHistoryAndSignatures() {
        User user = identityService.newUser("renamy");
        user.setFirstName("Ann");
        user.setLastName("Old");
        user.setPassword("first-Password-1");
        identityService.saveUser(user);
        try {
            assertThat(currentUser.fullName("renamy")).isEqualTo("Ann Old");
            assertThat(cache.knownName("renamy")).as("kept for the next transaction").isEqualTo("Ann Old");
            User saved = identityService.createUserQuery().userId("renamy").singleResult();
            saved.setLastName("New");
            identityService.saveUser(saved);
            assertThat(cache.knownName("renamy")).isNull();
            assertThat(currentUser.fullName("renamy")).isEqualTo("Ann New");
            assertThat(currentUser.signedName("renamy")).isEqualTo("Ann New");
        } finally {
            identityService.deleteUser("renamy");
        }
    }
}
