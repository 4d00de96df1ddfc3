package org.lotflow.security;

import static org.lotflow.security.EngineResources.*;
import static org.lotflow.security.EngineRequestBodies.replayed;
import static org.lotflow.security.SurfaceRefusal.refuse;
import static org.lotflow.security.SurfaceRefusal.refused;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.lotflow.security.EngineSurfaceGuard.Caller;

/**
 * The engine gate's identity and rights surface ({@link EngineSurfaceGuard} hands it every write first): users and
 * their passwords and profiles, groups, authorizations. It applies {@link IdentityCalls}' rules (and
 * {@link FilterCalls}' for a filter's authorizations) with what the identity store holds now ({@link IdentityLookups}),
 * and writes their refusals as RFC 9457 problem+json.
 *
 * <ul>
 * <li>a profile change naming another id: 400; a role group's record changed: 403; a group or user id the engine
 * would refuse: 400 naming it; an id taken whatever its case: 409; a user named like a group: 409;</li>
 * <li>a password over HTTP that fails the password policy: 400 naming {@code password}; two creations of one user
 * at once: the loser 409;</li>
 * <li>an authorization for oneself or one's group, a role member's, one giving a role administration, or on a role
 * filter: 403 naming the field; one that exists already: 409; a change from a session that remembers a group its
 * user left: 403.</li>
 * </ul>
 * Memberships are held in the engine itself ({@link RoleSeparation}, {@link IdentityWritesInOrder}).
 */
final class IdentitySurface {

    private final IdentityService identityService;
    private final IdentityLookups lookups;
    private final FilterCalls filters;
    private final java.util.function.Predicate<String> rolesFilter;
    private final IdentityWriteChecks checks;

    IdentitySurface(IdentityService identityService, IdentityLookups lookups, FilterCalls filters,
            java.util.function.Predicate<String> rolesFilter) {
        this.identityService = identityService;
        this.lookups = lookups;
        this.filters = filters;
        this.rolesFilter = rolesFilter;
        this.checks = new IdentityWriteChecks(lookups);
    }

    /**
     * Checks a write of the engine's API ({@code resource}: the path after the engine's root) by {@code caller}; true
     * when it has answered (a refusal) or passed the call on, false when the call is not one of its own and goes on to
     * the gate's other checks.
     */
    boolean handled(String method, String resource, Caller caller, HttpServletRequest request,
            HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (refused(response, IdentityCalls.beforeBody(method, resource, caller.userId(), caller.admin()))) {
            return true;
        }
        if (!caller.admin() && resource.matches("(?i)^group(?:/.*)?$")) {
            // before the body is read: a refused caller learns nothing from field checks, such as which group ids
            // exist (re-test 2026-12-07 N6: "the group 'qa-manager' already exists" to a salesperson)
            String roleMember = RoleSeparation.actorRefusal(caller.userId(), caller.groups(), "saveGroup", null);
            refuse(response, 403, "Forbidden", null, roleMember != null ? roleMember
                    : "Groups and their members are kept by administrators; nothing was changed");
            return true;
        }
        if (IdentityCalls.writesTenants(method, resource)) {
            // auditor 2026-12-05 E15: lotflow has no tenants, and Camunda's tenant calls answered 500s and case twins
            refuse(response, 403, "Forbidden", null, "lotflow uses no tenants: one plant's lots, people and rights are"
                    + " kept in one engine, and tenants are not created, changed or given members, by anyone");
            return true;
        }
        if (IdentityCalls.changesProfile(method, resource)) {
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null || refused(response, IdentityInput.profileBody(resource, body))
                    || refused(response, IdentityInput.profileFields("", body))
                    || refused(response, checks.takenPrintedName("", body, body.path("id").asText()))) {
                return true;
            }
            org.camunda.bpm.engine.identity.User before = lookups.user(body.path("id").asText());
            IdentityChangeAudit.PRINTED_BEFORE.set(before == null ? null
                    : CurrentUser.printedName(before.getFirstName(), before.getLastName()));
            try {
                chain.doFilter(replayed(request, body), response);
            } finally {
                IdentityChangeAudit.PRINTED_BEFORE.remove();
            }
            return true;
        }
        java.util.regex.Matcher groupRecord = EngineResources.GROUP_RECORD.matcher(resource);
        if (method.equals("PUT") && groupRecord.matches()) {
            // a group's record: lotflow's role groups keep theirs, and a change names the group it changes (auditor
            // 2026-12-05 C3: the QA managers' group was renamed "Sales", and a body naming sales renamed sales)
            String pathId = groupRecord.group(1);
            if (Groups.BUSINESS.contains(pathId) || Groups.ADMIN.equals(pathId)) {
                refuse(response, 403, "Forbidden", null, "The group '" + pathId + "' is one of lotflow's roles: its name"
                        + " and type are kept by lotflow, for everyone (administrators included)");
                return true;
            }
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null) {
                return true;
            }
            if (!body.hasNonNull("id")) {
                refuse(response, 400, "Invalid request", "id", "id: is required, the group's own id '" + pathId + "'");
                return true;
            }
            if (body.has("id") && !pathId.equals(body.path("id").asText())) {
                refuse(response, 400, "Invalid request", "id", "id: a change of the group '" + pathId + "' names it, not '"
                        + body.path("id").asText() + "'");
                return true;
            }
            if (refused(response, IdentityInput.text("name", body.path("name"), false, IdentityInput.MAX_TEXT))
                    || refused(response, IdentityInput.text("type", body.path("type"), false, IdentityInput.MAX_TEXT))
                    || refused(response, IdentityInput.newGroup(pathId, body.path("name").asText(""), null))) {
                return true;
            }
            chain.doFilter(replayed(request, body), response);
            return true;
        }
        if (method.equals("DELETE") && groupRecord.matches()) {
            // a deleted group's rights would come back with a new group of the same id (auditor 2026-12-05 E17): they
            // are deleted first, each in the security trail; the engine removes the group's own record rights itself
            String groupId = groupRecord.group(1);
            if (Groups.BUSINESS.contains(groupId) || Groups.ADMIN.equals(groupId)) {
                return false; // lotflow's groups are not deleted at all (EngineResources.refusedToEveryone)
            }
            long rights = lookups.authorizationsOfGroup(groupId);
            if (rights > 0) {
                refuse(response, 409, "Conflict", null, "The group '" + groupId + "' still holds " + rights
                        + " authorization" + (rights == 1 ? "" : "s") + ": delete them first (a new group of the same id"
                        + " would otherwise get them back)");
                return true;
            }
            return false;
        }
        if (IdentityCalls.createsGroup(method, resource)) {
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null) {
                return true;
            }
            String newId = body.path("id").asText("");
            if (refused(response, IdentityInput.text("id", body.path("id"), true, Integer.MAX_VALUE))
                    || refused(response, IdentityInput.newId("id", newId, true))
                    || refused(response, IdentityInput.text("name", body.path("name"), false, IdentityInput.MAX_TEXT))
                    || refused(response, IdentityInput.text("type", body.path("type"), false, IdentityInput.MAX_TEXT))
                    || refused(response, IdentityInput.newGroup(newId, body.path("name").asText(""),
                            lookups.takenGroupId(newId)))) {
                return true;
            }
            String user = lookups.takenUserId(newId);
            if (user != null) {
                // a group named like a person reads as them in the security trail (auditor 2026-12-05 E18)
                refuse(response, 409, "Conflict", "id", "id: '" + newId + "' is the id of the user '" + user + "'; a"
                        + " group gets an id no person has");
                return true;
            }
            // two creations of one id at once both pass the checks above; the loser meets the engine's own check: it
            // lost a race, and is told so (auditor 2026-12-05 E9)
            passOnTellingTheLoser(request, response, chain, body, () -> lookups.takenGroupId(newId) != null, "id",
                    "id: the group '" + newId + "' was created by someone else at the same time");
            return true;
        }
        boolean userCreate = IdentityCalls.createsUser(method, resource);
        String credentialsOf = IdentityCalls.credentialsOf(method, resource);
        if (userCreate || credentialsOf != null) {
            // a password set over HTTP (a user's own change, an administrator creating a user or setting a password)
            // passes Camunda's default password policy, as the first administrator's does (21 CFR 11.300, EU GMP
            // Annex 11 §12): an empty or three-letter password is refused with 400 naming it
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null) {
                return true;
            }
            JsonNode password = userCreate ? body.path("credentials").path("password") : body.path("password");
            org.camunda.bpm.engine.identity.User user;
            if (userCreate) { // not saved yet: its id and names, for the rule that a password must not contain them
                String newId = body.path("profile").path("id").asText("");
                if (refused(response, IdentityInput.text("profile.id", body.path("profile").path("id"), true,
                        Integer.MAX_VALUE)) || refused(response, IdentityInput.newId("profile.id", newId, false))
                        || refused(response, IdentityInput.profileFields("profile.", body.path("profile")))
                        || refused(response, checks.takenPrintedName("profile.", body.path("profile"), newId))) {
                    return true;
                }
                String group = lookups.takenGroupId(newId);
                if (group != null) {
                    // a user named like a group would read as the group in every record ("CREATED by camunda-admin";
                    // auditor 2026-12-05 C4)
                    refuse(response, 409, "Conflict", "profile.id", "profile.id: '" + newId + "' is the id of the group '"
                            + group + "'; a user id names one person, give this user another one");
                    return true;
                }
                String taken = lookups.takenUserId(newId);
                if (taken != null) {
                    refuse(response, 409, "Conflict", "profile.id", "profile.id: " + (taken.equals(newId) ? "the user '"
                            + newId + "' already exists" : "'" + newId + "' reads as the user '" + taken + "', who"
                            + " exists already (user ids are unique whatever their case)") + "; a user id is given once"
                            + " and never to someone else (21 CFR 11.100(a))");
                    return true;
                }
                user = identityService.newUser(newId);
                user.setFirstName(body.path("profile").path("firstName").asText(null));
                user.setLastName(body.path("profile").path("lastName").asText(null));
            } else {
                user = identityService.createUserQuery().userId(credentialsOf).singleResult();
            }
            String why = FirstAdministrator.policyViolations(identityService, password.isTextual() ? password.asText()
                    : "", user);
            if (why != null) {
                refuse(response, 400, "Invalid request", "password", "password: does not pass the password policy ("
                        + why + ")");
                return true;
            }
            if (!userCreate) {
                chain.doFilter(replayed(request, body), response);
                return true;
            }
            // two creations of one id at once both pass the check above; the loser meets Camunda's own check (400 "The
            // user already exists", engine JSON) or the unique key (500): it lost a race, and is told so
            String newId = user.getId();
            passOnTellingTheLoser(request, response, chain, body, () -> lookups.takenUserId(newId) != null,
                    "profile.id", "profile.id: the user '" + newId + "' was created by someone else at the same time; a"
                            + " user id is given once (21 CFR 11.100(a))");
            return true;
        }
        // nobody grants themselves a right (IdentityCalls; adding oneself to a group is refused before the body)
        if (IdentityCalls.writesAuthorization(method, resource)) {
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null) {
                return true;
            }
            if (refusedStale(response, caller)) {
                return true;
            }
            // a change (PUT authorization/{id}) keeps the stored authorization's type: it is judged as what it will be,
            // and a role member may change only a filter's sharing, before and after (auditor 2026-12-05 B1, B2)
            java.util.regex.Matcher changed = AUTHORIZATION_RECORD.matcher(resource);
            if (method.equals("PUT") && changed.matches()) {
                // a role member learns neither from a field check nor from a 404 which authorizations exist: refused
                // as for a right that is not a filter's, before the body's shape (re-test 2026-12-07 P3)
                org.camunda.bpm.engine.authorization.Authorization stored = lookups.authorization(changed.group(1));
                if (refused(response, IdentityCalls.byRoleMember(caller.userId(), caller.groups(),
                        stored == null ? -1 : stored.getResourceType()))) {
                    return true;
                }
            }
            if (refused(response, IdentityInput.authorizationShape(body, method.equals("POST")))) {
                return true;
            }
            ObjectNode judged = body;
            String storedId = null;
            if (method.equals("PUT") && changed.matches()) {
                org.camunda.bpm.engine.authorization.Authorization stored = lookups.authorization(changed.group(1));
                if (stored != null) {
                    storedId = stored.getId();
                    judged = body.deepCopy();
                    judged.put("type", stored.getAuthorizationType());
                    if (refused(response, IdentityCalls.byRoleMember(caller.userId(), caller.groups(),
                            stored.getResourceType())) || refused(response, IdentityCalls.keptStored(stored, lookups::taskPeople))
                            || refused(response, IdentityCalls.roleGrantMoved(stored, body))) {
                        return true;
                    }
                }
            }
            if (refused(response, IdentityCalls.byRoleMember(caller.userId(), caller.groups(),
                    body.path("resourceType").asInt(-1))) || refused(response, checks.unknownHolder(body))
                    || refused(response, IdentityCalls.authorizationBody(body,
                    caller.userId(), caller.groups()))
                    || refused(response, IdentityCalls.roleRights(judged, lookups::groupsOf, lookups::hasRoleMember,
                            rolesFilter))
                    || refused(response, filters.authorizationChange(method, resource, lookups::authorization))) {
                return true;
            }
            if (refused(response, checks.duplicateAuthorization(judged, storedId))) {
                return true;
            }
            // two equal authorizations written at once both pass the check above; the loser meets the database's key
            // (500): it lost a race, and is told so (auditor 2026-12-05 E9)
            ObjectNode written = judged;
            String except = storedId;
            passOnTellingTheLoser(request, response, chain, body, () -> checks.duplicateAuthorization(written, except) != null,
                    "resourceId", "resourceId: an equal authorization was written by someone else at the same time;"
                            + " nothing of yours was saved");
            return true;
        }
        if (refused(response, filters.authorizationChange(method, resource, lookups::authorization))) {
            return true;
        }
        java.util.regex.Matcher deletedAuthorization = AUTHORIZATION_RECORD.matcher(resource);
        if (method.equals("DELETE") && deletedAuthorization.matches()) {
            if (refusedStale(response, caller)) {
                return true;
            }
            org.camunda.bpm.engine.authorization.Authorization existing =
                    lookups.authorization(deletedAuthorization.group(1));
            // an id of no authorization is refused to a role member as a right that is not a filter's: a 404 would tell
            // which ids exist (re-test 2026-12-07 P3)
            if (refused(response, IdentityCalls.byRoleMember(caller.userId(), caller.groups(),
                    existing == null ? -1 : existing.getResourceType()))
                    || (existing != null && refused(response, IdentityCalls.keptStored(existing, lookups::taskPeople)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses (403) a change of rights from a session that remembers a group its user is no longer in (auditor
     * 2026-12-05 B12; identity writes are held alike in {@link RoleSeparation}): true when it answered.
     */
    private boolean refusedStale(HttpServletResponse response, Caller caller) throws IOException {
        List<String> now = lookups.groupsOf(caller.userId());
        List<String> gone = caller.groups().stream().filter(g -> !now.contains(g)).toList();
        if (gone.isEmpty()) {
            return false;
        }
        refuse(response, 403, "Forbidden", null, caller.userId() + " is no longer a member of " + String.join(", ", gone)
                + ": log in again; what that membership allowed ended with it");
        return true;
    }

    /**
     * Passes a checked write on; when the engine then refuses it (400, or 500 from the database's key) and
     * {@code lostRace} says another request wrote the same meanwhile, the answer is 409 naming {@code field}.
     */
    private static void passOnTellingTheLoser(HttpServletRequest request, HttpServletResponse response,
            FilterChain chain, ObjectNode body, java.util.function.BooleanSupplier lostRace, String field, String detail)
            throws IOException, ServletException {
        var held = new org.springframework.web.util.ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(replayed(request, body), held);
            if ((held.getStatus() == 400 || held.getStatus() >= 500) && lostRace.getAsBoolean()) {
                held.resetBuffer();
                refuse(held, 409, "Conflict", field, detail);
            }
        } finally {
            held.copyBodyToResponse();
        }
    }
}
