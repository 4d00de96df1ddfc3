package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hold (or rejection, or recall) of a source lot committing at the same moment as the release of a lot made from
 * it: the release's step locks its sources' rows before it reads their statuses, so it waits for a status change the
 * other transaction has made but not yet committed, and then sees it: the lot made from the held material is not
 * released. Without that lock the release read the source as RELEASED and committed after the hold (known-open item
 * until 2026-12-07). The other transaction is played here by a connection of the test's own, which changes the
 * source's status under its row lock as {@code LotService.changeStatus} does, and commits once the release waits.
 */
@PostgresApiTest
class PostgresHoldDuringChildReleaseIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    ManagementService management;

    @Test
    void aReleaseWaitsForAHoldOfItsSourceInFlightAndSeesIt() throws Exception {
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String source = f.released(api.createProduct("RMRACE"), "100", "2025-01-02", Map.of());
        String child = f.created(api.createProduct("FINRACE"), "10", "2025-01-10", Map.of(source, "10"));
        Response lab = api.post("sarah", "/api/lots/" + child + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        String task = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + child
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        Response signed = api.post("jennifer", "/engine-rest/task/" + task + "/complete", Map.of("variables",
                Map.of("approved", Map.of("value", true), "comment", Map.of("value", "all specifications met"))));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(204);
        String processInstance = api.get("jennifer", "/engine-rest/process-instance?businessKey=" + child
                + "&processDefinitionKey=lotRelease").json().get(0).get("id").asText();
        List<Job> releaseStep = management.createJobQuery().processInstanceId(processInstance)
                .activityId("releaseLot").list();
        assertThat(releaseStep).as("the signed release of " + child + " waits as a job").hasSize(1);

        StatusChangeInFlight.during(dataSource, jdbc, source, "QUARANTINE",
                () -> {
                    management.executeJob(releaseStep.get(0).getId());
                    return null;
                }, "the release of " + child + " went ahead"
                        + " while a hold of its source " + source + " was in flight");
        assertThat(api.get("tom", "/api/lots/" + child).json().get("status").asText())
                .as(child + " made from " + source + ", held while its release ran").isNotEqualTo("RELEASED");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lot_event e JOIN lot l ON l.id = e.lot_id WHERE"
                + " l.lot_number = ? AND e.new_status = 'RELEASED'", Integer.class, child)).isZero();
        // out of later tests' archiving reviews
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-12-31' WHERE lot_number IN (?, ?)", source, child);
    }
}
