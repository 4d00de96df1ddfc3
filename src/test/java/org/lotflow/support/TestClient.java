package org.lotflow.support;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Calls the real HTTP API as a demo user and drives the engine's jobs. Answers are
 * {@link Response}s with status, content type and the body as JSON (or text).
 */
@TestComponent
public class TestClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    @Lazy
    private ManagementService managementService;

    @Autowired
    private org.springframework.core.env.Environment environment;

    public int port() {
        return environment.getRequiredProperty("local.server.port", Integer.class);
    }

    /**
     * One HTTP/1.1 client for every test in the JVM, its connections kept alive between calls (as a plant's
     * scripts and browsers keep them): a client and a connection per call spent a tenth of the H2 test JVM's
     * CPU on building message converters, selector threads and TCP handshakes (JFR, 2026-12-05).
     */
    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .connectTimeout(java.time.Duration.ofSeconds(10)).build();

    /** The REST client on this context's port (built once: its message converters are costly to build). */
    private volatile RestClient rest;

    private RestClient rest() {
        RestClient client = rest;
        if (client == null) {
            client = RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(HTTP))
                    .baseUrl("http://localhost:" + port()).build();
            rest = client;
        }
        return client;
    }

    public record Response(int status, String contentType, String text) {
        public JsonNode json() {
            try {
                return text == null || text.isEmpty() ? JSON.nullNode() : JSON.readTree(text);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + text;
        }
    }

    /** A request as {@code user} (password = user id, as the demo users have). */
    public Response call(String user, HttpMethod method, String path, Object body) {
        return call(user, user, method, path, body, MediaType.APPLICATION_JSON_VALUE);
    }

    public Response call(String user, String password, HttpMethod method, String path, Object body, String accept) {
        RestClient.RequestBodySpec spec = rest().method(method).uri(path)
                .header(HttpHeaders.ACCEPT, accept + ", application/problem+json");
        if (user != null) {
            spec = spec.headers(h -> h.setBasicAuth(user, password));
        }
        if (body != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON)
                    .body(body instanceof String s ? s : write(body));
        }
        return spec.exchange((request, response) -> new Response(response.getStatusCode().value(),
                response.getHeaders().getContentType() == null ? null : response.getHeaders().getContentType().toString(),
                new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A request as {@code user} with a body of exactly this content type (say, XML where JSON is read). */
    public Response send(String user, HttpMethod method, String path, String body, String contentType) {
        return rest().method(method).uri(path).header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
                .headers(h -> h.setBasicAuth(user, user)).contentType(MediaType.parseMediaType(contentType)).body(body)
                .exchange((request, response) -> new Response(response.getStatusCode().value(),
                        response.getHeaders().getContentType() == null ? null
                                : response.getHeaders().getContentType().toString(),
                        new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A binary answer (a PDF, say): status, content type and the body's bytes as sent. */
    public record Binary(int status, String contentType, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A GET as {@code user} with exactly this {@code Accept} header, the body kept as bytes. */
    public Binary download(String user, String path, String accept) {
        return rest().get().uri(path)
                .header(HttpHeaders.ACCEPT, accept).headers(h -> h.setBasicAuth(user, user))
                .exchange((request, response) -> new Binary(response.getStatusCode().value(),
                        response.getHeaders().getContentType() == null ? null
                                : response.getHeaders().getContentType().toString(),
                        response.getBody().readAllBytes()));
    }

    public Response get(String user, String path) {
        return call(user, HttpMethod.GET, path, null);
    }

    public Response post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * A second QA manager besides jennifer, for four-eyes steps ({@value #SECOND_QA_MANAGER}, password = user id,
     * as the demo users have). Administrators do not act as QA managers, so the tests need a real one.
     */
    public String secondQaManager() {
        return ensureUser(SECOND_QA_MANAGER, "Anna", "Kowalski", "qa-manager");
    }

    /** The user, made by lotflow itself (no request: their password counts as their own) when the demo data has none. */
    private String ensureUser(String id, String firstName, String lastName, String group) {
        org.camunda.bpm.engine.IdentityService identities = identityService;
        if (identities.createUserQuery().userId(id).count() == 0) {
            org.camunda.bpm.engine.identity.User user = identities.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(id);
            identities.saveUser(user);
            identities.createMembership(id, group);
        }
        return id;
    }

    /** The user id of {@link #secondQaManager()}. */
    /** A JSON body of name-value pairs that may hold nulls ({@code Map.of} takes none): {@code body("a", 1, "b", null)}. */
    public static java.util.Map<String, Object> body(Object... nameValue) {
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            body.put((String) nameValue[i], nameValue[i + 1]);
        }
        return body;
    }

    public static final String SECOND_QA_MANAGER = "anna";

    /**
     * A second administrator besides demo ({@value #SECOND_ADMINISTRATOR}, password = user id), for what needs another
     * administrator than the one who acted (a signer's identity confirmed after demo set their password).
     */
    public String secondAdministrator() {
        return ensureUser(SECOND_ADMINISTRATOR, "Oliver", "Admin", "camunda-admin");
    }

    /** The user id of {@link #secondAdministrator()}. */
    public static final String SECOND_ADMINISTRATOR = "oliver";

    @Autowired
    @Lazy
    private org.camunda.bpm.engine.IdentityService identityService;

    /** Runs every due job (async continuations, timers already due) until none is left. */
    public void executeJobs() {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = managementService.createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                managementService.executeJob(job.getId());
            }
        }
        throw new AssertionError("jobs keep coming after 50 rounds");
    }

    /**
     * A product of its own for one test, counted in drums (whole numbers only, {@code WholeUnits}): unique SKU,
     * pattern {@code <prefix>-{yyyy}-{seq:3}}.
     */
    public String createProduct(String prefix) {
        return createProduct(prefix, "drums");
    }

    /**
     * As {@link #createProduct(String)}, in {@code unit}: a measure such as {@code kg} or {@code L} where a test means
     * a fraction (a count of packages takes whole numbers only).
     */
    public String createProduct(String prefix, String unit) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response r = post("mike", "/api/products", Map.of("sku", sku, "name", "Test product " + sku, "unit", unit,
                "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "flashPoint", "unit", "°C", "min", 220))));
        if (r.status() != 201) {
            throw new AssertionError("product not created: " + r);
        }
        return sku;
    }

    /** Creates a lot as mike and returns its lot number. */
    public String createLot(String sku, BigDecimal quantity, String manufactureDate) {
        Response r = post("mike", "/api/lots", Map.of("sku", sku, "quantity", quantity, "manufactureDate",
                manufactureDate, "location", "Warehouse A, Zone 3"));
        if (r.status() != 201) {
            throw new AssertionError("lot not created: " + r);
        }
        return r.json().get("lotNumber").asText();
    }

    /**
     * Refuses a pending lot's release (sarah records viscosity 250 and flash point 230, jennifer refuses), runs the
     * rejection, and mike confirms its disposal: {@code method} DESTROYED or RETURNED_TO_SUPPLIER, {@code reference}
     * optional.
     */
    public void rejectAndDispose(String lot, String method, String reference) {
        Response recorded = post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230))));
        if (recorded.status() != 200) {
            throw new AssertionError("lab results not recorded: " + recorded);
        }
        String approve = get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        Response refused = post("jennifer", "/engine-rest/task/" + approve + "/complete", Map.of("variables",
                Map.of("approved", Map.of("value", false), "comment", Map.of("value", "Retained sample missing"))));
        if (refused.status() != 204) {
            throw new AssertionError("release not refused: " + refused);
        }
        executeJobs();
        String disposal = get("mike", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=confirmDisposal").json().get(0).get("id").asText();
        if (method.equals("RETURNED_TO_SUPPLIER") && !"yes".equals(get("mike", "/engine-rest/task/" + disposal
                + "/form-variables").json().path("receivedLot").path("value").asText())) {
            throw new AssertionError("the disposal form of received lot " + lot + " does not offer the return");
        }
        Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("disposalMethod", Map.of("value", method));
        vars.put("figuresShown", Map.of("value", figuresShown("mike", disposal)));
        if (reference != null) {
            vars.put("disposalReference", Map.of("value", reference));
        }
        Response done = post("mike", "/engine-rest/task/" + disposal + "/complete", Map.of("variables", vars));
        if (done.status() != 204) {
            throw new AssertionError("disposal not confirmed: " + done);
        }
    }

    /**
     * The {@code figuresVersion} the form of task {@code taskId} shows {@code user} now, which a completion sends back as
     * {@code figuresShown} (the disposal and closing forms do: signed on the figures read).
     */
    public String figuresShown(String user, String taskId) {
        return get(user, "/engine-rest/task/" + taskId + "/form-variables").json().get("figuresVersion").get("value")
                .asText();
    }

    /** Takes a lot through lab release: sarah records passing results, jennifer approves. */
    public void release(String lotNumber) {
        Response lab = post("sarah", "/api/lots/" + lotNumber + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        if (lab.status() != 200) {
            throw new AssertionError("lab results refused: " + lab);
        }
        Response tasks = get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lotNumber
                + "&taskDefinitionKey=approveRelease");
        String taskId = tasks.json().get(0).get("id").asText();
        Response done = post("jennifer", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", true, "type", "Boolean"),
                "comment", Map.of("value", "all specifications met", "type", "String"))));
        if (done.status() != 204) {
            throw new AssertionError("approval refused: " + done);
        }
        executeJobs();
    }

    /** Creates and releases a lot; returns its lot number. */
    public String releasedLot(String sku, BigDecimal quantity, String manufactureDate) {
        String lot = createLot(sku, quantity, manufactureDate);
        release(lot);
        return lot;
    }
}
