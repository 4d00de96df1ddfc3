package org.lotflow.support;

import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Users made for one test, written through the engine's Java API (as an administrator's start-up would). */
public final class TestUsers {

    private TestUsers() {
    }

    /**
     * A new user whose id is {@code prefix} and six random characters, with the password {@code password} (null: the
     * id itself), in {@code groups}; their id.
     */
    public static String create(IdentityService identityService, String prefix, String password, String... groups) {
        String id = prefix + UUID.randomUUID().toString().substring(0, 6);
        User u = identityService.newUser(id);
        u.setFirstName("Test");
        // a printed name of its own: a name stays its first holder's (security.PrintedNames)
        u.setLastName(prefix + " " + letters(id.substring(prefix.length())));
        u.setPassword(password == null ? id : password + id);
        identityService.saveUser(u);
        for (String g : groups) {
            identityService.createMembership(id, g);
        }
        return id;
    }

    /** A group of no role with this id and name, made unless it exists; its id. */
    public static String group(IdentityService identityService, String id, String name) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            org.camunda.bpm.engine.identity.Group g = identityService.newGroup(id);
            g.setName(name);
            identityService.saveGroup(g);
        }
        return id;
    }

    /**
     * A name part made of letters only from a random hex text ({@code 3f9a} is {@code jfpa}: digits become g-p), so
     * every test user gets a printed name of its own (two people never share one; auditor 2026-12-06 G4).
     */
    public static String letters(String hex) {
        return hex.chars().mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'g' + (c - '0') : c)))
                .collect(java.util.stream.Collectors.joining());
    }
}
