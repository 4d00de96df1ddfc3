package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The engine surface's path rules, without Spring or an engine: what each spelling of a path reaches. */
class EngineResourcesTest {

    private static MockHttpServletRequest request(String method, String uri) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, uri);
        r.setContextPath("");
        return r;
    }

    private static String resource(String path) {
        Matcher m = EngineResources.ENGINE_API.matcher(path);
        return m.matches() ? m.group(1) : null;
    }

    @Test
    void everySpellingOfAPathIsReadTheSameWay() {
        assertThat(EngineResources.normalized(request("POST", "/engine-rest//task/1;x=y/%63omplete")))
                .isEqualTo("/engine-rest/task/1/complete");
        assertThat(resource("/engine-rest/engine/default/task/1/complete")).isEqualTo("task/1/complete");
        assertThat(resource("/camunda/api/engine/engine/default/task/1/submit-form")).isEqualTo("task/1/submit-form");
        assertThat(resource("/api/lots")).isNull();
    }

    @Test
    void variableAndRoutingWritesAreRecognisedInAnyCase() {
        for (String r : new String[] {"task/1/variables/x", "task/1/localVariables", "TASK/1/BpmnError",
                "process-instance/9/modification", "process-instance/variables-async", "process-instance/message-async", "execution/3/localvariables/x",
                "message", "signal", "condition", "migration/execute", "process-definition/key/lotRelease/restart",
                "external-task/fetchAndLock"}) {
            assertThat(EngineResources.VARIABLE_WRITES.matcher(r).matches()).as(r).isTrue();
        }
        for (String r : new String[] {"task/1/complete", "task/1/claim", "process-instance/9", "task"}) {
            assertThat(EngineResources.VARIABLE_WRITES.matcher(r).matches()).as(r).isFalse();
        }
    }

    @Test
    void deletingRunningInstancesIsToldApartFromOtherDeletes() {
        assertThat(EngineResources.deletesInstances("DELETE", "process-instance/9", request("DELETE", "/x"))).isTrue();
        assertThat(EngineResources.deletesInstances("POST", "process-instance/delete", request("POST", "/x"))).isTrue();
        MockHttpServletRequest cascade = request("DELETE", "/x");
        cascade.setParameter("cascade", "true");
        assertThat(EngineResources.deletesInstances("DELETE", "deployment/5", cascade)).isTrue();
        assertThat(EngineResources.deletesInstances("DELETE", "deployment/5", request("DELETE", "/x"))).isFalse();
        assertThat(EngineResources.deletesInstances("GET", "process-instance/9", request("GET", "/x"))).isFalse();
    }

    @Test
    void startsAndSubmissionsNameTheirProcessOrTask() {
        Matcher byKey = EngineResources.PROCESS_START.matcher("process-definition/key/lotRecall/tenant-id/t1/submit-form");
        assertThat(byKey.matches()).isTrue();
        assertThat(byKey.group(1)).isEqualTo("lotRecall");
        Matcher byId = EngineResources.PROCESS_START.matcher("process-definition/abc:1:2/start");
        assertThat(byId.matches()).isTrue();
        assertThat(byId.group(2)).isEqualTo("abc:1:2");
        Matcher submit = EngineResources.TASK_SUBMIT.matcher("task/42/Complete");
        assertThat(submit.matches()).isTrue();
        assertThat(submit.group(1)).isEqualTo("42");
        assertThat(EngineResources.STARTED_BY).containsKeys("lotRelease", "mockRecall", "lotArchiving");
    }

    @Test
    void haltingRewritingAndHistoryRemovalAreRefusedToEveryoneReadsAndTaskWorkAreNot() {
        for (String[] call : new String[][] {{"PUT", "process-instance/9/suspended"}, {"PUT", "process-instance/suspended-async"},
                {"PUT", "process-definition/key/lotRelease/suspended"}, {"PUT", "Job-Definition/suspended"},
                {"PUT", "job/4/duedate"}, {"POST", "job/4/duedate/recalculate"}, {"PUT", "task/1"},
                {"PUT", "job/4/priority"}, {"PUT", "job-definition/5/jobPriority"}, {"PUT", "Job-Definition/5/JobPriority/"},
                {"POST", "task/1/identity-links"}, {"DELETE", "history/process-instance/7"},
                {"POST", "history/process-instance/delete"}, {"POST", "history/process-instance/set-removal-time"},
                {"PUT", "process-definition/key/lotRelease/history-time-to-live"}, {"PUT", "task/comment"},
                {"DELETE", "task/1/comment/c9"}, {"DELETE", "task/1/comment"}, {"PUT", "process-instance/comment"},
                {"DELETE", "process-instance/7/comment"}, {"DELETE", "task/1/attachment/a3"},
                {"POST", "deployment/create"}, {"POST", "Deployment/d1/redeploy"}, {"DELETE", "deployment/d1"},
                {"DELETE", "process-definition/key/lotRelease/delete"}, {"DELETE", "decision-definition/x"},
                {"DELETE", "user/sarah"}, {"DELETE", "group/qa-manager"}, {"DELETE", "group/camunda-admin/"},
                // auditor 2026-12-05 F8 and F13: the operation log's and incidents' annotations, incidents by hand
                {"PUT", "operation-log/o1/set-annotation"}, {"PUT", "Operation-Log/o1/clear-annotation"},
                {"PUT", "history/user-operation/o1/set-annotation"}, {"PUT", "History/User-Operation/o1/clear-annotation"},
                {"PUT", "incident/i1/annotation"}, {"DELETE", "incident/i1/annotation"},
                {"POST", "execution/e1/create-incident"},
                // auditor 2026-12-06 G2: a deadline, a save point or the daily expiry check deleted by hand
                {"DELETE", "job/4"}, {"DELETE", "Job/4/"},
                // auditor 2026-12-07 F5: the engine's task-worker metrics deleted by an administrator
                {"DELETE", "metrics/task-worker"}, {"DELETE", "Metrics/Task-Worker/"}}) {
            assertThat(EngineResources.refusedToEveryone(call[0], call[1])).as(call[0] + " " + call[1]).isNotNull();
        }
        for (String[] call : new String[][] {{"POST", "task/1/claim"}, {"POST", "task/1/complete"},
                {"POST", "task/1/unclaim"}, {"POST", "history/process-instance"}, {"PUT", "job/4/retries"},
                {"POST", "job/4/execute"}, {"DELETE", "task/1"}, {"POST", "task/1/comment/create"},
                {"POST", "task/1/attachment/create"}, {"PUT", "task/1/variables/x"},
                {"DELETE", "group/qa-manager/members/sarah"}, {"DELETE", "group/contractors"}, {"POST", "user/create"},
                {"PUT", "user/sarah/credentials"}, {"POST", "deployment/d1/resources"},
                {"POST", "process-instance/7/comment/create"}, {"GET", "operation-log"}, {"GET", "incident/i1"},
                {"GET", "job/4"}, {"DELETE", "batch/b1"}, {"GET", "metrics/task-worker"}}) {
            assertThat(EngineResources.refusedToEveryone(call[0], call[1])).as(call[0] + " " + call[1]).isNull();
        }
    }
}
