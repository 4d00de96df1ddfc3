package org.lotflow.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Tasklist in headless Chromium (Debian's {@code /usr/bin/chromium} driven by its
 * {@code /usr/bin/chromedriver}; Selenium Manager never runs, nothing is downloaded): logs in through
 * Tasklist's login page, opens a filter, opens a task from the list, claims it, fills the form and
 * completes it, as a person does. Every wait is explicit (Tasklist is an AngularJS app whose lists
 * and forms load asynchronously); a shared machine may be slow, so waits are generous.
 */
final class Tasklist implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(60);

    /**
     * How often a wait looks again: each look is a round trip to ChromeDriver (or, for {@link #until}, a query
     * of the server), a few milliseconds; a step waits for about ten things, so a shorter poll ends each step
     * sooner by about half the difference per wait.
     */
    static final Duration POLL = Duration.ofMillis(100);

    private String base;
    private String user;
    /** Just logged in: Tasklist shows the server's lists as they are now, no reload needed. */
    private boolean fresh;
    private final Path profile;
    private final ChromeDriver driver;
    private final WebDriverWait wait;

    /** Fails with the install command when Chromium or its driver is missing (CI installs both). */
    static void requireChromium() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                throw new AssertionError(p + " is missing: the browser test needs Debian's chromium and"
                        + " chromium-driver; install them with tools/install-browser-test-deps.sh (.ci/run does)");
            }
        }
    }

    private Tasklist() throws IOException {
        requireChromium();
        this.profile = Files.createTempDirectory("lotflow-chromium-");
        Logger.getLogger("org.openqa.selenium").setLevel(Level.WARNING);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1100", "--lang=en-US",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(WAIT);
        this.wait = new WebDriverWait(driver, WAIT, POLL);
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
    }

    /**
     * Starts the browser. One browser serves the people of a test class in turn (a login each, like a
     * shared terminal): its cache keeps Tasklist's scripts, so each login costs a page load, not a start.
     */
    static Tasklist start() {
        try {
            return new Tasklist();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Logs out whoever was logged in and logs in through Tasklist's login form as {@code user} (demo users:
     * password = user id), then checks that Tasklist and the server's session both name {@code user}. When
     * the browser shows Tasklist with the previous user logged in, that user logs out as a person does (user
     * menu, Log out: Tasklist ends the session on the server and shows its login form without reloading the
     * page); otherwise (a fresh browser, another page such as the Console, or a logout that did not come
     * through) every cookie and Tasklist's local storage of this site go, and Tasklist is loaded afresh.
     */
    void login(int port, String user) {
        this.base = "http://localhost:" + port;
        boolean loggedOut = this.user != null && logOutInTasklist();
        this.user = null;
        if (!loggedOut) {
            if (driver.getCurrentUrl().startsWith(base)) { // whoever used this site in the browser: gone
                driver.manage().deleteAllCookies();
                driver.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
                driver.get("about:blank"); // the next open is a full load, never the old page's in-memory session
            }
            open();
        }
        // Logging in ends in one of four states, each waited for (never a fixed sleep): the user's filters
        // listed (done); the login refused or lost (the form back, emptied: Tasklist clears it after a failed
        // POST, and a form rendered again while Tasklist checked for a session loses what was typed); the
        // filters' request failed (Tasklist shows "could not load filters" and never asks again by itself);
        // or nothing within the wait (a stalled page load). The last three are retried, a reload for the
        // filters and a fresh login form for the others, and each is logged with what the page said, so a
        // slow or refused step shows in the test output instead of as a 60 s timeout.
        LoginState state = awaitLogin();
        String seen = "";
        for (int attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
            if (state == LoginState.LOGIN_FORM) {
                submitLogin(user);
                state = awaitLogin();
            }
            if (state == LoginState.FILTERS) {
                break;
            }
            String now = state + " (" + pageSays() + ")";
            seen += " [" + attempt + "] " + now;
            System.out.printf("Tasklist login of %s, attempt %d: %s%n", user, attempt, now);
            if (state != LoginState.LOGIN_FORM) {
                // logged in without filters (their request failed), or a page that never came: load it again;
                // the session, if any, holds, and Tasklist then shows the filters or the login form
                driver.navigate().refresh();
                state = awaitLogin();
            }
        }
        if (state != LoginState.FILTERS) {
            evidence("Tasklist-login-" + user);
            throw new AssertionError("Tasklist login of " + user + " failed " + LOGIN_ATTEMPTS + " times:" + seen);
        }
        if (!seen.isEmpty()) {
            System.out.printf("Tasklist login of %s: logged in after%s%n", user, seen);
        }
        String who = loggedIn();
        if (!(user + "/" + user).equals(who)) {
            evidence("Tasklist-login-" + user);
            throw new AssertionError("Tasklist login of " + user + " shows someone else (Tasklist/server session): " + who);
        }
        this.user = user;
        this.fresh = true;
    }

    /**
     * Who is logged in, as {@code tasklist/server}: the user Tasklist shows as logged in (its
     * {@code authentication}) and the user of the browser's session as the server knows it (Camunda's
     * {@code GET /camunda/api/admin/auth/user/default}, from the page, with the page's cookies); {@code -}
     * for none.
     */
    String loggedIn() {
        Object who = driver.executeScript("""
                var a = window.angular, shown = '-';
                if (a) {
                  var injector = a.element(document.documentElement).injector();
                  var auth = injector && injector.get('$rootScope').authentication;
                  if (auth && auth.name) { shown = auth.name; }
                }
                var xhr = new XMLHttpRequest();
                xhr.open('GET', '/camunda/api/admin/auth/user/default', false);
                xhr.setRequestHeader('Accept', 'application/json');
                xhr.send();
                var session = '-';
                if (xhr.status === 200) { try { session = JSON.parse(xhr.responseText).userId || '-'; } catch (e) {} }
                return shown + '/' + session;""");
        return String.valueOf(who);
    }

    /**
     * Logs the current user out through Tasklist's user menu (Log out), when the browser shows Tasklist with
     * that user logged in; true once Tasklist shows its empty login form and the server's session knows no
     * user, false (having logged why) when the page is not Tasklist as that user or the logout did not come
     * through, for the caller to start afresh.
     */
    private boolean logOutInTasklist() {
        if (!driver.getCurrentUrl().startsWith(base + "/camunda/app/tasklist/")) {
            return false;
        }
        String before = loggedIn();
        if (!(user + "/" + user).equals(before)) {
            System.out.printf("Tasklist logout of %s: the page shows %s, starting afresh%n", user, before);
            return false;
        }
        try {
            click(By.cssSelector("li.account .dropdown-toggle"));
            click(By.cssSelector("li.account li.logout a"));
        } catch (org.openqa.selenium.TimeoutException e) {
            System.out.printf("Tasklist logout of %s: no Log out in the user menu (%s), starting afresh%n", user, pageSays());
            return false;
        }
        LoginState state = awaitLogin();
        String after = state == LoginState.LOGIN_FORM ? loggedIn() : "";
        if (!"-/-".equals(after)) {
            System.out.printf("Tasklist logout of %s: %s, logged in %s (%s), starting afresh%n", user, state, after,
                    pageSays());
            return false;
        }
        return true;
    }

    /** How often a login is tried before the step fails. */
    static final int LOGIN_ATTEMPTS = 3;

    /** How long one state of a login is waited for (a page load, the answer to the login, the filters). */
    static final Duration LOGIN_WAIT = Duration.ofSeconds(30);

    /** Where a login stands once Tasklist has answered it. */
    enum LoginState {
        /** The filters column lists the user's filters: logged in. */
        FILTERS,
        /** Logged in, but Tasklist says it could not load the filters. */
        FILTERS_FAILED,
        /** Logged in, and Tasklist lists no filter (the user has none it may read). */
        NO_FILTERS,
        /** An empty login form: the page before a login, or after a refused one (Tasklist empties it). */
        LOGIN_FORM,
        /** None of these within the wait. */
        NOTHING
    }

    /** Fills Tasklist's login form and submits it (the form appears once Tasklist has found no session). */
    private void submitLogin(String user) {
        // Tasklist shows its login form at once and renders it again, empty, when its check for a session
        // answers; on a busy machine that answer can come after the test typed, and a click on the emptied form
        // submits nothing (its fields are required). So type only once Tasklist has no request in flight.
        awaitIdle();
        // should it render the form again all the same: type until both fields hold it
        wait.withMessage("login form filled").until(d -> {
            WebElement name = d.findElement(By.cssSelector("form[name='signinForm'] input[type='text']"));
            WebElement password = d.findElement(By.cssSelector("form[name='signinForm'] input[type='password']"));
            if (!name.isDisplayed() || !password.isDisplayed()) {
                return false;
            }
            name.clear();
            name.sendKeys(user);
            password.clear();
            password.sendKeys(user);
            return user.equals(name.getDomProperty("value")) && user.equals(password.getDomProperty("value"));
        });
        click(By.cssSelector("form[name='signinForm'] button[type='submit']"));
    }

    /**
     * Waits until Tasklist (AngularJS, bootstrapped on the document element) has no HTTP request in flight, at
     * most {@link #LOGIN_WAIT}; a page without AngularJS counts as idle, and a timeout goes on (the login's
     * outcome is waited for anyway).
     */
    private void awaitIdle() {
        try {
            new WebDriverWait(driver, LOGIN_WAIT, POLL).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("""
                            var a = window.angular;
                            if (!a) { return true; }
                            var injector = a.element(document.documentElement).injector();
                            return !!injector && injector.get('$http').pendingRequests.length === 0;""")));
        } catch (org.openqa.selenium.TimeoutException e) {
            System.out.println("Tasklist still busy after " + LOGIN_WAIT.toSeconds() + " s: " + pageSays());
        }
    }

    /** Waits until the page shows one of the {@link LoginState}s, at most {@link #LOGIN_WAIT}. */
    private LoginState awaitLogin() {
        try {
            return new WebDriverWait(driver, LOGIN_WAIT, POLL)
                    .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                    .until(d -> {
                        if (displayed(".task-filters .content h4 a")) {
                            return LoginState.FILTERS;
                        }
                        if (displayed(".task-filters .alert-danger")) {
                            return LoginState.FILTERS_FAILED;
                        }
                        if (displayed(".task-filters .content .well")) {
                            return LoginState.NO_FILTERS;
                        }
                        for (WebElement password : d.findElements(
                                By.cssSelector("form[name='signinForm'] input[type='password']"))) {
                            if (password.isDisplayed() && password.getDomProperty("value").isEmpty()) {
                                return LoginState.LOGIN_FORM;
                            }
                        }
                        return null;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            return LoginState.NOTHING;
        }
    }

    private boolean displayed(String css) {
        return driver.findElements(By.cssSelector(css)).stream().anyMatch(WebElement::isDisplayed);
    }

    /** What the page says now: its notifications, or the start of its text, for the test's output. */
    private String pageSays() {
        try {
            String alerts = driver.findElements(By.cssSelector(".alert")).stream().filter(WebElement::isDisplayed)
                    .map(e -> e.getText().replaceAll("\\s+", " ").trim()).filter(t -> !t.isEmpty())
                    .reduce((a, b) -> a + " | " + b).orElse("");
            if (!alerts.isEmpty()) {
                return "alerts: " + alerts;
            }
            String text = driver.findElement(By.tagName("body")).getText().replaceAll("\\s+", " ").trim();
            return driver.getCurrentUrl() + ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
        } catch (RuntimeException e) {
            return "page unreadable: " + e;
        }
    }

    String user() {
        return user;
    }

    /** The browser itself, for pages other than Tasklist (the Console). */
    ChromeDriver driver() {
        return driver;
    }

    /** Tasklist afresh (a full load: lists, filters and forms as the server has them now). */
    void open() {
        driver.get(base + "/camunda/app/tasklist/default/");
    }

    /** Opens the filter of this name in the filters column. */
    void openFilter(String name) {
        click(By.xpath("//*[contains(@class,'task-filters')]//h4//a[contains(normalize-space(.), " + xpathText(name)
                + ")]"));
        visible(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'active')]//h4//a[contains("
                + "normalize-space(.), " + xpathText(name) + ")]"));
    }

    /** The task list's row of the task whose name contains all the words (e.g. the step and the lot number). */
    By taskRow(String... words) {
        StringBuilder xpath = new StringBuilder("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')]");
        for (String w : words) {
            xpath.append("[contains(normalize-space(.), ").append(xpathText(w)).append(")]");
        }
        return By.xpath(xpath.toString());
    }

    /** Reloads Tasklist, opens the filter, waits for the task in its list and opens it. */
    void openTask(String filter, String... nameWords) {
        if (!fresh) {
            open();
        }
        fresh = false;
        openFilter(filter);
        By row = taskRow(nameWords);
        visible(row);
        // the list may render again meanwhile (it refreshes after a login): find the link afresh at each try
        click(By.xpath(xpath(row) + "//a[contains(@href,'task=')]"));
        // the task's view: its name in the header, then its form (loaded on its own)
        visible(By.xpath("//*[contains(@class,'task-details') or @cam-tasklist-task]//*[contains(normalize-space(.), "
                + xpathText(nameWords[nameWords.length - 1]) + ")]"));
    }

    /** Claims the open task and waits until Tasklist shows this user as its assignee. */
    void claim() {
        click(By.cssSelector("button.claim"));
        visible(By.cssSelector("button.unclaim"));
    }

    /** Clicks Claim without waiting for the claim to succeed (a refused claim shows a notification). */
    void tryClaim() {
        click(By.cssSelector("button.claim"));
    }

    /** The open task's form area once its form has rendered (a Camunda Form or an embedded form). */
    WebElement form() {
        return visible(By.cssSelector("[cam-tasklist-form] .fjs-form, [cam-tasklist-form] form[name]"));
    }

    /** The text the open task's form shows (headings, values, labels), whitespace collapsed. */
    String formText() {
        return form().getText().replaceAll("\\s+", " ");
    }

    /** Types into the Camunda Form textarea whose label starts with {@code label}. */
    void typeInCamundaForm(String label, String text) {
        WebElement area = visible(By.xpath("//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), "
                + xpathText(label) + ")]]//textarea"));
        area.clear();
        area.sendKeys(text);
    }

    /** Picks an option of a Camunda Form select (form-js's own dropdown) by the start of its label. */
    void chooseInCamundaForm(String label, String optionStart) {
        By field = By.xpath("//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), "
                + xpathText(label) + ")]]");
        if (driver.findElements(By.xpath(xpath(field) + "//*[contains(@class,'fjs-dropdownlist-item')]")).isEmpty()) {
            click(By.xpath(xpath(field)
                    + "//*[contains(@class,'fjs-select-display') or contains(@class,'fjs-input-group')]"));
        }
        click(By.xpath(xpath(field) + "//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.), "
                + xpathText(optionStart) + ")]"));
        visible(By.xpath(xpath(field) + "//*[contains(@class,'fjs-select-display')][starts-with(normalize-space(.), "
                + xpathText(optionStart) + ")]"));
    }

    /**
     * The options a Camunda Form select (form-js's own dropdown) offers, as their labels, in order: opens its list
     * and reads it (the list stays open; {@link #chooseInCamundaForm} picks from it).
     */
    java.util.List<String> optionsInCamundaForm(String label) {
        By field = By.xpath("//*[contains(@class,'fjs-form-field')][.//label[starts-with(normalize-space(.), "
                + xpathText(label) + ")]]");
        click(By.xpath(xpath(field) + "//*[contains(@class,'fjs-select-display') or contains(@class,'fjs-input-group')]"));
        visible(By.xpath(xpath(field) + "//*[contains(@class,'fjs-dropdownlist-item')]"));
        java.util.List<String> options = driver.findElements(By.xpath(xpath(field)
                + "//*[contains(@class,'fjs-dropdownlist-item')]")).stream()
                .map(o -> o.getText().replaceAll("\\s+", " ").trim()).toList();
        return options;
    }

    /** An embedded form's select by id. */
    Select select(String id) {
        return new Select(visible(By.id(id)));
    }

    WebElement field(String id) {
        return visible(By.id(id));
    }

    /** Clicks Complete (enabled once the form is valid). */
    void complete() {
        // an earlier notification may cover the button, as a person would, close it first
        for (WebElement close : driver.findElements(By.cssSelector(".notifications .alert button.close"))) {
            try {
                if (close.isDisplayed()) {
                    close.click();
                }
            } catch (StaleElementReferenceException | ElementClickInterceptedException ignored) {
                // gone already
            }
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
        click(By.cssSelector("button[ng-click='complete()']"));
    }

    /** The messages of the notifications Tasklist shows now (status: message), waiting for one. */
    String notification(String containing) {
        return visible(By.xpath("//*[contains(@class,'notifications')]//*[contains(@class,'alert')][contains(normalize-space(.), "
                + xpathText(containing) + ")]")).getText().replaceAll("\\s+", " ");
    }

    void until(String what, BooleanSupplier condition) {
        new WebDriverWait(driver, WAIT, POLL).withMessage(what).until(d -> condition.getAsBoolean());
    }

    WebElement visible(By by) {
        return wait.withMessage(() -> "visible: " + by).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        wait.withMessage(() -> "clickable: " + by).until(d -> {
            try {
                WebElement e = d.findElement(by);
                if (!e.isDisplayed() || !e.isEnabled()) {
                    return false;
                }
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
                e.click();
                return true;
            } catch (ElementClickInterceptedException | StaleElementReferenceException | NoSuchElementException e) {
                return false;
            }
        });
    }

    /** A screenshot and the page's HTML in target/browser/ (for a failed step). */
    void evidence(String name) {
        evidence(Path.of("target", "browser"), name);
    }

    /** A screenshot and the page's HTML in {@code dir}. */
    void evidence(Path dir, String name) {
        try {
            Files.createDirectories(dir);
            String file = name.replaceAll("[^A-Za-z0-9_.-]", "_");
            File png = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(png.toPath(), dir.resolve(file + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(file + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            System.err.println("no screenshot of " + name + ": " + e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp dir left behind is harmless
            }
        }
    }

    private static String xpath(By by) {
        String s = by.toString();
        return s.substring(s.indexOf(':') + 1).trim();
    }

    /** An XPath string literal for any text (quotes included). */
    static String xpathText(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
