import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives lot lifecycles over HTTP as lotflow's demo users would, against lotflow or the bare Camunda
 * baseline (bench/baseline), with a keep-alive HttpClient per client thread.
 *
 * <p>lotflow: mike POST /api/lots; sarah POST /api/lots/{n}/lab-results; jennifer GET
 * /engine-rest/task?...approveRelease and POST /engine-rest/task/{id}/complete (approved, comment).
 * baseline: mike POST /engine-rest/process-definition/key/lotRelease/start; sarah GET the
 * recordLabResults task and POST its submit-form (labResults text, labPassed); jennifer as above.
 * Both end in the asynchronous releaseLot job. A run is over when the engine's history counts every
 * lifecycle's process instance finished (demo, GET /engine-rest/history/process-instance/count).
 *
 * <p>Usage: {@code java bench/LifecycleDriver.java lotflow|baseline http://127.0.0.1:8080 <lifecycles> <clients>}.
 * Prints one line: {@code target clients lifecycles seconds lifecycles_per_s errors}.
 */
public class LifecycleDriver {

    static final Pattern LOT_NUMBER = Pattern.compile("\"lotNumber\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");

    final String target;
    final String base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    LifecycleDriver(String target, String base) {
        this.target = target;
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String target = args[0];
        String base = args[1];
        int lifecycles = Integer.parseInt(args[2]);
        int clients = Integer.parseInt(args[3]);
        LifecycleDriver driver = new LifecycleDriver(target, base);
        String sku = target.equals("lotflow") ? driver.product() : "BASE";
        long before = driver.finished();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                LifecycleDriver own = new LifecycleDriver(target, base);
                while (next.getAndIncrement() < lifecycles) {
                    try {
                        own.lifecycle(sku);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println("lifecycle failed: " + e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long done;
        while ((done = driver.finished() - before) < lifecycles - errors.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (done < lifecycles - errors.get()) {
            System.err.println("only " + done + " of " + lifecycles + " lifecycles finished in time");
            errors.addAndGet((int) (lifecycles - errors.get() - done));
        }
        System.out.printf("%s %d %d %.2f %.2f %d%n", target, clients, lifecycles, seconds, done / seconds, errors.get());
    }

    void lifecycle(String sku) throws Exception {
        String businessKey;
        if (target.equals("lotflow")) {
            String made = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
            String lot = send("mike", "POST", "/api/lots", "{\"sku\":\"" + sku + "\",\"quantity\":100,\"manufactureDate\":\""
                    + made + "\",\"location\":\"Warehouse A, Zone 3\"}", 201);
            businessKey = find(LOT_NUMBER, lot);
            send("sarah", "POST", "/api/lots/" + businessKey + "/lab-results",
                    "{\"results\":[{\"test\":\"viscosity\",\"value\":248},{\"test\":\"flashPoint\",\"value\":225}]}", 200);
        } else {
            businessKey = "BASE-" + UUID.randomUUID();
            send("mike", "POST", "/engine-rest/process-definition/key/lotRelease/start", "{\"businessKey\":\""
                    + businessKey + "\",\"variables\":{\"lotId\":{\"value\":1,\"type\":\"Long\"},\"lotNumber\":{\"value\":\""
                    + businessKey + "\",\"type\":\"String\"}}}", 200);
            String task = find(ID, send("sarah", "GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=recordLabResults", null, 200));
            send("sarah", "POST", "/engine-rest/task/" + task + "/submit-form", "{\"variables\":{"
                    + "\"labResults\":{\"value\":\"viscosity 248 cSt, flashPoint 225 °C\",\"type\":\"String\"},"
                    + "\"labPassed\":{\"value\":true,\"type\":\"Boolean\"}}}", 204);
        }
        String task = find(ID, send("jennifer", "GET", "/engine-rest/task?processInstanceBusinessKey=" + businessKey
                + "&taskDefinitionKey=approveRelease", null, 200));
        send("jennifer", "POST", "/engine-rest/task/" + task + "/complete", "{\"variables\":{"
                + "\"approved\":{\"value\":true,\"type\":\"Boolean\"},"
                + "\"comment\":{\"value\":\"all specifications met\",\"type\":\"String\"}}}", 204);
    }

    String product() throws Exception {
        String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        send("mike", "POST", "/api/products", "{\"sku\":\"" + sku + "\",\"name\":\"Bench " + sku
                + "\",\"unit\":\"drums\",\"shelfLifeMonths\":24,\"lotNumberPattern\":\"" + sku + "-{yyyy}-{seq:5}\","
                + "\"specs\":[{\"test\":\"viscosity\",\"unit\":\"cSt\",\"min\":245,\"max\":255},"
                + "{\"test\":\"flashPoint\",\"unit\":\"°C\",\"min\":220}]}", 201);
        return sku;
    }

    long finished() throws Exception {
        return Long.parseLong(find(COUNT, send("demo", "GET",
                "/engine-rest/history/process-instance/count?processDefinitionKey=lotRelease&finished=true", null, 200)));
    }

    String send(String user, String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " as " + user + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(pattern + " not in " + text);
        }
        return m.group(1);
    }
}
