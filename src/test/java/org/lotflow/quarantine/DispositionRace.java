package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two QA managers signing one held lot's disposition at the same moment (re-test 2026-12-07 24c F5): one signature is
 * recorded, and every other signer is told, 409, which decision was signed by whom and when, and that nothing of
 * theirs was saved; not "changed by someone else at the same time; reload". 8 signatures at once, Jennifer's and
 * Anna's alternately.
 */
public abstract class DispositionRace {

    private static final int CLIENTS = 8;

    @Autowired
    protected TestClient api;
    @Autowired
    protected JdbcTemplate jdbc;

    @Test
    void ofManySignaturesAtOnceOneIsRecordedAndTheOthersAreToldWhoDecided() throws Exception {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String lot = api.releasedLot(api.createProduct("QRACE"), new BigDecimal("500"), "2024-11-15");
        assertThat(q.hold("sarah", lot, "Customer reports dark colour").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                String signer = i % 2 == 0 ? "jennifer" : "anna";
                futures.add(pool.submit(() -> {
                    start.await();
                    return q.dispose(signer, lot, Map.of("decision", "REJECT", "justification",
                            "Dark colour confirmed on the retained sample", "password", signer));
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers.stream().filter(r -> r.status() == 200)).as(answers.toString()).hasSize(1);
            Response won = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
            String winner = won.json().get("signedBy").asText();
            String name = Map.of("jennifer", "Jennifer Lee (jennifer)", "anna", "Anna Kowalski (anna)").get(winner);
            for (Response r : answers) {
                if (r.status() != 200) {
                    assertThat(r.status()).as(r.toString()).isEqualTo(409);
                    assertThat(r.isProblem()).as(r.toString()).isTrue();
                    assertThat(r.json().get("detail").asText()).as(r.toString())
                            .startsWith("The disposition of lot " + lot + " was decided: reject, signed by ")
                            .contains(name).contains(" UTC").endsWith("; nothing of yours was saved");
                    assertThat(r.json().get("stage").asText()).isEqualTo("DECIDED");
                }
            }
            // and one signing a moment later is told the same, before and after the outcome ended the hold (re-test 25 R5)
            Response late = q.dispose("anna", lot, Map.of("decision", "RELEASE", "justification", "late",
                    "password", "anna"));
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.json().get("detail").asText()).startsWith("The disposition of lot " + lot
                    + " was decided: reject, signed by " + name + " at ").endsWith("; nothing of yours was saved");
            api.executeJobs();
            Response later = q.dispose("anna", lot, Map.of("decision", "RELEASE", "justification", "late",
                    "password", "anna"));
            assertThat(later.status()).isEqualTo(409);
            assertThat(later.json().get("detail").asText()).startsWith("The disposition of lot " + lot
                    + " was decided: reject, signed by " + name + " at ").endsWith("; the lot is not held now and"
                            + " there is no disposition to decide; nothing of yours was saved");
            assertThat(q.history(lot).findValuesAsText("type").stream().filter("DISPOSITION_SIGNED"::equals))
                    .hasSize(1);
            assertThat(jdbc.queryForObject("SELECT decided_by FROM lot_hold h JOIN lot l ON l.id = h.lot_id"
                    + " WHERE l.lot_number = ?", String.class, lot)).isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }
}
