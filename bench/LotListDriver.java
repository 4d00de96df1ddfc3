import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Times {@code GET /api/lots} on the first and the 200th page of each filter combination (issue #11,
 * target 1: p95 at most 20 ms at 1,000,000 lots). One keep-alive client, as a person paging a list;
 * each page is requested {@code runs} times after 5 warm-up calls; prints p50, p95 and max in ms and the
 * size of the answer.
 *
 * <pre>java [-Ddeep=false] bench/LotListDriver.java http://localhost:18310 tom:tom 50 [runs]</pre>
 */
public class LotListDriver {

    static final String[] FILTERS = {
            "", "sku=FG-01", "sku=FG-10", "status=RELEASED", "status=QUARANTINE", "expiringWithinDays=30",
            "sku=FG-01&status=RELEASED", "sku=FG-01&expiringWithinDays=90", "status=PENDING&expiringWithinDays=400",
            "sku=FG-02&status=QUARANTINE&expiringWithinDays=365", "sku=FG-09&status=RELEASED",
            "sku=RM-01", "status=RECALLED"};

    /** -Ddeep=false times the first pages only (an old build whose deep pages take seconds). */
    static final boolean DEEP = !"false".equals(System.getProperty("deep"));

    static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String auth = "Basic " + Base64.getEncoder().encodeToString(args[1].getBytes(StandardCharsets.UTF_8));
        int size = Integer.parseInt(args[2]);
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        System.out.printf("%-52s %6s %8s %8s %8s %8s%n", "filter (size " + size + ")", "page", "p50 ms", "p95 ms",
                "max ms", "bytes");
        for (int i = 0; i < 20; i++) { // warm-up: the JIT and the database's caches, every filter
            for (String filter : FILTERS) {
                get(http, auth, base + "/api/lots?size=" + size + (filter.isEmpty() ? "" : "&" + filter));
            }
        }
        for (String filter : FILTERS) {
            String url = base + "/api/lots?size=" + size + (filter.isEmpty() ? "" : "&" + filter);
            time(http, auth, filter, 1, url, runs);
            if (!DEEP) {
                continue;
            }
            String cursor = null;
            int page = 1;
            for (; page < 200; page++) {
                String body = get(http, auth, url + (cursor == null ? "" : "&cursor=" + enc(cursor))).body();
                Matcher m = CURSOR.matcher(body);
                if (!m.find()) {
                    break;
                }
                cursor = m.group(1);
            }
            if (page == 200) {
                time(http, auth, filter, 200, url + "&cursor=" + enc(cursor), runs);
            } else {
                System.out.printf("%-52s %6s %s%n", filter.isEmpty() ? "(none)" : filter, 200,
                        "only " + page + " pages");
            }
        }
    }

    static void time(HttpClient http, String auth, String filter, int page, String url, int runs) throws Exception {
        for (int i = 0; i < 5; i++) {
            get(http, auth, url);
        }
        double[] ms = new double[runs];
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            HttpResponse<String> r = get(http, auth, url);
            ms[i] = (System.nanoTime() - t) / 1e6;
            bytes = r.body().length();
        }
        Arrays.sort(ms);
        System.out.printf("%-52s %6d %8.1f %8.1f %8.1f %8d%n", filter.isEmpty() ? "(none)" : filter, page,
                ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1], bytes);
    }

    static HttpResponse<String> get(HttpClient http, String auth, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
