package org.lotflow.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Role separation read off the identity store as a whole, as plain rules tested without Spring: the breaches that
 * a set of memberships and authorizations holds. {@link IdentityWritesInOrder} compares them before and after each
 * membership or authorization write, under one lock, and refuses a write that adds one (auditor 2026-12-05 C2: a
 * grant of administration rights to a group and a QA manager's membership of that group, sent at the same moment,
 * each passed its own check and together made a QA manager an administrator, 19 of 25 tries).
 *
 * <p>A breach is one of (segregation of duties, 21 CFR 11.10(g); EU GMP Annex 11 §2 and §12.1):
 * <ul>
 * <li>a member of {@code camunda-admin} who is also in one of lotflow's role groups;</li>
 * <li>a grant or global authorization that administers identities or rights reaching a role member: on users,
 * groups, memberships, authorizations or tenants beyond READ (a user's own user record excepted: Camunda gives it to
 * every user for their password), or on the Admin webapp ({@code APPLICATION} {@code admin} or {@code *}); reaching
 * means global, for everyone ({@code *}), for the member, for a role group, or for any group one of its members has
 * a role;</li>
 * <li>a revocation for everyone, a role group or a role member (it would hide a role's open work from its
 * people).</li>
 * </ul>
 */
final class RoleSeparationBreaches {

    /** Camunda's authorization types. */
    static final int GLOBAL = 0;
    static final int GRANT = 1;
    static final int REVOKE = 2;

    /** Camunda's {@code READ} permission bit. */
    private static final int READ = 2;

    /** One row of Camunda's authorization table, as stored ({@code ACT_RU_AUTHORIZATION}). */
    record Authorization(int type, String userId, String groupId, int resourceType, String resourceId, int permissions) {
    }

    private RoleSeparationBreaches() {
    }

    /**
     * The breaches, each as a sentence naming who and what (a stable text, so that a before and an after can be
     * compared).
     *
     * @param groupsOfUser   each user's groups (users without a group may be left out)
     * @param authorizations the stored authorizations (rows of other resource types are ignored)
     */
    static Set<String> of(Map<String, Set<String>> groupsOfUser, List<Authorization> authorizations) {
        Set<String> breaches = new LinkedHashSet<>();
        Set<String> roleMembers = new HashSet<>();
        groupsOfUser.forEach((user, groups) -> {
            List<String> roles = Groups.BUSINESS.stream().filter(groups::contains).toList();
            if (!roles.isEmpty()) {
                roleMembers.add(user);
                if (groups.contains(Groups.ADMIN)) {
                    breaches.add(user + " would both administer lotflow and be one of the " + names(roles));
                }
            }
        });
        Set<String> groupsWithRoleMember = new HashSet<>();
        for (String member : roleMembers) {
            groupsWithRoleMember.addAll(groupsOfUser.get(member));
        }
        for (Authorization a : authorizations) {
            String whom = reach(a, roleMembers, groupsWithRoleMember);
            if (whom == null) {
                continue;
            }
            if (a.type() == REVOKE) {
                breaches.add("a revocation on " + resource(a) + " would hide a role's open work from " + whom);
            } else if (administers(a)) {
                breaches.add(whom + " would hold rights to administer " + resource(a)
                        + ", and the people who record and sign do not administer");
            }
        }
        return breaches;
    }

    /** Whom among role members an authorization reaches, in words (null: no role member). */
    private static String reach(Authorization a, Set<String> roleMembers, Set<String> groupsWithRoleMember) {
        if (a.type() == GLOBAL || "*".equals(a.userId())) {
            return "everyone";
        }
        if (a.userId() != null && roleMembers.contains(a.userId())) {
            return a.userId() + " (who has one of lotflow's roles)";
        }
        if (a.groupId() != null && Groups.BUSINESS.contains(a.groupId())) {
            return "the " + Groups.displayName(a.groupId());
        }
        if (a.type() != REVOKE && a.groupId() != null && groupsWithRoleMember.contains(a.groupId())) {
            return "the group '" + a.groupId() + "', which has members with one of lotflow's roles,";
        }
        return null;
    }

    /** Whether a grant or global authorization administers identities or rights. */
    static boolean administers(Authorization a) {
        if (a.resourceType() == 0) {
            return a.permissions() != 0 && ("admin".equals(a.resourceId()) || "*".equals(a.resourceId()));
        }
        if (!IdentityCalls.IDENTITY_RESOURCES.contains(a.resourceType())) {
            return false;
        }
        if (a.resourceType() == 1 && a.userId() != null && a.userId().equals(a.resourceId())) {
            return false; // one's own user record: every user has it, for their own password
        }
        return (a.permissions() & ~READ) != 0;
    }

    private static String resource(Authorization a) {
        return kind(a.resourceType()) + " '" + a.resourceId() + "'";
    }

    /** A Camunda resource type in words ("the webapp", "tasks"). */
    static String kind(int resourceType) {
        return switch (resourceType) {
            case 0 -> "the webapp";
            case 1 -> "users";
            case 2 -> "groups";
            case 3 -> "group memberships";
            case 4 -> "authorizations";
            case 11 -> "tenants";
            case 12 -> "tenant memberships";
            case 5 -> "Tasklist filters";
            case 6 -> "process definitions";
            case 7 -> "tasks";
            case 8 -> "process instances";
            case 9 -> "deployments";
            case 10 -> "decision definitions";
            case 19 -> "historic tasks";
            case 20 -> "historic process instances";
            default -> "resources of type " + resourceType;
        };
    }

    private static String names(List<String> roles) {
        return roles.stream().map(Groups::displayName).collect(Collectors.joining(", the "));
    }

    /** A grant lotflow keeps for a role, by what identifies it, with its permissions' bit mask. */
    record KeptGrant(String groupId, int resourceType, String resourceId, int mask) {
    }

    /**
     * The grants lotflow keeps for its roles that the store lacks or holds with fewer permissions, each as a sentence
     * (auditor 2026-12-05 C9: an administrator deleted the QA managers' Tasklist grant). Grants named twice (two
     * entries for one group, resource and id) count with their permissions together.
     *
     * @param kept           {@link IdentitySetup#ROLE_GRANTS}
     * @param authorizations the stored authorizations (others than those grants are ignored)
     */
    static Set<String> keptGrantsLost(List<KeptGrant> kept, List<Authorization> authorizations) {
        Map<List<Object>, Integer> needed = new java.util.LinkedHashMap<>();
        for (KeptGrant k : kept) {
            needed.merge(List.of(k.groupId(), k.resourceType(), k.resourceId()), k.mask(), (a, b) -> a | b);
        }
        Map<List<Object>, Integer> held = new HashMap<>();
        for (Authorization a : authorizations) {
            if (a.type() == GRANT && a.groupId() != null) {
                held.merge(List.of(a.groupId(), a.resourceType(), a.resourceId()), a.permissions(), (x, y) -> x | y);
            }
        }
        Set<String> lost = new LinkedHashSet<>();
        needed.forEach((key, mask) -> {
            int has = held.getOrDefault(key, 0);
            if ((has & mask) != mask) {
                lost.add("the " + Groups.displayName((String) key.get(0)) + " would lose rights lotflow keeps for the"
                        + " role on " + resource(new Authorization(GRANT, null, (String) key.get(0), (Integer) key.get(1),
                                (String) key.get(2), mask)) + " (without them the role's work is out of its people's"
                        + " reach); an administrator may add permissions to them, not take them away");
            }
        });
        return lost;
    }

    /** The breaches in {@code after} that {@code before} did not hold: what a write added. */
    static List<String> added(Set<String> before, Set<String> after) {
        List<String> added = new ArrayList<>(after);
        added.removeAll(before);
        return added;
    }
}
