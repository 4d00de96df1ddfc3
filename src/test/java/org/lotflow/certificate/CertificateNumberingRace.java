package org.lotflow.certificate;

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
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Certificates are numbered once, also when lots are released at the same moment (issue #13): the
 * {@code releaseLot} jobs of twelve approved lots run at once, each in its own transaction and thread
 * (as the job executor or several cluster nodes would run them); each issues its certificate under the
 * {@code certificate-sequence} lock, so all succeed with twelve distinct numbers of one year, without a gap.
 */
public abstract class CertificateNumberingRace {

    @Autowired
    protected TestClient api;

    @Autowired
    protected ManagementService managementService;

    @Autowired
    protected RuntimeService runtimeService;

    @Test
    void twelveReleasesAtOnceGetTwelveDistinctConsecutiveCertificateNumbers() throws Exception {
        String sku = api.createProduct("COASEQ");
        int lots = 12;
        List<String> lotNumbers = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < lots; i++) {
            String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-20");
            lotNumbers.add(lot);
            Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                    List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
            assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
            String task = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                    + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
            assertThat(api.post("jennifer", "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                    "approved", Map.of("value", true), "comment", Map.of("value", "all specifications met"))))
                    .status()).isEqualTo(204);
            String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                    .processDefinitionKey("lotRelease").singleResult().getId();
            List<Job> pending = managementService.createJobQuery().processInstanceId(instance).executable().list();
            assertThat(pending).as("the release step of " + lot + " waits as a job").hasSize(1);
            jobs.add(pending.get(0));
        }

        ExecutorService pool = Executors.newFixedThreadPool(lots);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Job job : jobs) {
                runs.add(pool.submit(() -> {
                    start.await();
                    managementService.executeJob(job.getId());
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<Integer> seqs = new ArrayList<>();
        for (String lot : lotNumbers) {
            Response coa = api.get("tom", "/api/lots/" + lot + "/coa");
            assertThat(coa.status()).as(coa.toString()).isEqualTo(200);
            CertificateNumber number = CertificateNumber.parse("coaNumber", coa.json().get("coaNumber").asText());
            assertThat(number.year()).isEqualTo(2025);
            seqs.add(number.seq());
        }
        assertThat(seqs).doesNotHaveDuplicates();
        int first = seqs.stream().min(Integer::compare).orElseThrow();
        assertThat(seqs).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(first, first + lots).boxed().toList());
    }
}
