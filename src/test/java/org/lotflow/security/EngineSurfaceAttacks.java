package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The attack suite of issue 8: every way a user tried, as a demanding auditor would, to get around
 * lotflow's rules through the engine's own surfaces (engine REST, the webapps' API that Tasklist and
 * Cockpit use, variables, starts, profiles, logins, signatures). Each attack is refused with a 4xx
 * problem+json a QA person can read, and changes nothing. Run on H2 ({@link EngineSurfaceAttackTest})
 * and PostgreSQL ({@code PostgresEngineSurfaceAttackIT}).
 */
public abstract class EngineSurfaceAttacks {

    @Autowired
    protected TestClient api;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected JdbcTemplate jdbc;
    @Value("${local.server.port}")
    protected int port;

    private final Map<String, String> passwords = new HashMap<>();

    // --- helpers -------------------------------------------------------------------------------

    /** The printed names {@link #user} gave in this JVM (a name stays its first holder's: PrintedNames). */
    private static final java.util.Set<String> NAMES_GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A user of its own for one attack (the demo users are shared by every test), named {@code first last} the first
     * time, with a suffix of letters after (a name stays its first holder's, and the test context is shared).
     */
    private String user(String prefix, String first, String last, String... groups) {
        String id = prefix.replace("-", "") + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        User user = identityService.newUser(id);
        user.setFirstName(first);
        user.setLastName(NAMES_GIVEN.add(first + " " + last) ? last
                : last + " " + org.lotflow.support.TestUsers.letters(id.substring(id.length() - 8)));
        user.setPassword(password);
        identityService.saveUser(user);
        for (String group : groups) {
            identityService.createMembership(id, group);
        }
        passwords.put(id, password);
        return id;
    }

    private Response as(String user, HttpMethod method, String path, Object body) {
        return api.call(user, passwords.getOrDefault(user, user), method, path, body, "application/json");
    }

    private static Map<String, Object> vars(Object... nameValue) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            vars.put((String) nameValue[i], Map.of("value", nameValue[i + 1]));
        }
        return Map.of("variables", vars);
    }

    private String task(String user, String businessKey, String key) {
        JsonNode tasks = as(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=" + key, null).json();
        assertThat(tasks).as(key + " of " + businessKey + " for " + user).isNotEmpty();
        return tasks.get(0).get("id").asText();
    }

    private boolean taskOpen(String taskId) {
        return as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).status() == 200;
    }

    private String status(String lot) {
        return api.get("tom", "/api/lots/" + lot).json().get("status").asText();
    }

    private List<String> history(String lot) {
        return api.get("tom", "/api/lots/" + lot + "/history").json().findValuesAsText("type");
    }

    private static void refused(Response r, int status, String... detailContains) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as("problem+json: " + r).isTrue();
        assertThat(r.json().path("detail").asText()).as(r.toString()).contains(detailContains)
                .doesNotContain("ENGINE-").doesNotContain("Exception");
    }

    private void recordLab(String user, String lot) {
        Response lab = as(user, HttpMethod.POST, "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
    }

    private String heldAndInvestigated(String sku) {
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2024-12-01");
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Customer complaint: haze",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        Response investigated = api.post("sarah", "/engine-rest/task/" + task("sarah", lot, "investigateLot")
                + "/submit-form", vars("findings", "Retained sample within specification"));
        assertThat(investigated.status()).as(investigated.toString()).isEqualTo(204);
        return lot;
    }

    // --- halting a process, moving its timers, rewriting its tasks, deleting its history -------

    /**
     * Audit finding, 2026-12-04 evening: an administrator suspended a lot's release (no lab results could be
     * recorded, nothing in its history) and the definition (every new lot failed), edited a QA task over to sales,
     * deleted a finished release's history and set its time to live to 0; a user without rights zeroed a timer's
     * retries by executing it three times (each refused execution counted as a failure). Now each is refused
     * before the engine sees it, with a sentence, and nothing changes.
     */
    /** Reads the engine answered 500 (one with a Java exception's text) are 404 and 400 problems (auditor G-h, G-i). */
    @Test
    void readsOfUnknownTasksAndInstancesAndBadPagingAreProblemsNotServerErrors() {
        for (String path : new String[] {"task/xyz/deployed-form", "task/xyz/rendered-form", "task/xyz/variables/x/data",
                "task/xyz/identity-links", "task/xyz/form-variables", "process-instance/xyz/variables/x/data",
                "execution/xyz/localVariables/x/data"}) {
            Response r = api.get("jennifer", "/engine-rest/" + path);
            refused(r, 404, "xyz");
            assertThat(r.json().path("detail").asText()).as(path).doesNotContain("someone else");
        }
        for (String path : new String[] {"task?firstResult=-5", "history/process-instance?firstResult=-3",
                "task?maxResults=-1", "job?firstResult=abc"}) {
            Response r = api.get("jennifer", "/engine-rest/" + path);
            refused(r, 400, "whole number of at least 0");
            assertThat(r.json().get("field").asText()).as(path).isIn("firstResult", "maxResults");
        }
        assertThat(api.get("jennifer", "/engine-rest/task?firstResult=0&maxResults=5").status()).isEqualTo(200);
        assertThat(api.get("jennifer", "/engine-rest/task/report/candidate-group-count").status())
                .as("a report, not a task").isNotEqualTo(404);
        // no one learns anything without a login
        assertThat(api.call(null, null, HttpMethod.GET, "/engine-rest/task/xyz/deployed-form", null, "application/json")
                .status()).isEqualTo(401);
    }

    /** Auditor 2026-12-05 F17: an administrator rewrote a role's Tasklist filter, and its open work left everyone's list. */
    @Test
    void theRolesTasklistFiltersAreKeptWhileOwnFiltersStayFree() {
        String qa = null;
        for (JsonNode f : as("demo", HttpMethod.GET, "/engine-rest/filter", null).json()) {
            if (f.get("name").asText().equals("QA managers")) {
                qa = f.get("id").asText();
            }
        }
        assertThat(qa).as("the QA managers' filter").isNotNull();
        Map<String, Object> rewritten = Map.of("resourceType", "Task", "name", "QA managers",
                "query", Map.of("candidateGroup", "nobody"), "properties", Map.of("priority", 0));
        refused(as("demo", HttpMethod.PUT, "/engine-rest/filter/" + qa, rewritten), 403, "kept by lotflow");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/filter/" + qa, null), 403, "kept by lotflow");
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/filter/" + qa, null).json().get("query").toString())
                .contains("qa-manager");
        // a filter of one's own is one's own to change
        Response own = as("demo", HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task",
                "name", "Overdue work " + UUID.randomUUID(), "owner", "demo", "query", Map.of("assignee", "demo")));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        String mine = own.json().get("id").asText();
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/filter/" + mine, Map.of("resourceType", "Task", "name",
                "Overdue work", "owner", "demo", "query", Map.of("assignee", "demo"))).status()).isEqualTo(204);
        // a name or owner longer than the engine keeps is 400 naming it, on creation and change (auditor 2026-12-07 M3)
        refused(as("demo", HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task", "name",
                "n".repeat(300), "owner", "demo", "query", Map.of())), 400, "at most 255 characters");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/filter/" + mine, Map.of("resourceType", "Task", "name",
                "Overdue work", "owner", "o".repeat(300), "query", Map.of())), 400, "at most 255 characters");
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/filter/" + mine, null).json().get("owner").asText())
                .isEqualTo("demo");
        assertThat(as("demo", HttpMethod.DELETE, "/engine-rest/filter/" + mine, null).status()).isEqualTo(204);
    }

    /**
     * Auditor 2026-12-07 F2: an administrator created "QA managers: all open" and "My tasks (all)" (investigations
     * only, priority -100), shared them with the QA managers, and every QA manager's Tasklist opened on them, without
     * the releases, dispositions, recalls and overrides waiting. A name that holds a role filter's name among its words
     * is refused as the name itself is, on creation and on change, over /engine-rest and Tasklist's API alike.
     */
    @Test
    void noFilterPassesForARoleFilterByHoldingItsName() {
        String countByName = "select count(*) from ACT_RU_FILTER where NAME_ = ?";
        Map<String, Object> properties = Map.of("priority", -100);
        Map<String, Object> query = Map.of("taskDefinitionKeyIn", List.of("investigateLot"));
        for (String name : new String[] {"QA managers: all open", "My tasks (all)", "All my tasks", "Sales-orders"}) {
            Response created = as("demo", HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task",
                    "name", name, "owner", "demo", "query", query, "properties", properties));
            refused(created, 403, "the name of one of lotflow's role filters", "give your filter a name without it");
            assertThat(created.json().path("field").asText()).isEqualTo("name");
            assertThat(jdbc.queryForObject(countByName, Integer.class, name)).as(name).isZero();
        }
        // an administrator's own filter cannot be renamed into one either
        String free = "Investigations " + UUID.randomUUID();
        Response own = as("demo", HttpMethod.POST, "/engine-rest/filter/create", Map.of("resourceType", "Task",
                "name", free, "owner", "demo", "query", query, "properties", properties));
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        String mine = own.json().get("id").asText();
        Response renamed = as("demo", HttpMethod.PUT, "/engine-rest/filter/" + mine, Map.of("resourceType", "Task",
                "name", "QA managers: all open", "owner", "demo", "query", query, "properties", properties));
        refused(renamed, 403, "'QA managers'", "give your filter a name without it");
        assertThat(renamed.json().path("field").asText()).isEqualTo("name");
        // Tasklist's own API (the administrator's Tasklist session)
        WebappSession tasklist = WebappSession.login(port, "demo", "demo", "tasklist");
        assertThat(tasklist.loginStatus()).isEqualTo(200);
        Response inTasklist = tasklist.post("/camunda/api/engine/engine/default/filter/create",
                "{\"resourceType\":\"Task\",\"name\":\"My tasks (all)\",\"owner\":\"demo\",\"query\":{},"
                        + "\"properties\":{\"priority\":-100}}");
        refused(inTasklist, 403, "'My tasks'");
        assertThat(inTasklist.json().path("field").asText()).isEqualTo("name");
        Response renamedInTasklist = tasklist.put("/camunda/api/engine/engine/default/filter/" + mine,
                "{\"resourceType\":\"Task\",\"name\":\"Urgent for QA Managers\",\"owner\":\"demo\",\"query\":{}}");
        refused(renamedInTasklist, 403, "'QA managers'");
        assertThat(renamedInTasklist.json().path("field").asText()).isEqualTo("name");
        // nothing changed: the own filter keeps its name, and a QA manager's Tasklist still opens on a role filter
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/filter/" + mine, null).json().get("name").asText())
                .isEqualTo(free);
        assertThat(jdbc.queryForObject(countByName, Integer.class, "My tasks (all)")).isZero();
        assertThat(jdbc.queryForObject(countByName, Integer.class, "Urgent for QA Managers")).isZero();
        List<String> jennifers = new ArrayList<>();
        for (JsonNode f : as("jennifer", HttpMethod.GET, "/engine-rest/filter?resourceType=Task&sortBy=name"
                + "&sortOrder=asc", null).json()) {
            jennifers.add(f.get("name").asText());
        }
        assertThat(jennifers).contains("QA managers", "My tasks").doesNotContain("QA managers: all open",
                "My tasks (all)", "All my tasks", "Urgent for QA Managers");
        // a name with neither stays free
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/filter/" + mine, Map.of("resourceType", "Task", "name",
                "Urgent investigations", "owner", "demo", "query", query)).status()).isEqualTo(204);
        assertThat(as("demo", HttpMethod.DELETE, "/engine-rest/filter/" + mine, null).status()).isEqualTo(204);
    }

    /**
     * Auditor 2026-12-07 F5: {@code DELETE metrics/task-worker} as an administrator answered 204 and took the engine's
     * count of the people who worked tasks; every other deletion of engine records is refused to everyone.
     */
    @Test
    void noOneDeletesTheEnginesTaskWorkerMetrics() {
        String sku = api.createProduct("TWM");
        String lot = api.createLot(sku, new BigDecimal("5"), "2025-01-20");
        String taskId = task("sarah", lot, "recordLabResults");
        assertThat(as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "sarah"))
                .status()).isEqualTo(204); // an assignment: a task worker counted
        String count = "select count(*) from ACT_RU_TASK_METER_LOG";
        Integer before = jdbc.queryForObject(count, Integer.class);
        assertThat(before).isPositive();
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/metrics/task-worker", null), 403, "task-worker metrics",
                "not deleted by hand, by anyone (administrators included)");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/metrics/task-worker?date=2099-01-01T00:00:00",
                null), 403, "task-worker metrics");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/engine/default/Metrics/Task-Worker/", null), 403,
                "task-worker metrics");
        refused(as("jennifer", HttpMethod.DELETE, "/engine-rest/metrics/task-worker", null), 403, "task-worker metrics");
        WebappSession cockpit = WebappSession.login(port, "demo", "demo", "cockpit");
        refused(cockpit.delete("/camunda/api/engine/engine/default/metrics/task-worker"), 403, "task-worker metrics");
        refused(cockpit.delete("/camunda/api/engine/engine/default/metrics/task-worker?date=2099-01-01"),
                403, "task-worker metrics");
        assertThat(jdbc.queryForObject(count, Integer.class)).as("no worker's count taken").isEqualTo(before);
        assertThat(as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/unclaim", null).status())
                .isEqualTo(204);
    }

    /**
     * Auditor 2026-12-07 F6: setting retries of many jobs without choosing any ({@code {"retries":1}}, an empty
     * {@code jobIds}) was the engine's 500 ("You must specify at least one of jobIds or jobQuery"); now 400 naming
     * the list, for everyone, and no batch is made.
     */
    @Test
    void settingRetriesOfManyJobsWithoutChoosingAnyIsABadRequestThatChangesNothing() {
        String batches = "/engine-rest/batch/count";
        long before = as("demo", HttpMethod.GET, batches, null).json().get("count").asLong();
        long historicBefore = historyService.createHistoricBatchQuery().count();
        String[][] calls = {
                {"demo", "/engine-rest/job/retries", "{\"retries\":1}", "jobIds"},
                {"jennifer", "/engine-rest/job/retries", "{\"retries\":1,\"jobIds\":[]}", "jobIds"},
                {"demo", "/engine-rest/job/retries", "{\"retries\":1,\"jobIds\":[],\"jobQuery\":null}", "jobIds"},
                {"demo", "/engine-rest/process-instance/job-retries", "{\"retries\":1}", "processInstances"},
                {"demo", "/engine-rest/process-instance/job-retries", "{\"retries\":1,\"processInstances\":[]}",
                        "processInstances"},
                {"demo", "/engine-rest/process-instance/job-retries", "{\"retries\":1,\"historicProcessInstanceQuery\":{}}",
                        "processInstances"},
                {"demo", "/engine-rest/process-instance/job-retries-historic-query-based", "{\"retries\":1}",
                        "processInstances"},
                {"demo", "/engine-rest/process-instance/job-retries-historic-query-based",
                        "{\"retries\":1,\"processInstances\":[]}", "processInstances"},
                {"demo", "/engine-rest/job/retries", "{\"retries\":1,\"jobIds\":[null]}", "jobIds[0]"}};
        for (String[] call : calls) {
            Response r = api.send(call[0], HttpMethod.POST, call[1], call[2], "application/json");
            refused(r, 400, "nothing was changed");
            assertThat(r.json().path("field").asText()).as(call[1] + " " + call[2]).isEqualTo(call[3]);
        }
        Response first = api.send("demo", HttpMethod.POST, "/engine-rest/job/retries", "{\"retries\":1}",
                "application/json");
        assertThat(first.json().path("detail").asText())
                .isEqualTo("jobIds: give jobIds (at least one) or a jobQuery to choose the jobs to retry; none was"
                        + " chosen, so nothing was changed");
        // Tasklist's and Cockpit's API alike
        WebappSession cockpit = WebappSession.login(port, "jennifer", "jennifer", "cockpit");
        Response inCockpit = cockpit.post("/camunda/api/engine/engine/default/job/retries", "{\"retries\":1,\"jobIds\":[]}");
        refused(inCockpit, 400, "at least one");
        assertThat(inCockpit.json().path("field").asText()).isEqualTo("jobIds");
        assertThat(as("demo", HttpMethod.GET, batches, null).json().get("count").asLong()).as("no batch").isEqualTo(before);
        assertThat(historyService.createHistoricBatchQuery().count()).isEqualTo(historicBefore);
    }

    /**
     * An open task someone may not even read is, to them, no task: every call on it answers what an id of no task
     * answers, word for word (status and sentence, the id aside), never its name, lot or groups (auditor 2026-12-07:
     * tom, sales, was told "The task 'Record lab results · HC100-...' is for QA analysts and QA managers"), and changes
     * nothing. The people of its groups and administrators are still told why in words.
     */
    @Test
    void anOpenTaskIsNoTaskToSomeoneWhoMayNotReadIt() {
        String sku = api.createProduct("UNSEEN");
        String lot = api.createLot(sku, new BigDecimal("50"), "2025-01-10");
        String taskId = task("sarah", lot, "recordLabResults");
        String none = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("userId", "tom", "message", "found nothing", "variables", Map.of());
        List<String> calls = List.of("GET ", "GET /form-variables", "GET /variables", "GET /localVariables",
                "GET /variables/lotNumber", "GET /identity-links", "GET /form", "GET /rendered-form",
                "GET /deployed-form", "GET /comment", "GET /attachment", "POST /claim", "POST /unclaim",
                "POST /complete", "POST /submit-form", "POST /comment/create", "POST /attachment/create", "DELETE ",
                "PUT ", "POST /assignee", "POST /delegate", "POST /resolve", "POST /identity-links", "POST /variables",
                "POST /localVariables", "POST /bpmnError");
        for (String call : calls) {
            HttpMethod method = HttpMethod.valueOf(call.substring(0, call.indexOf(' ')));
            String sub = call.substring(call.indexOf(' ') + 1);
            Response outsider = as("tom", method, "/engine-rest/task/" + taskId + sub, body);
            Response noTask = as("tom", method, "/engine-rest/task/" + none + sub, body);
            assertThat(outsider.status()).as(call).isEqualTo(noTask.status());
            assertThat(outsider.status()).as(call + " " + outsider).isIn(403, 404);
            assertThat(outsider.json().path("detail").asText().replace(taskId, "ID")).as(call)
                    .isEqualTo(noTask.json().path("detail").asText().replace(none, "ID"))
                    .doesNotContain("Record lab results").doesNotContain(lot).doesNotContain("QA");
        }
        // nor is its running process, to them (auditor 2026-12-07 24b F6: the engine's 403 told that it exists)
        String pi = as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).json().get("processInstanceId")
                .asText();
        for (String read : List.of("process-instance/ID/variables", "process-instance/ID/variables/lotNumber",
                "execution/ID/localVariables")) {
            Response outsider = as("tom", HttpMethod.GET, "/engine-rest/" + read.replace("ID", pi), null);
            Response noInstance = as("tom", HttpMethod.GET, "/engine-rest/" + read.replace("ID", none), null);
            assertThat(outsider.status()).as(read + " " + outsider).isEqualTo(404).isEqualTo(noInstance.status());
            assertThat(outsider.json().path("detail").asText().replace(pi, "ID")).as(read)
                    .isEqualTo(noInstance.json().path("detail").asText().replace(none, "ID"));
        }
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/process-instance/" + pi + "/variables", null).status())
                .as("an administrator reads it").isEqualTo(200);
        // whatever a claim's body says (another user, none at all): no task (re-test 2026-12-07 F1)
        for (Map<String, Object> claim : List.<Map<String, Object>>of(Map.of("userId", "sarah"), Map.of())) {
            Response outsider = as("tom", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", claim);
            Response noTask = as("tom", HttpMethod.POST, "/engine-rest/task/" + none + "/claim", claim);
            assertThat(outsider.status()).as(claim.toString()).isEqualTo(404).isEqualTo(noTask.status());
            assertThat(outsider.json().path("detail").asText().replace(taskId, "ID")).as(claim.toString())
                    .isEqualTo(noTask.json().path("detail").asText().replace(none, "ID"));
        }
        // nothing changed: still open, unclaimed, without comments; the release goes on
        JsonNode task = as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).json();
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(as("sarah", HttpMethod.GET, "/engine-rest/task/" + taskId + "/comment", null).json()).isEmpty();
        // those of its groups, and administrators, are told in words
        refused(as("demo", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "demo")), 403,
                "demo is in none of these groups");
        assertThat(as("sarah", HttpMethod.GET, "/engine-rest/task/" + taskId + "/form-variables", null).status())
                .isEqualTo(200);
        recordLab("sarah", lot);
    }

    @Test
    void noOneSuspendsAProcessMovesItsTimersRewritesItsTasksOrDeletesItsHistory() {
        String sku = api.createProduct("HALT");
        String lot = api.createLot(sku, new BigDecimal("50"), "2025-01-10");
        String taskId = task("sarah", lot, "recordLabResults");
        String pi = as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).json().get("processInstanceId").asText();

        refused(as("demo", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/suspended", Map.of("suspended", true)),
                403, "not suspended");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/process-definition/key/lotRelease/suspended",
                Map.of("suspended", true, "includeProcessInstances", false)), 403, "not suspended");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/process-instance/suspended",
                Map.of("processDefinitionKey", "lotRelease", "suspended", true)), 403, "not suspended");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/task/" + taskId, Map.of("name", "Record lab results",
                "assignee", "tom", "priority", 1)), 403, "not rewritten");
        refused(as("demo", HttpMethod.POST, "/engine-rest/task/" + taskId + "/identity-links",
                Map.of("groupId", "sales", "type", "candidate")), 403, "other groups");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/task/" + taskId, null), 403, "completed through its form");
        // a task is held only by someone of its groups: not by an administrator, not by sales
        refused(as("demo", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "demo")), 403,
                "demo is in none of these groups");
        refused(as("demo", HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "tom")), 403,
                "tom is in none of these groups");
        refused(as("tom", HttpMethod.POST, "/engine-rest/task/" + taskId + "/delegate", Map.of("userId", "sarah")),
                403, "claim it themselves");
        assertThat(as("demo", HttpMethod.POST, "/engine-rest/task/" + taskId + "/assignee", Map.of("userId", "sarah"))
                .status()).as("an administrator may hand it to one of its group").isEqualTo(204);
        assertThat(as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/unclaim", null).status())
                .isEqualTo(204);
        JsonNode process = as("demo", HttpMethod.GET, "/engine-rest/process-instance/" + pi, null).json();
        assertThat(process.get("suspended").asBoolean()).isFalse();
        JsonNode task = as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).json();
        assertThat(task.get("assignee").isNull()).isTrue();
        assertThat(task.get("due").isNull()).as("the release target stays").isFalse();
        recordLab("sarah", lot); // the release goes on

        JsonNode jobs = as("demo", HttpMethod.GET, "/engine-rest/job?processDefinitionKey=expiryMonitoring", null).json();
        assertThat(jobs).isNotEmpty();
        String job = jobs.get(0).get("id").asText();
        int retries = jobs.get(0).get("retries").asInt();
        for (int i = 0; i < 4; i++) {
            refused(as("tom", HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null), 403, "job executor");
        }
        // not even an administrator runs a timer before it is due: that would move its time (auditor 2026-12-05 F3)
        String later = null;
        for (JsonNode t : as("demo", HttpMethod.GET, "/engine-rest/job?timers=true&processDefinitionKey=lotRelease",
                null).json()) {
            java.time.OffsetDateTime due = java.time.OffsetDateTime.parse(t.get("dueDate").asText(),
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
            // the engine's clock: the demo day's (ClockConfiguration)
            if (due.toInstant().isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                    .plusSeconds(60))) {
                later = t.get("id").asText();
            }
        }
        assertThat(later).as("a lab release's SLA timer, due later").isNotNull();
        refused(as("demo", HttpMethod.POST, "/engine-rest/job/" + later + "/execute", null), 409,
                "running it now would move that time");
        refused(as("jennifer", HttpMethod.PUT, "/engine-rest/job/" + job + "/retries", Map.of("retries", 0)), 400,
                "retries");
        refused(as("demo", HttpMethod.POST, "/engine-rest/job/retries", Map.of("retries", 0, "jobIds", List.of(job))),
                400, "retries");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/job/" + job + "/duedate",
                Map.of("duedate", "2099-01-01T06:00:00.000+0000")), 403, "due dates");
        // nor re-prioritised (auditor 2026-12-06 L1: 204, not in the security trail)
        refused(as("demo", HttpMethod.PUT, "/engine-rest/job/" + job + "/priority", Map.of("priority", 99)), 403,
                "re-prioritised");
        String definition = as("demo", HttpMethod.GET, "/engine-rest/job/" + job, null).json().get("jobDefinitionId")
                .asText();
        refused(as("demo", HttpMethod.PUT, "/engine-rest/job-definition/" + definition + "/jobPriority",
                Map.of("priority", 99, "includeJobs", true)), 403, "re-prioritised");
        // no incident made up by hand, no annotation rewriting the operation log (auditor 2026-12-05 F13, F8)
        refused(as("demo", HttpMethod.POST, "/engine-rest/execution/" + pi + "/create-incident",
                Map.of("incidentType", "failedJob", "message", "made up")), 403, "not created by hand");
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/incident?processInstanceId=" + pi, null).json()).isEmpty();
        String entry = as("demo", HttpMethod.GET, "/engine-rest/history/user-operation?maxResults=1", null).json()
                .get(0).get("operationId").asText();
        refused(as("demo", HttpMethod.PUT, "/engine-rest/operation-log/" + entry + "/set-annotation",
                Map.of("annotation", "nothing happened")), 403, "not set, replaced or cleared");
        // Camunda's real path for it (auditor's re-test, 2026-12-05 evening)
        refused(as("demo", HttpMethod.PUT, "/engine-rest/history/user-operation/" + entry + "/set-annotation",
                Map.of("annotation", "nothing happened")), 403, "not set, replaced or cleared");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/history/user-operation/" + entry + "/clear-annotation",
                null), 403, "not set, replaced or cleared");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/job/" + job + "/suspended", Map.of("suspended", true)), 403,
                "not suspended");
        // nor deleted: the deadline would never fire, unrecorded (auditor 2026-12-06 G2)
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/job/" + job, null), 403, "not deleted by hand");
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/job/" + job, null).status()).isEqualTo(200);
        // the retries call also takes a due date: refused there too, for every caller (audit 2026-12-05)
        refused(as("jennifer", HttpMethod.PUT, "/engine-rest/job/" + job + "/retries",
                Map.of("retries", 1, "dueDate", "2020-01-01T00:00:00.000+0000")), 400, "dueDate");
        refused(as("demo", HttpMethod.POST, "/engine-rest/job/retries", Map.of("retries", 1, "jobIds", List.of(job),
                "dueDate", "2099-01-01T00:00:00.000+0000")), 400, "dueDate");
        // every job of an instance at once (a batch): the same rules
        String expiryInstance = jobs.get(0).get("processInstanceId").asText();
        refused(as("demo", HttpMethod.POST, "/engine-rest/process-instance/job-retries", Map.of("retries", 0,
                "processInstanceIds", List.of(expiryInstance))), 400, "retries");
        refused(as("demo", HttpMethod.POST, "/engine-rest/process-instance/job-retries", Map.of("retries", 1,
                "processInstanceIds", List.of(expiryInstance), "dueDate", "2099-01-01T00:00:00.000+0000")), 400,
                "dueDate");
        // a batch is stopped, but its history (historic batch, its jobs' log) is not deleted with it (auditor A9)
        String pending = api.createLot(sku, new BigDecimal("5"), "2025-01-20");
        String releaseInstance = as("demo", HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + pending, null)
                .json().get(0).get("id").asText();
        TestClient.Response batch = as("demo", HttpMethod.POST, "/engine-rest/process-instance/job-retries",
                Map.of("retries", 3, "processInstances", List.of(releaseInstance)));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(200);
        String batchId = batch.json().get("id").asText();
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/batch/" + batchId + "?cascade=true", null), 403, "history");
        assertThat(as("demo", HttpMethod.DELETE, "/engine-rest/batch/" + batchId, null).status()).isEqualTo(204);
        assertThat(historyService.createHistoricBatchQuery().batchId(batchId).count()).isEqualTo(1);
        JsonNode after = as("demo", HttpMethod.GET, "/engine-rest/job/" + job, null).json();
        assertThat(after.get("retries").asInt()).as("refused executions cost the timer nothing").isEqualTo(retries);
        // a job of no process (the history cleanup): Camunda checks nothing there, lotflow lets administrators only
        String cleanup = historyService.cleanUpHistoryAsync(true).getId();
        refused(as("tom", HttpMethod.PUT, "/engine-rest/job/" + cleanup + "/retries", Map.of("retries", 5)), 403,
                "only an administrator");
        refused(as("jennifer", HttpMethod.PUT, "/engine-rest/job/" + cleanup + "/retries", Map.of("retries", 5)), 403,
                "only an administrator");
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/job/" + cleanup + "/retries", Map.of("retries", 2))
                .status()).isEqualTo(204);
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/job/" + cleanup, null).json().get("retries").asInt())
                .isEqualTo(2);
        assertThat(after.get("suspended").asBoolean()).isFalse();
        assertThat(after.get("dueDate").asText()).isEqualTo(jobs.get(0).get("dueDate").asText());

        String released = api.releasedLot(sku, new BigDecimal("20"), "2025-01-10");
        String finished = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(released)
                .processDefinitionKey("lotRelease").singleResult().getId();
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/history/process-instance/" + finished, null), 403, "history");
        refused(as("demo", HttpMethod.POST, "/engine-rest/history/process-instance/delete",
                Map.of("historicProcessInstanceIds", List.of(finished), "deleteReason", "tidy")), 403, "history");
        refused(as("demo", HttpMethod.POST, "/engine-rest/history/process-instance/set-removal-time",
                Map.of("absoluteRemovalTime", "2025-01-01T00:00:00.000+0000", "historicProcessInstanceIds",
                        List.of(finished))), 403, "history");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/process-definition/key/lotRelease/history-time-to-live",
                Map.of("historyTimeToLive", 0)), 403, "history");
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isEqualTo(1);
        assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(finished).count()).isPositive();
    }

    // --- 1, 2: completions that rewrite who recorded or which lot ------------------------------

    @Test
    void aCompletionCannotRenameWhoRecordedTheResultsNorWriteItBeforehand() {
        String dual = user("qa-dual", "Dana", "Dual", Groups.QA_ANALYST, Groups.QA_MANAGER);
        String lot = api.createLot(api.createProduct("ATK"), new BigDecimal("100"), "2025-01-20");
        recordLab(dual, lot);
        String taskId = task(dual, lot, "approveRelease");
        String pi = as(dual, HttpMethod.GET, "/engine-rest/task/" + taskId, null).json().get("processInstanceId").asText();

        refused(as(dual, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                vars("approved", true, "comment", "x", "labRecordedBy", "sarah")), 400, "labRecordedBy");
        refused(as(dual, HttpMethod.POST, "/engine-rest/task/" + taskId + "/submit-form",
                vars("approved", true, "comment", "x", "labRecordedBy", "sarah")), 400, "labRecordedBy");
        Map<String, Object> sarah = Map.of("value", "sarah", "type", "String");
        refused(as(dual, HttpMethod.PUT, "/engine-rest/task/" + taskId + "/variables/labRecordedBy", sarah), 403,
                "written by lotflow only");
        refused(as(dual, HttpMethod.POST, "/engine-rest/task/" + taskId + "/variables",
                Map.of("modifications", Map.of("labRecordedBy", sarah))), 403, "written by lotflow only");
        refused(as(dual, HttpMethod.POST, "/engine-rest/task/" + taskId + "/localVariables",
                Map.of("modifications", Map.of("labRecordedBy", sarah))), 403, "written by lotflow only");
        refused(as(dual, HttpMethod.PUT, "/engine-rest/task/" + taskId + "/localVariables/labRecordedBy", sarah), 403,
                "written by lotflow only");
        // resolving writes the decision without completing, so without a signature
        refused(as(dual, HttpMethod.POST, "/engine-rest/task/" + taskId + "/resolve",
                vars("approved", false, "comment", "unsigned")), 403, "written by lotflow only");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/process-instance/" + pi + "/variables/labRecordedBy", sarah),
                403, "written by lotflow only");
        refused(as("demo", HttpMethod.PUT, "/engine-rest/execution/" + pi + "/localVariables/labRecordedBy", sarah),
                403, "written by lotflow only");
        refused(as("demo", HttpMethod.POST, "/engine-rest/engine/default/process-instance/" + pi + "/variables",
                Map.of("modifications", Map.of("labRecordedBy", sarah))), 403, "written by lotflow only");

        // and with nothing forged, the same person still may not approve their own results
        Response own = as(dual, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                vars("approved", true, "comment", "x"));
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.text()).contains("Four-eyes");
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(history(lot)).doesNotContain("RELEASE_APPROVED", "RELEASE_REFUSED");
        assertThat(taskOpen(taskId)).isTrue();
    }

    @Test
    void aCompletionCannotPointAtAnotherLot() {
        String sku = api.createProduct("ATK");
        String a = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        String b = api.createLot(sku, new BigDecimal("100"), "2025-01-21");
        recordLab("sarah", a);
        Long bId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, b);
        String taskId = task("jennifer", a, "approveRelease");

        refused(api.post("jennifer", "/engine-rest/task/" + taskId + "/complete",
                vars("approved", true, "comment", "x", "lotId", bId)), 400, "lotId");
        refused(api.post("jennifer", "/engine-rest/task/" + taskId + "/complete",
                vars("approved", true, "comment", "x", "lotNumber", b)), 400, "lotNumber");
        api.executeJobs();
        assertThat(status(a)).isEqualTo("PENDING");
        assertThat(status(b)).isEqualTo("PENDING");

        Response decision = api.post("jennifer", "/engine-rest/task/" + taskId + "/complete", vars("comment", "x"));
        refused(decision, 400, "approved", "is required");

        assertThat(api.post("jennifer", "/engine-rest/task/" + taskId + "/complete",
                vars("approved", true, "comment", "All specifications met")).status()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(a)).isEqualTo("RELEASED");
        assertThat(status(b)).isEqualTo("PENDING");
    }

    @Test
    void theSameTrickOnEveryOtherTaskIsRefusedNamingTheVariable() {
        String sku = api.createProduct("ATK");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2024-12-01");
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        String investigate = task("sarah", lot, "investigateLot");
        refused(api.post("sarah", "/engine-rest/task/" + investigate + "/complete",
                vars("findings", "none", "holdId", 1)), 400, "holdId");
        refused(api.post("sarah", "/engine-rest/task/" + investigate + "/complete",
                vars("findings", "none", "lotId", 1)), 400, "lotId");
        // a BPMN error thrown at a task would end the investigation without a decision
        refused(api.post("sarah", "/engine-rest/task/" + investigate + "/bpmnError",
                Map.of("errorCode", "x")), 403, "written by lotflow only");
        refused(api.post("sarah", "/engine-rest/task/" + investigate + "/bpmnEscalation",
                Map.of("escalationCode", "x")), 403, "written by lotflow only");
        assertThat(api.post("sarah", "/engine-rest/task/" + investigate + "/submit-form",
                vars("findings", "Retained sample within specification")).status()).isEqualTo(204);

        String decide = task("jennifer", lot, "decideDisposition");
        refused(api.post("jennifer", "/engine-rest/task/" + decide + "/complete",
                vars("decision", "RELEASE", "justification", "ok", "holdId", 2, "dispositionBy", "someone")), 400,
                "holdId", "dispositionBy", "not accepted");
        refused(api.post("jennifer", "/engine-rest/task/" + decide + "/complete",
                vars("decision", "DESTROY", "justification", "ok")), 400, "RELEASE, REJECT, RECALL");
        assertThat(status(lot)).isEqualTo("QUARANTINE");
        assertThat(taskOpen(decide)).isTrue();

        // approveOverride: an order that asks for a lot out of FEFO order
        String older = api.releasedLot(sku, new BigDecimal("50"), "2024-06-01");
        String newer = api.releasedLot(sku, new BigDecimal("50"), "2025-01-10");
        Response order = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-ATK-" + UUID.randomUUID()
                .toString().substring(0, 8), "customer", "Acme", "sku", sku, "quantity", 10, "requestedLot", newer,
                "requestReason", "Regulatory requirement"));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        String orderNumber = order.json().get("orderNumber").asText();
        String override = task("jennifer", orderNumber, "approveOverride");
        refused(api.post("jennifer", "/engine-rest/task/" + override + "/complete",
                vars("approved", true, "comment", "ok", "orderId", 1)), 400, "orderId");
        assertThat(api.get("tom", "/api/orders/" + orderNumber).json().get("status").asText())
                .isEqualTo("OVERRIDE_PENDING");
        assertThat(older).isNotEqualTo(newer);

        // notifyCustomer and closeRecall: a recall of a shipped lot
        String shipped = api.releasedLot(sku, new BigDecimal("40"), "2024-05-01");
        String so = "SO-ATK-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", so, "customer", "Metro Manufacturing",
                "sku", sku, "quantity", 40)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + so + "/shipments", Map.of()).status()).isEqualTo(201);
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(shipped), "reason",
                "Contamination", "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        String recallNumber = recall.json().get("recallNumber").asText();
        api.executeJobs(); // the customer's recallNotification process and its task
        String notify = task("rachel", recallNumber, "notifyCustomer");
        refused(api.post("rachel", "/engine-rest/task/" + notify + "/complete",
                vars("reached", true, "acknowledged", true,
                        "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                        "quantityReturned", 0, "notificationId", 1)), 400, "notificationId");
        refused(api.post("rachel", "/engine-rest/task/" + notify + "/complete",
                vars("reached", true, "acknowledged", true,
                        "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                        "quantityReturned", "5")), 400, "quantityReturned");
        // more digits than the engine's double keeps: refused, never recorded rounded (auditor 2026-12-06 G-a)
        refused(api.post("rachel", "/engine-rest/task/" + notify + "/complete",
                vars("reached", true, "acknowledged", true,
                        "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                        "quantityReturned", new java.math.BigDecimal("30.0000000000000001"))), 400,
                "quantityReturned");
        assertThat(taskOpen(notify)).isTrue();

        Response answered = api.post("rachel", "/api/recalls/" + recallNumber + "/notifications", Map.of("customer",
                "Metro Manufacturing", "acknowledged", true,
                        "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 40));
        assertThat(answered.status()).as(answered.toString()).isBetween(200, 299);
        api.executeJobs();
        String close = task("jennifer", recallNumber, "closeRecall");
        refused(api.post("jennifer", "/engine-rest/task/" + close + "/complete",
                vars("comment", "Retrieval complete", "recallId", 1)), 400, "recallId");
        refused(api.post("jennifer", "/engine-rest/task/" + close + "/complete", vars()), 400, "comment", "is required");
        assertThat(taskOpen(close)).isTrue();
    }

    // --- 3: processes started around lotflow --------------------------------------------------

    @Test
    void lotflowsProcessesCannotBeStartedThroughTheEngine() {
        String sku = api.createProduct("ATK");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2024-12-01");
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Complaint")).status())
                .isEqualTo(202);
        Long lotId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lot);
        long before = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(lot).count();

        refused(api.post("mike", "/engine-rest/process-definition/key/lotRelease/start", Map.of("businessKey", lot,
                "variables", Map.of("lotId", Map.of("value", lotId, "type", "Long")))), 403, "creating a lot");
        refused(api.post("mike", "/engine-rest/process-definition/key/lotRelease/start", Map.of("businessKey", lot)),
                403, "creating a lot");
        refused(api.post("mike", "/engine-rest/engine/default/process-definition/key/lotRelease/submit-form",
                Map.of("businessKey", lot)), 403, "creating a lot");
        String definitionId = api.get("demo", "/engine-rest/process-definition/key/lotRelease").json().get("id").asText();
        refused(api.post("demo", "/engine-rest/process-definition/" + definitionId + "/start",
                Map.of("businessKey", lot)), 403, "creating a lot");
        refused(api.post("tom", "/engine-rest/process-definition/key/allocationOverride/start",
                Map.of("businessKey", "SO-X")), 403, "started by lotflow itself");
        refused(api.post("demo", "/engine-rest/process-definition/key/recallNotification/start",
                Map.of("businessKey", "RC-2025-001")), 403, "its recall's lotRecall process");
        refused(api.post("demo", "/engine-rest/process-definition/key/mockRecall/start",
                Map.of("businessKey", "MR-2025-0001")), 403, "POST /api/mock-recalls");
        refused(api.post("rachel", "/engine-rest/process-definition/key/mockRecall/submit-form",
                Map.of("businessKey", "MR-2025-0001")), 403, "POST /api/mock-recalls");
        refused(api.post("demo", "/engine-rest/message", Map.of("messageName", "anything", "businessKey", lot)), 403,
                "written by lotflow only");
        refused(api.post("demo", "/engine-rest/message", Map.of("messageName", "recallCustomersAnswered",
                "businessKey", "RC-2025-001")), 403, "written by lotflow only");
        // the batch correlation too (auditor 2026-12-05 A1: it made a recall's step fail, an incident made by hand)
        refused(api.post("demo", "/engine-rest/process-instance/message-async", Map.of("messageName",
                "recallCustomersAnswered", "processInstanceQuery", Map.of("processDefinitionKey", "lotRecall"))), 403,
                "written by lotflow only");
        refused(api.post("demo", "/engine-rest/signal", Map.of("name", "anything")), 403, "written by lotflow only");

        // a start form takes exactly its fields: no hold or lot id slipped in
        refused(api.post("jennifer", "/engine-rest/process-definition/key/quarantineInvestigation/submit-form",
                Map.of("variables", Map.of("lotNumber", Map.of("value", lot), "reason", Map.of("value", "x"),
                        "source", Map.of("value", "COMPLAINT"), "holdId", Map.of("value", 1)))), 400, "holdId");
        refused(api.post("rachel", "/engine-rest/process-definition/key/lotRecall/submit-form",
                Map.of("variables", Map.of("lots", Map.of("value", lot), "reason", Map.of("value", "x"),
                        "classification", Map.of("value", "CLASS_I"), "recallId", Map.of("value", 1)))), 400,
                "recallId");

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(lot).count())
                .isEqualTo(before);
        assertThat(status(lot)).isEqualTo("QUARANTINE");
    }

    // --- 4, 6: signatures -----------------------------------------------------------------------

    @Test
    void everyFailedSignatureIsRecordedCountedAndLocksTheSignerUntilItEndsOrAnAdministratorUnlocks() {
        String manager = user("qa-mgr", "Quinn", "Manager", Groups.QA_MANAGER);
        String lot = heldAndInvestigated(api.createProduct("ATK"));
        String path = "/api/lots/" + lot + "/disposition";
        List<Integer> statuses = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Response r = as(manager, HttpMethod.POST, path, Map.of("decision", "RELEASE", "justification",
                    "Within specification", "password", "wrong-" + i));
            assertThat(r.isProblem()).as(r.toString()).isTrue();
            assertThat(r.text()).doesNotContain("wrong-" + i);
            statuses.add(r.status());
            answers.add(r.text());
        }
        assertThat(statuses.subList(0, 6)).as("wrong passwords: " + answers).containsOnly(403);
        assertThat(statuses.subList(6, 12)).as("then locked: " + answers).containsOnly(429);

        JsonNode events = api.get("jennifer", "/api/security/events?user=" + manager).json();
        List<String> types = events.findValuesAsText("type");
        assertThat(types.stream().filter("SIGNATURE_FAILED"::equals).count()).isEqualTo(6);
        assertThat(types).contains("LOCKED");
        assertThat(types.stream().filter("REFUSED_WHILE_LOCKED"::equals).count()).as("attempts while locked")
                .isEqualTo(6);
        assertThat(events.findValuesAsText("detail")).anyMatch(d -> d.contains("disposition") && d.contains(lot));
        assertThat(status(lot)).isEqualTo("QUARANTINE");
        assertThat(history(lot)).doesNotContain("DISPOSITION_SIGNED");

        // locked: even the right password waits (and so does logging in from here)
        Response locked = as(manager, HttpMethod.POST, path, Map.of("decision", "RELEASE", "justification", "ok",
                "password", passwords.get(manager)));
        refused(locked, 429, "try again in");
        TestClient.Response lockoutsByQa = api.get("jennifer", "/api/security/lockouts");
        assertThat(lockoutsByQa.status()).isEqualTo(403);
        // administrators named once, in words (auditor 2026-12-06 B8: "camunda BPM Administrators (and administrators)")
        assertThat(lockoutsByQa.json().get("detail").asText()).isEqualTo("Only administrators may do this; jennifer is not"
                + " one");
        assertThat(api.get("sarah", "/api/audit/verify").json().get("detail").asText()).isEqualTo("Only QA managers"
                + " (and administrators) may do this; sarah is not one");
        JsonNode lockouts = api.get("demo", "/api/security/lockouts").json();
        assertThat(lockouts.findValuesAsText("userId")).contains(manager);

        Response unlocked = api.call("demo", "demo", HttpMethod.DELETE, "/api/security/lockouts/" + manager, null,
                "application/json");
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(api.get("jennifer", "/api/security/events?user=" + manager).json().findValuesAsText("type"))
                .contains("UNLOCKED");
        Response signed = as(manager, HttpMethod.POST, path, Map.of("decision", "RELEASE", "justification",
                "Within specification", "password", passwords.get(manager)));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    }

    /** Audit 26 F5: lifting the lock of an account that has none records nothing in the security trail. */
    @Test
    void unlockingAnAccountThatIsNotLockedRecordsNoUnlock() {
        for (String id : List.of("nobodyAtAll" + System.nanoTime())) {
            Response unlocked = api.call("demo", "demo", HttpMethod.DELETE, "/api/security/lockouts/" + id, null,
                    "application/json");
            assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
            assertThat(unlocked.json().get("cleared").asInt()).isZero();
            assertThat(api.get("jennifer", "/api/security/events?user=" + id).json().findValuesAsText("type"))
                    .doesNotContain("UNLOCKED");
        }
    }

    /** New user 2026-12-06 N5: Tasklist's refusals named the variable ("labResults: ...") instead of the form's label. */
    @Test
    void tasklistRefusalsNameTheFieldAsTheFormShowsIt() throws Exception {
        String lot = api.createLot(api.createProduct("ATK"), new BigDecimal("10"), "2025-01-20");
        String record = task("sarah", lot, "recordLabResults");
        String body = "{\"variables\":{\"labResults\":{\"value\":\"viscosity = 250 cSt\\nflashPoint = 230\"}}}";
        WebappSession tasklist = WebappSession.login(port, "sarah", "sarah", "tasklist");
        Response inTasklist = tasklist.post("/camunda/api/engine/engine/default/task/" + record + "/submit-form", body);
        assertThat(inTasklist.status()).as(inTasklist.toString()).isEqualTo(400);
        assertThat(inTasklist.json().get("message").asText()).startsWith("Results: line 1").doesNotContain("labResults:");
        assertThat(inTasklist.json().get("field").asText()).isEqualTo("labResults");
        // a script over /engine-rest keeps the variable's name it sent
        Response overRest = as("sarah", HttpMethod.POST, "/engine-rest/task/" + record + "/submit-form",
                new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class));
        assertThat(overRest.status()).isEqualTo(400);
        assertThat(overRest.json().get("detail").asText()).contains("labResults: line 1");
    }

    @Test
    void tasklistSigningNeedsThePasswordInAMaskedFieldAndNeverStoresIt() {
        String lot = heldAndInvestigated(api.createProduct("ATK"));
        String decide = task("jennifer", lot, "decideDisposition");
        WebappSession tasklist = WebappSession.login(port, "jennifer", "jennifer", "tasklist");
        assertThat(tasklist.loginStatus()).isEqualTo(200);
        String submit = "/camunda/api/engine/engine/default/task/" + decide + "/submit-form";

        // the form Tasklist shows masks the password
        Response form = tasklist.get("/camunda/api/engine/engine/default/task/" + decide + "/deployed-form");
        assertThat(form.text()).contains("type=\"password\"");
        // Tasklist's "Save" (task variables) is refused, so nothing typed lands on the task
        refused(tasklist.post("/camunda/api/engine/engine/default/task/" + decide + "/variables",
                "{\"modifications\":{\"signaturePassword\":{\"value\":\"jennifer\"}}}"), 403, "written by lotflow only");

        Response noPassword = tasklist.post(submit, "{\"variables\":{\"decision\":{\"value\":\"RELEASE\"},"
                + "\"justification\":{\"value\":\"Within specification\"}}}");
        assertThat(noPassword.status()).as(noPassword.toString()).isEqualTo(400);
        assertThat(noPassword.text()).contains("password");
        Response wrong = tasklist.post(submit, "{\"variables\":{\"decision\":{\"value\":\"RELEASE\"},"
                + "\"justification\":{\"value\":\"Within specification\"},\"signaturePassword\":{\"value\":\"nope\"}}}");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
        assertThat(wrong.text()).contains("password does not match").doesNotContain("nope");
        Response signed = tasklist.post(submit, "{\"variables\":{\"decision\":{\"value\":\"RELEASE\"},"
                + "\"justification\":{\"value\":\"Within specification\"},\"signaturePassword\":{\"value\":\"jennifer\"}}}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("RELEASED");

        assertThat(historyService.createHistoricVariableInstanceQuery().variableName("signaturePassword").count())
                .isZero();
        assertThat(historyService.createHistoricDetailQuery().variableUpdates().list())
                .noneMatch(d -> String.valueOf(((org.camunda.bpm.engine.history.HistoricVariableUpdate) d)
                        .getVariableName()).equals("signaturePassword"));
        assertThat(api.get("jennifer", "/api/security/events?user=jennifer").json().findValuesAsText("detail"))
                .anyMatch(d -> d.contains(lot));
        api.call("demo", "demo", HttpMethod.DELETE, "/api/security/lockouts/jennifer", null, "application/json");
    }

    @Test
    void aReleaseApprovalInTasklistIsSignedWithThePasswordToo() {
        String lot = api.createLot(api.createProduct("ATK"), new BigDecimal("100"), "2025-01-20");
        recordLab("sarah", lot);
        String approve = task("jennifer", lot, "approveRelease");
        WebappSession tasklist = WebappSession.login(port, "jennifer", "jennifer", "tasklist");
        String submit = "/camunda/api/engine/engine/default/task/" + approve + "/submit-form";
        Response unsigned = tasklist.post(submit, "{\"variables\":{\"approved\":{\"value\":true,\"type\":\"Boolean\"},"
                + "\"comment\":{\"value\":\"ok\"}}}");
        assertThat(unsigned.status()).as(unsigned.toString()).isEqualTo(400);
        assertThat(unsigned.text()).contains("re-enter your password");
        Response signed = tasklist.post(submit, "{\"variables\":{\"approved\":{\"value\":\"true\",\"type\":\"Boolean\"},"
                + "\"comment\":{\"value\":\"ok\"},\"signaturePassword\":{\"value\":\"jennifer\"}}}");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("RELEASED");
    }

    // --- 5: the printed name -------------------------------------------------------------------

    @Test
    void nobodyButAnAdministratorChangesThePrintedNameOfASigner() {
        String manager = user("qa-mgr", "Quinn", "Manager", Groups.QA_MANAGER);
        Map<String, Object> profile = Map.of("id", manager, "firstName", "Jennifer", "lastName", "Lee");
        refused(as(manager, HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile", profile), 403,
                "administrators");
        WebappSession session = WebappSession.login(port, manager, passwords.get(manager), "tasklist");
        refused(session.put("/camunda/api/engine/engine/default/user/" + manager + "/profile",
                "{\"id\":\"" + manager + "\",\"firstName\":\"Jennifer\",\"lastName\":\"Lee\"}"), 403, "administrators");
        assertThat(identityService.createUserQuery().userId(manager).singleResult().getFirstName()).isEqualTo("Quinn");

        Response byAdmin = as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager, "firstName", "Quincy", "lastName", "Manager"));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId(manager).singleResult().getFirstName()).isEqualTo("Quincy");
        // nor does an administrator move a person's records to another id
        refused(as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager + "x", "firstName", "Quincy", "lastName", "Manager")), 400, "never changed");
        assertThat(identityService.createUserQuery().userId(manager + "x").count()).isZero();
        // nor gives a signer another signer's printed name, whatever its case and spacing, nor a new user one
        // (auditor 2026-12-06 G4: a second QA manager signed as "Jennifer Lee")
        Response taken = as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager, "firstName", "jennifer ", "lastName", " LEE"));
        refused(taken, 409, "printed name of the user 'jennifer'");
        assertThat(taken.json().get("field").asText()).isEqualTo("firstName");
        Response lookalike = as("demo", HttpMethod.POST, "/engine-rest/user/create", Map.of("profile", Map.of("id",
                "jennlfer" + manager.length(), "firstName", "Jennifer", "lastName", "Lee"), "credentials",
                Map.of("password", "Str0ng!Passw0rd-x")));
        refused(lookalike, 409, "printed name of the user 'jennifer'");
        assertThat(lookalike.json().get("field").asText()).isEqualTo("profile.firstName");
        // nor one that only prints like it (auditor 2026-12-06 A1: Cyrillic letters, a full-width J, a no-break space)
        Map<String, String> printsAlike = Map.of("L\u0435\u0435", "lastName", "\uff2aennifer", "firstName",
                "Lee\u00a0", "lastName", "Lee\u3000", "lastName", "\u13abennifer", "firstName", "L\ud835\uddf2e", "lastName",
                // punctuation and marks that compose with nothing (re-test 2026-12-07 G7, G2)
                "Lee.", "lastName", "Lee \u302D", "lastName");
        printsAlike.forEach((written, field) -> {
            Map<String, Object> named = new java.util.HashMap<>(Map.of("id", manager, "firstName", "Jennifer",
                    "lastName", "Lee"));
            named.put(field, written);
            Response alike = as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile", named);
            assertThat(alike.status()).as(written + ": " + alike).isIn(400, 409);
            assertThat(alike.json().get("field").asText()).as(written).isIn(field, "firstName");
        });
        user("ace", "Ace", "Oxo", Groups.SALES);
        Response cyrillic = as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile", Map.of("id", manager,
                "firstName", "\u0410\u0441\u0435", "lastName", "\u041e\u0445\u043e"));
        refused(cyrillic, 409, "is the printed name of the user 'ace");
        // capitals read as written, not only in lower case (re-test 2026-12-06 R1): Greek capitals print as Latin ones
        user("abe", "ABE", "TOMPKIN", Groups.SALES);
        Response greek = as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile", Map.of("id", manager,
                "firstName", "\u0391\u0392\u0395", "lastName", "\u03a4\u039f\u039c\u03a1\u039a\u0399\u039d"));
        refused(greek, 409, "is the printed name of the user 'abe");
        assertThat(identityService.createUserQuery().userId(manager).singleResult().getFirstName()).isEqualTo("Quincy");
        assertThat(identityService.createUserQuery().userId(manager).singleResult().getFirstName()).isEqualTo("Quincy");
        // the trail says what the signatures print, before and after
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager, "firstName", "Quinton", "lastName", "Manager")).status()).isEqualTo(204);
        assertThat(as("demo", HttpMethod.GET, "/api/security/events?user=" + manager, null).json()
                .findValuesAsText("detail")).contains("profile changed by demo, printed name 'Quincy Manager' ->"
                        + " 'Quinton Manager'");
        // a name that signed stays its holder's after a rename (auditor 2026-12-07 H1): not given to another user, nor
        // to a new one; its holder may take it back
        String other = user("qa-mgr", "Oscar", "Other", Groups.QA_MANAGER);
        Response former = as("demo", HttpMethod.PUT, "/engine-rest/user/" + other + "/profile",
                Map.of("id", other, "firstName", "QUINCY", "lastName", "manager"));
        refused(former, 409, "was the printed name of the user '" + manager + "' before a rename");
        assertThat(former.json().get("field").asText()).isEqualTo("firstName");
        refused(as("demo", HttpMethod.POST, "/engine-rest/user/create", Map.of("profile", Map.of("id",
                "quincy" + manager.length(), "firstName", "Quincy", "lastName", "Manager"), "credentials",
                Map.of("password", "Str0ng!Passw0rd-x"))), 409, "was the printed name of the user '" + manager + "'");
        assertThat(identityService.createUserQuery().userId("quincy" + manager.length()).count()).isZero();
        assertThat(identityService.createUserQuery().userId(other).singleResult().getFirstName()).isEqualTo("Oscar");
        // nor through the engine's Java API (start-up identities, a plug-in): the engine command is refused
        org.camunda.bpm.engine.identity.User renamed = identityService.createUserQuery().userId(other).singleResult();
        renamed.setFirstName("Quincy");
        renamed.setLastName("Manager");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> identityService.saveUser(renamed))
                .hasStackTraceContaining("is, or was, the name of the user '" + manager + "'");
        assertThat(identityService.createUserQuery().userId(other).singleResult().getFirstName()).isEqualTo("Oscar");
        // no brackets: lotflow prints "Name (id)", and "(jennifer)" in a name reads as another's id (auditor H2)
        // nor anything drawn like one (re-test F1: bracket pieces, angle quotes), a symbol or a digit
        for (String bracketed : List.of("Manager (jennifer)", "Manager [jennifer]", "Manager \uff08jennifer\uff09",
                "Manager \u239bjennifer\u239e", "Manager \u2039jennifer\u203a", "Manager \u23dcjennifer\u23dd",
                "Manager <jennifer>", "Manager #2", "Manager 2nd", "Manager \u2460")) {
            Response withId = as("demo", HttpMethod.PUT, "/engine-rest/user/" + other + "/profile",
                    Map.of("id", other, "firstName", "Oscar", "lastName", bracketed));
            assertThat(withId.status()).as(bracketed + ": " + withId).isEqualTo(400);
            assertThat(withId.json().get("field").asText()).as(bracketed).isEqualTo("lastName");
        }
        refused(as("demo", HttpMethod.POST, "/engine-rest/user/create", Map.of("profile", Map.of("id",
                "brack" + manager.length(), "firstName", "Ann (jennifer)", "lastName", "Other"), "credentials",
                Map.of("password", "Str0ng!Passw0rd-x"))), 400, "profile.firstName: a name printed on signatures holds"
                        + " letters, spaces, apostrophes, hyphens, full stops and commas only, not '('");
        // the punctuation of names stays allowed
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/user/" + other + "/profile", Map.of("id", other,
                "firstName", "Mary-Ann", "lastName", "O'Brien-Sm\u00edth, Jr.")).status()).isEqualTo(204);
        assertThat(identityService.createUserQuery().userId(other).singleResult().getLastName())
                .isEqualTo("O'Brien-Sm\u00edth, Jr.");
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager, "firstName", "Quincy", "lastName", "Manager")).status()).isEqualTo(204);
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager, "firstName", "Quinton", "lastName", "Manager")).status()).isEqualTo(204);
        // whole, however long the names (auditor 2026-12-06 A8: cut at 1000 characters)
        String first = "C".repeat(255);
        String last = "D".repeat(255);
        assertThat(as("demo", HttpMethod.PUT, "/engine-rest/user/" + manager + "/profile",
                Map.of("id", manager, "firstName", first, "lastName", last)).status()).isEqualTo(204);
        assertThat(as("demo", HttpMethod.GET, "/api/security/events?user=" + manager, null).json()
                .findValuesAsText("detail")).anyMatch(d -> d.endsWith("'Quinton Manager' -> '" + first + " " + last + "'"));
    }

    // --- 7: lockout that cannot shut people out -------------------------------------------------

    @Test
    void wrongLoginsLockOnlyForAWhileAndNeverForGood() {
        String admin = user("admin", "Ada", "Admin", Groups.ADMIN);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            statuses.add(api.call(admin, "guess-" + i, HttpMethod.GET, "/engine-rest/task", null, "application/json")
                    .status());
        }
        assertThat(statuses.subList(0, 6)).as(statuses.toString()).containsOnly(401);
        assertThat(statuses.subList(6, 11)).as(statuses.toString()).containsOnly(429);
        // Camunda's own account-wide lock (for good after ten) is off: the identity is intact
        assertThat(identityService.checkPassword(admin, passwords.get(admin))).isTrue();
        // lotflow's lock ends by itself (at most the configured maximum) and an administrator can lift it
        JsonNode lock = null;
        for (JsonNode l : api.get("demo", "/api/security/lockouts").json()) {
            if (l.get("userId").asText().equals(admin)) {
                lock = l;
            }
        }
        assertThat(lock).isNotNull();
        assertThat(java.time.Instant.parse(lock.get("lockedUntil").asText()))
                .isBefore(java.time.Instant.now().plus(java.time.Duration.ofMinutes(16)));
        assertThat(api.get("jennifer", "/api/security/events?user=" + admin).json().findValuesAsText("type"))
                .contains("LOGIN_FAILED", "LOCKED");
        assertThat(api.call("demo", "demo", HttpMethod.DELETE, "/api/security/lockouts/" + admin, null,
                "application/json").status()).isEqualTo(200);
        assertThat(as(admin, HttpMethod.GET, "/engine-rest/task", null).status()).isEqualTo(200);

        // the webapps' login counts the same way
        String analyst = user("qa-ana", "Ann", "Analyst", Groups.QA_ANALYST);
        for (int i = 0; i < 6; i++) {
            WebappSession.login(port, analyst, "guess-" + i, "tasklist");
        }
        assertThat(WebappSession.login(port, analyst, passwords.get(analyst), "tasklist").loginStatus()).isEqualTo(429);
        assertThat(api.call("demo", "demo", HttpMethod.DELETE, "/api/security/lockouts/" + analyst, null,
                "application/json").status()).isEqualTo(200);
        assertThat(WebappSession.login(port, analyst, passwords.get(analyst), "tasklist").loginStatus()).isEqualTo(200);
    }

    // --- 8: what answers without the right login --------------------------------------------

    @Test
    void theEngineAndCockpitAnswerOnlyTheRightLogin() {
        assertThat(api.call(null, null, HttpMethod.GET, "/engine-rest/engine", null, "application/json").status())
                .isEqualTo(401);
        assertThat(api.get("tom", "/engine-rest/engine").status()).isEqualTo(200);

        WebappSession sarah = WebappSession.login(port, "sarah", "sarah", "tasklist");
        assertThat(sarah.loginStatus()).isEqualTo(200);
        refused(sarah.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count"), 403,
                "Cockpit");
        // Cockpit's plugin code loads for anyone, so its page can show its login (new user 2026-12-06 W2); its data
        // does not
        org.lotflow.support.TestClient.Response pluginCode = api.call(null, null, HttpMethod.GET,
                "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js", null, "*/*");
        assertThat(pluginCode.status()).as(pluginCode.toString()).isEqualTo(200);
        assertThat(api.call(null, null, HttpMethod.GET, "/camunda/api/cockpit/plugin/base/default/process-definition"
                + "/statistics-count", null, "application/json").status()).isIn(401, 403);
        WebappSession jennifer = WebappSession.login(port, "jennifer", "jennifer", "cockpit");
        assertThat(jennifer.get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count")
                .status()).isEqualTo(200);

        // starting a recall is the recall coordinators' (contract); a QA manager's RECALL disposition hands over
        String lot = api.releasedLot(api.createProduct("ATK"), new BigDecimal("10"), "2024-12-01");
        refused(api.post("jennifer", "/api/recalls", Map.of("lots", List.of(lot), "reason", "x", "classification",
                "CLASS_II")), 403, "Only Recall coordinators");
    }

    // --- 9: security audit of 2026-11-29 (branch security-audit): bypasses found with curl --------
    // Each of these FAILS on the audited code; the assertion states the rule that should hold.

    @Test
    void identityVerifyIsNoPasswordOracleAroundTheLockout() {
        // POST /engine-rest/identity/verify checks ANY user's password for any logged-in user, with no
        // LOGIN_FAILED event and no lockout: unlimited guessing of the administrator's password.
        String target = user("qa-mgr", "Victor", "Target", Groups.QA_MANAGER);
        for (int i = 0; i < 8; i++) {
            Response guess = as("tom", HttpMethod.POST, "/engine-rest/identity/verify",
                    Map.of("username", target, "password", "guess-" + i));
            assertThat(guess.status()).as("guess " + i + ": " + guess).isIn(403, 429);
        }
        Response right = as("tom", HttpMethod.POST, "/engine-rest/identity/verify",
                Map.of("username", target, "password", passwords.get(target)));
        assertThat(right.text()).as(right.toString()).doesNotContain("\"authenticated\":true");
    }

    @Test
    void aUserCannotDeleteTheirOwnIdentityRecord() {
        // Camunda grants every user ALL on their own USER resource: DELETE /engine-rest/user/{self}
        // erases the identity behind past signatures (21 CFR 11.100: never reused or reassigned).
        String manager = user("qa-mgr", "Selma", "Self", Groups.QA_MANAGER);
        Response delete = as(manager, HttpMethod.DELETE, "/engine-rest/user/" + manager, null);
        assertThat(delete.status()).as(delete.toString()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId(manager).count()).isEqualTo(1);
    }

    @Test
    void claimingATaskForSomeoneOutsideItsGroupsDoesNotLetThemRecordResults() {
        // A candidate may claim with any userId; the claimed user gets TASK_WORK and completes
        // recordLabResults through the engine, where nothing checks the QA groups (the API does).
        String producer = user("prod", "Pete", "Producer", Groups.PRODUCTION);
        String lot = api.createLot(api.createProduct("ATK"), new BigDecimal("100"), "2025-01-20");
        String taskId = task("sarah", lot, "recordLabResults");
        Response claim = as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim",
                Map.of("userId", producer));
        Response done = as(producer, HttpMethod.POST, "/engine-rest/task/" + taskId + "/complete",
                vars("labResults", "viscosity = 248\nflashPoint = 225\n"));
        assertThat(claim.status() == 204 && done.status() == 204).as(claim + " / " + done).isFalse();
        assertThat(history(lot)).doesNotContain("LAB_RESULTS_RECORDED");
    }

    @Test
    void aPasswordSetOverHttpPassesThePasswordPolicy() {
        // audit 2026-12-05: a user could set an empty password for themselves and log in with it
        String producer = user("pw-prod", "Pat", "Producer", Groups.PRODUCTION);
        String old = passwords.get(producer);
        for (String weak : List.of("", "x", "abc", "password1")) {
            refused(as(producer, HttpMethod.PUT, "/engine-rest/user/" + producer + "/credentials",
                    Map.of("password", weak, "authenticatedUserPassword", old)), 400, "password policy");
        }
        assertThat(identityService.checkPassword(producer, old)).as("unchanged").isTrue();
        refused(as("demo", HttpMethod.POST, "/engine-rest/user/create", Map.of("profile", Map.of("id", "weakling",
                "firstName", "Weak", "lastName", "Ling"), "credentials", Map.of("password", "weak"))), 400,
                "at least 10 characters");
        assertThat(identityService.createUserQuery().userId("weakling").count()).isZero();
        String strong = "Batch-" + UUID.randomUUID().toString().substring(0, 8) + "-Q7!";
        Response changed = as(producer, HttpMethod.PUT, "/engine-rest/user/" + producer + "/credentials",
                Map.of("password", strong, "authenticatedUserPassword", old));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(identityService.checkPassword(producer, strong)).isTrue();
        passwords.put(producer, strong);
    }

    @Test
    void commentsOnATaskAreAddedNeverEditedOrDeleted() {
        String lot = api.createLot(api.createProduct("ATK"), new BigDecimal("100"), "2025-01-20");
        String taskId = task("sarah", lot, "recordLabResults");
        // written by the task's own people (auditor 2026-12-06 A3: an administrator outside its groups wrote on QA's
        // tasks, and the analyst could not)
        refused(as("demo", HttpMethod.POST, "/engine-rest/task/" + taskId + "/comment/create",
                Map.of("message", "Sample taken at 09:10")), 403, "written by the people who work on it");
        Response added = as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/comment/create",
                Map.of("message", "Sample taken at 09:10"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().get("userId").asText()).isEqualTo("sarah");
        String commentId = added.json().get("id").asText();
        refused(as("sarah", HttpMethod.PUT, "/engine-rest/task/comment", Map.of("id", commentId, "taskId", taskId,
                "message", "rewritten")), 403, "part of the record");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/task/" + taskId + "/comment/" + commentId, null), 403,
                "part of the record");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/task/" + taskId + "/comment", null), 403,
                "part of the record");
        for (String reader : new String[] {"demo", "sarah"}) {
            JsonNode comments = as(reader, HttpMethod.GET, "/engine-rest/task/" + taskId + "/comment", null).json();
            assertThat(comments).as(reader).hasSize(1);
            assertThat(comments.get(0).get("message").asText()).isEqualTo("Sample taken at 09:10");
            assertThat(comments.get(0).get("userId").asText()).isEqualTo("sarah");
        }
    }

    @Test
    void whoeverClaimedATaskHandsItBackAndNobodyElseDoes() {
        // audit 2026-12-05: an unclaim asked Camunda's TASK_ASSIGN, which lotflow gives nobody, so a claimed task
        // stayed on its assignee for good (and Camunda's permission text reached Tasklist)
        String analyst = user("qa-ana", "Ann", "Alyst", Groups.QA_ANALYST);
        String lot = api.createLot(api.createProduct("ATK"), new BigDecimal("100"), "2025-01-20");
        String taskId = task("sarah", lot, "recordLabResults");
        assertThat(as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", "sarah"))
                .status()).isEqualTo(204);
        refused(as(analyst, HttpMethod.POST, "/engine-rest/task/" + taskId + "/unclaim", null), 403,
                "Only the person a task is claimed by");
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).json().get("assignee").asText())
                .isEqualTo("sarah");
        Response back = as("sarah", HttpMethod.POST, "/engine-rest/task/" + taskId + "/unclaim", null);
        assertThat(back.status()).as(back.toString()).isEqualTo(204);
        assertThat(as("demo", HttpMethod.GET, "/engine-rest/task/" + taskId, null).json().get("assignee").isNull())
                .isTrue();
        JsonNode logged = as("demo", HttpMethod.GET, "/engine-rest/history/user-operation?taskId=" + taskId
                + "&operationType=Assign", null).json();
        assertThat(logged.toString()).as("the hand-back is logged in her name").contains("\"userId\":\"sarah\"");
        // and the group can take it again
        assertThat(as(analyst, HttpMethod.POST, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", analyst))
                .status()).isEqualTo(204);
    }

    @Test
    void aStartFormStartCannotSkipItsChecksOrStartMidProcess() {
        String lot = api.releasedLot(api.createProduct("ATK"), new BigDecimal("100"), "2024-12-01");
        Map<String, Object> body = new HashMap<>(vars("lotNumber", lot, "source", "COMPLAINT", "reason", "x"));
        body.put("startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "releaseHeldLot")));
        body.put("skipCustomListeners", true);
        Response start = as("jennifer", HttpMethod.POST,
                "/engine-rest/process-definition/key/quarantineInvestigation/start", body);
        if (start.status() == 200) { // the ghost instance's failing job would break the next test's executeJobs
            as("demo", HttpMethod.DELETE, "/engine-rest/process-instance/" + start.json().get("id").asText()
                    + "?skipCustomListeners=true", null);
        }
        assertThat(start.status()).as(start.toString()).isEqualTo(400);
    }

    @Test
    void aBlankValueCannotSmuggleAnotherTypeIntoTheEngine() {
        String lot = api.releasedLot(api.createProduct("ATK"), new BigDecimal("100"), "2024-12-01");
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        String investigate = task("sarah", lot, "investigateLot");
        Map<String, Object> variables = Map.of("findings", Map.of("value", "f"),
                "rootCause", Map.of("value", " ", "type", "Object"));
        refused(api.post("sarah", "/engine-rest/task/" + investigate + "/complete", Map.of("variables", variables)),
                400, "rootCause");
    }

    /** A multipart deployment as {@code user}, as Cockpit or a script would send it. */
    private Response deploy(String user, String path, String bpmn) {
        org.springframework.util.LinkedMultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
        parts.add("deployment-name", "lotflow");
        parts.add("enable-duplicate-filtering", "false");
        parts.add("data", new org.springframework.core.io.ByteArrayResource(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return "lotRelease.bpmn";
            }
        });
        return org.springframework.web.client.RestClient.builder()
                .requestFactory(new org.springframework.http.client.JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port).build().post().uri(path)
                .headers(h -> h.setBasicAuth(user, passwords.getOrDefault(user, user)))
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(parts)
                .exchange((request, response) -> new Response(response.getStatusCode().value(),
                        response.getHeaders().getContentType() == null ? null
                                : response.getHeaders().getContentType().toString(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void noOneDeploysRedeploysOrDeletesProcessModelsOverHttp() {
        // a model is code: this one's expression would rewrite memberships with no trace, as a new lotRelease version
        String bpmn = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"x\"><process id=\"lotRelease\""
                + " isExecutable=\"true\" camunda:historyTimeToLive=\"P1D\"><startEvent id=\"s\"/><sequenceFlow id=\"f\""
                + " sourceRef=\"s\" targetRef=\"t\"/><serviceTask id=\"t\" camunda:expression=\"${jdbcTemplate.update("
                + "'insert into ACT_ID_MEMBERSHIP values (''tom'',''qa-manager'')')}\"/><sequenceFlow id=\"g\" sourceRef=\"t\""
                + " targetRef=\"e\"/><endEvent id=\"e\"/></process></definitions>";
        Integer deployments = jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Integer.class);
        Integer definitions = jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF", Integer.class);
        refused(deploy("demo", "/engine-rest/deployment/create", bpmn), 403, "deployed by lotflow itself", "change control");
        refused(deploy("jennifer", "/engine-rest/engine/default/deployment/create", bpmn), 403, "by anyone");
        String deployment = jdbc.queryForObject("select min(ID_) from ACT_RE_DEPLOYMENT", String.class);
        String definition = jdbc.queryForObject("select min(ID_) from ACT_RE_PROCDEF where KEY_ = 'lotRelease'",
                String.class);
        refused(as("demo", HttpMethod.POST, "/engine-rest/deployment/" + deployment + "/redeploy", Map.of()), 403,
                "not deployed, redeployed or deleted");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/deployment/" + deployment, null), 403, "deleted");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/process-definition/" + definition, null), 403, "deleted");
        refused(as("demo", HttpMethod.DELETE, "/engine-rest/process-definition/key/lotRelease/delete", null), 403, "deleted");
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_DEPLOYMENT", Integer.class)).isEqualTo(deployments);
        assertThat(jdbc.queryForObject("select count(*) from ACT_RE_PROCDEF", Integer.class)).isEqualTo(definitions);
        assertThat(identityService.createUserQuery().userId("tom").memberOfGroup("qa-manager").count()).isZero();
    }
}
