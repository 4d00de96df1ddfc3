package org.lotflow.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.lotflow.shared.ClusterLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Creates, idempotently and on every start, the contract's groups, their Camunda
 * authorizations (Tasklist for everyone, Cockpit for QA managers, process starts as
 * {@link ProcessStartRights} says, everything for administrators) and one Tasklist filter per
 * group, and the first administrator ({@link FirstAdministrator}: from the environment, or the start
 * is refused). Safe when several cluster nodes start at once: the work runs under the
 * {@code identity-setup} row lock, and a row another node created first is taken as created.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final FilterService filterService;
    private final TaskService taskService;

    private final ClusterLock clusterLock;
    private final FirstAdministrator firstAdministrator;

    public IdentitySetup(IdentityService identityService, AuthorizationService authorizationService,
            FilterService filterService, TaskService taskService, ClusterLock clusterLock,
            FirstAdministrator firstAdministrator) {
        this.clusterLock = clusterLock;
        this.firstAdministrator = firstAdministrator;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filterService = filterService;
        this.taskService = taskService;
    }

    @Override
    public void run(ApplicationArguments args) {
        clusterLock.withLock("identity-setup", this::setUp);
    }

    private void setUp() {
        ensureGroup(Groups.ADMIN, "SYSTEM");
        // first, so a refused start (no administrator, none configured) has changed nothing
        firstAdministrator.ensure(identityService);
        for (Resources resource : Resources.values()) {
            grant(Groups.ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }
        for (String group : Groups.BUSINESS) {
            ensureGroup(group, "WORKFLOW");
        }
        for (RoleGrant g : ROLE_GRANTS) {
            grant(g.group(), g.resource(), g.resourceId(), g.permissions().toArray(Permission[]::new));
        }
        // an installation made before QA managers lost the start of lotRecall (new user 2026-12-07 L2: Tasklist offered
        // them the recall start form, then refused it once filled in; a RECALL disposition starts it as before)
        withdraw(Groups.QA_MANAGER, Resources.PROCESS_DEFINITION, "lotRecall", Permissions.CREATE_INSTANCE);
        // ... and before Production lost the start of quarantineInvestigation (audit 29 F5: Tasklist offered Production
        // the hold's start form, then refused it; lotflow starts the hold of a lot received into quarantine itself)
        withdraw(Groups.PRODUCTION, Resources.PROCESS_DEFINITION, "quarantineInvestigation",
                Permissions.CREATE_INSTANCE);

        // Tasklist opens the filter with the lowest priority: a group's open work first (issue #12), then
        // what the user claimed
        ensureFilter("My tasks", MY_TASKS_PRIORITY, "Tasks assigned to me",
                taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), Groups.BUSINESS);
        for (String group : Groups.BUSINESS) {
            ensureFilter(Groups.displayName(group), GROUP_PRIORITY, "Open tasks for " + group,
                    taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks(), List.of(group));
        }
    }

    /**
     * A grant lotflow keeps for one of its roles: made at every start when missing, and never taken away or reduced
     * by anyone ({@link IdentityWritesInOrder}; auditor 2026-12-05 C9: an administrator deleted the QA managers' grant
     * of Tasklist and their role's open work was out of their reach). An administrator may add permissions to it.
     */
    record RoleGrant(String group, Resource resource, String resourceId, List<Permission> permissions) {

        /** The grant's permissions as Camunda stores them (a bit mask). */
        int mask() {
            return permissions.stream().mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        }
    }

    /** The grants lotflow keeps for its roles (role filters' READ grants are kept by the gate, by filter). */
    static final List<RoleGrant> ROLE_GRANTS = roleGrants();

    private static List<RoleGrant> roleGrants() {
        List<RoleGrant> grants = new java.util.ArrayList<>();
        for (String group : Groups.BUSINESS) {
            grants.add(roleGrant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS));
            grants.add(roleGrant(group, Resources.USER, Authorization.ANY, Permissions.READ));
            grants.add(roleGrant(group, Resources.GROUP, Authorization.ANY, Permissions.READ));
            grants.add(roleGrant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ));
            grants.add(roleGrant(group, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ));
        }
        ProcessStartRights.BY_PROCESS.forEach((processKey, groups) -> groups.forEach(group -> {
            grants.add(roleGrant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ,
                    Permissions.CREATE_INSTANCE));
            grants.add(roleGrant(group, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.CREATE));
        }));
        // Cockpit for quality managers: read every definition, instance, task and its history ...
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.APPLICATION, "cockpit", Permissions.ACCESS));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_INSTANCE, Permissions.READ_HISTORY, Permissions.READ_TASK));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.PROCESS_INSTANCE, Authorization.ANY, Permissions.READ));
        // ... and retry a failed job of an incident there (Cockpit's "retry"; issue #12): exactly that, no other
        // change to an instance (variables and modifications stay closed, EngineSurfaceGuard)
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.PROCESS_DEFINITION, Authorization.ANY,
                org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.RETRY_JOB));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.PROCESS_INSTANCE, Authorization.ANY,
                org.camunda.bpm.engine.authorization.ProcessInstancePermissions.RETRY_JOB));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.TASK, Authorization.ANY, Permissions.READ));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.DEPLOYMENT, Authorization.ANY, Permissions.READ));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ,
                Permissions.READ_HISTORY));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.HISTORIC_PROCESS_INSTANCE, Authorization.ANY,
                org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions.READ));
        grants.add(roleGrant(Groups.QA_MANAGER, Resources.HISTORIC_TASK, Authorization.ANY,
                org.camunda.bpm.engine.authorization.HistoricTaskPermissions.READ));
        return List.copyOf(grants);
    }

    private static RoleGrant roleGrant(String group, Resource resource, String resourceId, Permission... permissions) {
        return new RoleGrant(group, resource, resourceId, List.of(permissions));
    }

    /** Creates a user if missing (demo data and configured administrators use it). */
    public void ensureUser(String id, String firstName, String lastName, String email, String password,
            List<String> groups) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(email);
            user.setPassword(password);
            ignoreDuplicate(() -> identityService.saveUser(user));
        }
        for (String group : groups) {
            if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                ignoreDuplicate(() -> identityService.createMembership(id, group));
            }
        }
    }

    private void ensureGroup(String id, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            // the administrators' group under Camunda's own name (its webapps create it so)
            group.setName(Groups.ADMIN.equals(id) ? "camunda BPM Administrators" : Groups.displayName(id));
            group.setType(type);
            ignoreDuplicate(() -> identityService.saveGroup(group));
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).singleResult();
        Authorization authorization = existing;
        if (authorization == null) {
            authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean changed = existing == null;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            Authorization toSave = authorization;
            ignoreDuplicate(() -> authorizationService.saveAuthorization(toSave));
        }
    }

    /** Takes {@code permission} out of the group's grant on the resource, if it holds it (a right lotflow withdrew). */
    private void withdraw(String group, Resource resource, String resourceId, Permission permission) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT).groupIdIn(group).resourceType(resource)
                .resourceId(resourceId).singleResult();
        if (existing != null && existing.isPermissionGranted(permission)) {
            existing.removePermission(permission);
            authorizationService.saveAuthorization(existing);
            log.info("Withdrew {} on {} '{}' from group '{}'", permission.getName(), resource.resourceName(),
                    resourceId, group);
        }
    }

    /** Tasklist's order of filters (lowest first, the one it opens): each group's open work. */
    static final int GROUP_PRIORITY = -20;
    /** Then the tasks the user has claimed. */
    static final int MY_TASKS_PRIORITY = -10;

    /**
     * Whether the filter is one lotflow keeps for its roles ("My tasks" and one per role, owned by no one), read
     * without the caller's authorizations: they are not changed or deleted by anyone (auditor 2026-12-05 F17).
     */
    static boolean isRolesFilter(org.camunda.bpm.engine.ProcessEngine engine, String filterId) {
        Filter filter = UncheckedEngineCommand.call(engine,
                () -> engine.getFilterService().createFilterQuery().filterId(filterId).singleResult());
        return filter != null && filter.getOwner() == null && ROLE_FILTER_NAMES.contains(filter.getName());
    }

    /** The names of the filters lotflow keeps: "My tasks" and each role's display name. */
    static final java.util.Set<String> ROLE_FILTER_NAMES = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("My tasks"), Groups.BUSINESS.stream().map(Groups::displayName))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private void ensureFilter(String name, int priority, String description,
            org.camunda.bpm.engine.task.TaskQuery query, List<String> readers) {
        Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
        if (filter != null && !Integer.valueOf(priority).equals(filter.getProperties().get("priority"))) {
            // an installation made before the order changed gets it too
            Map<String, Object> properties = new LinkedHashMap<>(filter.getProperties());
            properties.put("priority", priority);
            filterService.saveFilter(filter.setProperties(properties));
        }
        if (filter == null) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("description", description);
            properties.put("priority", priority);
            properties.put("refresh", true);
            Filter created = filterService.newTaskFilter(name).setQuery(query).setProperties(properties);
            filterService.saveFilter(created);
            filter = created;
            log.info("Created Tasklist filter '{}'", name);
        }
        for (String group : readers) {
            grant(group, Resources.FILTER, filter.getId(), Permissions.READ);
        }
    }

    private static void ignoreDuplicate(Runnable action) {
        try {
            action.run();
        } catch (DataIntegrityViolationException | org.camunda.bpm.engine.ProcessEngineException
                | org.lotflow.shared.StateConflict e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            log.info("Another node created it first: {}", e.getMessage());
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage()).toLowerCase();
            if (m.contains("duplicate") || m.contains("unique") || m.contains("already exists")) {
                return true;
            }
        }
        return false;
    }
}
