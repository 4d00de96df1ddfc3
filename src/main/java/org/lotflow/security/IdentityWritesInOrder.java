package org.lotflow.security;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateMembershipCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveGroupCmd;
import org.camunda.bpm.engine.impl.cmd.SaveUserCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.lotflow.shared.ClusterLock;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.process.EngineCommandFields;
import org.lotflow.shared.process.OutermostCommands;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Memberships and authorizations are written one at a time, across every node of a cluster, and none may add a
 * breach of role separation ({@link RoleSeparationBreaches}) to the identity store. Auditor 2026-12-05 C2: a grant
 * of rights to administer memberships to a group and a QA manager's membership of that group, sent at the same
 * moment, each passed its own check (the gate's and {@link RoleSeparation}'s) in its own transaction, and together
 * made a QA manager an administrator (19 of 25 tries).
 *
 * <p>Each {@code saveAuthorization}, {@code deleteAuthorization} and {@code createMembership} command, whichever surface sends it (Admin,
 * {@code /engine-rest}, the Java API), runs in a transaction that first takes the cluster lock
 * {@value #LOCK} ({@link ClusterLock}), so a second such write waits until the first has committed and its checks
 * see it. Under the lock, the store's breaches are read before the command and after it (its rows written): a write
 * that adds one is rolled back and answered 409 ({@link StateConflict}) with the breach in words. Breaches already
 * there (an older lotflow's data) refuse nothing new. The refusals a caller normally meets stay the gate's and
 * {@link RoleSeparation}'s, with their field names; this is what decides when two writes meet.
 *
 * <p>Users and groups are saved under the same lock, and a save that leaves an id that is both a user's and a group's
 * (whatever its case) is rolled back with 409: a person and a group created at the same moment under one id each
 * passed the gate's look at the other (auditor 2026-12-05 F1).
 *
 * <p>The same look, before and after, keeps the grants lotflow makes for its roles ({@link IdentitySetup#ROLE_GRANTS}:
 * Tasklist, reading users and groups, starting their processes, Cockpit for QA managers): an authorization deleted or
 * changed so that a role loses one of them is refused with 403 ({@link NotPermitted}), on every surface; adding
 * permissions to them stays free (auditor 2026-12-05 C9).
 *
 * <p>A write whose row another write put there first (a new user or group of an id that exists whatever its case, an
 * authorization equal to another) is refused with 409 under the lock before the engine runs it ({@link #twinOf}), so a
 * race's loser is told in words and leaves no error in the log.
 *
 * <p>Costs six small reads of the membership and authorization tables per such write (rare: an administrator's
 * work); lotflow's work (lots, releases, recalls) never takes this lock.
 */
@Component
public class IdentityWritesInOrder extends AbstractProcessEnginePlugin {

    /** The {@code app_lock} row (V127). */
    static final String LOCK = "identity-rights";

    private final ClusterLock clusterLock;
    private final JdbcTemplate jdbc;

    public IdentityWritesInOrder(ClusterLock clusterLock, JdbcTemplate jdbc) {
        this.clusterLock = clusterLock;
        this.jdbc = jdbc;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // after lotflow's refusal capture (which puts itself first), before the engine's transaction: the engine's
        // command joins the transaction opened here, so its rows are written (flushed) before the second read
        OutermostCommands.add(configuration, (command, proceed) -> {
            if (command instanceof SaveUserCmd || command instanceof SaveGroupCmd) {
                // a user and a group of one id, created at once, each passed the gate's look at the other (auditor
                // 2026-12-05 F1): one at a time, and the second refused when its id is the other's
                return inOrder(proceed, () -> twinOf(command), List.of(new Look<>(IdentityWritesInOrder.this::idsShared,
                        (before, after) -> after > before ? new StateConflict("This user or group was not made: its id is"
                                + " the id of a group or user made at the same moment (one id names one person or"
                                + " one group)").with("field", command instanceof SaveUserCmd ? "profile.id" : "id")
                                : null)));
            }
            // a group deleted while a grant to it is written: the grant would pass to a later group of that id
            // (auditor 2026-12-05 F8)
            Look<Long> orphans = new Look<>(IdentityWritesInOrder.this::orphans, (before, after) -> after > before
                    ? new StateConflict(command instanceof DeleteGroupCmd ? "The group was not deleted: it still"
                            + " holds authorizations (given to it at the same moment); delete them first"
                            : "This authorization was not saved: its group was deleted at the same moment")
                    : null);
            if (command instanceof DeleteGroupCmd) {
                return inOrder(proceed, () -> null, List.of(orphans));
            }
            Look<Set<String>> kept = new Look<>(IdentityWritesInOrder.this::keptGrantsLost, (before, after) -> {
                List<String> lost = RoleSeparationBreaches.added(before, after);
                return lost.isEmpty() ? null : new NotPermitted("This change was not made: with it, " + lost.get(0)
                        + ".");
            });
            Look<Set<String>> separation = new Look<>(IdentityWritesInOrder.this::breaches, (before, after) -> {
                List<String> added = RoleSeparationBreaches.added(before, after);
                return added.isEmpty() ? null : new StateConflict("This change was not made: with it, "
                        + added.get(0) + " (segregation of duties, 21 CFR 11.10(g)). Another change made at the"
                        + " same moment may have led to it; reload and look again.");
            });
            if (command instanceof SaveAuthorizationCmd) {
                return inOrder(proceed, () -> twinOf(command), List.of(orphans, kept, separation));
            }
            if (command instanceof CreateMembershipCmd || command instanceof DeleteAuthorizationCmd) {
                return inOrder(proceed, () -> null, List.of(kept, separation));
            }
            return proceed.get();
        });
    }

    /**
     * A look at the store, read before a write and again after it (under the lock): the refusal when the write made it
     * worse, else null.
     */
    private record Look<S>(java.util.function.Supplier<S> read,
            java.util.function.BiFunction<S, S, RuntimeException> refusal) {

        /** The refusal, if the write made this look worse (reads the store again). */
        RuntimeException after(Object before) {
            @SuppressWarnings("unchecked")
            S was = (S) before;
            return refusal.apply(was, read.get());
        }
    }

    /**
     * Runs the command under the lock {@value #LOCK}, in one transaction with the looks before and after it; the first
     * look the command made worse rolls everything back with its refusal. {@code twin}, read first under the lock,
     * refuses a write whose row exists already before the command runs at all.
     */
    private Object inOrder(java.util.function.Supplier<Object> proceed, java.util.function.Supplier<StateConflict> twin,
            List<Look<?>> looks) {
        return clusterLock.withLock(LOCK, () -> {
            StateConflict exists = twin.get();
            if (exists != null) {
                throw exists;
            }
            List<Object> before = looks.stream().map(l -> (Object) l.read().get()).toList();
            Object result = proceed.get();
            for (int i = 0; i < looks.size(); i++) {
                RuntimeException refused = looks.get(i).after(before.get(i));
                if (refused != null) {
                    throw refused;
                }
            }
            return result;
        });
    }

    /**
     * 409 when the command would write a row that another write put there first: a new user or group whose id (whatever
     * its case) exists, or an authorization equal to another one (type, user or group, resource type and id). The gate
     * refuses these before the call; two such writes sent at the same moment both pass it, and the second then met the
     * database's key inside the engine, which wrote the failure to the log as an ERROR with its stack trace (auditor
     * 2026-12-05: race losers leave errors in the log). Read under the lock, so the loser is told here, before the
     * engine runs. Null when there is no twin, or the command's fields are not readable in this engine version (the
     * database's key still refuses the twin then).
     */
    StateConflict twinOf(Command<?> command) {
        if (command instanceof SaveUserCmd && EngineCommandFields.of(command, "user") instanceof UserEntity user
                && user.getRevision() == 0 && count("SELECT COUNT(*) FROM ACT_ID_USER WHERE UPPER(ID_) = UPPER(?)",
                        user.getId()) > 0) {
            return (StateConflict) new StateConflict("This user was not made: a user with the id '" + user.getId()
                    + "' (whatever its case) was made at the same moment; nothing of yours was saved")
                    .with("field", "profile.id");
        }
        if (command instanceof SaveGroupCmd && EngineCommandFields.of(command, "group") instanceof GroupEntity group
                && group.getRevision() == 0 && count("SELECT COUNT(*) FROM ACT_ID_GROUP WHERE UPPER(ID_) = UPPER(?)",
                        group.getId()) > 0) {
            return (StateConflict) new StateConflict("This group was not made: a group with the id '" + group.getId()
                    + "' (whatever its case) was made at the same moment; nothing of yours was saved").with("field", "id");
        }
        if (command instanceof SaveAuthorizationCmd && EngineCommandFields.of(command, "authorization") instanceof
                AuthorizationEntity grant && grant.getResourceId() != null
                && (grant.getUserId() == null) != (grant.getGroupId() == null)) {
            boolean user = grant.getUserId() != null;
            List<String> same = jdbc.queryForList("SELECT ID_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = ? AND"
                    + (user ? " USER_ID_ = ?" : " GROUP_ID_ = ?") + " AND RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ?",
                    String.class, grant.getAuthorizationType(), user ? grant.getUserId() : grant.getGroupId(),
                    grant.getResourceType(), grant.getResourceId());
            String other = same.stream().filter(id -> !id.equals(grant.getId())).findFirst().orElse(null);
            if (other != null) {
                return (StateConflict) new StateConflict("This authorization was not saved: an equal one for "
                        + (user ? "user '" + grant.getUserId() : "group '" + grant.getGroupId()) + "' on "
                        + RoleSeparationBreaches.kind(grant.getResourceType()) + " '" + grant.getResourceId()
                        + "' exists already (" + other + "), written at the same moment; change that one instead")
                        .with("field", "resourceId");
            }
        }
        return null;
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** The grants lotflow keeps for its roles, for the check (a bit mask each). */
    private static final List<RoleSeparationBreaches.KeptGrant> KEPT = IdentitySetup.ROLE_GRANTS.stream()
            .map(g -> new RoleSeparationBreaches.KeptGrant(g.group(), g.resource().resourceType(), g.resourceId(),
                    g.mask())).toList();

    /**
     * How many authorizations name a group that does not exist, the engine's own rights on a group's record aside
     * (read under the lock).
     */
    long orphans() {
        Long orphans = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION a WHERE a.GROUP_ID_ IS NOT NULL"
                + " AND NOT EXISTS (SELECT 1 FROM ACT_ID_GROUP g WHERE g.ID_ = a.GROUP_ID_)", Long.class);
        return orphans == null ? 0 : orphans;
    }

    /** How many ids are both a user's and a group's, whatever their case (read under the lock). */
    long idsShared() {
        Long shared = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_USER u JOIN ACT_ID_GROUP g ON UPPER(u.ID_) ="
                + " UPPER(g.ID_)", Long.class);
        return shared == null ? 0 : shared;
    }

    /** The kept grants the store lacks now, read in the caller's transaction (under the lock). */
    Set<String> keptGrantsLost() {
        List<String> ids = KEPT.stream().map(RoleSeparationBreaches.KeptGrant::resourceId).distinct().toList();
        List<Object> args = new java.util.ArrayList<>(Groups.BUSINESS);
        args.addAll(ids);
        List<RoleSeparationBreaches.Authorization> grants = jdbc.query("SELECT TYPE_, USER_ID_, GROUP_ID_,"
                + " RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION WHERE TYPE_ = 1 AND GROUP_ID_ IN ("
                + marks(Groups.BUSINESS.size()) + ") AND RESOURCE_ID_ IN (" + marks(ids.size()) + ")", (row, i) ->
                        new RoleSeparationBreaches.Authorization(row.getInt(1), row.getString(2), row.getString(3),
                                row.getInt(4), row.getString(5), row.getInt(6)), args.toArray());
        return RoleSeparationBreaches.keptGrantsLost(KEPT, grants);
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * The breaches the store holds now, read in the caller's transaction (under the lock): the authorizations that
     * administer identities, and every revocation, on any resource (auditor 2026-12-05 E2: a revocation on every task,
     * sent with the user's membership of the QA analysts, was not read and both landed).
     */
    Set<String> breaches() {
        Map<String, Set<String>> groupsOfUser = new HashMap<>();
        jdbc.query("SELECT USER_ID_, GROUP_ID_ FROM ACT_ID_MEMBERSHIP", row -> {
            groupsOfUser.computeIfAbsent(row.getString(1), u -> new HashSet<>()).add(row.getString(2));
        });
        List<RoleSeparationBreaches.Authorization> authorizations = jdbc.query("SELECT TYPE_, USER_ID_, GROUP_ID_,"
                + " RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ IN"
                + " (0, 1, 2, 3, 4, 11, 12) OR TYPE_ = 2", (row, i) -> new RoleSeparationBreaches.Authorization(row.getInt(1),
                        row.getString(2), row.getString(3), row.getInt(4), row.getString(5), row.getInt(6)));
        return RoleSeparationBreaches.of(groupsOfUser, authorizations);
    }
}
