package org.lotflow.security;


import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Records every change to who may log in and sign in the security audit trail ({@code security_event}, channel
 * {@code identity}): a user created, a password set, a user's name or e-mail changed (old and new), a user deleted, a
 * group membership added or removed, a group created, renamed (old and new name and type) or deleted (with its
 * memberships; {@code userId} then holds the group's id), an
 * authorization created, changed or deleted ({@link AuthorizationChangeAudit}). 21 CFR 11.10(d) (limiting access to authorised individuals) and 11.300(b) (passwords
 * periodically checked, recalled or revised) and EU GMP Annex 11 §12.3 (creation, change and cancellation of access
 * authorisations recorded) ask that such changes be traceable to who made them and when.
 *
 * <p>It wraps the engine's writable identity session, so every surface is covered alike: the Admin webapp,
 * {@code /engine-rest/user/...} and {@code /engine-rest/group/...}, a user changing their own password, the Java API
 * and lotflow's start-up identities. The event is written in the engine command's transaction: it exists exactly when
 * the change does. {@code userId} is the user changed; {@code detail} names who did it ({@code "by demo"}, or
 * {@code "by system"} outside a login) and, for memberships, the group; a change says what was changed from what to
 * what ({@code "group auditors changed by demo, name 'External auditors' -> 'Internal staff', type 'WORKFLOW'"},
 * {@code "profile changed by demo, printed name 'Tom Becker', e-mail 'tom@x.example' -> 'tom.b@x.example'"}: 21 CFR
 * 11.10(e), old and new values; the values before are read in the command, before the engine writes). A password is
 * never written, only the fact
 * that one was set. The name a user is created or renamed with is kept for good ({@link PrintedNames}).
 */
@Component
public class IdentityChangeAudit extends AbstractProcessEnginePlugin {

    private final ObjectProvider<SecurityEvents> events;

    private final ObjectProvider<LoginThrottle> throttle;

    private final ObjectProvider<PrintedNames> printedNames;

    private final ObjectProvider<JdbcTemplate> jdbc;

    IdentityChangeAudit(ObjectProvider<SecurityEvents> events, ObjectProvider<LoginThrottle> throttle,
            ObjectProvider<PrintedNames> printedNames, ObjectProvider<JdbcTemplate> jdbc) {
        this.events = events;
        this.throttle = throttle;
        this.printedNames = printedNames;
        this.jdbc = jdbc;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        IdentitySessionHook.install(configuration, this, (method, args, call) -> {
            boolean newPassword = method.getName().equals("saveUser") && args != null
                    && args[0] instanceof UserEntity user && user.hasNewPassword();
            if (newPassword) {
                requireStandingToSetAnothersPassword(((UserEntity) args[0]).getId());
            }
            Stored before = stored(method.getName(), args);
            Object result = call.proceed();
            if (result instanceof IdentityOperationResult outcome) {
                record(method.getName(), args, outcome.getOperation(), newPassword, before);
            }
            return result;
        });
        if (configuration.getHistoryEventHandler() != null) {
            configuration.setHistoryEventHandler(new AuthorizationChangeAudit(configuration.getHistoryEventHandler(),
                    (type, event) -> events.getObject().identityChanged(type, event[0], event[1])));
        }
    }

    /**
     * A user's e-mail or a group's name and type as the identity store holds them before a change ({@code saveUser},
     * {@code saveGroup} of an existing one), read in the engine command's transaction before the engine writes; null
     * for any other call and for a new user or group.
     */
    private record Stored(String email, String name, String type) {
    }

    private Stored stored(String method, Object[] args) {
        if (args == null || args.length == 0) {
            return null;
        }
        if (method.equals("saveUser") && args[0] instanceof UserEntity user && user.getRevision() > 0) {
            return jdbc.getObject().query("SELECT EMAIL_ FROM ACT_ID_USER WHERE ID_ = ?", rs -> rs.next()
                    ? new Stored(rs.getString(1), null, null) : null, user.getId());
        }
        if (method.equals("saveGroup") && args[0] instanceof GroupEntity group && group.getRevision() > 0) {
            return jdbc.getObject().query("SELECT NAME_, TYPE_ FROM ACT_ID_GROUP WHERE ID_ = ?", rs -> rs.next()
                    ? new Stored(null, rs.getString(1), rs.getString(2)) : null, group.getId());
        }
        return null;
    }

    /** {@code ", what 'before' -> 'after'"}, {@code ", what 'value'"} when unchanged, nothing when unchanged and empty. */
    static String oldAndNew(String what, String before, String after) {
        String was = before == null ? "" : before;
        String now = after == null ? "" : after;
        if (was.equals(now)) {
            return now.isEmpty() ? "" : ", " + what + " '" + now + "'";
        }
        return ", " + what + " " + (was.isEmpty() ? "(none)" : "'" + was + "'") + " -> "
                + (now.isEmpty() ? "(none)" : "'" + now + "'");
    }

    private void record(String method, Object[] args, String operation, boolean newPassword, Stored stored) {
        if (IdentityOperationResult.OPERATION_NONE.equals(operation)) {
            return;
        }
        String by = "by " + actor();
        switch (method) {
            case "saveUser" -> {
                String userId = ((User) args[0]).getId();
                // the name it prints now is on record for good, in this command (PrintedNames; auditor 2026-12-07 H1)
                printedNames.getObject().record(userId, CurrentUser.printedName(((User) args[0]).getFirstName(),
                        ((User) args[0]).getLastName()), IdentityOperationResult.OPERATION_CREATE.equals(operation)
                                ? "profile.firstName" : "firstName"); // as the surface names it (re-test G6)
                if (IdentityOperationResult.OPERATION_CREATE.equals(operation)) {
                    // failed logins of this id from before its account existed are nobody's: a lock taken then would
                    // hold the new account (re-test 2026-12-06 Y10: an outsider could pre-lock a new hire's id)
                    int earlier = throttle.getObject().unlock(userId);
                    events.getObject().identityChanged(SecurityEvent.Type.USER_CREATED, userId,
                            "created " + by + (newPassword ? ", with a password" : "") + (earlier == 0 ? ""
                                    : "; failed logins of this id from before it existed cleared"));
                } else if (newPassword) {
                    events.getObject().identityChanged(SecurityEvent.Type.PASSWORD_CHANGED, userId, "password set " + by);
                } else {
                    // what the signatures print, before and after (auditor 2026-12-06 G4: the trail said neither)
                    User changed = (User) args[0];
                    String after = CurrentUser.printedName(changed.getFirstName(), changed.getLastName());
                    String before = PRINTED_BEFORE.get();
                    // and the e-mail, old and new (auditor 2026-12-07 L2: swapping two users' e-mails left no trace;
                    // an e-mail is what makes one person one account)
                    events.getObject().identityChanged(SecurityEvent.Type.USER_CHANGED, userId, "profile changed " + by
                            + (before == null || before.equals(after) ? ", printed name '" + after + "'"
                                    : ", printed name '" + before + "' -> '" + after + "'")
                            + (stored == null ? "" : oldAndNew("e-mail", stored.email(), changed.getEmail())));
                }
            }
            case "deleteUser" -> events.getObject().identityChanged(SecurityEvent.Type.USER_DELETED, (String) args[0],
                    "deleted " + by);
            case "createMembership" -> events.getObject().identityChanged(SecurityEvent.Type.MEMBERSHIP_ADDED,
                    (String) args[0], "added to group " + args[1] + " " + by);
            case "deleteMembership" -> events.getObject().identityChanged(SecurityEvent.Type.MEMBERSHIP_REMOVED,
                    (String) args[0], "removed from group " + args[1] + " " + by);
            case "saveGroup" -> {
                Group group = (Group) args[0];
                String groupId = group.getId();
                if (IdentityOperationResult.OPERATION_CREATE.equals(operation)) {
                    events.getObject().identityChanged(SecurityEvent.Type.GROUP_CREATED, groupId,
                            "group " + groupId + " created " + by + oldAndNew("name", group.getName(), group.getName())
                                    + oldAndNew("type", group.getType(), group.getType()));
                } else {
                    // a rename, with the old and the new name (auditor 2026-12-07 L2: "External auditors" became
                    // "Internal staff" with no trace but Camunda's "groupId null -> auditors")
                    events.getObject().identityChanged(SecurityEvent.Type.GROUP_CHANGED, groupId,
                            "group " + groupId + " changed " + by
                                    + oldAndNew("name", stored == null ? null : stored.name(), group.getName())
                                    + oldAndNew("type", stored == null ? null : stored.type(), group.getType()));
                }
            }
            case "deleteGroup" -> events.getObject().identityChanged(SecurityEvent.Type.GROUP_DELETED, (String) args[0],
                    "group " + args[0] + " deleted " + by + ", with its memberships");
            default -> {
                // tenants (refused over HTTP) and Camunda's own unlock change no one's access
            }
        }
    }

    /**
     * An administrator sets another person's password (a new user's first one, a reset) only while standing as a signer
     * themselves: a password of their own and, if an administrator set one, confirmed by another ({@link OwnPassword}).
     * Otherwise one administrator made a second one (whose password he knew), had it create or reset a signer, and
     * confirmed that signer himself as "another administrator" (re-test 2026-12-06 F1): the chain of passwords set by
     * others now ends at a person who stands. Users setting their own, and lotflow itself (start-up), need nothing.
     */
    private void requireStandingToSetAnothersPassword(String userId) {
        String actor = actor();
        if (CurrentUser.SYSTEM.equals(actor) || actor.equals(userId)) {
            return;
        }
        String why = OwnPassword.refusal(actor, events.getObject().passwordHistory(actor));
        if (why != null) {
            throw new org.lotflow.shared.NotPermitted(actor + " may not set another person's password (" + userId
                    + ") before standing as a signer: " + why);
        }
    }

    /** The printed name of the user whose profile the current request changes, as it was ({@link IdentitySurface}). */
    static final ThreadLocal<String> PRINTED_BEFORE = new ThreadLocal<>();

    private static String actor() {
        CommandContext context = Context.getCommandContext();
        String userId = context == null ? null : context.getAuthenticatedUserId();
        return userId == null ? CurrentUser.SYSTEM : userId;
    }
}
