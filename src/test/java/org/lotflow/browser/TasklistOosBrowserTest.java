package org.lotflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The lab release as Sarah (QA analyst) and Jennifer (QA manager) work it in Tasklist's real UI, in
 * headless Chromium: an out-of-specification result, the four-eyes refusal of its phase I to the
 * analyst, phase I confirmed by Jennifer, phase II by Sarah, and Jennifer's signed rejection; and a
 * passing result approved with a signature. Each form is checked as a person reads it: the values with
 * their limits and unit, who recorded them, the findings so far, a decision with no default, a masked
 * password. Jobs run by the test (the test profile has no job executor).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code tools/install-browser-test-deps.sh},
 * run by {@code .ci/run}); fails, never skips, without them. Screenshots and the page of a failed step
 * land in {@code target/browser/}.
 */
@ApiTest
class TasklistOosBrowserTest {

    private static final String QA_ANALYSTS = "QA analysts";
    private static final String QA_MANAGERS = "QA managers";
    /** A signing form's line saying what a greyed-out Complete waits for (new user 27 N1). */
    private static final By MISSING = By.cssSelector("[data-lotflow-missing]");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");

    @Autowired
    TestClient api;

    @Autowired
    TaskService taskService;

    @LocalServerPort
    int port;

    private static Tasklist browser;

    @BeforeAll
    static void startChromium() throws java.io.IOException {
        org.springframework.util.FileSystemUtils.deleteRecursively(java.nio.file.Path.of("target", "browser"));
        browser = Tasklist.start(); // fails with the install command if Chromium is missing
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A Tasklist session of {@code user} for one step; on failure its screen lands in target/browser. */
    private void as(String user, String step, Consumer<Tasklist> work) {
        long start = System.nanoTime();
        try {
            browser.login(port, user);
            long loggedIn = System.nanoTime();
            work.accept(browser);
            System.out.printf("browser step %s as %s: login %d ms, work %d ms%n", step, user, (loggedIn - start) / 1_000_000,
                    (System.nanoTime() - loggedIn) / 1_000_000);
        } catch (RuntimeException | Error e) {
            browser.evidence(getClass().getSimpleName() + "-" + step + "-" + user);
            throw e;
        }
    }

    private Task task(String lot, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(lot).taskDefinitionKey(key).singleResult();
    }

    /** Completes the open task and waits until the engine has it done. */
    private void completeAndWait(Tasklist tasklist, String lot, String key) {
        Task task = task(lot, key);
        assertThat(task).as("open " + key + " of " + lot).isNotNull();
        if (Boolean.getBoolean("lotflow.browser.screenshots")) { // -Dlotflow.browser.screenshots=true: each filled form
            tasklist.evidence(getClass().getSimpleName() + "-" + lot + "-" + key + "-" + tasklist.user());
        }
        tasklist.complete();
        tasklist.until(key + " of " + lot + " completed",
                () -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        api.executeJobs();
    }

    private String status(String lot) {
        return api.get("mike", "/api/lots/" + lot).json().get("status").asText();
    }

    private List<JsonNode> history(String lot, String type) {
        List<JsonNode> events = new java.util.ArrayList<>();
        api.get("mike", "/api/lots/" + lot + "/history").json().forEach(e -> {
            if (e.get("type").asText().equals(type)) {
                events.add(e);
            }
        });
        return events;
    }

    private String newLot(String prefix) {
        String sku = api.createProduct(prefix);
        String lot = api.createLot(sku, new BigDecimal("500"), "2025-01-20");
        api.executeJobs();
        assertThat(task(lot, "recordLabResults")).as("recordLabResults of " + lot).isNotNull();
        return lot;
    }

    /** Sarah records the results in the lab results form (a Camunda Form), one line per test. */
    private void sarahRecords(String lot, String results) {
        as("sarah", "record", t -> {
            t.openTask(QA_ANALYSTS, "Record lab results", lot);
            // the form's link to the Console takes a click before the task is claimed (new user 17 F24): the element
            // at its centre is the link itself, not Tasklist's "not allowed" layer
            WebElement link = t.visible(org.openqa.selenium.By.xpath("//a[contains(., 'in the lotflow Console')]"));
            Object top = t.driver().executeScript("var r = arguments[0].getBoundingClientRect();"
                    + " var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                    + " return e === arguments[0] || arguments[0].contains(e);", link);
            assertThat(top).as("the Console link is clickable on an unclaimed task").isEqualTo(Boolean.TRUE);
            t.claim();
            String form = t.formText();
            assertThat(form).contains("Lab results for lot " + lot).contains("viscosity").contains("245")
                    .contains("255").contains("cSt").contains("flashPoint");
            // the due date is shown, not offered for change, and no follow-up date (lotflow refuses both: N7)
            org.openqa.selenium.WebElement due = t.visible(org.openqa.selenium.By.cssSelector(".meta.dates .due-date"));
            assertThat(due.getCssValue("pointer-events")).isEqualTo("none");
            assertThat(due.findElement(org.openqa.selenium.By.cssSelector(".glyphicon-bell")).isDisplayed())
                    .as("a due date keeps its bell").isTrue();
            assertThat(t.driver().findElements(org.openqa.selenium.By.cssSelector(".meta.dates .followup-date")))
                    .allSatisfy(f -> assertThat(f.isDisplayed()).as("Set follow up").isFalse());
            // nor a "Create task" in the header: tasks come from lotflow's processes only (new user 17 F9)
            assertThat(t.driver().findElements(org.openqa.selenium.By.xpath("//a[contains(normalize-space(.),"
                    + " 'Create task')]"))).isNotEmpty()
                    .allSatisfy(a -> assertThat(a.isDisplayed()).as("Create task").isFalse());
            // nor Camunda's red end-of-life notice where analysts sign (new user 2026-12-07 F14): in the page, not shown
            assertThat(t.driver().findElements(org.openqa.selenium.By.cssSelector(".ce-eol-banner")))
                    .allSatisfy(b -> assertThat(b.isDisplayed()).as("Camunda 8 notice").isFalse());
            t.typeInCamundaForm("Results", results);
            completeAndWait(t, lot, "recordLabResults");
        });
    }

    /** The decision select of an embedded form: an empty first choice, selected; nothing chosen for her. */
    private static List<String> noDefaultDecision(Select select) {
        List<WebElement> options = select.getOptions();
        assertThat(options.get(0).getAttribute("value")).isEmpty();
        assertThat(select.getFirstSelectedOption().getAttribute("value")).as("preselected decision").isEmpty();
        return options.stream().map(o -> o.getAttribute("value") + "=" + o.getText().trim()).toList();
    }

    @Test
    void sarahAndJenniferWorkAnOosResultThroughItsInvestigationToASignedRejection() {
        String lot = newLot("OOSUI");

        // 1. Sarah records an out-of-specification viscosity: an investigation opens, the lot stays PENDING
        sarahRecords(lot, "viscosity = 232\nflashPoint = 230");
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(task(lot, "investigateLabError")).isNotNull();

        // 2. she may not take phase I of her own result: Tasklist refuses her claim in a plain sentence, and
        //    the task stays free for a supervisor
        as("sarah", "phase1-own", t -> {
            t.openTask(QA_ANALYSTS, "OOS phase I", lot);
            t.tryClaim();
            String refusal = t.notification("Four-eyes");
            assertThat(refusal).contains("Four-eyes principle: you recorded the out-of-specification result of lot "
                    + lot + " and may not also conclude its laboratory investigation (a supervisor checks the"
                    + " measurement); another person of the group does it")
                    .doesNotContainPattern("\\b500\\b").doesNotContain("Internal Server Error")
                    .doesNotContain("ENGINE-").doesNotContain("Exception");
            System.out.println("Tasklist shows sarah: " + refusal);
        });
        assertThat(task(lot, "investigateLabError").getAssignee()).as("phase I still free").isNull();

        // 3. Jennifer confirms the result in phase I
        as("jennifer", "phase1", t -> {
            t.openTask(QA_MANAGERS, "OOS phase I", lot);
            t.claim();
            // phase I has its due date (new user 28 L3), shown with its bell and not offered for change
            org.openqa.selenium.WebElement due = t.visible(org.openqa.selenium.By.cssSelector(".meta.dates .due-date"));
            assertThat(due.getCssValue("pointer-events")).isEqualTo("none");
            assertThat(due.findElement(org.openqa.selenium.By.cssSelector(".glyphicon-bell")).isDisplayed())
                    .as("a due date keeps its bell").isTrue();
            assertThat(t.formText()).contains("FAIL viscosity: 232 cSt (limits 245 – 255 cSt)")
                    .contains("Sarah Johnson");
            t.chooseInCamundaForm("Conclusion", "No laboratory error");
            t.typeInCamundaForm("Findings", "Calculation, viscometer calibration and standard checked: no laboratory error");
            completeAndWait(t, lot, "investigateLabError");
        });

        // 4. Sarah investigates production (phase II)
        as("sarah", "phase2", t -> {
            t.openTask(QA_ANALYSTS, "OOS phase II", lot);
            t.claim();
            assertThat(t.formText()).contains("full-scale investigation (phase II)")
                    // a lot made here: its manufacture is reviewed (a received one: its supplier's side; new user L5)
                    .contains("A lot made here: review the batch record")
                    .contains("FAIL viscosity: 232 cSt (limits 245 – 255 cSt)").contains("Jennifer Lee")
                    .contains("viscometer calibration");
            t.typeInCamundaForm("Findings", "Batch record: base oil lot BO-77 at the low end of its COA");
            completeAndWait(t, lot, "investigateProduction");
        });
        assertThat(status(lot)).isEqualTo("PENDING");

        // 5. Jennifer decides, signing with her password
        as("jennifer", "decide", t -> {
            t.openTask(QA_MANAGERS, "Decide on out-of-specification lot", lot);
            t.claim();
            t.form();
            t.until("the decision form shows the lot", () -> t.formText().contains(lot));
            String form = t.formText();
            assertThat(form).contains("Out-of-specification lot " + lot + ": decision")
                    .contains("- FAIL viscosity: 232 cSt (limits 245 – 255 cSt)").contains("PASS flashPoint: 230 °C")
                    .doesNotContain("**").contains("recorded by Sarah Johnson")
                    .contains("Laboratory investigation (phase I)").contains("viscometer calibration")
                    .contains("Jennifer Lee").contains("Full-scale investigation (phase II)").contains("BO-77");
            Select decision = t.select("oosDecision");
            assertThat(noDefaultDecision(decision)).containsExactly("=Choose: reject or release",
                    "REJECT=Reject the lot (it becomes REJECTED and can never be released)",
                    "RELEASE=Release the lot despite the confirmed result (only on justified, documented evidence)");
            WebElement password = t.field("signaturePassword");
            assertThat(password.getAttribute("type")).isEqualTo("password");
            decision.selectByValue("REJECT");
            // the justification is marked required, and Complete's wait is said in words (new user 27 N1)
            assertThat(t.visible(By.cssSelector("label[for='comment']")).getText()).isEqualTo("Justification *");
            t.until("what Complete waits for", () -> t.visible(MISSING).getText().equals("Complete is greyed out while"
                    + " a required field (*) is empty. Still missing: a justification, your password."));
            assertThat(t.driver().findElement(COMPLETE).isEnabled()).isFalse();
            t.field("comment").sendKeys("Confirmed OOS, root cause base oil BO-77: rejected");
            // a mistyped password: refused in a sentence, nothing signed, the password field emptied
            password.sendKeys("not-her-password");
            t.complete();
            String refused = t.notification("password does not match");
            assertThat(refused).contains("The password does not match user 'jennifer'").contains("was not signed")
                    .doesNotContainPattern("\\b500\\b").doesNotContain("ENGINE-").doesNotContain("Exception");
            t.until("the password field emptied", () -> t.field("signaturePassword").getDomProperty("value").isEmpty());
            // and the form says why beside the emptied field (U7)
            String beside = t.visible(org.openqa.selenium.By.cssSelector("[data-lotflow-refusal]")).getText();
            System.out.println("The form shows jennifer: " + beside);
            assertThat(beside).startsWith("Not signed:").contains("The password does not match user 'jennifer'")
                    .contains("was not signed. Your password was cleared").endsWith("enter it again to sign.");
            assertThat(task(lot, "decideOutOfSpecification")).as("decision still open").isNotNull();
            assertThat(history(lot, "OOS_DECISION_SIGNED")).isEmpty();
            t.field("signaturePassword").sendKeys("jennifer");
            completeAndWait(t, lot, "decideOutOfSpecification");
        });

        assertThat(status(lot)).isEqualTo("REJECTED");
        List<JsonNode> signed = history(lot, "OOS_DECISION_SIGNED");
        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).get("detail").get("signature").get("meaning").asText()).isEqualTo("OOS rejection");
        assertThat(signed.get(0).get("detail").get("signature").get("userId").asText()).isEqualTo("jennifer");
        assertThat(signed.get(0).toString()).doesNotContain("\"jennifer\",\"password").doesNotContain("signaturePassword");

        // 6. Mike disposes of the rejected lot: made at the plant, it is offered no return to a supplier (F15)
        as("mike", "dispose", t -> {
            t.openTask("Production", "Confirm disposal", lot);
            t.claim();
            t.form();
            t.until("the disposal form shows the lot", () -> t.formText().contains(lot));
            assertThat(t.formText()).contains("Made at the plant: it has no supplier to return it to")
                    .contains("Why: rejected after the out-of-specification investigation of test round 1 by Jennifer"
                            + " Lee (jennifer) at ");
            assertThat(t.optionsInCamundaForm("Disposal method")).containsExactly("Destroyed (licensed waste contractor)");
            t.chooseInCamundaForm("Disposal method", "Destroyed");
            completeAndWait(t, lot, "confirmDisposal");
        });
        assertThat(history(lot, "DISPOSAL_CONFIRMED")).hasSize(1);
        assertThat(history(lot, "DISPOSAL_CONFIRMED").get(0).get("detail").get("method").asText()).isEqualTo("DESTROYED");
    }

    @Test
    void aPassingResultIsApprovedInTheSignedReleaseForm() {
        String lot = newLot("PASSUI");
        sarahRecords(lot, "viscosity = 249\nflashPoint = 231");
        assertThat(task(lot, "approveRelease")).isNotNull();

        as("jennifer", "approve", t -> {
            t.openTask(QA_MANAGERS, "Approve release", lot);
            t.claim();
            t.form();
            t.until("the release form shows the lot", () -> t.formText().contains(lot));
            assertThat(t.formText()).contains("Release of lot " + lot)
                    .contains("PASS viscosity: 249 cSt (limits 245 – 255 cSt)").contains("PASS flashPoint: 231")
                    .contains("°C").contains("Test round 1 (original analysis): lab results recorded by Sarah Johnson (sarah)")
                    .contains("Earlier out-of-specification results");
            Select approved = t.select("approved");
            assertThat(noDefaultDecision(approved)).containsExactly("=Choose: approve or refuse",
                    "true=Approve the release of this lot", "false=Refuse the release (the lot will be rejected)");
            WebElement password = t.field("signaturePassword");
            assertThat(password.getAttribute("type")).isEqualTo("password");
            // required fields are marked as the Camunda Forms mark theirs, and a greyed-out Complete says what it
            // waits for (new user 27 N1: no asterisk on Comment, and nothing said why Complete stayed grey)
            assertThat(t.visible(By.cssSelector("label[for='comment']")).getText()).isEqualTo("Comment *");
            assertThat(t.visible(By.cssSelector("label[for='approved']")).getText()).isEqualTo("Decision *");
            assertThat(t.visible(By.cssSelector("label[for='signaturePassword']")).getText()).isEqualTo("Your password *");
            assertThat(t.formText()).contains("Required: why you approve or refuse the release");
            assertThat(t.visible(MISSING).getText()).isEqualTo("Complete is greyed out while a required field (*) is"
                    + " empty. Still missing: a decision, a comment, your password.");
            approved.selectByValue("true");
            password.sendKeys("jennifer");
            t.until("only the comment missing", () -> t.visible(MISSING).getText().endsWith("Still missing: a comment."));
            assertThat(t.driver().findElement(COMPLETE).isEnabled()).as("Complete without a comment").isFalse();
            t.field("comment").sendKeys("All specifications met, COA issued");
            t.until("nothing missing", () -> t.driver().findElements(MISSING).isEmpty());
            completeAndWait(t, lot, "approveRelease");
        });

        assertThat(status(lot)).isEqualTo("RELEASED");
        assertThat(history(lot, "RELEASE_APPROVED")).hasSize(1);
    }
}
