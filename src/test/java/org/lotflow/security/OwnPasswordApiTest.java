package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * A password an administrator set (a new user's first password, a reset) is not its user's alone: they log in and
 * set their own before they record quality work or sign (21 CFR 11.300(b)). And nobody gives themselves a role or a
 * right: another administrator does.
 */
@ApiTest
class OwnPasswordApiTest {

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    TestClient api;

    @Autowired
    IdentityService identityService;

    @Test
    void anAnalystWithAPasswordAnAdministratorSetRecordsNothingUntilTheySetTheirOwn() {
        String analyst = "temp" + UUID.randomUUID().toString().substring(0, 6);
        String given = "Given-by-admin-Password-1";
        Response created = api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", analyst,
                "firstName", "Terry", "lastName", "Temp"), "credentials", Map.of("password", given)));
        assertThat(created.status()).as(created.toString()).isEqualTo(204);
        assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/group/qa-analyst/members/" + analyst, null).status())
                .isEqualTo(204);
        String lot = api.createLot(api.createProduct("OWNPW"), new BigDecimal("10"), "2025-01-20");
        Map<String, Object> results = Map.of("results", List.of(Map.of("test", "viscosity", "value", 250),
                Map.of("test", "flashPoint", "value", 230)));

        Response refused = api.call(analyst, given, HttpMethod.POST, "/api/lots/" + lot + "/lab-results", results,
                "application/json");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("detail").asText()).contains("was set by demo", "set a password of your own");
        assertThat(api.get("sarah", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("PENDING");
        // nor through Tasklist's path (the task's completion)
        String task = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=recordLabResults").json().get(0).get("id").asText();
        Response tasklist = api.call(analyst, given, HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("labResults", Map.of("value", "viscosity: 250\nflashPoint: 230"))),
                "application/json");
        assertThat(tasklist.status()).as(tasklist.toString()).isEqualTo(403);
        assertThat(tasklist.json().get("detail").asText()).contains("was set by demo");
        // a QA manager's signature neither
        String manager = "mgr" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", manager, "firstName",
                "Morgan", "lastName", "Manager"), "credentials", Map.of("password", given))).status()).isEqualTo(204);
        assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/group/qa-manager/members/" + manager, null).status())
                .isEqualTo(204);
        String released = api.createLot(api.createProduct("OWNPW"), new BigDecimal("10"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + released + "/lab-results", results).status()).isEqualTo(200);
        String approve = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + released
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        Response signed = api.call(manager, given, HttpMethod.POST, "/engine-rest/task/" + approve + "/complete",
                Map.of("variables", Map.of("approved", Map.of("value", true), "comment", Map.of("value", "fine"))),
                "application/json");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(403);
        assertThat(signed.json().get("detail").asText()).contains("was set by demo");
        assertThat(api.get("sarah", "/api/lots/" + released).json().get("status").asText()).isEqualTo("PENDING");
        // nor any task whose listener does not ask itself (re-test 2026-12-06 R2: a disposal was confirmed with the
        // password demo set): the engine refuses every completion in the name of a password someone else set
        String rejected = api.createLot(api.createProduct("OWNPW"), new BigDecimal("10"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + rejected + "/lab-results", results).status()).isEqualTo(200);
        String refuse = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + rejected
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        assertThat(api.post("jennifer", "/engine-rest/task/" + refuse + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", false), "comment", Map.of("value", "retained sample missing"))))
                .status()).isEqualTo(204);
        api.executeJobs();
        String disposal = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + rejected
                + "&taskDefinitionKey=confirmDisposal").json().get(0).get("id").asText();
        Response disposed = api.call(manager, given, HttpMethod.POST, "/engine-rest/task/" + disposal + "/complete",
                Map.of("variables", Map.of("disposalMethod", Map.of("value", "DESTROYED"))), "application/json");
        assertThat(disposed.status()).as(disposed.toString()).isEqualTo(403);
        assertThat(disposed.json().get("detail").asText()).contains("was set by demo");
        assertThat(api.get("sarah", "/api/lots/" + rejected).json().get("disposed").decimalValue()).isZero();

        String own = "Only-I-know-this-2";
        Response change = api.call(analyst, given, HttpMethod.PUT, "/engine-rest/user/" + analyst + "/credentials",
                Map.of("password", own, "authenticatedUserPassword", given), "application/json");
        assertThat(change.status()).as(change.toString()).isEqualTo(204);
        // a password of their own is not enough: demo alone could have set it, logged in as the new user (auditor
        // 2026-12-06 C-f); another administrator confirms the person's identity first (21 CFR 11.100(b))
        Response unconfirmed = api.call(analyst, own, HttpMethod.POST, "/api/lots/" + lot + "/lab-results", results,
                "application/json");
        assertThat(unconfirmed.status()).as(unconfirmed.toString()).isEqualTo(403);
        assertThat(unconfirmed.json().get("detail").asText()).contains("The identity of " + analyst
                + " has not been confirmed since demo set their password", "an administrator other than demo");
        // nor a task claimed for themselves, nor a comment in their name (re-test 2026-12-06 F9)
        String open = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=recordLabResults").json().get(0).get("id").asText();
        assertThat(api.call(analyst, own, HttpMethod.POST, "/engine-rest/task/" + open + "/claim", Map.of("userId",
                analyst), "application/json").status()).isEqualTo(403);
        assertThat(api.call(analyst, own, HttpMethod.POST, "/engine-rest/task/" + open + "/comment/create", Map.of(
                "message", "unconfirmed note"), "application/json").status()).isEqualTo(403);
        // nor a certificate handed out in their name (re-test 2026-12-06 E3)
        String withCoa = api.releasedLot(api.createProduct("OWNPW"), new BigDecimal("10"), "2025-01-20");
        assertThat(api.call(analyst, own, HttpMethod.GET, "/api/lots/" + withCoa + "/coa", null, "application/json")
                .status()).isEqualTo(403);
        String confirm = "/api/security/users/" + analyst + "/signer-confirmation";
        Response byTheSetter = api.post("demo", confirm, null);
        assertThat(byTheSetter.status()).as(byTheSetter.toString()).isEqualTo(403);
        assertThat(byTheSetter.json().get("detail").asText()).contains("demo set the password of " + analyst);
        assertThat(api.call(analyst, own, HttpMethod.POST, confirm, null, "application/json").status()).isEqualTo(403);
        assertThat(api.post("jennifer", confirm, null).status()).isEqualTo(403);
        // nor an administrator demo made, with the password demo chose (re-test 2026-12-06 E1): a confirmer stands as
        // a signer does, with a password of their own and, when an administrator set one, a confirmation
        String puppet = "adm" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", puppet, "firstName",
                "Eve", "lastName", "Ilk"), "credentials", Map.of("password", given))).status()).isEqualTo(204);
        assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/group/camunda-admin/members/" + puppet, null)
                .status()).isEqualTo(204);
        Response byPuppet = api.call(puppet, given, HttpMethod.POST, confirm, null, "application/json");
        assertThat(byPuppet.status()).as(byPuppet.toString()).isEqualTo(403);
        assertThat(byPuppet.json().get("detail").asText()).contains("The password of " + puppet + " was set by demo");
        String puppetOwn = "Puppet-own-Password-9";
        assertThat(api.call(puppet, given, HttpMethod.PUT, "/engine-rest/user/" + puppet + "/credentials", Map.of(
                "password", puppetOwn, "authenticatedUserPassword", given), "application/json").status()).isEqualTo(204);
        assertThat(api.call(puppet, puppetOwn, HttpMethod.POST, confirm, null, "application/json").json().get("detail")
                .asText()).contains("The identity of " + puppet + " has not been confirmed");
        // nor does it set anyone's password, which demo would then confirm as "another administrator" (re-test F1)
        Response puppetMakes = api.call(puppet, puppetOwn, HttpMethod.POST, "/engine-rest/user/create", Map.of("profile",
                Map.of("id", "carl" + puppet, "firstName", "Carl", "lastName", "Nord"), "credentials", Map.of("password",
                        given)), "application/json");
        assertThat(puppetMakes.status()).as(puppetMakes.toString()).isEqualTo(403);
        assertThat(puppetMakes.json().get("detail").asText()).contains(puppet + " may not set another person's password");
        assertThat(identityService.createUserQuery().userId("carl" + puppet).count()).isZero();
        assertThat(api.call(puppet, puppetOwn, HttpMethod.PUT, "/engine-rest/user/" + analyst + "/credentials", Map.of(
                "password", "Reset-by-puppet-Pass-1", "authenticatedUserPassword", puppetOwn), "application/json")
                .status()).isEqualTo(403);
        assertThat(api.post(api.secondAdministrator(), "/api/security/users/nobody-" + analyst + "/signer-confirmation",
                null).status()).isEqualTo(404);
        assertThat(api.post(api.secondAdministrator(), "/api/security/users/sarah/signer-confirmation", null).status())
                .as("sarah's passwords were always her own").isEqualTo(409);
        Response confirmed = api.post(api.secondAdministrator(), confirm, null);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().get("confirmedBy").asText()).isEqualTo("oliver");
        assertThat(confirmed.json().get("passwordSetBy").asText()).isEqualTo("demo");
        assertThat(api.post(api.secondAdministrator(), confirm, null).status()).as("confirmed already").isEqualTo(409);
        assertThat(api.get("jennifer", "/api/security/events?user=" + analyst).text()).contains("SIGNER_CONFIRMED",
                "identity confirmed by oliver, after the password demo set on ");
        Response recorded = api.call(analyst, own, HttpMethod.POST, "/api/lots/" + lot + "/lab-results", results,
                "application/json");
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        // a routine change of their own password keeps the confirmation; a reset by an administrator ends it
        String next = "Only-I-know-this-3";
        assertThat(api.call(analyst, own, HttpMethod.PUT, "/engine-rest/user/" + analyst + "/credentials", Map.of(
                "password", next, "authenticatedUserPassword", own), "application/json").status()).isEqualTo(204);
        String other = api.createLot(api.createProduct("OWNPW"), new BigDecimal("10"), "2025-01-20");
        assertThat(api.call(analyst, next, HttpMethod.POST, "/api/lots/" + other + "/lab-results", results,
                "application/json").status()).isEqualTo(200);
        String reset = "Reset-by-oliver-Password-4";
        assertThat(api.call("oliver", HttpMethod.PUT, "/engine-rest/user/" + analyst + "/credentials", Map.of(
                "password", reset, "authenticatedUserPassword", "oliver")).status()).isEqualTo(204);
        String mine = "Only-I-know-this-5";
        assertThat(api.call(analyst, reset, HttpMethod.PUT, "/engine-rest/user/" + analyst + "/credentials", Map.of(
                "password", mine, "authenticatedUserPassword", reset), "application/json").status()).isEqualTo(204);
        String third = api.createLot(api.createProduct("OWNPW"), new BigDecimal("10"), "2025-01-20");
        Response afterReset = api.call(analyst, mine, HttpMethod.POST, "/api/lots/" + third + "/lab-results", results,
                "application/json");
        assertThat(afterReset.status()).as("the earlier confirmation counts for nothing after a reset: " + afterReset)
                .isEqualTo(403);
        assertThat(afterReset.json().get("detail").asText()).contains("since oliver set their password");
        assertThat(api.post("oliver", confirm, null).status()).as("oliver set it").isEqualTo(403);
        assertThat(api.post("demo", confirm, null).status()).isEqualTo(200);
        assertThat(api.call(analyst, mine, HttpMethod.POST, "/api/lots/" + third + "/lab-results", results,
                "application/json").status()).isEqualTo(200);
    }

    /**
     * The current password of a password change is checked first, counted and recorded as a signature is (auditor
     * 2026-12-06 G1: a wrong guess answered otherwise than a right one, unlimited and unrecorded, so an open session
     * gave away its user's password): one answer for every wrong guess, whatever the new password; locked after the
     * free failures, even for the right one.
     */
    @Test
    void aPasswordChangeChecksTheCurrentPasswordFirstCountedAndRecorded() {
        String user = "guess" + UUID.randomUUID().toString().substring(0, 6);
        String own = "Own-Password-Of-Mine-7";
        assertThat(api.post("demo", "/engine-rest/user/create", Map.of("profile", Map.of("id", user, "firstName", "Gus",
                "lastName", "Guess"), "credentials", Map.of("password", own))).status()).isEqualTo(204);
        assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/group/qa-analyst/members/" + user, null).status())
                .isEqualTo(204);
        // the auditor's door: someone at the user's open Tasklist session
        org.lotflow.support.WebappSession tasklist = org.lotflow.support.WebappSession.login(port, user, own, "tasklist");
        assertThat(tasklist.loginStatus()).as(tasklist.loginBody()).isEqualTo(200);
        String credentials = "/camunda/api/engine/engine/default/user/" + user + "/credentials";
        Response weakNewRightCurrent = tasklist.put(credentials, "{\"password\":\"x\",\"authenticatedUserPassword\":\""
                + own + "\"}");
        assertThat(weakNewRightCurrent.status()).as("the policy, after the right current password").isEqualTo(400);
        assertThat(weakNewRightCurrent.json().get("field").asText()).isEqualTo("password");
        for (int i = 1; i <= 6; i++) {
            Response wrong = tasklist.put(credentials, "{\"password\":\"x\",\"authenticatedUserPassword\":\"guess-" + i
                    + "\"}");
            assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
            assertThat(wrong.isProblem()).isTrue();
            assertThat(wrong.json().get("field").asText()).isEqualTo("authenticatedUserPassword");
        }
        assertThat(api.get("demo", "/api/security/events?user=" + user).json().findValuesAsText("type"))
                .as("each guess a security event").filteredOn("SIGNATURE_FAILED"::equals).hasSize(6);
        assertThat(api.get("demo", "/api/security/lockouts").json().findValuesAsText("userId")).contains(user);
        // locked: the right current password is refused too, and the answer tells nothing
        Response right = tasklist.put(credentials, "{\"password\":\"Another-Own-Password-8\","
                + "\"authenticatedUserPassword\":\"" + own + "\"}");
        assertThat(right.status()).as(right.toString()).isEqualTo(429);
        assertThat(api.get("demo", "/api/security/events?user=" + user).json().findValuesAsText("type"))
                .contains("REFUSED_WHILE_LOCKED");
        assertThat(api.call("demo", HttpMethod.DELETE, "/api/security/lockouts/" + user, null).status()).isBetween(200, 204);
    }

    /**
     * Re-test 2026-12-06 Y10: failed logins of an id before its account existed locked the account created after
     * them (an outsider could pre-lock a new hire's id). Creating the account clears them, and the trail says so.
     */
    @Test
    void failedLoginsOfAnIdBeforeItsAccountExistsDoNotLockTheAccount() {
        String exact = "hire" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 7; i++) {
            api.call(exact, "guess-" + i, HttpMethod.GET, "/api/lots?size=1", null, "application/json");
        }
        assertThat(api.call(exact, "guess", HttpMethod.GET, "/api/lots?size=1", null, "application/json").status())
                .as("an unknown id is locked as any id is").isEqualTo(429);
        org.camunda.bpm.engine.identity.User u = identityService.newUser(exact);
        u.setFirstName("New");
        u.setLastName("Hire " + org.lotflow.support.TestUsers.letters(exact.substring(4)));
        u.setPassword("Own-Password-" + exact);
        identityService.saveUser(u);
        identityService.createMembership(exact, Groups.SALES);
        Response own = api.call(exact, "Own-Password-" + exact, HttpMethod.GET, "/api/lots?size=1", null,
                "application/json");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(api.get("demo", "/api/security/events?user=" + exact).json().toString())
                .contains("failed logins of this id from before it existed cleared");
    }

    @Test
    void nobodyAddsThemselvesToAGroupOrGrantsThemselvesARight() {
        Response join = api.call("demo", HttpMethod.PUT, "/engine-rest/group/qa-manager/members/demo", null);
        assertThat(join.status()).as(join.toString()).isEqualTo(403);
        assertThat(join.json().get("detail").asText()).contains("No one adds themselves to a group");
        assertThat(identityService.createUserQuery().userId("demo").memberOfGroup("qa-manager").count()).isZero();
        Response grant = api.post("demo", "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("ALL"), "userId", "demo", "resourceType", 7, "resourceId", "*"));
        assertThat(grant.status()).as(grant.toString()).isEqualTo(403);
        assertThat(grant.json().get("field").asText()).isEqualTo("userId");
        Response ownGroup = api.post("demo", "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                List.of("ALL"), "groupId", "camunda-admin", "resourceType", 7, "resourceId", "*"));
        assertThat(ownGroup.status()).as(ownGroup.toString()).isEqualTo(403);
        assertThat(ownGroup.json().get("field").asText()).isEqualTo("groupId");
        assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/group/qa-manager/members/DEMO", null).status())
                .isEqualTo(403);
    }
}
