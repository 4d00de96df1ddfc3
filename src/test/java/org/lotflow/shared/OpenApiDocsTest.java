package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * {@code /v3/api-docs} describes every {@code /api} operation well enough for a generated client
 * (issue #12): a summary, a 2xx answer with a schema, RFC 9457 problem+json answers for its 4xx, and
 * the HTTP Basic security requirement. And the description tells the truth where it can be checked
 * cheaply: a refusal the docs promise really comes as problem+json with that status.
 */
@ApiTest
class OpenApiDocsTest {

    static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

    @Autowired
    TestClient api;

    static JsonNode docs;

    @BeforeAll
    static void reset() {
        docs = null;
    }

    JsonNode docs() {
        if (docs == null) {
            Response r = api.get("tom", "/v3/api-docs");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            docs = r.json();
        }
        return docs;
    }

    record Op(String method, String path, JsonNode node) {
        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs().get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(m -> {
                if (METHODS.contains(m.getKey())) {
                    ops.add(new Op(m.getKey(), path.getKey(), m.getValue()));
                }
            });
        }
        return ops;
    }

    /** The README's Swagger UI and the Console's two webjars are served (with the resource chain off). */
    @Test
    void swaggerUiAndTheConsolesScriptsAreServed() {
        TestClient.Binary ui = api.download("tom", "/swagger-ui/index.html", "text/html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui");
        assertThat(api.download("tom", "/swagger-ui.html", "text/html").status()).isIn(200, 302);
        for (String script : new String[] {"/webjars/htmx.org/2.0.4/dist/htmx.min.js",
                "/webjars/echarts/5.3.1/dist/echarts.min.js"}) {
            TestClient.Binary js = api.download("tom", script, "*/*");
            assertThat(js.status()).as(script).isEqualTo(200);
            assertThat(js.contentType()).as(script).contains("javascript");
            assertThat(js.body().length).as(script).isGreaterThan(10_000);
        }
    }

    @Test
    void theDocsNeedALoginLikeTheApi() {
        assertThat(api.call(null, null, HttpMethod.GET, "/v3/api-docs", null, "application/json").status()).isEqualTo(401);
    }

    @Test
    void everyApiOperationIsDescribed() {
        List<Op> ops = operations();
        // every controller mapping under /api (27 operations when this test was written)
        assertThat(ops).hasSizeGreaterThanOrEqualTo(27);
        assertThat(ops).allSatisfy(op -> assertThat(op.path()).startsWith("/api/"));
        assertThat(ops.stream().map(Op::toString)).containsAll(ApiDocumentation.OPERATIONS.keySet());
        for (Op op : ops) {
            JsonNode o = op.node();
            assertThat(o.path("summary").asText()).as(op + " summary").isNotBlank();
            assertThat(o.path("security").toString()).as(op + " security").contains(ApiDocumentation.BASIC_AUTH);

            JsonNode responses = o.get("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(op + " answers").anyMatch(s -> s.startsWith("2")).contains("401", "429");
            responses.fields().forEachRemaining(r -> {
                JsonNode content = r.getValue().path("content");
                if (r.getKey().startsWith("2")) {
                    assertThat(content.size()).as(op + " " + r.getKey() + " has content").isPositive();
                    content.forEach(media -> assertThat(media.has("schema")).as(op + " " + r.getKey() + " schema").isTrue());
                } else {
                    assertThat(r.getKey()).as(op + " only 2xx and 4xx").startsWith("4");
                    assertThat(content.path("application/problem+json").path("schema").path("$ref").asText())
                            .as(op + " " + r.getKey()).isEqualTo("#/components/schemas/ProblemDetail");
                    assertThat(r.getValue().path("description").asText()).isNotBlank();
                }
            });
            boolean body = o.has("requestBody");
            boolean query = false;
            for (JsonNode p : o.path("parameters")) {
                query |= "query".equals(p.path("in").asText());
            }
            if (body || query) {
                assertThat(statuses).as(op + " takes input").contains("400");
            }
            if (body) {
                assertThat(o.path("requestBody").path("content").path("application/json").has("schema"))
                        .as(op + " request schema").isTrue();
                assertThat(statuses).as(op + " has a body").contains("413");
            }
        }
    }

    @Test
    void httpBasicIsTheSchemeAndProblemDetailFollowsRfc9457() {
        JsonNode scheme = docs().at("/components/securitySchemes/basicAuth");
        assertThat(scheme.path("type").asText()).isEqualTo("http");
        assertThat(scheme.path("scheme").asText()).isEqualTo("basic");
        assertThat(docs().path("security").toString()).contains("basicAuth");
        JsonNode problem = docs().at("/components/schemas/ProblemDetail/properties");
        assertThat(problem.fieldNames()).toIterable().contains("type", "title", "status", "detail", "instance", "field");
    }

    @Test
    void successStatusesAreTheOnesTheControllersAnswer() {
        JsonNode paths = docs().get("paths");
        assertThat(paths.at("/~1api~1products/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1products/post/responses").has("200")).isFalse();
        assertThat(paths.at("/~1api~1lots~1{lotNumber}~1holds/post/responses").has("202")).isTrue();
        assertThat(paths.at("/~1api~1orders~1{orderNumber}~1shipments/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1orders~1{orderNumber}~1shipments/post/responses").has("200")).isTrue();
        assertThat(paths.at("/~1api~1lots~1{lotNumber}~1trace/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(paths.at("/~1api~1receipts/post/responses").has("201")).isTrue();
        assertThat(paths.at("/~1api~1receipts/post/responses").has("200")).isFalse();
        assertThat(paths.at("/~1api~1traceability~1fsma204/get/responses/200/content").has("text/csv")).isTrue();
        assertThat(paths.at("/~1api~1traceability~1fsma204/get/responses").has("400")).isTrue();
    }

    @Test
    void documentedRefusalsComeAsProblemsWithThatStatus() {
        // 403: tom (sales) may not create a product; 404: an unknown lot; 409: a product that exists;
        // 400 naming the field: a lot list with an unknown status; 401: no login
        Response forbidden = api.post("tom", "/api/products", Map.of("sku", "X-1", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X1-{seq:3}", "specs",
                List.of(Map.of("test", "ph", "min", 6))));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.isProblem()).isTrue();
        Response missing = api.get("tom", "/api/lots/NO-SUCH-LOT-1");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.isProblem()).isTrue();
        Response bad = api.get("tom", "/api/lots?status=SHINY");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().path("field").asText()).isEqualTo("status");
        String sku = api.createProduct("OAD");
        Response conflict = api.post("mike", "/api/products", Map.of("sku", sku, "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "OAD-{seq:3}", "specs",
                List.of(Map.of("test", "ph", "min", 6))));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.isProblem()).isTrue();
    }
}
