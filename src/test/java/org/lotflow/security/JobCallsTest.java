package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What the engine's job endpoints accept; without Spring. */
class JobCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The history cleanup job "hc" and a batch's job definition "bd" belong to no process. */
    private final JobCalls calls = new JobCalls(new JobCalls.EngineWideJobs() {
        @Override
        public boolean job(String jobId) {
            return Set.of("hc").contains(jobId);
        }

        @Override
        public boolean jobDefinition(String jobDefinitionId) {
            return Set.of("bd").contains(jobDefinitionId);
        }

        @Override
        public java.util.Date timerNotYetDue(String jobId) {
            return jobId.equals("later") ? java.util.Date.from(java.time.Instant.parse("2025-02-01T08:00:00Z")) : null;
        }
    });

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void onlyAdministratorsExecuteJobs() {
        assertThat(calls.execute("job/failed/execute", false).status()).isEqualTo(403);
        assertThat(calls.execute("job/failed/execute", false).detail()).contains("job executor");
        assertThat(calls.execute("job/failed/execute", true)).isNull();
        // a timer not yet due: not even an administrator moves its time (auditor 2026-12-05 F3)
        SurfaceRefusal early = calls.execute("job/later/execute", true);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.detail()).startsWith("This timer is due at 2025-02-01T08:00:00Z: running it now would move");
    }

    @Test
    void retriesOfAJobOfNoProcessAreForAdministratorsOnly() {
        assertThat(calls.retriesOf("job/hc/retries", false).status()).isEqualTo(403);
        assertThat(calls.retriesOf("job-definition/bd/retries", false).detail()).contains("only an administrator");
        assertThat(calls.retriesOf("job/hc/retries", true)).isNull();
        assertThat(calls.retriesOf("job/timer-of-a-lot/retries", false)).isNull();
        assertThat(calls.retriesOf("job/retries", false)).as("a batch names its jobs in the body").isNull();
    }

    @Test
    void onlyTheRetriesOneOrMoreAndWhichJobs() throws Exception {
        assertThat(JobCalls.retriesBody("job/1/retries", body("{\"retries\": 3}"))).isNull();
        assertThat(JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobIds\": [\"1\"]}"))).isNull();
        SurfaceRefusal due = JobCalls.retriesBody("job/1/retries",
                body("{\"retries\": 1, \"dueDate\": \"2020-01-01T00:00:00.000+0000\"}"));
        assertThat(due.status()).isEqualTo(400);
        assertThat(due.field()).isEqualTo("dueDate");
        assertThat(JobCalls.retriesBody("job/1/retries", body("{\"retries\": 1, \"jobIds\": [\"1\"]}")).field())
                .as("which jobs only in the batch call").isEqualTo("jobIds");
        for (String bad : new String[] {"0", "-1", "1.5", "\"3\"", "null", "4294967296"}) {
            assertThat(JobCalls.retriesBody("job/1/retries", body("{\"retries\": " + bad + "}")).field()).as(bad)
                    .isEqualTo("retries");
        }
        assertThat(JobCalls.retriesBody("job/1/retries", body("{}")).field()).isEqualTo("retries");
        // every job of some process instances at once: the same rules (a 0 would stop every timer of a recall)
        assertThat(JobCalls.RETRIES.matcher("process-instance/job-retries").matches()).isTrue();
        assertThat(JobCalls.RETRIES.matcher("Process-Instance/job-retries-historic-query-based").matches()).isTrue();
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 0, \"processInstanceIds\": [\"p\"]}")).field()).isEqualTo("retries");
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 1, \"processInstanceIds\": [\"p\"], \"dueDate\": \"2020-01-01T00:00:00.000+0000\"}"))
                .field()).isEqualTo("dueDate");
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 2, \"processInstances\": [\"p\"]}"))).isNull();
    }

    /**
     * Auditor 2026-12-07 F6: a call on many jobs that chooses none was the engine's 500 ("You must specify at least
     * one of jobIds or jobQuery"); now 400 naming the list, before the engine.
     */
    @Test
    void aCallOnManyJobsChoosesSome() throws Exception {
        Map<String, String> none = new java.util.LinkedHashMap<>();
        none.put("job/retries", "jobIds");
        none.put("Job/Retries/", "jobIds");
        none.put("process-instance/job-retries", "processInstances");
        none.put("process-instance/job-retries-historic-query-based", "processInstances");
        for (var call : none.entrySet()) {
            for (String json : new String[] {"{\"retries\": 1}", "{\"retries\": 1, \"jobIds\": [], \"processInstances\": []}",
                    "{\"retries\": 1, \"jobIds\": null, \"jobQuery\": null, \"processInstances\": null,"
                            + " \"processInstanceQuery\": null, \"historicProcessInstanceQuery\": null}"}) {
                SurfaceRefusal refused = JobCalls.retriesBody(call.getKey(), body(json));
                assertThat(refused).as(call.getKey() + " " + json).isNotNull();
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.field()).isEqualTo(call.getValue());
                assertThat(refused.detail()).contains("(at least one)", "nothing was changed");
            }
        }
        // a query the call does not read chooses nothing there
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 1, \"historicProcessInstanceQuery\": {}}")).field()).isEqualTo("processInstances");
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 1, \"jobIds\": [\"j\"]}")).field()).isEqualTo("processInstances");
        assertThat(JobCalls.retriesBody("job/retries",
                body("{\"retries\": 1, \"processInstances\": [\"p\"]}")).field()).isEqualTo("jobIds");
        // ids are text
        assertThat(JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobIds\": [\"j\", null]}")).field())
                .isEqualTo("jobIds[1]");
        assertThat(JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobIds\": [\" \"]}")).field())
                .isEqualTo("jobIds[0]");
        assertThat(JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobIds\": \"j\"}")).field())
                .isEqualTo("jobIds");
        // a choice passes: ids, or a query with a condition
        assertThat(JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobQuery\": {\"withException\":"
                + " true}}"))).isNull();
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 1, \"processInstanceQuery\": {\"businessKey\": \"L\"}}"))).isNull();
        // re-test 2026-12-07 R5: a query without a condition chose every job of the engine; an empty list chooses none
        for (String empty : new String[] {"{}", "{\"jobIds\": []}", "{\"withException\": false}",
                "{\"processInstanceId\": null, \"jobIds\": null}", "{\"x\": 0}", "{\"active\": true}",
                "{\"withRetriesLeft\": true}", "{\"timers\": true}", "{\"priorityLowerThanOrEquals\": -1000000}",
                "{\"sorting\": [{\"sortBy\": \"jobId\", \"sortOrder\": \"asc\"}]}", "{\"nested\": {\"a\": 1}}"}) {
            SurfaceRefusal refused = JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobQuery\": "
                    + empty + "}"));
            assertThat(refused).as(empty).isNotNull();
            assertThat(refused.field()).as(empty).startsWith("jobQuery");
        }
        assertThat(JobCalls.retriesBody("process-instance/job-retries-historic-query-based",
                body("{\"retries\": 1, \"historicProcessInstanceQuery\": {}}")).field())
                .isEqualTo("historicProcessInstanceQuery");
        // re-test 2026-12-07 N1: failed jobs only, named instances only
        assertThat(JobCalls.retriesBody("job/retries", body("{\"retries\": 1, \"jobQuery\": {\"noRetriesLeft\":"
                + " true, \"processDefinitionKey\": \"lotRelease\"}}"))).isNull();
        assertThat(JobCalls.retriesBody("process-instance/job-retries", body("{\"retries\": 1,"
                + " \"processInstanceQuery\": {\"processDefinitionKey\": \"lotRelease\"}}")).field())
                .isEqualTo("processInstanceQuery");
        // re-test 2026-12-07 P2: the runtime query has no processInstanceId; the engine ignored it and chose every instance
        assertThat(JobCalls.retriesBody("process-instance/job-retries", body("{\"retries\": 1,"
                + " \"processInstanceQuery\": {\"processInstanceId\": \"p\"}}")).field())
                .isEqualTo("processInstanceQuery");
        assertThat(JobCalls.retriesBody("process-instance/job-retries-historic-query-based", body("{\"retries\": 1,"
                + " \"historicProcessInstanceQuery\": {\"processInstanceBusinessKey\": \"L-1\"}}"))).isNull();
        assertThat(JobCalls.retriesBody("process-instance/job-retries",
                body("{\"retries\": 1, \"processInstanceQuery\": {\"processInstanceIds\": []}}")).field())
                .isEqualTo("processInstanceQuery.processInstanceIds");
        assertThat(JobCalls.retriesBody("process-instance/job-retries-historic-query-based",
                body("{\"retries\": 1, \"processInstances\": [\"p\"]}"))).isNull();
        // one job, or one definition's jobs: chosen by the path
        assertThat(JobCalls.retriesBody("job-definition/d/retries", body("{\"retries\": 1}"))).isNull();
    }
}
