package org.lotflow.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser-like session of the Camunda webapps, as Tasklist and Cockpit hold one: logged in through
 * the webapps' login, with the session cookie and the CSRF token their API asks for.
 */
public final class WebappSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private final int loginStatus;
    private final String loginBody;

    private WebappSession(int port, String user, String password, String app) throws IOException, InterruptedException {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = http.send(withCsrf(HttpRequest.newBuilder(
                URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        this.loginStatus = login.statusCode();
        this.loginBody = login.body();
        // a login starts a new session with a new CSRF token: fetch it as the webapps do
        http.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Logs in to a webapp ({@code tasklist}, {@code cockpit}) as the user. */
    public static WebappSession login(int port, String user, String password, String app) {
        try {
            return new WebappSession(port, user, password, app);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The status of the login request (200 when logged in). */
    /** What the login answered (its message, when refused). */
    public String loginBody() {
        return loginBody;
    }

    public int loginStatus() {
        return loginStatus;
    }

    public TestClient.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    public TestClient.Response post(String path, String json) {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + path))).header("Accept", "application/json")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public TestClient.Response put(String path, String json) {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + path))).header("Accept", "application/json")
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public TestClient.Response delete(String path) {
        return send(withCsrf(HttpRequest.newBuilder(URI.create(base + path))).header("Accept", "application/json")
                .DELETE());
    }

    private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookie.getValue());
            }
        }
        return request;
    }

    private TestClient.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new TestClient.Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
