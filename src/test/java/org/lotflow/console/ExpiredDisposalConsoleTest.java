package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.expiry.internal.ExpiryRun;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 26 F4 on the Console: the page of an EXPIRED lot with stock on hand offers QA managers and production a form
 * to record a disposal of it (the API's use case, its refusals at the field, nothing changed), once per form; nobody
 * else is offered it, and an outsider's post is 403.
 */
@ApiTest
class ExpiredDisposalConsoleTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExpiryRun expiry;
    @LocalServerPort
    int port;

    private String expiredLot() {
        String sku = api.createProduct("EXDC");
        String lot = api.releasedLot(sku, new BigDecimal("6"), "2025-01-10");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-20' WHERE lot_number = ?", lot);
        expiry.markExpired();
        return lot;
    }

    private BigDecimal figure(String lot, String field) {
        return api.get("tom", "/api/lots/" + lot).json().get(field).decimalValue();
    }

    private static Map<String, String> form(String quantity, String method, String reference) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("quantity", quantity);
        f.put("disposalMethod", method);
        f.put("disposalReference", reference);
        return f;
    }

    @Test
    void mikeRecordsTheDisposalOfExpiredStockOnTheLotsPageAndEveryRefusalIsShownAtItsField() {
        String lot = expiredLot();
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        String page = mike.get("/console/lots/" + lot).html();
        assertThat(page).contains("id=\"disposal-form\"").contains("name=\"_once\"")
                .contains("value=\"DESTROYED\"").doesNotContain("value=\"RETURNED_TO_SUPPLIER\"");
        for (String user : new String[] {"tom", "sarah", "demo"}) {
            assertThat(ConsoleSession.login(port, user).get("/console/lots/" + lot).html()).as(user)
                    .doesNotContain("id=\"disposal-form\"");
        }
        assertThat(ConsoleSession.login(port, "jennifer").get("/console/lots/" + lot).html())
                .contains("id=\"disposal-form\"");

        ConsoleSession.Page unreadable = mike.post("/console/lots/" + lot + "/disposals", form("four", "DESTROYED", ""));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.html()).contains("id=\"disposal-problem\"").contains("data-field=\"quantity\"")
                .contains("value=\"four\"");
        ConsoleSession.Page noMethod = mike.post("/console/lots/" + lot + "/disposals", form("4", "", "WM-7"));
        assertThat(noMethod.status()).isEqualTo(400);
        assertThat(noMethod.html()).contains("data-field=\"disposalMethod\"").contains("value=\"WM-7\"");
        ConsoleSession.Page tooMuch = mike.post("/console/lots/" + lot + "/disposals", form("7", "DESTROYED", ""));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.html()).contains("id=\"disposal-problem\"").contains("has only 6 drums on hand");
        // drums are disposed of whole (audit 28 F2): the sentence at the field, nothing recorded
        ConsoleSession.Page half = mike.post("/console/lots/" + lot + "/disposals", form("0.5", "DESTROYED", ""));
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.html()).contains("id=\"disposal-problem\"").contains("data-field=\"quantity\"")
                .contains("0.5 drums is not a whole number of drums; enter a whole number of drums");
        assertThat(figure(lot, "disposed")).as("nothing recorded").isEqualByComparingTo("0");

        ConsoleSession.Page done = mike.post("/console/lots/" + lot + "/disposals", form("4", "DESTROYED", "WM-7"));
        assertThat(done.status()).as(done.html()).isEqualTo(302);
        assertThat(figure(lot, "disposed")).isEqualByComparingTo("4");
        assertThat(figure(lot, "onHand")).isEqualByComparingTo("2");
        String after = mike.get("/console/lots/" + lot + "?disposed").html();
        assertThat(after).contains("id=\"disposed-notice\"").contains("Disposed of expired stock: 4 drums destroyed"
                + " (WM-7); 2 drums still on hand").contains("id=\"disposal-form\"");

        // the same form sent again (Back, reload) records nothing more
        Map<String, String> again = form("1", "DESTROYED", "");
        again.put("_once", "made-up-token");
        assertThat(mike.post("/console/lots/" + lot + "/disposals", again).status()).isEqualTo(409);
        // an outsider is told 403
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        tom.get("/console/lots/" + lot);
        assertThat(tom.post("/console/lots/" + lot + "/disposals", form("1", "DESTROYED", "")).status())
                .isEqualTo(403);
        assertThat(figure(lot, "disposed")).isEqualByComparingTo("4");

        assertThat(mike.post("/console/lots/" + lot + "/disposals", form("2", "DESTROYED", "")).status())
                .isEqualTo(302);
        assertThat(mike.get("/console/lots/" + lot).html()).doesNotContain("id=\"disposal-form\"");
    }
}
