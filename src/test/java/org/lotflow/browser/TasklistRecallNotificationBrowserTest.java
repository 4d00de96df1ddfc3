package org.lotflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.trace.GenealogyFixture;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rachel (recall coordinator) answers two customers' recall notifications in Tasklist's real UI, in headless
 * Chromium: the embedded form asks how and whom she reached (21 CFR 7.42(b)(3), 7.49), a choice with no default and
 * a person, whether she reached the customer at all (a choice of its own with no default: "could not be reached" is
 * never "notified", new user U3, 7.53), whether the customer acknowledged, what it returned to the plant and what it destroyed on site (7.59),
 * and an optional note; left empty, the destroyed quantity is 0 and the note none. What she submits passes the
 * engine gate (exactly the form's fields) and is what the recall shows.
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code tools/install-browser-test-deps.sh}, run by
 * {@code .ci/run}); fails, never skips, without them. Screenshots and the page of a failed step land in
 * {@code target/browser/}.
 */
@ApiTest
class TasklistRecallNotificationBrowserTest {

    @Autowired
    TestClient api;

    @Autowired
    TaskService taskService;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private static Tasklist browser;

    @BeforeAll
    static void startChromium() {
        browser = Tasklist.start(); // fails with the install command if Chromium is missing
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    private JsonNode customer(String recallNumber, String customer) {
        for (JsonNode c : api.get("rachel", "/api/recalls/" + recallNumber).json().get("customers")) {
            if (c.get("customer").asText().equals(customer)) {
                return c;
            }
        }
        throw new AssertionError(customer + " is no customer of " + recallNumber);
    }

    /**
     * Rachel answers the customer's task in Tasklist: reached (and acknowledged) or could not be reached (and so did
     * not acknowledge); {@code destroyed} and {@code note} may be left empty.
     */
    private void answer(String number, String customer, boolean reached, String method, String person,
            String returned, String destroyed, String note) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("notifyCustomer").taskNameLike("%" + customer + "%").singleResult();
        assertThat(task).as("the notifyCustomer task of " + customer).isNotNull();
        try {
            browser.login(port, "rachel");
            browser.openTask("Recall coordinators", "Notify " + customer, number);
            browser.claim();
            browser.form();
            browser.until("the form shows the customer", () -> browser.formText().contains(customer));
            assertThat(browser.formText()).contains("Reached by").contains("Did you reach the customer?").contains("Person at the customer")
                    .contains("Quantity returned to us").contains("Quantity destroyed at the customer").contains("Note");
            Select how = browser.select("contactMethod");
            assertThat(how.getFirstSelectedOption().getAttribute("value")).as("no contact method chosen for her")
                    .isEmpty();
            assertThat(how.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("", "PHONE",
                    "EMAIL", "LETTER", "FAX", "VISIT");
            how.selectByValue(method);
            browser.field("contactPerson").sendKeys(person);
            Select wasReached = browser.select("reached");
            assertThat(wasReached.getFirstSelectedOption().getAttribute("value")).as("nothing chosen for her").isEmpty();
            assertThat(wasReached.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly("", "true",
                    "false");
            wasReached.selectByValue(String.valueOf(reached));
            if (reached) {
                // reached: no "further attempt" to choose (re-test 2026-12-06 L1)
                browser.until("the attempt question hidden", () -> !browser.formText().contains("If it could not be"
                        + " reached"));
                browser.select("acknowledged").selectByValue("true");
                browser.field("quantityReturned").sendKeys(returned);
                if (destroyed != null) {
                    browser.field("quantityDestroyed").sendKeys(destroyed);
                }
            } else {
                // nobody there was told: acknowledgement and quantities are not asked (new user 2026-12-06 M2)
                browser.until("the form says what a customer not reached records",
                        () -> browser.formText().contains("nobody there was told"));
                assertThat(browser.formText()).doesNotContain("Quantity returned to us");
            }
            if (note != null) {
                browser.field("note").sendKeys(note);
            }
            browser.complete();
            browser.until("the task of " + customer + " completed",
                    () -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
        } catch (RuntimeException | Error e) {
            browser.evidence(getClass().getSimpleName() + "-" + customer.replace(' ', '_'));
            throw e;
        }
        api.executeJobs();
    }

    @Test
    void rachelSaysHowAndWhomSheReachedAndWhatWasReturnedAndWhatDestroyed() {
        String sku = api.createProduct("RCB", "kg"); // 30.5 destroyed: a measure (drums are counted whole: audit 28 F2)
        String lot = api.releasedLot(sku, new BigDecimal("200"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Acme Foods", lot, "100", "2025-01-22");
        f.ship("Beta Bakery", lot, "20", "2025-01-23");
        String number = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "Foreign matter",
                "classification", "CLASS_II")).json().get("recallNumber").asText();
        api.executeJobs();

        answer(number, "Acme Foods", true, "VISIT", "Jane Roe, QA manager", "60", "30.5", "Certificate of destruction to follow");
        JsonNode acme = customer(number, "Acme Foods");
        assertThat(acme.get("contactMethod").asText()).isEqualTo("VISIT");
        assertThat(acme.get("contactPerson").asText()).isEqualTo("Jane Roe, QA manager");
        assertThat(acme.get("quantityReturned").decimalValue()).isEqualByComparingTo("60");
        assertThat(acme.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(acme.get("note").asText()).isEqualTo("Certificate of destruction to follow");

        assertThat(acme.get("notified").asBoolean()).isTrue();

        // could not be reached: recorded as the attempt, never as notified; the destroyed quantity and the note left
        // empty: 0 and none
        answer(number, "Beta Bakery", false, "PHONE", "Reception (no answer from purchasing)", "0", null, null);
        JsonNode beta = customer(number, "Beta Bakery");
        assertThat(beta.get("reached").asBoolean()).isFalse();
        assertThat(beta.get("notified").asBoolean()).isFalse();
        assertThat(beta.get("acknowledged").asBoolean()).isFalse();
        assertThat(beta.get("contactMethod").asText()).isEqualTo("PHONE");
        assertThat(beta.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("0");
        assertThat(beta.has("note")).isFalse();
        assertThat(api.get("rachel", "/api/recalls/" + number).json().get("effectiveness").get("retrievedPercent")
                .decimalValue()).isEqualByComparingTo("75.4");
        assertThat(api.get("rachel", "/api/recalls/" + number).json().get("effectiveness").get("notReached").asInt())
                .isEqualTo(1);
    }
}
