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
 * of a role group is never added to {@code camunda-admin} (403). Auditor 2026-12-05 F1: the rule "nobody adds
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

    /** Why adding {@code userId} to {@code groupId} is refused, given the groups they are in now; null when it is not. */
    static String refusal(String userId, String groupId, List<String> theirGroups) {
        if (Groups.BUSINESS.contains(groupId) && theirGroups.contains(Groups.ADMIN)) {
            return userId + " administers lotflow and so may not also join the " + Groups.displayName(groupId)
                    + " (administrators and the people who record and sign keep separate accounts; give them a second"
                    + " account without administration)";
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

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        IdentitySessionHook.install(configuration, this, (method, args, call) -> {
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
                if (why != null) {
                    throw new NotPermitted(why);
                }
            }
            return call.proceed();
        });
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
