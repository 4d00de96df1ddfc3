package org.lotflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;

/**
 * Re-test 28 N1: the Console's reports page printed a signed override's signer under the name they have now (it looked
 * the id up in the identity store), while the report gives the name as signed ({@code decidedByName}, from the chained
 * history). In headless Chromium: an override approved by the second QA manager, who is renamed afterwards; the FEFO
 * compliance table prints the name as signed, with the id. Needs Debian's {@code chromium} and {@code chromium-driver},
 * like {@link ConsoleBrowserTest}.
 */
@ApiTest
class ConsoleReportSignaturesBrowserTest {

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    private static Tasklist browser;

    @BeforeAll
    static void startChromium() {
        browser = Tasklist.start();
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    private void open(String path) {
        browser.driver().get("http://localhost:" + port + path);
    }

    @Test
    void theFefoComplianceTablePrintsTheSignerAsSigned() {
        String sku = api.createProduct("RSIG");
        api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String newer = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        String order = "SO-RS-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        TestClient.Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer",
                "Precision Parts Co.", "sku", sku, "quantity", 10, "requestedLot", newer, "requestReason",
                "Customer qualified its line on this lot"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String signer = api.secondQaManager();
        String task = api.get(signer, "/engine-rest/task?processInstanceBusinessKey=" + order
                + "&taskDefinitionKey=approveOverride").json().get(0).get("id").asText();
        assertThat(api.post(signer, "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of("approved",
                Map.of("value", true), "comment", Map.of("value", "Customer qualified this lot only")))).status())
                .isEqualTo(204);
        api.executeJobs();
        JsonNode profile = api.get("demo", "/engine-rest/user/" + signer + "/profile").json();
        String asSigned = profile.get("firstName").asText() + " " + profile.get("lastName").asText();
        ObjectNode renamed = profile.deepCopy();
        renamed.put("lastName", "Renamed-Report");
        assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/user/" + signer + "/profile", renamed).status())
                .isEqualTo(204);
        try {
            open("/camunda/app/tasklist/styles/user-styles.css");
            browser.driver().manage().deleteAllCookies();
            open("/console/lots");
            browser.visible(By.id("login-form"));
            browser.driver().findElement(By.id("username")).sendKeys("tom");
            browser.driver().findElement(By.id("password")).sendKeys("tom");
            browser.click(By.id("login"));
            browser.visible(By.id("lot-table"));
            open("/console/reports");
            WebElement skuField = browser.driver().findElement(By.cssSelector("#report-fefo-compliance input[name='sku']"));
            skuField.clear();
            skuField.sendKeys(sku);
            browser.click(By.cssSelector("#report-fefo-compliance button[type='submit']"));
            browser.until("the compliance table with the override drawn", () -> browser.driver()
                    .findElement(By.cssSelector("#report-table tbody")).getText().contains(order));
            String table = browser.driver().findElement(By.cssSelector("#report-table tbody")).getText();
            assertThat(table).contains(asSigned + " (" + signer + ")").doesNotContain("Renamed-Report");
        } finally {
            assertThat(api.call("demo", HttpMethod.PUT, "/engine-rest/user/" + signer + "/profile", profile).status())
                    .isEqualTo(204);
        }
    }
}
