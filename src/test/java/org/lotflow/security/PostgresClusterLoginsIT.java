package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lotflow.LotflowApplication;
import org.lotflow.support.PostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logins on a two-node cluster (race28 F1, F2): node A ({@code node1}) and node B ({@code node2}) on one PostgreSQL
 * database, started one after the other (in one JVM each engine needs a name of its own, as in {@code ClusterStartupIT}).
 * An identity change made on A is in force on B at once, although B keeps the user's HTTP Basic login
 * ({@link CredentialCache}); two first failures of one pair counted on the two nodes at the same moment are two.
 */
@Tag("postgres")
class PostgresClusterLoginsIT {

    static final String DB = "lotflow_logins_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    static String url;
    static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @BeforeAll
    static void startTwoNodes() {
        url = PostgresDatabase.create(DB);
        for (String node : List.of("node1", "node2")) {
            nodes.add(new SpringApplicationBuilder(LotflowApplication.class).profiles("postgres")
                    .run("--server.port=0", "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres", "--spring.datasource.password=",
                            PostgresDatabase.CLUSTER_MAC_KEY,
                            "--lotflow.demo-data=true", "--lotflow.today=2025-01-28",
                            "--camunda.bpm.process-engine-name=" + node,
                            "--camunda.bpm.job-execution.enabled=false",
                            "--camunda.bpm.generic-properties.properties.loginDelayBase=0",
                            "--spring.jmx.enabled=false"));
        }
    }

    @AfterAll
    static void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        PostgresDatabase.drop(DB);
    }

    /**
     * Audit29 F4 on the two nodes: given the same record seal key by configuration, each verifies the other's events; a
     * row inserted by SQL is named by the other node's check and never sealed; a node with another key is refused at
     * its key's check (the key bean itself: a failed Spring Boot start inside this JVM would disturb the other
     * contexts of the test JVM). Moved here from its own class, whose two extra in-JVM nodes ran before the webapp
     * session tests of the shared PostgreSQL context and ended their sessions.
     */
    @Test
    void nodesShareOneRecordSealKeyAndAnotherKeyIsRefused() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = nodes.get(0)
                .getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event WHERE mac IS NULL", Long.class)).isZero();
        org.lotflow.history.AuditTrail.Verification onB = nodes.get(1).getBean(org.lotflow.history.AuditTrail.class)
                .check("system");
        assertThat(onB.intact()).as(String.valueOf(onB.firstBroken())).isTrue();
        assertThat(onB.events()).as("node 1's demo data").isPositive();

        long lot = jdbc.queryForObject("SELECT MIN(lot_id) FROM lot_event", Long.class);
        jdbc.update("INSERT INTO lot_event (lot_id, at, type, user_id, user_name, reason, detail) VALUES (?,"
                + " CURRENT_TIMESTAMP, 'RELEASE_APPROVED', 'anna', 'Anna Kowalski', 'ok', '{\"approved\":true}')", lot);
        long forged = jdbc.queryForObject("SELECT MAX(id) FROM lot_event", Long.class);
        org.lotflow.history.AuditTrail.Verification broken = nodes.get(1)
                .getBean(org.lotflow.history.AuditTrail.class).check("system");
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBroken().eventId()).isEqualTo(forged);
        assertThat(broken.firstBroken().problem()).contains("event " + forged + " of lot ").contains(
                "(RELEASE_APPROVED) was not written by lotflow: its record seal does not match");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", Long.class, forged))
                .isZero();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new org.lotflow.history.internal.chain.AuditMacKey(
                jdbc, java.time.Clock.systemUTC(), "YW5vdGhlciBub2RlJ3Mga2V5LCBub3QgdGhlIGNsdXN0ZXIncyBrZXkhISE=",
                "unused")).hasMessageContaining("is not the key this database's audit trail is sealed with");
    }

    @Test
    void aRoleRemovedOnOneNodeIsGoneOnTheOtherAtOnce() throws Exception {
        CredentialCache cacheOfB = nodes.get(1).getBean(CredentialCache.class);
        assertThat(http(1, "GET", "/api/orders", "tom:tom", null).statusCode()).isEqualTo(200);
        assertThat(http(1, "GET", "/api/orders", "tom:tom", null).statusCode()).isEqualTo(200);
        assertThat(cacheOfB.find("tom", "tom")).as("node B keeps tom's login").isNotNull();
        assertThat(http(1, "POST", "/api/orders", "tom:tom", order("F1-BEFORE")).statusCode()).isEqualTo(201);

        assertThat(http(0, "DELETE", "/engine-rest/engine/node1/group/sales/members/tom", "demo:demo", null)
                .statusCode()).isEqualTo(204);
        try {
            assertThat(http(1, "POST", "/api/orders", "tom:tom", order("F1-AFTER")).statusCode())
                    .as("node B, right after node A removed tom from sales").isEqualTo(403);
            assertThat(count("SELECT count(*) FROM sales_order WHERE order_number = 'F1-AFTER'")).isZero();
        } finally {
            assertThat(http(0, "PUT", "/engine-rest/engine/node1/group/sales/members/tom", "demo:demo", null)
                    .statusCode()).isEqualTo(204);
        }
        assertThat(http(1, "POST", "/api/orders", "tom:tom", order("F1-BACK")).statusCode())
                .as("and back in sales on node B at once").isEqualTo(201);
    }

    @Test
    void aPasswordChangeAndADeletionOnOneNodeCountOnTheOtherAtOnce() throws Exception {
        IdentityService identityOfA = nodes.get(0).getBean(IdentityService.class);
        User user = identityOfA.newUser("f1gone");
        user.setPassword("First-Password-1");
        identityOfA.saveUser(user);
        identityOfA.createMembership("f1gone", "sales");
        assertThat(http(1, "GET", "/api/orders", "f1gone:First-Password-1", null).statusCode()).isEqualTo(200);
        assertThat(http(1, "GET", "/api/orders", "f1gone:First-Password-1", null).statusCode()).isEqualTo(200);

        User saved = identityOfA.createUserQuery().userId("f1gone").singleResult();
        saved.setPassword("Second-Password-2");
        identityOfA.saveUser(saved);
        assertThat(http(1, "GET", "/api/orders", "f1gone:First-Password-1", null).statusCode())
                .as("the old password on node B").isEqualTo(401);
        assertThat(http(1, "GET", "/api/orders", "f1gone:Second-Password-2", null).statusCode()).isEqualTo(200);
        assertThat(http(1, "GET", "/api/orders", "f1gone:Second-Password-2", null).statusCode()).isEqualTo(200);

        identityOfA.deleteUser("f1gone");
        assertThat(http(1, "GET", "/api/orders", "f1gone:Second-Password-2", null).statusCode())
                .as("a user deleted on node A, on node B").isEqualTo(401);
    }

    /**
     * The first failures of one user id and address counted on both nodes at the same moment: node A's insert of the
     * pair's row is not committed yet when node B counts, so B must wait for it and count on it; before the fix B's
     * insert failed with a duplicate key and its retry with "current transaction is aborted" (25P02).
     */
    @Test
    void twoFirstFailuresOfOnePairOnTwoNodesAreTwo() throws Exception {
        String userId = "f2-" + UUID.randomUUID().toString().substring(0, 8);
        String client = "203.0.113.7";
        Instant at = Instant.now();
        LoginThrottle throttleOfA = nodes.get(0).getBean(LoginThrottle.class);
        LoginThrottle throttleOfB = nodes.get(1).getBean(LoginThrottle.class);
        TransactionTemplate txOfA = new TransactionTemplate(nodes.get(0).getBean(PlatformTransactionManager.class));
        TransactionTemplate txOfB = new TransactionTemplate(nodes.get(1).getBean(PlatformTransactionManager.class));
        CountDownLatch aCounted = new CountDownLatch(1);
        CountDownLatch aMayCommit = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = pool.submit(() -> txOfA.executeWithoutResult(s -> {
                throttleOfA.countFailure(userId, client, at);
                aCounted.countDown();
                try {
                    aMayCommit.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(aCounted.await(30, TimeUnit.SECONDS)).isTrue();
            Future<?> b = pool.submit(() -> txOfB.executeWithoutResult(s -> throttleOfB.countFailure(userId, client, at)));
            for (int i = 0; i < 100 && count("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + DB
                    + "' AND wait_event_type = 'Lock'") == 0; i++) {
                Thread.sleep(100);
            }
            assertThat(count("SELECT count(*) FROM pg_stat_activity WHERE datname = '" + DB
                    + "' AND wait_event_type = 'Lock'")).as("node B waits for node A's row").isEqualTo(1);
            aMayCommit.countDown();
            a.get(30, TimeUnit.SECONDS);
            b.get(30, TimeUnit.SECONDS);
        } finally {
            aMayCommit.countDown();
            pool.shutdown();
        }
        assertThat(count("SELECT failures FROM login_throttle WHERE user_id = '" + userId + "' AND client = '"
                + client + "'")).isEqualTo(2);
    }

    private static String order(String number) {
        return """
                {"orderNumber":"%s","customer":"Cluster Logins Works","sku":"IL-250-55GAL","quantity":1}"""
                .formatted(number);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> http(int node, String method, String path, String login, String body)
            throws Exception {
        int port = ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(login.getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
