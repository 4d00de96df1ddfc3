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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Console in headless Chromium, as its people use it: Jennifer (QA manager) logs in on the Console's login
 * page, reads the lot list, opens a lot and its genealogy picture (ECharts, drawn from the trace service's
 * JSON) and places a hold; Rachel (recall coordinator) opens a shipped lot, sees the recall's scope before
 * starting it (the customer and quantity), starts it and finds it on the recall board. Screenshots of each
 * step land in {@code target/browser-console/} (artifacts; a failed step leaves its page there too).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver}, like {@link TasklistOosBrowserTest} (whose
 * browser helper it reuses); fails, never skips, without them.
 */
@ApiTest
class ConsoleBrowserTest {

    static final Path SHOTS = Path.of("target", "browser-console");

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

    private void shot(String name) {
        browser.evidence(SHOTS, name);
    }

    /** Logs out whoever is logged in and logs in on the Console's login page (demo users: password = id). */
    private void login(String user) {
        // leave the page first for a static file of the same site (cookies are deleted for the page's site): a Tasklist
        // page still polling could set a session cookie of its own after the cookies are gone and before the login
        // form is sent, whose token then belongs to another session (a suite run under load: "this form is out of date")
        open("/camunda/app/tasklist/styles/user-styles.css");
        driver().manage().deleteAllCookies();
        open("/console/lots");
        browser.visible(By.id("login-form"));
        driver().findElement(By.id("username")).sendKeys(user);
        driver().findElement(By.id("password")).sendKeys(user);
        browser.click(By.id("login"));
        browser.visible(By.id("lot-table"));
        assertThat(driver().findElement(By.id("who")).getText()).contains(user);
    }

    private String status(String lot) {
        return api.get("mike", "/api/lots/" + lot).json().get("status").asText();
    }

    /** A released lot of its own product, 40 drums of it shipped to {@code customer}. */
    private String shippedLot(String prefix, String customer) {
        String sku = api.createProduct(prefix);
        String lot = api.releasedLot(sku, new BigDecimal("500"), "2025-01-10");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", customer, "sku", sku,
                "quantity", 40)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of()).status()).isEqualTo(201);
        return lot;
    }

    private void step(String name, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
            System.out.printf("browser step %s: %d ms%n", name, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            shot("FAILED-" + name);
            throw e;
        }
    }

    @Test
    void jenniferHoldsALotAndRachelPreviewsAndStartsARecallOnTheConsole() {
        // a customer name with markup in it: the genealogy picture's tooltip must show it as text (a sales user
        // typed it; a QA manager or an administrator hovers over it)
        String held = shippedLot("CBRH", "Acme Industrial <img src=x onerror=\"document.title='XSS'\">");
        String made = api.post("mike", "/api/lots", Map.of("sku", api.createProduct("CBRB"), "quantity", 100,
                "manufactureDate", "2025-01-20", "location", "Blending", "sourceLots",
                List.of(Map.of("lotNumber", held, "quantity", 60)))).json().get("lotNumber").asText();
        String recalled = shippedLot("CBRR", "Bolt Motors");

        step("jennifer-list", () -> {
            login("jennifer");
            open("/console/lots?sku=" + held.substring(0, held.lastIndexOf("-2025")));
            WebElement row = browser.visible(By.cssSelector("tr[data-lot='" + held + "']"));
            assertThat(row.getText()).contains("RELEASED").contains("500").contains("400").contains("Next to allocate");
            shot("1-lot-list");
        });

        step("jennifer-lot", () -> {
            browser.click(By.linkText(held));
            browser.visible(By.id("lot-number"));
            browser.until("the genealogy picture drawn", () -> driver().findElement(By.id("genealogy"))
                    .getAttribute("data-nodes") != null);
            WebElement picture = driver().findElement(By.id("genealogy"));
            // what each lot kept (at the plant) is a band of its own (new user 27 N8)
            assertThat(Integer.parseInt(picture.getAttribute("data-nodes")))
                    .as("lot, made lot, customer, what each of the two lots kept").isEqualTo(5);
            assertThat(Integer.parseInt(picture.getAttribute("data-links"))).isEqualTo(4);
            assertThat(Integer.parseInt(picture.getAttribute("data-band-labels"))).as("each band says its quantity")
                    .isEqualTo(4);
            assertThat(picture.findElements(By.tagName("canvas"))).isNotEmpty();
            // the customer's name for the certificate gets a field as wide as the Console's others (new user 27 N3)
            assertThat(driver().findElement(By.id("coa-customer")).getRect().getWidth()).isGreaterThan(300);
            assertThat(driver().findElement(By.id("history")).getText()).contains("Release approved")
                    .contains("Jennifer Lee").contains("meaning");
            assertThat(driver().getPageSource()).contains(made);
            browser.until("the customer's tooltip shown", () -> (Boolean) driver().executeScript("""
                    var chart = echarts.getInstanceByDom(document.getElementById('genealogy'));
                    var nodes = chart.getOption().series[0].data;
                    var i = nodes.findIndex(function (n) { return n.name.indexOf('lot:') !== 0; });
                    chart.dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: i });
                    return Array.from(document.querySelectorAll('#genealogy div'))
                        .some(function (d) { return d.innerHTML.indexOf('Acme Industrial') >= 0; });"""));
            assertThat(driver().findElements(By.cssSelector("#genealogy img"))).as("markup shown as text").isEmpty();
            assertThat(picture.getText()).contains("Acme Industrial <img src=x");
            assertThat(driver().getTitle()).isNotEqualTo("XSS");
            driver().executeScript("arguments[0].scrollIntoView({block: 'center'});", picture);
            shot("2-lot-page-genealogy");
        });

        step("jennifer-hold", () -> {
            WebElement reason = driver().findElement(By.id("hold-reason"));
            browser.click(By.id("hold-submit")); // empty: refused at the field, nothing changes
            browser.visible(By.id("hold-problem"));
            assertThat(driver().findElement(By.cssSelector("#hold-form .error[data-field='reason']")).getText())
                    .startsWith("Reason:"); // the field by its label (new user 2026-12-06 L3)
            assertThat(status(held)).isEqualTo("RELEASED");
            shot("3-hold-refused");
            reason = driver().findElement(By.id("hold-reason"));
            reason.sendKeys("Customer complaint: viscosity out of range");
            new Select(driver().findElement(By.id("hold-source"))).selectByValue("COMPLAINT");
            driver().findElement(By.id("hold-reference")).sendKeys("CC-2025-001");
            browser.click(By.id("hold-submit"));
            browser.visible(By.id("held-notice"));
            assertThat(driver().findElement(By.id("lot-status")).getText()).isEqualTo("QUARANTINE");
            assertThat(driver().findElement(By.id("hold")).getText()).contains("Customer complaint")
                    .contains("Jennifer Lee").contains("CC-2025-001");
            shot("4-lot-held");
            // Back shows the lot as it is now, not the page from before the hold (new user 2026-12-06 N2: RELEASED,
            // "never held"), and the sent hold form is not offered again
            driver().navigate().back();
            browser.until("the page loaded again after Back", () -> "QUARANTINE".equals(driver().findElement(
                    By.id("lot-status")).getText()));
            assertThat(driver().findElements(By.id("hold-submit")).stream().noneMatch(WebElement::isEnabled)).isTrue();
            driver().navigate().forward();
            browser.visible(By.id("held-notice"));
        });
        assertThat(status(held)).isEqualTo("QUARANTINE");

        step("jennifer-report", () -> {
            // Open shows the report as a table on the page (it showed raw JSON), a refused field as its sentence
            open("/console/reports");
            // a refused field named as the form labels it (new user 2026-12-07 F5: "sku: is required"); dates are
            // the browser's date fields
            WebElement sku = driver().findElement(By.cssSelector("#report-fefo input[name='sku']"));
            sku.clear();
            browser.click(By.cssSelector("#report-fefo button[type='submit']"));
            WebElement error = browser.visible(By.id("report-error"));
            assertThat(error.getText()).startsWith("Product (SKU): ");
            sku.sendKeys("IL-250-55GAL");
            assertThat(driver().findElement(By.cssSelector("#report-complaints input[name='from']"))
                    .getAttribute("type")).isEqualTo("date");
            browser.click(By.cssSelector("#report-complaints button[type='submit']"));
            browser.until("the complaints table drawn", () -> !driver().findElements(
                    By.cssSelector("#report-table tbody tr")).isEmpty());
            assertThat(driver().findElement(By.id("report-error")).isDisplayed()).isFalse();
            assertThat(driver().findElement(By.cssSelector("#report-table thead")).getText()).contains("Lot number")
                    .contains("Source");
            // the trigger in words, as the lot pages say it (new user 2026-12-07 L5); a lot links to its page (L1)
            assertThat(driver().findElement(By.cssSelector("#report-table tbody")).getText()).contains("Customer complaint")
                    .doesNotContain("COMPLAINT");
            assertThat(driver().findElements(By.cssSelector("#report-table tbody a[href^='/console/lots/']"))).isNotEmpty();
            // instants as the Console shows them, not ISO with microseconds (new user 2026-12-06 N9)
            assertThat(driver().findElement(By.cssSelector("#report-table tbody")).getText())
                    .containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC").doesNotContainPattern("T\\d{2}:\\d{2}:\\d{2}");
            assertThat(driver().findElement(By.id("report-count")).getText()).matches("1 row|[0-9]+ rows");
            shot("4b-report-table");
            // the FIFO report's own figures above its rows: the next lot to allocate, what is allocatable (F15)
            browser.click(By.cssSelector("#report-fefo button[type='submit']"));
            browser.until("the FIFO report's summary", () -> driver().findElement(By.id("report-summary")).getText()
                    .contains("Next to allocate: "));
            assertThat(driver().findElement(By.id("report-summary")).getText()).contains("Allocatable quantity: ")
                    .contains("SKU: IL-250-55GAL");
            // what to do with each lot beside the lot, not off screen at the end (new user 2026-12-07 L1)
            browser.until("the FIFO table drawn", () -> driver().findElement(By.cssSelector("#report-table thead"))
                    .getText().contains("Action"));
            assertThat(driver().findElement(By.cssSelector("#report-table thead")).getText())
                    .containsPattern("Lot number\\s+Action\\s+Status");
            assertThat(driver().findElement(By.cssSelector("#report-table tbody tr")).getText())
                    .containsPattern("IL250-2024-089\\s+NEXT TO ALLOCATE");
            // the daily review: one figure a line, in words, and each product's inventory in its unit below (new user
            // 2026-12-06 W9: one row of 30 columns, "Fefo compliance", the inventory blank)
            browser.click(By.cssSelector("#report-daily button[type='submit']"));
            browser.until("the daily review drawn with its inventory", () -> driver().findElement(
                    By.cssSelector("#report-table tbody")).getText().contains("Inventory"));
            String review = driver().findElement(By.cssSelector("#report-table tbody")).getText();
            assertThat(review).contains("FEFO compliance").contains("COA requests").contains("SKU")
                    .contains("IL-250-55GAL").doesNotContain("Fefo");
            shot("4c-daily-review");
            // one product: its totals in its unit, printed as the lot pages print quantities (new user 2026-12-07 F9:
            // "Total inventory 1235.000" above "1235")
            driver().findElement(By.cssSelector("#report-daily input[name='sku']")).sendKeys("IL-250-55GAL");
            browser.click(By.cssSelector("#report-daily button[type='submit']"));
            browser.until("the product's daily review drawn", () -> driver().findElement(
                    By.cssSelector("#report-table tbody")).getText().matches("(?s).*Total inventory\\s+[0-9].*"));
            assertThat(driver().findElement(By.cssSelector("#report-table tbody")).getText())
                    .doesNotContainPattern("[0-9]\\.000\\b");
        });

        step("rachel-preview", () -> {
            login("rachel");
            open("/console/lots/" + recalled);
            assertThat(driver().findElements(By.id("hold-form"))).isEmpty();
            driver().findElement(By.id("recall-reason")).sendKeys("Contaminated base oil");
            new Select(driver().findElement(By.id("recall-classification"))).selectByValue("CLASS_II");
            browser.click(By.id("recall-preview"));
            WebElement scope = browser.visible(By.id("recall-scope"));
            assertThat(scope.getText()).contains("Bolt Motors").contains("40").contains(recalled);
            assertThat(status(recalled)).as("seen, not started").isEqualTo("RELEASED");
            // the scope shown, the recall panel takes the page's full width and no lot number wraps (new user 27 N4)
            int panel = driver().findElement(By.id("recall-panel")).getRect().getWidth();
            int actions = driver().findElement(By.cssSelector("main .actions")).getRect().getWidth();
            assertThat(panel).as("recall panel %d of %d px", panel, actions).isEqualTo(actions);
            WebElement lotCell = driver().findElement(By.cssSelector("#scope-lots tbody td"));
            assertThat(lotCell.getRect().getHeight()).as("one line").isLessThan(30);
            shot("5-recall-scope-preview");
        });

        step("rachel-start", () -> {
            browser.click(By.id("recall-start"));
            // asked first (F21): the question names what cannot be undone
            assertThat(driver().switchTo().alert().getText()).startsWith("Start this recall?").contains("cannot be undone");
            driver().switchTo().alert().accept();
            browser.visible(By.id("started-notice"));
            String number = driver().findElement(By.id("recall-number")).getText();
            assertThat(driver().findElement(By.id("customers")).getText()).contains("Bolt Motors").contains("waiting");
            assertThat(driver().findElement(By.id("effectiveness")).getText()).contains("target");
            shot("6-recall-page");
            browser.click(By.id("nav-recalls"));
            WebElement row = browser.visible(By.cssSelector("#recalls-open tr[data-recall='" + number + "']"));
            assertThat(row.getText()).contains("Class II").doesNotContain("CLASS_II").contains("Contaminated base oil");
            shot("7-recall-board");
        });
        assertThat(status(recalled)).isEqualTo("RECALLED");
    }

    private void setDate(String id, String isoDate) {
        driver().executeScript("arguments[0].value = arguments[1];", driver().findElement(By.id(id)), isoDate);
    }

    /**
     * A Tasklist session of {@code user}, one login at a time: {@link Tasklist#login} ends the Console's session
     * (its cookies go) or the previous Tasklist user's (Log out in Tasklist's user menu).
     */
    private void inTasklist(String user, java.util.function.Consumer<Tasklist> work) {
        browser.login(port, user);
        work.accept(browser);
    }

    private boolean taskDone(String lot, String key) {
        return api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot + "&taskDefinitionKey=" + key)
                .json().isEmpty();
    }

    /**
     * The day without curl: Mike creates a lot on the Console, Sarah records its lab results and
     * Jennifer signs its release in Tasklist, Tom orders and ships on the Console, Jennifer holds the lot, and
     * Rachel previews the recall's scope, starts it and sees it on the board.
     */
    @Test
    void theSeedsDayFromTheConsoleAndTasklistWithoutCurl() {
        String sku = api.createProduct("CDAY");
        String[] lotNumber = new String[1];

        step("day-mike-creates", () -> {
            login("mike");
            browser.click(By.id("nav-new-lot"));
            new Select(browser.visible(By.id("sku"))).selectByValue(sku);
            driver().findElement(By.id("quantity")).sendKeys("500");
            setDate("manufactureDate", "2025-01-20");
            driver().findElement(By.id("location")).sendKeys("Warehouse A, Zone 3");
            browser.click(By.id("lot-create"));
            browser.visible(By.id("created-notice"));
            lotNumber[0] = driver().findElement(By.id("lot-number")).getText();
            assertThat(driver().findElement(By.id("lot-status")).getText()).isEqualTo("PENDING");
            assertThat(driver().findElement(By.id("tasks")).getText()).contains("Record lab results");
            shot("day-1-mike-created-lot");
            // the browser's Back brings the sent form back (loaded anew, with a fresh token): it is shown as sent and
            // cannot be sent again (new user 2026-12-06 W1: Back and "Create the lot" again made a second lot)
            driver().navigate().back();
            assertThat(browser.visible(By.cssSelector(".form-sent")).getText()).contains("sent already");
            assertThat(driver().findElement(By.id("lot-create")).isEnabled()).isFalse();
            driver().findElement(By.id("quantity")).sendKeys(Keys.ENTER);
            shot("day-1b-mike-back-to-the-sent-form");
            // a fresh form opened meanwhile does not clear the mark of the sent one (re-test 2026-12-06 R3: Back twice
            // then sent the first form again)
            driver().navigate().forward();
            browser.visible(By.id("created-notice"));
            browser.click(By.id("nav-new-lot"));
            browser.visible(By.id("lot-create"));
            assertThat(driver().findElements(By.cssSelector(".form-sent"))).isEmpty();
            assertThat(driver().findElement(By.id("lot-create")).isEnabled()).isTrue();
            driver().navigate().back();
            browser.visible(By.id("created-notice"));
            driver().navigate().back();
            browser.visible(By.cssSelector(".form-sent"));
            assertThat(driver().findElement(By.id("lot-create")).isEnabled()).isFalse();
            open("/console/lots/" + lotNumber[0]);
            browser.visible(By.id("lot-status"));
            assertThat(api.get("mike", "/api/lots?sku=" + sku).json().get("items")).hasSize(1);
        });
        String lot = lotNumber[0];
        api.executeJobs();

        step("day-sarah-records", () -> inTasklist("sarah", t -> {
            t.openTask("QA analysts", "Record lab results", lot);
            t.claim();
            // the Camunda Form links to the lot's Console page (a text component built from the task's lotNumber)
            assertThat(t.visible(By.cssSelector("[cam-tasklist-form] a[href='/console/lots/" + lot + "']"))
                    .getText()).contains(lot);
            t.typeInCamundaForm("Results", "viscosity = 249\nflashPoint = 231");
            t.complete();
            t.until("recordLabResults done", () -> taskDone(lot, "recordLabResults"));
            api.executeJobs();
        }));

        step("day-jennifer-approves", () -> inTasklist("jennifer", t -> {
            t.openTask("QA managers", "Approve release", lot);
            t.claim();
            t.form();
            t.until("the release form shows the lot", () -> t.formText().contains(lot));
            // the embedded form links to it too
            t.visible(By.cssSelector("[cam-tasklist-form] a.lotflow-console-link[href='/console/lots/" + lot + "']"));
            t.select("approved").selectByValue("true");
            t.field("comment").sendKeys("All specifications met");
            t.field("signaturePassword").sendKeys("jennifer");
            t.complete();
            t.until("approveRelease done", () -> taskDone(lot, "approveRelease"));
            api.executeJobs();
        }));
        assertThat(status(lot)).isEqualTo("RELEASED");

        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        step("day-tom-orders-and-ships", () -> {
            login("tom");
            browser.click(By.id("nav-new-order"));
            browser.visible(By.id("orderNumber")).sendKeys(order);
            driver().findElement(By.id("customer")).sendKeys("Acme Industrial");
            new Select(driver().findElement(By.id("sku"))).selectByValue(sku);
            driver().findElement(By.id("quantity")).sendKeys("150");
            browser.click(By.id("order-place"));
            browser.visible(By.id("placed-notice"));
            assertThat(driver().findElement(By.id("allocations")).getText()).contains(lot).contains("150")
                    .contains("FEFO");
            shot("day-2-tom-order");
            driver().findElement(By.id("carrier")).sendKeys("DHL");
            browser.click(By.id("ship"));
            browser.visible(By.id("shipped-notice"));
            assertThat(driver().findElement(By.id("shipments")).getText()).contains(lot).contains("DHL");
            shot("day-3-tom-shipped");
        });

        step("day-jennifer-holds", () -> {
            login("jennifer");
            open("/console/lots/" + lot);
            assertThat(driver().findElement(By.id("history")).getText()).contains("Release approved")
                    .contains("Sarah Johnson").contains("Jennifer Lee");
            driver().findElement(By.id("hold-reason")).sendKeys("Customer complaint from Acme Industrial");
            new Select(driver().findElement(By.id("hold-source"))).selectByValue("COMPLAINT");
            browser.click(By.id("hold-submit"));
            browser.visible(By.id("held-notice"));
            shot("day-4-jennifer-held");
        });
        assertThat(status(lot)).isEqualTo("QUARANTINE");

        step("day-rachel-recalls", () -> {
            login("rachel");
            open("/console/lots/" + lot);
            driver().findElement(By.id("recall-reason")).sendKeys("Confirmed contamination");
            new Select(driver().findElement(By.id("recall-classification"))).selectByValue("CLASS_I");
            browser.click(By.id("recall-preview"));
            assertThat(browser.visible(By.id("recall-scope")).getText()).contains("Acme Industrial").contains("150");
            shot("day-5-rachel-scope");
            browser.click(By.id("recall-start"));
            // asked first (F21): the question names what cannot be undone
            assertThat(driver().switchTo().alert().getText()).startsWith("Start this recall?").contains("cannot be undone");
            driver().switchTo().alert().accept();
            browser.visible(By.id("started-notice"));
            String number = driver().findElement(By.id("recall-number")).getText();
            assertThat(driver().findElement(By.id("customers")).getText()).contains("Acme Industrial").contains("150");
            browser.click(By.id("nav-recalls"));
            browser.visible(By.cssSelector("#recalls-open tr[data-recall='" + number + "']"));
            shot("day-6-rachel-board");
        });
        assertThat(status(lot)).isEqualTo("RECALLED");
    }
}
