import java.net.URI;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
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
 * <p>Each client is one blocking HTTP/1.1 keep-alive socket ({@link Connection}): the driver shares the two
 * cores with lotflow and PostgreSQL, and the JDK's {@code HttpClient} (a selector thread and futures per
 * call) cost 2.5 ms of CPU per order, as much as PostgreSQL's own work; this one costs a few per cent of it.
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
        URI uri = URI.create(base);
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
                Random random = new Random(client);
                Connection http = null;
                int i;
                while ((i = next.getAndIncrement()) < orders) {
                    String body = String.format("{\"orderNumber\":\"%s-%07d\",\"customer\":\"Customer %05d\","
                            + "\"sku\":\"%s\",\"quantity\":%d}", prefix, i, 1 + random.nextInt(20000),
                            skus[random.nextInt(skus.length)], 10 + random.nextInt(391));
                    long s = System.nanoTime();
                    int status;
                    try {
                        if (http == null) {
                            http = new Connection(uri.getHost(), uri.getPort());
                        }
                        Connection.Answer r = http.post("/api/orders", auth, body);
                        status = r.status();
                        if (status != 201) {
                            firstError.putIfAbsent(status, r.body());
                        }
                        if (r.closed()) {
                            http.close();
                            http = null;
                        }
                    } catch (Exception e) {
                        status = -1;
                        firstError.putIfAbsent(-1, e.toString());
                        if (http != null) {
                            http.close();
                            http = null;
                        }
                    }
                    ms[i] = (System.nanoTime() - s) / 1e6;
                    statuses.computeIfAbsent(status, k -> new AtomicInteger()).incrementAndGet();
                }
                if (http != null) {
                    http.close();
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

    /** One HTTP/1.1 keep-alive connection: requests with a body, answers read by Content-Length or chunks. */
    static final class Connection {
        record Answer(int status, String body, boolean closed) {
        }

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final String host;

        Connection(String host, int port) throws IOException {
            this.host = host + ":" + port;
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16384);
            out = socket.getOutputStream();
        }

        Answer post(String path, String authorization, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: " + authorization
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                    + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, request, h.length, body.length);
            out.write(request);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            boolean closed = false;
            for (String l = line(); !l.isEmpty(); l = line()) {
                String lower = l.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closed = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    answer.write(in.readNBytes(size));
                    line();
                }
                line();
            } else if (length >= 0) {
                answer.write(in.readNBytes(length));
            }
            return new Answer(status, answer.toString(StandardCharsets.UTF_8), closed);
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do
            }
        }
    }
}
