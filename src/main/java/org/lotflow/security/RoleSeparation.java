package org.lotflow.security;

import java.util.List;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.lotflow.shared.NotPermitted;
import org.springframework.stereotype.Component;

/**
 * Administrators and lotflow's roles are separate people: a member of {@code camunda-admin} is never added to a
 * role group ({@link Groups#BUSINESS}: production, QA analyst, QA manager, sales, recall coordinator), and a member
 * of a role group is never added to {@code camunda-admin} (403); and a member of {@code production} never joins the
 * quality unit ({@code qa-analyst}, {@code qa-manager}), nor the other way round (403). Auditor 2026-12-05 F1: the rule "nobody adds
 * themselves to a group" alone let an administrator create a second administrator who then added the first one to
 * {@code qa-manager}, and the first signed releases. An administrator who is to sign gets their own, second account
 * with a role and no administration (21 CFR 11.10(g) authority checks; EU GMP Annex 11 §12.1 and §2: segregation of
 * duties; contract: administering lotflow does not make one a member of its roles).
 *
 * <p>Like the identity audit ({@link IdentityChangeAudit}), it wraps the engine's writable identity session, so
 * every surface is held alike: the Admin webapp, {@code /engine-rest/group/{g}/members/{u}}, the Java API. The
 * memberships are read inside the engine command, without the caller's authorization checks. A membership of a user
 * or group that does not exist is 404 and one that exists already 409 (the database would answer 500).
 */
@Component
public class RoleSeparation extends AbstractProcessEnginePlugin {

    private final org.springframework.beans.factory.ObjectProvider<SecurityEvents> events;

    public RoleSeparation(org.springframework.beans.factory.ObjectProvider<SecurityEvents> events) {
        this.events = events;
    }

    /**
     * Records a refused membership in the security trail, kept though the write is rolled back (re-test 2026-12-06
     * Y13: an administrator's attempt to make a maker his own approver left no trace).
     */
    private void recordRefusal(String actor, String userId, String groupId, String why) {
        events.getObject().failure(SecurityEvent.Type.MEMBERSHIP_REFUSED, userId, "identity",
                (actor == null ? "lotflow" : actor) + " tried to add " + userId + " to " + groupId + ": refused, " + why);
    }

    /** Why adding {@code userId} to {@code groupId} is refused, given the groups they are in now; null when it is not. */
    static String refusal(String userId, String groupId, List<String> theirGroups) {
        if (Groups.BUSINESS.contains(groupId) && theirGroups.contains(Groups.ADMIN)) {
            return userId + " administers lotflow and so may not also join the " + Groups.displayName(groupId)
                    + " (administrators and the people who record and sign keep separate accounts; give them a second"
                    + " account without administration)";
        }
        String other = production(groupId) ? theirGroups.stream().filter(RoleSeparation::quality).findFirst().orElse(null)
                : quality(groupId) ? theirGroups.stream().filter(RoleSeparation::production).findFirst().orElse(null)
                : null;
        if (other != null) {
            // the quality unit is independent of production (EU GMP Part I 2.5, 21 CFR 211.22; auditor 2026-12-06 X2:
            // a production manager who was also a QA manager approved the release of the lot he made)
            return userId + " is in the group " + Groups.displayName(other) + " and so may not also join the group "
                    + Groups.displayName(groupId) + ": production and the quality unit (QA analysts, QA managers) are"
                    + " separate people, so nobody releases or tests what they made";
        }
        if (Groups.ADMIN.equals(groupId)) {
            List<String> roles = theirGroups.stream().filter(Groups.BUSINESS::contains).toList();
            if (!roles.isEmpty()) {
                return userId + " is one of the " + String.join(", the ", roles.stream().map(Groups::displayName)
                        .toList()) + " and so may not also administer lotflow (administrators and the people who record and sign"
                        + " keep separate accounts; give them a second account for administration)";
            }
        }
        return null;
    }

    private static boolean production(String groupId) {
        return Groups.PRODUCTION.equals(groupId);
    }

    private static boolean quality(String groupId) {
        return Groups.QA_ANALYST.equals(groupId) || Groups.QA_MANAGER.equals(groupId);
    }

    /** The identity session's calls that write (the others make objects in memory or read). */
    private static final java.util.Set<String> WRITES = java.util.Set.of("saveUser", "deleteUser", "unlockUser",
            "saveGroup", "deleteGroup", "saveTenant", "deleteTenant", "createMembership", "deleteMembership",
            "createTenantUserMembership", "createTenantGroupMembership", "deleteTenantUserMembership",
            "deleteTenantGroupMembership");

    /**
     * Why {@code actorId}, a member of {@code actorGroups}, may not make this identity write (null: they may). A member
     * of a role group administers no identity, whatever Camunda rights an administrator gave them or a group of theirs
     * (auditor 2026-12-05 A4: rights granted first, the role second, and a QA manager put others into roles and took
     * administrators out of {@code camunda-admin}); their own password they set themselves ({@code saveUser} of
     * themselves: the gate refuses a profile change).
     */
    static String actorRefusal(String actorId, List<String> actorGroups, String method, Object[] args) {
        if (!WRITES.contains(method) || actorGroups.stream().noneMatch(Groups.BUSINESS::contains)) {
            return null;
        }
        if (method.equals("saveUser") && args != null && args.length == 1
                && args[0] instanceof org.camunda.bpm.engine.identity.User u && actorId.equals(u.getId())) {
            return null;
        }
        List<String> roles = actorGroups.stream().filter(Groups.BUSINESS::contains).map(Groups::displayName).toList();
        return actorId + " is one of the " + String.join(", the ", roles) + ": the people who record and sign do not"
                + " administer users, groups or memberships, whatever rights they were given (segregation of duties,"
                + " 21 CFR 11.10(g)); an administrator does it";
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        IdentitySessionHook.install(configuration, this, (method, args, call) -> {
            String actor = !WRITES.contains(method.getName()) || Context.getCommandContext() == null ? null
                    : Context.getCommandContext().getAuthenticatedUserId();
            if (actor != null) {
                List<String> actorsGroups = groupsOf(actor);
                String why = actorRefusal(actor, actorsGroups, method.getName(), args);
                if (why == null) {
                    why = staleSession(actor, Context.getCommandContext().getAuthentication(), actorsGroups);
                }
                if (why != null) {
                    throw new NotPermitted(why);
                }
            }
            if (method.getName().equals("createMembership") && args != null && args.length == 2) {
                String userId = (String) args[0];
                String groupId = (String) args[1];
                // a user or group that does not exist, or a membership already there: the database would answer 500
                // (auditor's re-test 2026-12-05, N9)
                if (!exists(context -> context.getReadOnlyIdentityProvider().createUserQuery().userId(userId).count())) {
                    throw new org.lotflow.shared.NotFound("User", userId);
                }
                if (!exists(context -> context.getReadOnlyIdentityProvider().createGroupQuery().groupId(groupId).count())) {
                    throw new org.lotflow.shared.NotFound("Group", groupId);
                }
                List<String> theirs = groupsOf(userId);
                if (theirs.contains(groupId)) {
                    throw new org.lotflow.shared.StateConflict(userId + " is already a member of " + groupId);
                }
                String why = refusal(userId, groupId, theirs);
                if (why == null) {
                    why = administrationRefusal(userId, groupId, theirs);
                }
                if (why != null) {
                    recordRefusal(actor, userId, groupId, why);
                    throw new NotPermitted(why);
                }
            }
            return call.proceed();
        });
    }

    /**
     * Why an identity write is refused to a session that remembers a group its user is no longer in (auditor
     * 2026-12-05 B12: an administrator removed from {@code camunda-admin} created a new administrator from an open
     * Admin session, whose groups are re-read only every 30 seconds): null when the session's groups are all still the
     * user's. The engine checked the write's rights with the session's groups; the identity store decides.
     */
    static String staleSession(String actorId, org.camunda.bpm.engine.impl.identity.Authentication session,
            List<String> groupsNow) {
        if (session == null || session.getGroupIds() == null) {
            return null;
        }
        List<String> gone = session.getGroupIds().stream().filter(g -> !groupsNow.contains(g)).toList();
        if (gone.isEmpty()) {
            return null;
        }
        return actorId + " is no longer a member of " + String.join(", ", gone) + ": log in again; what that membership"
                + " allowed ended with it";
    }

    /**
     * Why a membership would make a role member someone who administers identities or rights (null: it would not):
     * {@code userId} joins a role group while they or a group of theirs hold such rights, or a role member joins a
     * group that holds them (auditor 2026-12-05 A4, both orders). Such rights: a grant or global authorization on users,
     * groups, memberships, authorizations or tenants beyond READ, or on the Admin webapp.
     */
    private static String administrationRefusal(String userId, String groupId, List<String> theirs) {
        boolean intoRole = Groups.BUSINESS.contains(groupId);
        boolean roleMember = theirs.stream().anyMatch(Groups.BUSINESS::contains);
        if (intoRole && administers(List.of(userId), theirs)) {
            return userId + " holds rights to administer users, groups, memberships or rights, and so may not also join"
                    + " the " + Groups.displayName(groupId) + " (one who records and signs does not administer; an"
                    + " administrator removes those rights first, or gives them a second account)";
        }
        if (intoRole && revoked(userId)) {
            // auditor 2026-12-05 B2: revocations made before the membership would hide the role's work from them
            return userId + " has revocations of their own (rights taken away from them by name), which would hide the "
                    + Groups.displayName(groupId) + "' open work from them; an administrator deletes those revocations"
                    + " first";
        }
        if (!intoRole && roleMember && administers(List.of(), List.of(groupId))) {
            return "The group " + groupId + " holds rights to administer users, groups, memberships or rights, and "
                    + userId + " has one of lotflow's roles: the people who record and sign do not administer";
        }
        return null;
    }

    /** Whether the user has revocations of their own (user-level authorizations of type revoke). */
    private static boolean revoked(String userId) {
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> ((org.camunda.bpm.engine.impl.AuthorizationQueryImpl)
                new org.camunda.bpm.engine.impl.AuthorizationQueryImpl().userIdIn(userId)).executeList(context, null)
                .stream().anyMatch(a -> a.getAuthorizationType()
                        == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE));
    }

    /** Whether these users (or everyone) or groups hold a grant or global authorization that administers identities. */
    private static boolean administers(List<String> userIds, List<String> groupIds) {
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> {
            List<org.camunda.bpm.engine.authorization.Authorization> found = new java.util.ArrayList<>();
            java.util.List<String> users = new java.util.ArrayList<>(userIds);
            users.add("*");
            found.addAll(((org.camunda.bpm.engine.impl.AuthorizationQueryImpl) new org.camunda.bpm.engine.impl
                    .AuthorizationQueryImpl().userIdIn(users.toArray(String[]::new))).executeList(context, null));
            if (!groupIds.isEmpty()) {
                found.addAll(((org.camunda.bpm.engine.impl.AuthorizationQueryImpl) new org.camunda.bpm.engine.impl
                        .AuthorizationQueryImpl().groupIdIn(groupIds.toArray(String[]::new))).executeList(context, null));
            }
            return found.stream().anyMatch(a -> administersIdentities(a, userIds));
        });
    }

    /**
     * Whether an authorization administers identities; the rights Camunda gives every user on their own user record
     * (READ and UPDATE of {@code user/{self}}, for their own password) do not.
     */
    private static boolean administersIdentities(org.camunda.bpm.engine.authorization.Authorization a,
            List<String> selves) {
        if (a.getAuthorizationType() == org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE) {
            return false;
        }
        if (a.getResourceType() == 1 && selves.contains(a.getResourceId())) {
            return false;
        }
        if (a.getResourceType() == 0) {
            return "admin".equals(a.getResourceId()) || "*".equals(a.getResourceId());
        }
        if (!IdentityCalls.IDENTITY_RESOURCES.contains(a.getResourceType())) {
            return false;
        }
        return java.util.Arrays.stream(a.getPermissions(org.camunda.bpm.engine.authorization.Permissions.values()))
                .anyMatch(p -> p != org.camunda.bpm.engine.authorization.Permissions.READ
                        && p != org.camunda.bpm.engine.authorization.Permissions.NONE);
    }

    /** Whether a count read inside the engine command, without the caller's authorizations, is above 0. */
    private static boolean exists(java.util.function.Function<CommandContext, Long> count) {
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> count.apply(context)) > 0;
    }

    private static List<String> groupsOf(String userId) {
        CommandContext context = Context.getCommandContext();
        return context.runWithoutAuthorization(() -> context.getReadOnlyIdentityProvider().createGroupQuery()
                .groupMember(userId).list().stream().map(Group::getId).toList());
    }
}
