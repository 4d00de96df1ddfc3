package org.lotflow.security;

import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine's identity and authorization endpoints accept from whom (README, "One gate for the engine's
 * surfaces"), as plain rules tested without Spring; {@link EngineSurfaceGuard} writes the refusals and keeps the
 * checks that read the identity store (a new user's id taken: 409; the password policy: 400).
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

    /** Whether a {@code PUT user/{id}/profile} is the profile's own call and its body is refused (null: it passes). */
    static SurfaceRefusal profileBody(String resource, ObjectNode body) {
        Matcher profile = EngineResources.PROFILE.matcher(resource);
        if (!profile.matches()) {
            return null;
        }
        JsonNode id = body.path("id");
        if (id.isMissingNode() || id.isNull()) {
            // the engine answered 500 (auditor 2026-12-05 F7)
            return new SurfaceRefusal(400, "Invalid request", "id", "id: is required, the profile's own id '"
                    + profile.group(1) + "'");
        }
        if (!id.asText().equals(profile.group(1))) {
            return new SurfaceRefusal(400, "Invalid request", "id", "id: a user's id is never changed (it names them"
                    + " in every record they made, 21 CFR 11.100(a)); the profile of '" + profile.group(1) + "' keeps"
                    + " it, and a new person gets a new user");
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

    /** The user ids the engine accepts (Camunda's default resource whitelist, which lotflow keeps for users). */
    static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9]+|camunda-admin");
    /** The group ids the engine accepts ({@code camunda.bpm.generic-properties.properties.groupResourceWhitelistPattern}). */
    static final java.util.regex.Pattern GROUP_ID = java.util.regex.Pattern.compile("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");

    /**
     * A new user's or group's id the engine would refuse (400 naming {@code field}; auditor 2026-12-05 B4: the engine's
     * refusal reached the caller as a 500 and the log as an ERROR with a stack trace), else null.
     */
    static SurfaceRefusal newId(String field, String id, boolean group) {
        if (id.isEmpty()) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": is required");
        }
        if (id.length() > MAX_ID) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": is " + id.length() + " characters long;"
                    + " an id has at most " + MAX_ID);
        }
        if (id.equalsIgnoreCase(CurrentUser.SYSTEM)) {
            // auditor 2026-12-05 E10: a user "system" read as lotflow itself: passwords it set counted as their owners'
            // own, and its signatures printed "lotflow"
            return new SurfaceRefusal(400, "Invalid request", field, field + ": '" + id + "' is the name lotflow's"
                    + " records give to lotflow itself (its start-up, timers and jobs); give this " + (group ? "group"
                            : "user") + " another id");
        }
        if (!(group ? GROUP_ID : USER_ID).matcher(id).matches()) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": '" + id + "' is not a valid " + (group
                    ? "group id: use letters and digits, words joined by single hyphens (qa-manager)"
                    : "user id: use letters and digits only, no spaces or other signs (jennifer, jlee2)"));
        }
        return null;
    }

    /**
     * A new group whose id or name reads as an existing group's or a role's (auditor 2026-12-05 B5: "QA-MANAGER" named
     * "QA managers" read as the role in Admin and in the security trail, and the role rules did not see it): 409 naming
     * {@code id} for an id taken whatever its case ({@code takenAs}: the existing id, or null), 400 naming {@code name}
     * for a role's display name on another id; else null.
     */
    static SurfaceRefusal newGroup(String id, String name, String takenAs) {
        if (name != null && !name.isEmpty()) {
            // a direction override can make a name display as a role's while it reads otherwise (auditor 2026-12-05 F4)
            SurfaceRefusal plain = plainText("name", name, "a group's name is plain text, shown as it is written");
            if (plain != null) {
                return plain;
            }
        }
        if (takenAs != null) {
            return new SurfaceRefusal(409, "Conflict", "id", "id: " + (takenAs.equals(id) ? "the group '" + id
                    + "' already exists" : "'" + id + "' reads as the group '" + takenAs + "', which exists already"
                    + " (group ids are unique whatever their case)"));
        }
        String trimmed = name == null ? "" : name.trim();
        // read as a person reads it: spacing, punctuation, case, a plural's s and look-alike letters of other alphabets
        // do not make another name (auditor 2026-12-05 E8: "QA  managers", a Cyrillic "QА managers", "QA manager")
        java.util.Set<String> readAs = FilterCalls.readAs(trimmed);
        for (String role : Groups.BUSINESS) {
            java.util.Set<String> roleReadAs = new java.util.HashSet<>(FilterCalls.readAs(Groups.displayName(role)));
            roleReadAs.addAll(FilterCalls.readAs(role));
            if (!trimmed.isEmpty() && readAs.stream().anyMatch(roleReadAs::contains) && !role.equals(id)) {
                return new SurfaceRefusal(400, "Invalid request", "name", "name: '" + trimmed + "' is the name of"
                        + " lotflow's role group '" + role + "'; give this group another name");
            }
        }
        return null;
    }

    /** Camunda's longest user or group id ({@code ACT_ID_USER.ID_}, {@code ACT_ID_GROUP.ID_}). */
    static final int MAX_ID = 64;
    /** Camunda's longest name, e-mail, authorization user, group or resource id. */
    static final int MAX_TEXT = 255;

    /**
     * A JSON value given as text where an id or name is expected: null when it is text (or absent and not required),
     * else 400 naming the field (auditor 2026-12-05 E4: a number became the user id "123"; 300 characters answered 500).
     */
    static SurfaceRefusal text(String field, JsonNode value, boolean required, int max) {
        if (value.isMissingNode() || value.isNull()) {
            return required ? new SurfaceRefusal(400, "Invalid request", field, field + ": is required") : null;
        }
        if (!value.isTextual()) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": must be text in double quotes, was "
                    + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (value.asText().length() > max) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": is " + value.asText().length()
                    + " characters long; at most " + max);
        }
        return null;
    }

    /**
     * A person's first or last name, printed on their electronic signatures (21 CFR 11.50(a)(1)): required text of at
     * most 255 characters with a letter in it, and no control, formatting (right-to-left overrides, zero-width) or line
     * characters, nor {@code <} or {@code >}; else 400 naming the field (auditor 2026-12-05 E12).
     */
    static SurfaceRefusal personName(String field, JsonNode value) {
        SurfaceRefusal notText = text(field, value, true, MAX_TEXT);
        if (notText != null) {
            return notText;
        }
        String name = value.asText();
        if (name.codePoints().noneMatch(Character::isLetter)) {
            return new SurfaceRefusal(400, "Invalid request", field, field + ": a name printed on signatures needs"
                    + " letters");
        }
        return plainText(field, name, "a name printed on signatures is plain text");
    }

    /**
     * Text that prints as it is written: no control, formatting (direction overrides, zero-width), line, private-use,
     * unassigned or default-ignorable character, nor {@code <} or {@code >}; else 400 naming the field, {@code why}
     * said after the character.
     */
    static SurfaceRefusal plainText(String field, String text, String why) {
        int[] points = text.codePoints().toArray();
        for (int c : points) {
            int type = Character.getType(c);
            // invisible ones too: variation selectors, the grapheme joiner, tags (Unicode's default-ignorable code
            // points; auditor 2026-12-05 F3: "Ab Ef" and "Ab Ef" with a variation selector printed alike)
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || type == Character.PRIVATE_USE
                    || type == Character.UNASSIGNED || c == '<' || c == '>' || com.ibm.icu.lang.UCharacter
                            .hasBinaryProperty(c, com.ibm.icu.lang.UProperty.DEFAULT_IGNORABLE_CODE_POINT)) {
                return new SurfaceRefusal(400, "Invalid request", field, field + ": holds a character that is not"
                        + " printed as written (U+" + String.format("%04X", c) + "); " + why);
            }
        }
        return null;
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    /** An e-mail address, when given: text of at most 255 characters of the form name@domain.tld; else 400. */
    static SurfaceRefusal email(String field, JsonNode value) {
        SurfaceRefusal notText = text(field, value, false, MAX_TEXT);
        if (notText != null || value.isMissingNode() || value.isNull() || value.asText().isEmpty()) {
            return notText;
        }
        return EMAIL.matcher(value.asText()).matches() ? null : new SurfaceRefusal(400, "Invalid request", field, field
                + ": '" + value.asText() + "' is not an e-mail address (name@example.com)");
    }

    /** The profile fields of a new user or a profile change ({@code prefix}: "profile." or ""), checked in order. */
    static SurfaceRefusal profileFields(String prefix, JsonNode profile) {
        for (SurfaceRefusal r : java.util.Arrays.asList(personName(prefix + "firstName", profile.path("firstName")),
                personName(prefix + "lastName", profile.path("lastName")), email(prefix + "email", profile.path("email")))) {
            if (r != null) {
                return r;
            }
        }
        return null;
    }

    /**
     * An authorization body the engine would answer with 500 or a bare 400 (auditor 2026-12-05 E3, E4): 400 naming the
     * field. A new one ({@code creates}) has a {@code type} of 0 (global, for {@code userId} {@code *}), 1 (grant) or
     * 2 (revoke); every one has exactly one of {@code userId} and {@code groupId}, a whole {@code resourceType} of 0 or
     * more, a {@code resourceId} and a list of permission names, as text of at most 255 characters.
     */
    static SurfaceRefusal authorizationShape(ObjectNode body, boolean creates) {
        JsonNode type = body.path("type");
        if (creates && !(type.isInt() && type.asInt() >= 0 && type.asInt() <= 2)) {
            return new SurfaceRefusal(400, "Invalid request", "type", "type: must be 0 (global, for everyone), 1 (grant)"
                    + " or 2 (revoke)");
        }
        for (String field : List.of("userId", "groupId", "resourceId")) {
            SurfaceRefusal r = text(field, body.path(field), field.equals("resourceId"), MAX_TEXT);
            if (r != null) {
                return r;
            }
        }
        boolean user = !body.path("userId").asText("").isEmpty();
        boolean group = !body.path("groupId").asText("").isEmpty();
        if (user == group) {
            return new SurfaceRefusal(400, "Invalid request", user ? "groupId" : "userId", (user ? "groupId" : "userId")
                    + ": an authorization is for one user (userId) or one group (groupId), " + (user ? "not both"
                            : "one of them is required"));
        }
        if (creates && type.asInt() == 0 && !(user && body.path("userId").asText().equals("*"))) {
            return new SurfaceRefusal(400, "Invalid request", "userId", "userId: a global authorization (type 0) is for"
                    + " everyone, userId \"*\", and no group");
        }
        JsonNode resourceType = body.path("resourceType");
        if (!(resourceType.isInt() && resourceType.asInt() >= 0)) {
            return new SurfaceRefusal(400, "Invalid request", "resourceType", "resourceType: must be a whole number, the"
                    + " resource's type (0 application, 1 user, 5 filter, 6 process definition, 7 task ...)");
        }
        JsonNode permissions = body.path("permissions");
        boolean names = permissions.isArray();
        for (JsonNode p : permissions) {
            names &= p.isTextual();
        }
        if (!names) {
            return new SurfaceRefusal(400, "Invalid request", "permissions", "permissions: must be a list of permission"
                    + " names, e.g. [\"READ\", \"UPDATE\"]");
        }
        return null;
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
