package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What Tomcat refuses before lotflow's code runs is problem+json on /api too ({@link ProblemErrorReportValve}). */
@ApiTest
class ProblemErrorReportValveApiTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String rawPath) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + rawPath))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("tom:tom".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anUnreadableAddressOnTheApiIsAProblemNotTomcatsPage() throws Exception {
        for (String path : new String[] {"/api/lots/%00", "/api/serials/..%2f..", "/engine-rest/task/%00"}) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("application/problem+json");
            assertThat(r.body()).as(path).contains("\"status\":400").contains("nothing was done")
                    .doesNotContain("<html").doesNotContain("Tomcat");
        }
    }
}
