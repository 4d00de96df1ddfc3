package org.lotflow.expiry;

import org.lotflow.expiry.internal.process.ExpiryMonitoringVariables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, input 4: "only one open expiry review" is kept by a lock, not by a query then an insert.
 * 32 expiryMonitoring runs whose jobs execute at the same moment leave exactly one open review.
 */
public abstract class ExpiryRunsRace {

    @Autowired
    protected TestClient api;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected org.camunda.bpm.engine.IdentityService identityService;

    @Test
    void runsAtTheSameMomentOpenOneReview() throws Exception {
        String sku = api.createProduct("EXP");
        assertThat(api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", new BigDecimal("5"),
                "manufactureDate", "2024-06-01", "expirationDate", "2025-03-01", "location", "A")).status())
                .isEqualTo(201);
        api.executeJobs();
        int runs = 32;
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            String pi = runtimeService.startProcessInstanceByKey(ExpiryMonitoringVariables.PROCESS_KEY).getId();
            jobs.add(managementService.createJobQuery().processInstanceId(pi).singleResult().getId());
        }
        ExecutorService pool = Executors.newFixedThreadPool(runs);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String job : jobs) {
                done.add(pool.submit(() -> {
                    start.await();
                    managementService.executeJob(job);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        var open = taskService.createTaskQuery().processDefinitionKey(ExpiryMonitoringVariables.PROCESS_KEY)
                .taskDefinitionKey(ExpiryMonitoringVariables.TASK_REVIEW).list();
        assertThat(open).hasSize(1);
        // the review is done, so the other tests of this context start without one open
        identityService.setAuthentication("tom", List.of("sales"));
        try {
            taskService.complete(open.get(0).getId(), Map.of("reviewNote", "Reviewed after the concurrent runs"));
        } finally {
            identityService.clearAuthentication();
        }
    }
}
