package org.lotflow.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser on the Console, without JavaScript: a cookie jar, pages asked for as HTML, forms sent
 * url-encoded with the CSRF token the last page carried, redirects not followed (so a test sees them).
 */
public final class ConsoleSession {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The page's one-time token for a creating form (the layout's meta tag; each form carries it too). */
    private static final Pattern ONCE = Pattern.compile("name=\"lotflow-form-once\" content=\"([^\"]+)\"");

    public record Page(int status, String location, String html) {
    }

    private final String base;
    private final HttpClient http;
    private String csrf;
    /** The newest one-time token a page carried and no form has spent yet, or null. */
    private String once;

    ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Logs in through the Console's login page; the page the login leads to. */
    public static ConsoleSession login(int port, String user) {
        return login(port, user, user);
    }

    /** Logs in with a password other than the demo users' (their id). */
    public static ConsoleSession login(int port, String user, String password) {
        ConsoleSession s = new ConsoleSession(port);
        s.get("/console/login");
        Page done = s.post("/console/login", Map.of("username", user, "password", password));
        if (done.status() != 302) {
            throw new AssertionError("login of " + user + " refused: " + done.status() + " " + done.html());
        }
        return s;
    }

    public Page get(String path) {
        return get(path, "text/html");
    }

    /** A page as a browser asks for it that also sends a Basic login it kept from another page (Swagger UI). */
    Page getWithKeptBasic(String path, String user) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").header(
                "Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))).GET());
    }

    Page get(String path, String accept) {
        Page page = send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", accept).GET());
        Matcher m = TOKEN.matcher(page.html());
        if (m.find()) {
            csrf = m.group(1);
        }
        return page;
    }

    /**
     * A form sent with the CSRF token of the last page and, unless the fields name one, a one-time token as a browser's
     * form carries it: the last page's, or a fresh page's when that one was spent (as a person opens the form again).
     */
    public Page post(String path, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (!all.containsKey("_once") && !path.equals("/console/login") && csrf != null) {
            if (once == null) {
                get("/console/lots?size=1");
            }
            if (once != null) {
                all.put("_once", once);
            }
        }
        if (csrf != null && !all.containsKey("_csrf")) {
            all.put("_csrf", csrf);
        }
        once = null;
        return postRaw(path, all);
    }

    /** A form sent exactly as given (no token added). */
    Page postRaw(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String csrf() {
        return csrf;
    }

    /**
     * A call of the JSON API riding on this browser session (its cookie, no HTTP Basic), as a page's script would
     * make it: {@code json} null for none; {@code header} adds {@code X-Requested-By} (lotflow's own pages send it).
     */
    Page api(String method, String path, String json, boolean header) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (header) {
            b.header("X-Requested-By", "lotflow");
        }
        return send(b);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher fresh = ONCE.matcher(r.body());
            if (fresh.find()) {
                once = fresh.group(1);
            }
            return new Page(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
