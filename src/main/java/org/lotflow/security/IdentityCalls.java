package org.lotflow.security;

import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine's identity and authorization endpoints accept from whom (README, "One gate for the engine's
 * surfaces"), as plain rules tested without Spring; {@link EngineSurfaceGuard} writes the refusals and keeps the
 * checks that read the identity store (a new user's id taken: 409; the password policy: 400). What those endpoints
 * accept as input, whoever calls (ids, names, e-mails, authorization bodies), is {@link IdentityInput}'s.
 *
 * <ul>
 * <li>{@code POST identity/verify}: refused to everyone (403). Checking another user's password would be a way
 * around the lockout.</li>
 * <li>{@code user/{id}/profile}: administrators only (403). The name printed on an electronic signature comes from
 * an identity record its owner cannot edit (21 CFR 11.50, 11.100). A {@code PUT} whose body names another
 * {@code id}: 400 naming {@code id}, for administrators too (an id names its owner in every record they made,
 * 21 CFR 11.100(a)).</li>
 * <li>Any other {@code user/...} write: administrators only (403), except a user's own
 * {@code PUT user/{self}/credentials}.</li>
 * <li>{@code PUT group/{g}/members/{self}}: refused to everyone (403). Nobody adds themselves to a group.</li>
 * <li>{@code POST authorization/create} or {@code PUT authorization/{id}} for oneself ({@code userId}) or for a
 * group one belongs to ({@code groupId}): 403 naming the field. Another administrator grants it, and the trail
 * shows both (21 CFR 11.10(d), EU GMP Annex 11 §12.1).</li>
 * </ul>
 */
final class IdentityCalls {

    private IdentityCalls() {
    }

    /**
     * Whether this call is refused before its body is read (null: it goes on to the body's checks, if any).
     *
     * @param method   the HTTP method, upper case
     * @param resource the path after the engine's root, e.g. {@code user/sarah/profile}
     * @param userId   who calls
     * @param admin    whether the caller is in {@code camunda-admin}
     */
    static SurfaceRefusal beforeBody(String method, String resource, String userId, boolean admin) {
        if (EngineResources.IDENTITY_VERIFY.matcher(resource).matches()) {
            return new SurfaceRefusal(403, "Forbidden", null, "Checking another user's password is not offered: log"
                    + " in, or sign, as yourself (each failed attempt counts toward the lockout)");
        }
        Matcher profile = EngineResources.PROFILE.matcher(resource);
        if (profile.matches() && !admin) {
            return new SurfaceRefusal(403, "Forbidden", null, "Names printed on electronic signatures are kept by"
                    + " administrators: ask an administrator to change the profile of '" + profile.group(1) + "'");
        }
        Matcher credentials = EngineResources.OWN_CREDENTIALS.matcher(resource);
        if (EngineResources.USER_WRITE.matcher(resource).matches() && !admin
                && !(credentials.matches() && credentials.group(1).equals(userId))) {
            return new SurfaceRefusal(403, "Forbidden", null, "Identity records are kept by administrators (21 CFR"
                    + " 11.100: an identity behind past signatures is never deleted or reassigned); you may change your"
                    + " own password only");
        }
        Matcher membership = EngineResources.MEMBERSHIP.matcher(resource);
        if (method.equals("PUT") && membership.matches() && membership.group(2).equalsIgnoreCase(userId)) {
            return new SurfaceRefusal(403, "Forbidden", null, "No one adds themselves to a group: another"
                    + " administrator adds " + userId + " to '" + membership.group(1) + "', so that a second person"
                    + " stands behind every new right");
        }
        return null;
    }

    /** Whether a call creates or changes an authorization (its body is then checked by {@link #authorizationBody}). */
    static boolean writesAuthorization(String method, String resource) {
        return (method.equals("POST") || method.equals("PUT"))
                && EngineResources.AUTHORIZATION_WRITE.matcher(resource).matches();
    }

    /** Whether an authorization created or changed by this caller is refused (null: it passes). */
    static SurfaceRefusal authorizationBody(ObjectNode body, String userId, List<String> groups) {
        if (userId.equalsIgnoreCase(body.path("userId").asText(""))) {
            return new SurfaceRefusal(403, "Forbidden", "userId", "No one grants rights to themselves: another"
                    + " administrator creates or changes an authorization for " + userId);
        }
        String group = body.path("groupId").asText("");
        if (groups.contains(group)) {
            return new SurfaceRefusal(403, "Forbidden", "groupId", "No one grants rights to a group they belong to:"
                    + " another administrator creates or changes an authorization for '" + group + "'");
        }
        return null;
    }

    /** Camunda's resource types that administer identities and rights (user, group, membership, authorization, tenant). */
    static final java.util.Set<Integer> IDENTITY_RESOURCES = java.util.Set.of(1, 2, 3, 4, 11, 12);
    /** Camunda's resource type of a Tasklist filter. */
    static final int FILTER_RESOURCE = 5;

    /**
     * Whether an authorization created or changed (its whole body) gives a role or a role member the rights of an
     * administrator, or touches one of lotflow's role filters (null: it passes). Auditor's re-test 2026-12-05: N2, an
     * administrator granted QA manager jennifer ALL on users, groups, memberships and authorizations, and she then put
     * others into roles (role separation, {@link RoleSeparation}, undone through the back door); F17, revoking the
     * QA managers' READ on their filter hid their open work.
     *
     * <ul>
     * <li>a grant or global authorization on users, groups, memberships, authorizations or tenants beyond READ, or on
     * the Admin webapp ({@code APPLICATION} {@code admin} or {@code *}), to a role group, to a member of one, or to
     * everyone ({@code *} or a global authorization), or to a group one of whose members has a role: 403 naming
     * {@code groupId} or {@code userId};</li>
     * <li>any authorization on one of lotflow's role filters ({@code rolesFilter}): 403 naming {@code resourceId};</li>
     * <li>a revocation for everyone, a role group or a role member (A5): 403 naming {@code userId} or
     * {@code groupId}.</li>
     * </ul>
     *
     * @param groupsOfUser       the groups a user id belongs to now
     * @param groupHasRoleMember whether a group has a member who has one of lotflow's roles now
     * @param rolesFilter        whether a filter id is one of lotflow's role filters
     */
    static SurfaceRefusal roleRights(ObjectNode body, java.util.function.Function<String, List<String>> groupsOfUser,
            java.util.function.Predicate<String> groupHasRoleMember, java.util.function.Predicate<String> rolesFilter) {
        int resourceType = body.path("resourceType").asInt(-1);
        String resourceId = body.path("resourceId").asText("");
        if (resourceType == FILTER_RESOURCE && !resourceId.isEmpty() && rolesFilter.test(resourceId)) {
            return new SurfaceRefusal(403, "Forbidden", "resourceId", "Who sees lotflow's role filters is kept by"
                    + " lotflow (each role sees its open work): their authorizations are not created, changed or"
                    + " deleted by anyone, administrators included");
        }
        int type = body.path("type").asInt(1); // 0 global, 1 grant, 2 revoke
        if (type == 2) {
            return revokeOfRoleWork(body, groupsOfUser);
        }
        boolean administers = IDENTITY_RESOURCES.contains(resourceType) && grantsMoreThanRead(body.path("permissions"))
                || resourceType == 0 && (resourceId.equals("admin") || resourceId.equals("*"));
        if (!administers) {
            return null;
        }
        String why = " administering users, groups, memberships or rights, or the Admin webapp, is for administrators"
                + " only, never a role or its members: one who administers could give themselves or others a role"
                + " (segregation of duties, 21 CFR 11.10(g))";
        String groupId = body.path("groupId").asText("");
        String userId = body.path("userId").asText("");
        if (type == 0 || userId.equals("*")) {
            return new SurfaceRefusal(403, "Forbidden", type == 0 ? "type" : "userId", "Everyone would get it:" + why);
        }
        if (Groups.BUSINESS.contains(groupId)) {
            return new SurfaceRefusal(403, "Forbidden", "groupId", "'" + groupId + "' is one of lotflow's roles:" + why);
        }
        if (!userId.isEmpty() && groupsOfUser.apply(userId).stream().anyMatch(Groups.BUSINESS::contains)) {
            return new SurfaceRefusal(403, "Forbidden", "userId", userId + " has one of lotflow's roles:" + why);
        }
        if (!groupId.isEmpty() && groupHasRoleMember.test(groupId)) {
            // the rights would reach a role member through this group (auditor 2026-12-05 B1: a group was given them
            // after a QA manager had joined it)
            return new SurfaceRefusal(403, "Forbidden", "groupId", "The group '" + groupId + "' has members with one of"
                    + " lotflow's roles:" + why);
        }
        return null;
    }

    /**
     * A revocation ({@code type} 2) for everyone ({@code userId} {@code *}), a role group or a role member: 403 (auditor
     * 2026-12-05 A5: a user-level revocation of READ on every filter emptied a QA manager's Tasklist, lotflow's role
     * filters included, and one on every task took her work away). lotflow's roles get their rights by group; to take
     * someone's role work away, an administrator removes them from the group, which the security trail records.
     */
    private static SurfaceRefusal revokeOfRoleWork(ObjectNode body,
            java.util.function.Function<String, List<String>> groupsOfUser) {
        String groupId = body.path("groupId").asText("");
        String userId = body.path("userId").asText("");
        String why = ": lotflow's roles get their rights by group, and a revocation would hide a role's open work from"
                + " its people; to take someone's role work away, remove them from the role's group";
        if (userId.equals("*")) {
            return new SurfaceRefusal(403, "Forbidden", "userId", "A revocation for everyone is not created" + why);
        }
        if (Groups.BUSINESS.contains(groupId)) {
            return new SurfaceRefusal(403, "Forbidden", "groupId", "'" + groupId + "' is one of lotflow's roles" + why);
        }
        if (!userId.isEmpty() && groupsOfUser.apply(userId).stream().anyMatch(Groups.BUSINESS::contains)) {
            return new SurfaceRefusal(403, "Forbidden", "userId", userId + " has one of lotflow's roles" + why);
        }
        return null;
    }

    /**
     * An authorization created, changed or deleted by a member of a role group on anything but a Tasklist filter
     * (sharing one's own filter): 403 (auditor 2026-12-05 A4: the people who record and sign do not administer rights,
     * whatever rights they were given).
     *
     * @param resourceType the authorization's resource type (the body's, or the stored one's for a deletion)
     */
    static SurfaceRefusal byRoleMember(String callerId, List<String> callerGroups, int resourceType) {
        if (resourceType == FILTER_RESOURCE || callerGroups.stream().noneMatch(Groups.BUSINESS::contains)) {
            return null;
        }
        return new SurfaceRefusal(403, "Forbidden", null, callerId + " has one of lotflow's roles: the people who"
                + " record and sign do not create, change or delete rights (segregation of duties, 21 CFR 11.10(g));"
                + " an administrator does it");
    }

    private static boolean grantsMoreThanRead(JsonNode permissions) {
        if (!permissions.isArray()) {
            return true; // unknown shape: treated as the most
        }
        for (JsonNode p : permissions) {
            String name = p.asText("");
            if (!name.equals("READ") && !name.equals("NONE")) {
                return true;
            }
        }
        return false;
    }

    /** The user whose password a call sets ({@code PUT user/{id}/credentials}), or null for any other call. */
    static String credentialsOf(String method, String resource) {
        Matcher credentials = EngineResources.OWN_CREDENTIALS.matcher(resource);
        return method.equals("PUT") && credentials.matches() ? credentials.group(1) : null;
    }

    /** Whether a call creates a group ({@code POST group/create}). */
    static boolean createsGroup(String method, String resource) {
        return method.equals("POST") && resource.matches("(?i)^group/create/?$");
    }

    /**
     * A stored authorization nobody deletes or changes by hand (403; null: it may be): an open task's own grants to
     * its candidate groups and to the person it is claimed by, which the engine keeps with the task (auditor 2026-12-05
     * E1: the QA analysts' grant on an open task deleted, and the task left their Tasklist), and a user's rights on
     * their own user record, with which they set their own password (E11).
     *
     * @param taskPeople an open task's candidate groups and assignee (empty for a task that is gone)
     */
    static SurfaceRefusal keptStored(org.camunda.bpm.engine.authorization.Authorization stored,
            java.util.function.Function<String, List<String>> taskPeople) {
        String id = stored.getResourceId();
        // only the engine's own grants of an open task: to its candidate groups and to the person it is claimed by; a
        // grant an administrator added to one task is theirs to take back (auditor 2026-12-05 F6)
        if ((stored.getResourceType() == 7 || stored.getResourceType() == 19) && id != null && !id.equals("*")) {
            List<String> people = taskPeople.apply(id);
            String whose = stored.getGroupId() != null ? stored.getGroupId() : stored.getUserId();
            if (people.contains(whose)) {
                return new SurfaceRefusal(403, "Forbidden", null, "This is the engine's grant of the open task '" + id
                        + "' to " + whose + ", one of the people the task is for: without it they could not see or work"
                        + " on it; it is not changed or deleted by hand, by anyone");
            }
        }
        if (stored.getResourceType() == 1 && stored.getUserId() != null && stored.getUserId().equals(id)
                && stored.getAuthorizationType() == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT) {
            return new SurfaceRefusal(403, "Forbidden", null, stored.getUserId() + "'s rights on their own user record"
                    + " are how they set their own password (which a signature needs, 21 CFR 11.300); they are not"
                    + " changed or deleted by hand, by anyone");
        }
        return null;
    }

    /**
     * A {@code PUT} that would move one of the grants lotflow keeps for its roles ({@link IdentitySetup#ROLE_GRANTS})
     * to another group, resource type or resource: 403 (null: it does not). Said before anything else about the change
     * (new user 2026-12-05 V4: moving the QA managers' Cockpit grant onto their Tasklist grant answered 500, then 409);
     * a reduction is refused by {@link IdentityWritesInOrder}, which reads the store as the change leaves it.
     */
    static SurfaceRefusal roleGrantMoved(org.camunda.bpm.engine.authorization.Authorization stored, ObjectNode body) {
        boolean kept = stored.getAuthorizationType() == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT
                && IdentitySetup.ROLE_GRANTS.stream().anyMatch(g -> g.group().equals(stored.getGroupId())
                        && g.resource().resourceType() == stored.getResourceType()
                        && g.resourceId().equals(stored.getResourceId()));
        if (!kept) {
            return null;
        }
        boolean moved = !stored.getGroupId().equals(body.path("groupId").asText(""))
                || !body.path("userId").asText("").isEmpty()
                || stored.getResourceType() != body.path("resourceType").asInt(-1)
                || !stored.getResourceId().equals(body.path("resourceId").asText(""));
        return moved ? new SurfaceRefusal(403, "Forbidden", null, "This is a grant lotflow keeps for the "
                + Groups.displayName(stored.getGroupId()) + " (without it the role's work is out of its people's reach):"
                + " it is not moved to another group or resource; an administrator may add permissions to it, or create"
                + " a new authorization") : null;
    }

    /** Whether a call writes tenants or their memberships ({@code tenant/...}, any method but a read). */
    static boolean writesTenants(String method, String resource) {
        return !method.equals("GET") && resource.matches("(?i)^tenant(?:/.*)?$") && !resource.matches("(?i)^tenant/count/?$");
    }

    /** Whether a call creates a user ({@code POST user/create}). */
    static boolean createsUser(String method, String resource) {
        return method.equals("POST") && EngineResources.USER_CREATE.matcher(resource).matches();
    }

    /** Whether a call is a profile change with a body to check ({@code PUT user/{id}/profile}). */
    static boolean changesProfile(String method, String resource) {
        return method.equals("PUT") && EngineResources.PROFILE.matcher(resource).matches();
    }
}
