package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Forged cross-site requests riding on a logged-in user's browser session (audit finding, 2026-12-04 evening: a
 * page on another port of the same host shipped an order and wrote a certificate hand-out into a lot's history in
 * Tom's name). {@code /api} still answers the session's reads, but a call that changes or records something needs
 * the header {@code X-Requested-By}, which another site's page cannot send; HTTP Basic needs none.
 */
@ApiTest
class BrowserSessionForgeryTest {

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    @Test
    void aSessionsWriteWithoutTheHeaderIsRefusedAndChangesNothing() {
        String sku = api.createProduct("CSRF");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-05");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme Industrial",
                "sku", sku, "quantity", 5)).status()).isEqualTo(201);
        ConsoleSession tom = ConsoleSession.login(port, "tom");

        // what the forged page sent: a POST with no body and no header, the session cookie riding along
        ConsoleSession.Page forged = tom.api("POST", "/api/orders/" + order + "/shipments", null, false);
        assertThat(forged.status()).as(forged.html()).isEqualTo(403);
        assertThat(forged.html()).contains("X-Requested-By").contains("forged cross-site");
        assertThat(api.get("tom", "/api/orders/" + order).json().get("shipped").decimalValue()).isZero();
        ConsoleSession.Page forgedOrder = tom.api("POST", "/api/orders", "{\"orderNumber\":\"SO-FORGED-"
                + UUID.randomUUID().toString().substring(0, 6) + "\",\"customer\":\"x\",\"sku\":\"" + sku
                + "\",\"quantity\":1}", false);
        assertThat(forgedOrder.status()).isEqualTo(403);

        // reads ride on the session as before; a certificate handed out (for a named customer or not) and an
        // audit-trail check are records, not reads: an <img> on another site's page must not make them
        assertThat(tom.api("GET", "/api/orders/" + order, null, false).status()).isEqualTo(200);
        long handedOut = handOuts(lot);
        assertThat(tom.api("GET", "/api/lots/" + lot + "/coa", null, false).status()).isEqualTo(403);
        String coaNumber = api.get("tom", "/api/lots/" + lot + "/coa").json().get("coaNumber").asText();
        handedOut++;
        assertThat(tom.api("GET", "/api/lots/" + lot + "/coa/" + coaNumber, null, false).status()).isEqualTo(403);
        assertThat(handOuts(lot)).as("no hand-out recorded by a forged read").isEqualTo(handedOut);
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        assertThat(jennifer.api("GET", "/api/audit/verify", null, false).status()).isEqualTo(403);
        assertThat(jennifer.api("GET", "/api/audit/verify", null, true).status()).isEqualTo(200);
        assertThat(tom.api("GET", "/api/lots/" + lot + "/coa?customer=FORGED+by+a+page", null, false).status())
                .isEqualTo(403);
        assertThat(tom.api("GET", "/api/lots/" + lot + "/%63oa?customer=FORGED+spelled+otherwise", null, false).status())
                .as("the path as Spring reads it").isEqualTo(403);
        assertThat(api.get("tom", "/api/lots/" + lot + "/history").text()).doesNotContain("FORGED");

        // lotflow's own pages send the header; HTTP Basic needs none
        assertThat(tom.api("GET", "/api/lots/" + lot + "/coa?customer=Metro+Foods", null, true).status()).isEqualTo(200);
        assertThat(api.get("tom", "/api/lots/" + lot + "/history").text()).contains("Metro Foods");
        ConsoleSession.Page shipped = tom.api("POST", "/api/orders/" + order + "/shipments", "{}", true);
        assertThat(shipped.status()).as(shipped.html()).isEqualTo(201);
        assertThat(api.get("tom", "/api/orders/" + order).json().get("shipped").decimalValue())
                .isEqualByComparingTo("5");
    }

    /**
     * A browser keeps the HTTP Basic login it once gave {@code /api} (Swagger UI, a URL typed in) and sends it with a
     * navigation another site's page starts (auditor 2026-12-06 C-l: a certificate handed out "to EVIL" in Tom's name).
     * The browser says so ({@code Sec-Fetch-Site}): such a request reads, it records nothing.
     */
    @Test
    void anotherSitesNavigationWithTheBrowsersBasicLoginRecordsNothing() throws Exception {
        String lot = api.releasedLot(api.createProduct("CSRFB"), new BigDecimal("10"), "2025-01-05");
        long handedOut = handOuts(lot);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=EVIL+NAV", "cross-site")).isEqualTo(403);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=EVIL+PORT", "same-site")).isEqualTo(403);
        assertThat(basic("POST", "/api/lots/" + lot + "/holds", "cross-site")).isEqualTo(403);
        assertThat(handOuts(lot)).as("no hand-out recorded by another site's navigation").isEqualTo(handedOut);
        assertThat(api.get("tom", "/api/lots/" + lot + "/history").text()).doesNotContain("EVIL");
        // reads go on; the user's own typing, lotflow's own pages and scripts (no header) record as before
        assertThat(basic("GET", "/api/lots/" + lot, "cross-site")).isEqualTo(200);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=Typed+In", "none")).isEqualTo(200);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=Swagger+UI", "same-origin")).isEqualTo(200);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=Script", null)).isEqualTo(200);
        assertThat(handOuts(lot)).isEqualTo(handedOut + 3);
    }

    /**
     * Over plain HTTP to a plant's host address browsers send no Fetch Metadata (re-test 2026-12-06 E2, E10): another
     * origin's form post says so in {@code Origin}, and a page load ({@code Upgrade-Insecure-Requests}) records nothing.
     */
    @Test
    void anotherOriginsFormAndABrowsersPageLoadRecordNothingWithTheBrowsersBasicLogin() throws Exception {
        String lot = api.releasedLot(api.createProduct("CSRFO"), new BigDecimal("10"), "2025-01-05");
        long handedOut = handOuts(lot);
        assertThat(basic("POST", "/api/lots/" + lot + "/holds", null, "Origin", "http://evil.example:8081"))
                .isEqualTo(403);
        assertThat(basic("POST", "/api/lots/" + lot + "/holds", null, "Origin", "null")).isEqualTo(403);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=EVIL+LAN", null, "Upgrade-Insecure-Requests", "1"))
                .isEqualTo(403);
        assertThat(basic("HEAD", "/api/lots/" + lot + "/coa?customer=HEAD-ONLY", null, "Accept", "application/json"))
                .as("a HEAD delivers nothing and records nothing (re-test F8)").isEqualTo(405);
        assertThat(handOuts(lot)).isEqualTo(handedOut);
        // a script whose library asks for text/html by default (Java's HttpURLConnection) is no page load (re-test F3)
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=Java+Client", null, "Accept",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2")).isEqualTo(200);
        handedOut++;
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        // lotflow's own origin (Swagger UI) and a script asking for JSON go on
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=Own+Origin", null, "Origin", "http://localhost:"
                + port)).isEqualTo(200);
        assertThat(basic("GET", "/api/lots/" + lot + "/coa?customer=Json", null, "Accept", "application/json"))
                .isEqualTo(200);
        assertThat(handOuts(lot)).isEqualTo(handedOut + 2);
    }

    /**
     * After Swagger UI, a browser sends the Basic login it kept with every page of the host: on the Console the person
     * logged in on its page acts, not the one Swagger UI was used as (re-test 2026-12-06 F12: tom's hand-out recorded
     * as anna's).
     */
    @Test
    void theConsolesLoggedInPersonActsNotABasicLoginTheBrowserKept() {
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        ConsoleSession.Page page = tom.getWithKeptBasic("/console/lots", "jennifer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.html()).contains("Tom Becker").doesNotContain("Jennifer Lee");
    }

    private int basic(String method, String path, String fetchSite, String header, String value) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + path)).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("sarah:sarah".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .header(header, value).method(method, method.equals("POST")
                        ? java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"Forged\"}")
                        : java.net.http.HttpRequest.BodyPublishers.noBody());
        if (method.equals("POST")) {
            b.header("Content-Type", "application/json");
        }
        if (fetchSite != null) {
            b.header("Sec-Fetch-Site", fetchSite);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private int basic(String method, String path, String fetchSite) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://localhost:" + port + path)).header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("tom:tom".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .method(method, java.net.http.HttpRequest.BodyPublishers.noBody());
        if (fetchSite != null) {
            b.header("Sec-Fetch-Site", fetchSite);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** How many certificate hand-outs the lot's history lists. */
    private long handOuts(String lot) {
        String history = api.get("tom", "/api/lots/" + lot + "/history").text();
        return history.split("\"CERTIFICATE_PROVIDED\"", -1).length - 1;
    }
}
