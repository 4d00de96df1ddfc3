package org.lotflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Console's pages at a phone's width (390x844) and a small laptop's (1280x720), in headless Chromium (new user 28
 * M3): no page scrolls sideways (a wide table scrolls in its own box), the demo day's banner is one line until opened,
 * so the lot number is in sight on a phone; the first Tab stop of a page is "Skip to content", shown when focused (L5).
 * Screenshots land in {@code target/browser-console-layout/}.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}, like {@link ConsoleBrowserTest}; fails, never
 * skips, without them.
 */
@ApiTest
class ConsoleLayoutBrowserTest {

    static final Path SHOTS = Path.of("target", "browser-console-layout");

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    private static Tasklist browser;

    @BeforeAll
    static void startChromium() {
        org.springframework.util.FileSystemUtils.deleteRecursively(SHOTS.toFile());
        browser = Tasklist.start();
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    private ChromeDriver driver() {
        return browser.driver();
    }

    private void open(String path) {
        driver().get("http://localhost:" + port + path);
    }

    /**
     * The page's viewport of exactly that size (the window's size in headless Chromium is not the viewport's), as
     * Playwright's viewport: not as a mobile device, whose browser zooms out to a page wider than the screen and so
     * makes its window as wide as the page (innerWidth = scrollWidth: the check could not fail).
     */
    private void viewport(int width, int height) {
        driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    private void login(String user) {
        open("/camunda/app/tasklist/styles/user-styles.css");
        driver().manage().deleteAllCookies();
        open("/console/lots");
        browser.visible(By.id("login-form"));
        driver().findElement(By.id("username")).sendKeys(user);
        driver().findElement(By.id("password")).sendKeys(user);
        browser.click(By.id("login"));
        browser.visible(By.id("lot-table"));
    }

    @Test
    void noConsolePageScrollsSidewaysOnAPhoneOrALaptopAndTheFirstTabStopSkipsToTheContent() {
        // a lot shipped to a customer with a long name, recalled: a lot page, an order page and a recall page with
        // their widest tables
        String sku = api.createProduct("CLAY");
        String lot = api.releasedLot(sku, new BigDecimal("500"), "2025-01-10");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer",
                "Consolidated Industrial Lubricants and Hydraulics Distribution Company", "sku", sku,
                "quantity", 40)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of()).status()).isEqualTo(201);
        TestClient.Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot),
                "reason", "Layout check: viscosity out of range", "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        String recallNumber = recall.json().get("recallNumber").asText();
        List<String> pages = List.of("/console/lots", "/console/lots/" + lot, "/console/orders",
                "/console/orders/" + order, "/console/recalls", "/console/recalls/" + recallNumber,
                "/console/reports", "/console/products", "/console/lots/new", "/console/orders/new");
        login("rachel");
        try {
            for (int[] size : new int[][] {{390, 844}, {1280, 720}}) {
                viewport(size[0], size[1]);
                for (String page : pages) {
                    open(page);
                    browser.visible(By.tagName("main"));
                    List<?> widths = (List<?>) driver().executeScript(
                            "return [document.documentElement.scrollWidth, window.innerWidth];");
                    browser.evidence(SHOTS, size[0] + page.replace('/', '_'));
                    assertThat(((Number) widths.get(0)).longValue()).as(page + " at " + size[0] + "x" + size[1]
                            + ": the page's width (scrollWidth) within the window's").isLessThanOrEqualTo(
                                    ((Number) widths.get(1)).longValue());
                }
            }
            // on a phone the lot's number is in sight, not below ~300 px of header and banner
            viewport(390, 844);
            open("/console/lots/" + lot);
            Number top = (Number) driver().executeScript(
                    "return document.querySelector('h1').getBoundingClientRect().top;");
            assertThat(top.doubleValue()).as("the lot page's title below the header").isLessThan(200);
            assertThat(driver().findElement(By.cssSelector("#demo-day summary")).getText()).contains("2025-01-28");
            // the first Tab stop: the skip link, shown when focused, and it leads to the page's content
            driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
            WebElement focused = driver().switchTo().activeElement();
            assertThat(focused.getText()).isEqualTo("Skip to content");
            assertThat(focused.getRect().getX()).as("visible on focus").isGreaterThanOrEqualTo(0);
            focused.sendKeys(Keys.ENTER);
            browser.until("the focus on the content", () -> "content".equals(
                    driver().switchTo().activeElement().getAttribute("id")));
        } finally {
            driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }
}
