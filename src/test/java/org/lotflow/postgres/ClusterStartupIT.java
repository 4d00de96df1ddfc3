package org.lotflow.postgres;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lotflow.LotflowApplication;
import org.lotflow.support.PostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A homogeneous cluster: two lotflow nodes started at the same moment on one empty PostgreSQL
 * database. Flyway creates the schema (Camunda's included) once under its lock, the processes are
 * deployed once, the demo data is seeded once, the first administrator from the environment
 * ({@code lotflow.admin.*}) is created once, and a lot created on one node is released with tasks
 * completed on the other while both job executors run.
 */
@Tag("postgres")
class ClusterStartupIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String DB = "lotflow_cluster_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    static String url;
    static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    static final String ADMIN_PASSWORD = "Cluster!Adm1n";

    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        url = PostgresDatabase.create(DB);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ConfigurableApplicationContext>> starting = new ArrayList<>();
            for (String node : List.of("node1", "node2")) {
                Callable<ConfigurableApplicationContext> start = () -> new SpringApplicationBuilder(LotflowApplication.class)
                        .profiles("postgres")
                        // command-line arguments: they outrank application-postgres.yml, as in production
                        .run("--server.port=0", "--spring.datasource.url=" + url,
                                "--spring.datasource.username=postgres", "--spring.datasource.password=",
                            PostgresDatabase.CLUSTER_MAC_KEY,
                                "--lotflow.demo-data=true", "--lotflow.today=2025-01-28",
                                "--lotflow.admin.user=root", "--lotflow.admin.password=" + ADMIN_PASSWORD,
                                "--camunda.bpm.process-engine-name=" + node,
                                "--camunda.bpm.job-execution.enabled=true",
                                "--camunda.bpm.generic-properties.properties.loginDelayBase=0",
                                "--spring.jmx.enabled=false");
                starting.add(pool.submit(start));
            }
            for (Future<ConfigurableApplicationContext> f : starting) {
                nodes.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
    }

    @AfterAll
    static void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        PostgresDatabase.drop(DB);
    }

    @Test
    void bothNodesShareOneSchemaOneDeploymentAndOneSetOfDemoData() throws Exception {
        assertThat(nodes).hasSize(2);
        for (int i = 0; i < 2; i++) {
            assertThat(http(i, "GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE NOT success")).isZero();
        assertThat(count("SELECT count(*) FROM act_re_procdef WHERE key_ = 'lotRelease'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM act_re_deployment")).isEqualTo(1);
        // the eight demo users and the configured administrator, created once by the two nodes
        assertThat(count("SELECT count(*) FROM act_id_user")).isEqualTo(9);
        assertThat(count("SELECT count(*) FROM act_id_membership WHERE user_id_ = 'root' AND group_id_ = 'camunda-admin'"))
                .isEqualTo(1);
        for (int i = 0; i < 2; i++) {
            assertThat(http(i, "GET", "/actuator/metrics", "root:" + ADMIN_PASSWORD, null).statusCode()).isEqualTo(200);
        }
        assertThat(count("SELECT count(*) FROM lot WHERE lot_number LIKE 'IL250-%'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM act_ru_filter")).isEqualTo(count("SELECT count(DISTINCT name_) FROM act_ru_filter"));
    }

    @Test
    void aLotCreatedOnOneNodeIsReleasedThroughTheOther() throws Exception {
        String sku = "CL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(http(0, "POST", "/api/products", "mike", """
                {"sku":"%s","name":"Cluster test","unit":"kg","shelfLifeMonths":12,"lotNumberPattern":"%s-{yyyy}-{seq:3}",
                 "specs":[{"test":"purity","unit":"%%","min":99}]}""".formatted(sku, sku)).statusCode()).isEqualTo(201);
        HttpResponse<String> created = http(1, "POST", "/api/lots", "mike", """
                {"sku":"%s","quantity":100,"manufactureDate":"2025-01-20","location":"Plant 2"}""".formatted(sku));
        assertThat(created.statusCode()).isEqualTo(201);
        String lot = JSON.readTree(created.body()).get("lotNumber").asText();

        assertThat(http(0, "POST", "/api/lots/" + lot + "/lab-results", "sarah",
                "{\"results\":[{\"test\":\"purity\",\"value\":99.5}]}").statusCode()).isEqualTo(200);
        // in one JVM the two engines need names of their own; a real node (one per JVM) is "default"
        JsonNode tasks = JSON.readTree(http(1, "GET", "/engine-rest/engine/node2/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease", "jennifer", null).body());
        assertThat(tasks).hasSize(1);
        assertThat(http(1, "POST", "/engine-rest/engine/node2/task/" + tasks.get(0).get("id").asText() + "/complete", "jennifer",
                "{\"variables\":{\"approved\":{\"value\":true},\"comment\":{\"value\":\"cluster ok\"}}}").statusCode())
                .isEqualTo(204);

        // the release step is an async save point: whichever node's job executor takes it
        String status = null;
        for (long until = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < until; Thread.sleep(250)) {
            status = JSON.readTree(http(0, "GET", "/api/lots/" + lot, "mike", null).body()).get("status").asText();
            if ("RELEASED".equals(status)) {
                break;
            }
        }
        assertThat(status).isEqualTo("RELEASED");
        assertThat(JSON.readTree(http(1, "GET", "/api/lots/" + lot + "/history", "mike", null).body()))
                .extracting(e -> e.get("type").asText())
                .containsExactly("CREATED", "LAB_RESULTS_RECORDED", "RELEASE_APPROVED", "STATUS_CHANGED",
                        "CERTIFICATE_ISSUED");
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static HttpResponse<String> http(int node, String method, String path, String user, String body)
            throws Exception {
        int port = ((WebServerApplicationContext) nodes.get(node)).getWebServer().getPort();
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (user != null) {
            String login = user.contains(":") ? user : user + ":" + user;
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(login.getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
