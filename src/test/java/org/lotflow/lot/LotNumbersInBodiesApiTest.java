package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A lot number in a request body is found whatever its case, as in a path (lot numbers are unique whatever their case,
 * V122), and the records name the lot as stored (auditor 2026-12-06 B2, new user P10: "no lot 'rm-2025-015'" for a
 * lot the lot page showed).
 */
@ApiTest
class LotNumbersInBodiesApiTest {

    @Autowired
    TestClient api;

    private static String lower(String lotNumber) {
        return lotNumber.toLowerCase(Locale.ROOT);
    }

    /** A number given by hand is kept in the scheme's letters, not as typed (auditor 2026-12-06 C-i). */
    @Test
    void aLotNumberGivenByHandIsKeptInTheSchemesCase() {
        String sku = api.createProduct("CASENUM");
        Response made = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 5, "manufactureDate", "2025-01-20",
                "location", "A1", "lotNumber", lower(sku) + "-2025-050"));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("lotNumber").asText()).isEqualTo(sku + "-2025-050");
        assertThat(api.get("tom", "/api/lots/" + sku + "-2025-050").json().get("lotNumber").asText())
                .isEqualTo(sku + "-2025-050");
    }

    /** A lot number in a path of a recording write finds the lot's task too (auditor 2026-12-06 C-a: 409 "no open task"). */
    @Test
    void labResultsSentToALowerCasePathCompleteTheLotsTask() {
        String lot = api.createLot(api.createProduct("CASELAB"), new BigDecimal("10"), "2025-01-20");
        Response lab = api.post("sarah", "/api/lots/" + lower(lot) + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease").json()).hasSize(1);
    }

    @Test
    void sourceLotsRequestedLotsDrillsRecallsAndHoldsFindTheLotWhateverItsCase() {
        String sku = api.createProduct("CASE");
        String raw = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");

        // a source lot typed in lower case: consumed, and the genealogy names it as stored
        Response made = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 10, "manufactureDate",
                "2025-01-20", "location", "A1", "sourceLots", List.of(Map.of("lotNumber", lower(raw), "quantity", 4))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        // the answer names the source as stored, as the first read does (re-test 2026-12-06 R7)
        assertThat(made.json().get("sourceLots").get(0).get("lotNumber").asText()).isEqualTo(raw);
        assertThat(api.get("tom", "/api/lots/" + raw).json().get("consumed").decimalValue()).isEqualByComparingTo("4");
        assertThat(api.get("tom", "/api/lots/" + raw + "/history").text()).contains("\"consumedBy\":\""
                + made.json().get("lotNumber").asText());
        // the same lot twice, in two cases, is listed twice
        Response twice = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 10, "manufactureDate",
                "2025-01-20", "location", "A1", "sourceLots", List.of(Map.of("lotNumber", raw, "quantity", 1),
                        Map.of("lotNumber", lower(raw), "quantity", 1))));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(400);
        assertThat(twice.json().get("field").asText()).isEqualTo("sourceLots[1].lotNumber");

        // a requested lot: the order keeps the stored number
        Response order = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-CASE-" + sku, "customer",
                "Case Foods", "sku", sku, "quantity", 5, "requestedLot", lower(raw),
                "requestReason", "Technical compatibility"));
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        assertThat(order.json().get("requestedLot").asText()).isEqualTo(raw);

        // a drill's lot
        Response drill = api.post("rachel", "/api/mock-recalls", Map.of("lotNumber", lower(raw)));
        assertThat(drill.status()).as(drill.toString()).isEqualTo(201);
        assertThat(drill.json().get("lotNumber").asText()).isEqualTo(raw);

        // a hold through Tasklist's start form: the investigation's business key is the stored number
        String other = api.releasedLot(sku, new BigDecimal("20"), "2025-01-10");
        Response held = api.post("sarah", "/engine-rest/process-definition/key/quarantineInvestigation/submit-form",
                Map.of("variables", Map.of("lotNumber", Map.of("value", lower(other)), "reason", Map.of("value",
                        "Seal check"), "source", Map.of("value", "OTHER"))));
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.json().get("businessKey").asText()).isEqualTo(other);
        assertThat(api.get("tom", "/api/lots/" + other).json().get("status").asText()).isEqualTo("QUARANTINE");

        // a recall's lots: found, and one lot in two cases is listed twice
        Response twiceRecalled = api.post("rachel", "/api/recalls", Map.of("lots", List.of(raw, lower(raw)), "reason",
                "Seal failure", "classification", "CLASS_III"));
        assertThat(twiceRecalled.status()).as(twiceRecalled.toString()).isEqualTo(400);
        assertThat(twiceRecalled.json().get("field").asText()).isEqualTo("lots[1]");
        Response recalled = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lower(raw)), "reason",
                "Seal failure", "classification", "CLASS_III"));
        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(201);
        JsonNode lots = recalled.json().get("lots");
        assertThat(lots).extracting(l -> l.get("lotNumber").asText()).contains(raw);
        assertThat(api.get("tom", "/api/lots/" + raw).json().get("status").asText()).isEqualTo("RECALLED");

        // a look-alike letter of another script is no case of a lot number's letter (re-test 2026-12-06 R5: a Turkish
        // dotless i upper-cases to I and opened, held and drilled IL250-...)
        String dotted = api.releasedLot(api.createProduct("IDOT"), new BigDecimal("5"), "2025-01-10");
        String dotless = "\u0131" + lower(dotted).substring(1); // "ıdot-..."
        assertThat(api.get("tom", "/api/lots/" + lower(dotted)).status()).isEqualTo(200);
        assertThat(api.get("tom", "/api/lots/" + dotless).status()).isEqualTo(404);
        assertThat(api.post("rachel", "/api/mock-recalls", Map.of("lotNumber", dotless)).status()).isEqualTo(404);
        assertThat(api.post("sarah", "/api/lots/" + dotless + "/holds", Map.of("reason", "look-alike")).status())
                .isEqualTo(404);
        assertThat(api.get("tom", "/api/lots/" + dotted).json().get("status").asText()).isEqualTo("RELEASED");
    }
}
