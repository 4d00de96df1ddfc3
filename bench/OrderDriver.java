import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FEFO allocation under load (issue #11, target 2: at least 300 orders/s with 16 clients): {@code clients}
 * threads, each with its own keep-alive connection, place {@code orders} orders through
 * {@code POST /api/orders} as the salesperson {@code tom}, SKUs drawn evenly from {@code skus}, 10 to 400
 * units each, customers from the data set's 20,000. Order numbers start with {@code prefix} so the
 * verification ({@code bench/fefo-verify.sql}) finds this run's orders. Prints orders/s, latency
 * percentiles (ms) and the answers by HTTP status.
 *
 * <pre>java bench/OrderDriver.java http://localhost:18320 RUN1 16 100000 FG-01,FG-02,FG-03</pre>
 */
public class OrderDriver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String prefix = args[1];
        int clients = Integer.parseInt(args[2]);
        int orders = Integer.parseInt(args[3]);
        String[] skus = args[4].split(",");
        String auth = "Basic " + Base64.getEncoder().encodeToString("tom:tom".getBytes(StandardCharsets.UTF_8));
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        double[] ms = new double[orders];
        Map<Integer, String> firstError = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                HttpClient http = HttpClient.newHttpClient();
                Random random = new Random(client);
                int i;
                while ((i = next.getAndIncrement()) < orders) {
                    String body = String.format("{\"orderNumber\":\"%s-%07d\",\"customer\":\"Customer %05d\","
                            + "\"sku\":\"%s\",\"quantity\":%d}", prefix, i, 1 + random.nextInt(20000),
                            skus[random.nextInt(skus.length)], 10 + random.nextInt(391));
                    long s = System.nanoTime();
                    int status;
                    try {
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/orders"))
                                .header("Authorization", auth).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        status = r.statusCode();
                        if (status != 201) {
                            firstError.putIfAbsent(status, r.body());
                        }
                    } catch (Exception e) {
                        status = -1;
                        firstError.putIfAbsent(-1, e.toString());
                    }
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Arrays.sort(ms);
        System.out.printf("%d orders, %d clients, SKUs %s: %.1f s, %.0f orders/s; latency p50 %.1f ms, p95 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms; answers %s%n", orders, clients, String.join(",", skus), seconds,
                orders / seconds, ms[orders / 2], ms[(int) (orders * 0.95)], ms[(int) (orders * 0.99)],
                ms[orders - 1], new TreeMap<>(statuses));
        firstError.forEach((k, v) -> System.out.println("first " + k + ": " + v));
    }
}
