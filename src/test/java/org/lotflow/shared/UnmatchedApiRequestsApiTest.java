package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/** An /api call that reaches no endpoint is a problem with a sentence too, not Spring Boot's error body. */
@ApiTest
class UnmatchedApiRequestsApiTest {

    @Autowired
    TestClient api;

    @Test
    void anUnknownPathIsAProblemNamingIt() {
        Response r = api.get("tom", "/api/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("detail").asText()).contains("/api/nope").contains("README");
    }

    /** Re-test 2026-12-06 R3: YAML was answered (dates as arrays, nulls written); the API speaks JSON only. */
    @Test
    void yamlIsNotAnsweredTheApiSpeaksJson() {
        org.lotflow.support.TestClient.Binary yaml = api.download("tom", "/api/lots/IL250-2024-092",
                "application/yaml");
        assertThat(yaml.status()).isEqualTo(406);
        assertThat(yaml.contentType()).startsWith("application/problem+json");
        assertThat(yaml.text()).doesNotContain("yaml");
        assertThat(api.get("tom", "/api/lots/IL250-2024-092").status()).isEqualTo(200);
        // in words, not Spring's "Acceptable representations: [...]" (R10)
        org.lotflow.support.TestClient.Binary xml = api.download("tom", "/api/lots/IL250-2024-092", "application/xml");
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.text()).contains("answers in JSON").doesNotContain("Acceptable representations");
        Response xmlBody = api.send("tom", HttpMethod.POST, "/api/orders", "<order/>", "application/xml");
        assertThat(xmlBody.status()).isEqualTo(415);
        assertThat(xmlBody.isProblem()).isTrue();
        assertThat(xmlBody.json().get("detail").asText()).isEqualTo("The body is application/xml; the lotflow API reads"
                + " JSON: send it with the header Content-Type: application/json");
    }

    @Test
    void aMethodThePathDoesNotOfferIsAProblemNamingWhatItOffers() {
        Response r = api.call("tom", HttpMethod.DELETE, "/api/lots/IL250-2024-092", null);
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("detail").asText()).contains("does not take DELETE").contains("GET");
        Response get = api.get("rachel", "/api/recalls");
        assertThat(get.status()).as(get.toString()).isIn(200, 405);
        if (get.status() == 405) {
            assertThat(get.isProblem()).isTrue();
            assertThat(get.json().get("detail").asText()).contains("POST");
        }
        // nothing changed: the lot is still there
        assertThat(api.get("tom", "/api/lots/IL250-2024-092").status()).isEqualTo(200);
    }

    @Test
    void pathsOutsideTheApiKeepTheirOwnErrorPages() {
        Response r = api.call("tom", "tom", HttpMethod.GET, "/console/nope", null, "text/html");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.isProblem()).isFalse();
        assertThat(api.post("tom", "/api/orders", Map.of()).isProblem()).isTrue();
    }
}
