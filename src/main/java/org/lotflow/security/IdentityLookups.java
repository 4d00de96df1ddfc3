package org.lotflow.security;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.lotflow.shared.process.WithoutCallerAuthorization;

/**
 * The identity store's answers the engine's gate needs, read as the store has them now and without the caller's
 * authorizations (a session's remembered groups, or a caller who may not read users, must not change the answer):
 * a user's groups, whether a group has a role member, an id taken whatever its case, a stored authorization.
 */
final class IdentityLookups {

    private final IdentityService identityService;
    private final AuthorizationService authorizations;
    private final org.camunda.bpm.engine.TaskService tasks;

    IdentityLookups(IdentityService identityService, AuthorizationService authorizations,
            org.camunda.bpm.engine.TaskService tasks) {
        this.identityService = identityService;
        this.authorizations = authorizations;
        this.tasks = tasks;
    }

    /** An open task's candidate groups and the person it is claimed by (empty when there is no such open task). */
    List<String> taskPeople(String taskId) {
        return privileged(() -> {
            org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null) {
                return List.<String>of();
            }
            List<String> people = new java.util.ArrayList<>(org.lotflow.shared.process.TaskCandidates.of(tasks,
                    identityService, taskId, true));
            if (task.getAssignee() != null) {
                people.add(task.getAssignee());
            }
            return people;
        });
    }

    /** The groups a user belongs to now. */
    static List<String> groupsOf(IdentityService identityService, String userId) {
        return new WithoutCallerAuthorization(identityService).call(() -> identityService.createGroupQuery()
                .groupMember(userId).list()).stream().map(Group::getId).toList();
    }

    /** The groups a user belongs to now. */
    List<String> groupsOf(String userId) {
        return groupsOf(identityService, userId);
    }

    /** Whether a group has a member who has one of lotflow's roles now. */
    boolean hasRoleMember(String groupId) {
        return privileged(() -> identityService.createUserQuery().memberOfGroup(groupId).list()).stream()
                .anyMatch(u -> groupsOf(u.getId()).stream().anyMatch(Groups.BUSINESS::contains));
    }

    /**
     * The id of the user whose id is {@code id} whatever its case (null: none); the database holds the same rule
     * (V124, a unique index on the upper-cased id).
     */
    String takenUserId(String id) {
        List<User> found = privileged(() -> identityService.createNativeUserQuery()
                .sql("SELECT * FROM ACT_ID_USER WHERE UPPER(ID_) = #{id}").parameter("id", id.toUpperCase(Locale.ROOT))
                .list());
        return found.isEmpty() ? null : found.get(0).getId();
    }

    /**
     * The id of a user other than {@code exceptId} whose printed name (first and last name, as signatures print them) is
     * {@code firstName lastName}, whatever its case and spacing; null when none (auditor 2026-12-06 G4: two signers
     * printed as "Jennifer Lee"). A plant has tens or hundreds of users: read once per profile change or creation.
     */
    String userWithPrintedName(String firstName, String lastName, String exceptId) {
        java.util.Set<String> wanted = printed(firstName, lastName);
        return privileged(() -> identityService.createUserQuery().list()).stream()
                .filter(u -> !u.getId().equalsIgnoreCase(exceptId == null ? "" : exceptId))
                .filter(u -> printed(u.getFirstName(), u.getLastName()).stream().anyMatch(wanted::contains))
                .map(User::getId).findFirst().orElse(null);
    }

    /**
     * The id of a user other than {@code exceptId} who carried the printed name {@code firstName lastName} (read as
     * {@link #userWithPrintedName} reads it) before a rename, or carries it now ({@link PrintedNames}); null when none.
     */
    String userWhoCarriedPrintedName(String firstName, String lastName, String exceptId) {
        return printedNames == null ? null
                : printedNames.formerHolder(CurrentUser.printedName(firstName, lastName), exceptId);
    }

    /** The names users carried before ({@link PrintedNames}); none when not set (tests of paths). */
    private PrintedNames printedNames;

    void formerNamesFrom(PrintedNames names) {
        this.printedNames = names;
    }

    /** The id of a user other than {@code exceptId} with this e-mail, capitals aside; null when none. */
    String userWithEmail(String email, String exceptId) {
        return privileged(() -> identityService.createUserQuery().list()).stream()
                .filter(u -> !u.getId().equalsIgnoreCase(exceptId == null ? "" : exceptId))
                .filter(u -> u.getEmail() != null && u.getEmail().trim().equalsIgnoreCase(email))
                .map(User::getId).findFirst().orElse(null);
    }

    /** The user of this id (null: none), whoever asks. */
    User user(String id) {
        return privileged(() -> identityService.createUserQuery().userId(id).singleResult());
    }

    /**
     * A printed name compared as a reader sees it: its compatibility form (NFKC: a full-width or no-break form is the
     * ordinary one), every kind of space one space, case folded, then its Unicode confusable skeleton (UTS #39, ICU's
     * {@link com.ibm.icu.text.SpoofChecker}: a Cyrillic "е" reads as a Latin "e"), case folded again (auditor 2026-12-06
     * A1: "Jennifer L\u0435\u0435", "\uff2aennifer Lee" and "Jennifer Lee\u00a0" were printed beside "Jennifer Lee").
     * Accents stay: "José" and "Jose" are two names. Two names are one printed name when any of their readings
     * (as written, and in lower case; {@link org.lotflow.shared.input.PartyNames#printsAs}) meet.
     */
    static java.util.Set<String> printed(String firstName, String lastName) {
        return PrintedNames.readings(CurrentUser.printedName(firstName, lastName));
    }

    /** The id of the group whose id is {@code id} whatever its case (null: none); the database holds the rule too (V125). */
    String takenGroupId(String id) {
        // the engine has no native group query; a plant has tens of groups, read once for a group's or user's creation
        return privileged(() -> identityService.createGroupQuery().list()).stream().map(Group::getId)
                .filter(id::equalsIgnoreCase).findFirst().orElse(null);
    }

    /**
     * How many authorizations are given to a group, besides its members' right to read the group itself (which the
     * engine makes and deletes with the group).
     */
    long authorizationsOfGroup(String groupId) {
        return privileged(() -> authorizations.createAuthorizationQuery().groupIdIn(groupId).list()).stream()
                .filter(a -> !(a.getResourceType() == 2 && groupId.equals(a.getResourceId()))).count();
    }

    /** The authorization with this id as stored (null: none). */
    Authorization authorization(String id) {
        return privileged(() -> authorizations.createAuthorizationQuery().authorizationId(id).singleResult());
    }

    /** The id of a stored authorization of this type for this user (or group), resource type and id; null: none. */
    String sameAuthorization(int type, String userId, String groupId, int resourceType, String resourceId) {
        org.camunda.bpm.engine.authorization.AuthorizationQuery query = authorizations.createAuthorizationQuery()
                .authorizationType(type).resourceType(resourceType).resourceId(resourceId);
        org.camunda.bpm.engine.authorization.AuthorizationQuery whose = userId != null ? query.userIdIn(userId)
                : query.groupIdIn(groupId);
        List<Authorization> same = privileged(whose::list);
        return same.isEmpty() ? null : same.get(0).getId();
    }

    /**
     * Whether {@code userId}, with its groups as the store has them now, may read this task or running process: the
     * engine's own rule, {@code READ} on it or {@code onProcess} ({@code READ_TASK}, {@code READ_INSTANCE}) on its
     * process definition {@code processKey} (null: none to ask).
     */
    boolean mayRead(String userId, org.camunda.bpm.engine.authorization.Resource resource, String id,
            org.camunda.bpm.engine.authorization.Permission onProcess, String processKey) {
        List<String> groups = groupsOf(userId);
        return privileged(() -> authorizations.isUserAuthorized(userId, groups,
                org.camunda.bpm.engine.authorization.Permissions.READ, resource, id)
                || processKey != null && authorizations.isUserAuthorized(userId, groups, onProcess,
                        org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, processKey));
    }

    private <T> T privileged(java.util.function.Supplier<T> query) {
        return new WithoutCallerAuthorization(identityService).call(query);
    }
}
