package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer's answer to a recall notification says how and whom the plant reached (21 CFR 7.42(b)(3): "personal
 * visits, telephone calls, letters, or a combination"; 7.49) and keeps "returned to us" apart from "destroyed at the
 * customer" (7.59 effectiveness checks): the same rules by the lotflow API and by {@code /engine-rest} (the Tasklist
 * form's fields), stored, shown on the recall and in each lot's history, and counted by the effectiveness check and
 * the recall impact report. A refused answer changes nothing.
 */
@ApiTest
class RecallNotificationContactApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> answer(Object... kv) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            body.put((String) kv[i], kv[i + 1]);
        }
        return body;
    }

    /** A valid answer for Acme Foods, with {@code kv} replacing or adding fields (a null value leaves one out). */
    private static Map<String, Object> acme(Object... kv) {
        Map<String, Object> body = answer("customer", "Acme Foods", "acknowledged", true, "contactMethod", "PHONE",
                "contactPerson", "Jane Roe, QA manager", "quantityReturned", 50, "quantityDestroyed", 30.5, "note",
                "Ten pallets crushed on site;\ncertificate of destruction to follow");
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] == null) {
                body.remove((String) kv[i]);
            } else {
                body.put((String) kv[i], kv[i + 1]);
            }
        }
        return body;
    }

    private Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, v instanceof Map<?, ?> typed ? typed : Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
    }

    private String task(String recallNumber, String customer) {
        for (JsonNode t : api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + recallNumber
                + "&taskDefinitionKey=notifyCustomer").json()) {
            if (t.get("name").asText().contains(customer)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no notifyCustomer task for " + customer + " in " + recallNumber);
    }

    private JsonNode customer(String recallNumber, String customer) {
        for (JsonNode c : api.get("rachel", "/api/recalls/" + recallNumber).json().get("customers")) {
            if (c.get("customer").asText().equals(customer)) {
                return c;
            }
        }
        throw new AssertionError(customer + " is no customer of " + recallNumber);
    }

    private List<JsonNode> notifiedEvents(String lot) {
        List<JsonNode> out = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/history").json().forEach(e -> {
            if (RecallEventTypes.RECALL_CUSTOMER_NOTIFIED.equals(e.get("type").asText())) {
                out.add(e);
            }
        });
        return out;
    }

    private static void refused(Response r, String field, String... detailContains) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        for (String part : detailContains) {
            assertThat(r.json().get("detail").asText()).as(r.toString()).contains(part);
        }
    }

    @Test
    void theAnswerKeepsHowAndWhomTheCustomerWasReachedAndWhatItReturnedApartFromWhatItDestroyed() {
        String sku = api.createProduct("RCC", "kg"); // 30.5 destroyed: a measure (drums are counted whole: audit 28 F2)
        String lot = api.releasedLot(sku, new BigDecimal("200"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Acme Foods", lot, "100", "2025-01-22");
        f.ship("Beta Bakery", lot, "20", "2025-01-23");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Foreign matter", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String number = opened.json().get("recallNumber").asText();
        api.executeJobs();
        String answers = "/api/recalls/" + number + "/notifications";

        // the API: each missing or bad field is 400 problem+json naming it, and nothing changes
        refused(api.post("rachel", answers, acme("contactMethod", null)), "contactMethod", "required");
        refused(api.post("rachel", answers, acme("contactMethod", " Phone ")), "contactMethod", "is not a contact method");
        refused(api.post("rachel", answers, acme("contactMethod", "PIGEON")), "contactMethod",
                "'PIGEON' is not a contact method: one of PHONE, EMAIL, LETTER, FAX, VISIT");
        refused(api.post("rachel", answers, acme("contactPerson", null)), "contactPerson", "required");
        refused(api.post("rachel", answers, acme("contactPerson", "  ")), "contactPerson", "required");
        refused(api.post("rachel", answers, acme("contactPerson", "Jane\nRoe")), "contactPerson",
                "one line of visible text");
        refused(api.post("rachel", answers, acme("contactPerson", "J".repeat(201))), "contactPerson",
                "at most 200 characters, was 201");
        refused(api.post("rachel", answers, acme("note", "n".repeat(2001))), "note",
                "at most 2000 characters, was 2001");
        refused(api.post("rachel", answers, acme("quantityDestroyed", -1)), "quantityDestroyed");
        refused(api.post("rachel", answers, acme("quantityDestroyed", new BigDecimal("1.2345"))), "quantityDestroyed",
                "never rounded");
        refused(api.post("rachel", answers, acme("quantityDestroyed", "ten")), "quantityDestroyed");
        refused(api.post("rachel", answers, acme("quantityReturned", 50, "quantityDestroyed", 60)), "quantityDestroyed",
                "50 kg returned and 60 kg destroyed is more than the 100 kg shipped to Acme Foods");
        assertThat(customer(number, "Acme Foods").get("notified").asBoolean()).isFalse();
        assertThat(notifiedEvents(lot)).isEmpty();

        // recorded and shown: on the recall and in the lot's history
        Response answered = api.post("rachel", answers, acme());
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode acme = customer(number, "Acme Foods");
        assertThat(acme.get("contactMethod").asText()).isEqualTo("PHONE");
        assertThat(acme.get("contactPerson").asText()).isEqualTo("Jane Roe, QA manager");
        assertThat(acme.get("note").asText()).isEqualTo("Ten pallets crushed on site;\ncertificate of destruction"
                + " to follow");
        assertThat(acme.get("quantityReturned").decimalValue()).isEqualByComparingTo("50");
        assertThat(acme.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(acme.get("acknowledged").asBoolean()).isTrue();
        List<JsonNode> events = notifiedEvents(lot);
        assertThat(events).hasSize(1);
        JsonNode detail = events.get(0).get("detail");
        assertThat(detail.get("contactMethod").asText()).isEqualTo("PHONE");
        assertThat(detail.get("contactPerson").asText()).isEqualTo("Jane Roe, QA manager");
        assertThat(detail.get("note").asText()).startsWith("Ten pallets crushed on site");
        assertThat(detail.get("quantityReturned").decimalValue()).isEqualByComparingTo("50");
        assertThat(detail.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("30.5");
        assertThat(events.get(0).get("reason").asText()).contains("by telephone call (Jane Roe, QA manager)")
                .contains("returned 50 of 100 kg shipped, destroyed at the customer 30.5 kg");

        // /engine-rest (the Tasklist form's fields): the form's fields only, the same rules
        String beta = task(number, "Beta Bakery");
        Response extra = complete("rachel", beta, answer("reached", true, "acknowledged", true, "contactMethod", "LETTER",
                "contactPerson", "Purchasing", "quantityReturned", 5, "quantityDestroyed", 15, "notifiedBy", "someone"));
        assertThat(extra.status()).as(extra.toString()).isEqualTo(400);
        assertThat(extra.json().get("detail").asText()).contains("notifiedBy");
        Response noPerson = complete("rachel", beta, answer("reached", true, "acknowledged", true, "contactMethod", "LETTER",
                "quantityReturned", 5));
        assertThat(noPerson.status()).as(noPerson.toString()).isEqualTo(400);
        assertThat(noPerson.json().get("detail").asText()).contains("contactPerson");
        Response pigeon = complete("rachel", beta, answer("reached", true, "acknowledged", true, "contactMethod", "PIGEON",
                "contactPerson", "Purchasing", "quantityReturned", 5));
        assertThat(pigeon.status()).as(pigeon.toString()).isEqualTo(400);
        assertThat(pigeon.json().get("detail").asText()).contains("contactMethod");
        Response tooMuch = complete("rachel", beta, answer("reached", true, "acknowledged", true, "contactMethod", "LETTER",
                "contactPerson", "Purchasing", "quantityReturned", 10, "quantityDestroyed", 11));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(400);
        assertThat(tooMuch.text()).contains("quantityDestroyed: 10 kg returned and 11 kg destroyed is more than"
                + " the 20 kg shipped to Beta Bakery");
        assertThat(customer(number, "Beta Bakery").get("notified").asBoolean()).isFalse();
        Response done = complete("rachel", beta, answer("reached", true, "acknowledged", true, "contactMethod", "LETTER",
                "contactPerson", "Purchasing", "quantityReturned", 5, "quantityDestroyed",
                Map.of("value", 15.0, "type", "Double"), "note", Map.of("value", "Registered letter RL-17",
                        "type", "String")));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();

        JsonNode recall = api.get("jennifer", "/api/recalls/" + number).json();
        JsonNode betaRow = customer(number, "Beta Bakery");
        assertThat(betaRow.get("contactMethod").asText()).isEqualTo("LETTER");
        assertThat(betaRow.get("contactPerson").asText()).isEqualTo("Purchasing");
        assertThat(betaRow.get("note").asText()).isEqualTo("Registered letter RL-17");
        assertThat(betaRow.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("15");
        // the effectiveness check: returned and destroyed apart, the retrieved share counts both
        JsonNode eff = recall.get("effectiveness");
        assertThat(recall.get("status").asText()).isEqualTo("AWAITING_CLOSE");
        assertThat(eff.get("quantityShipped").decimalValue()).isEqualByComparingTo("120");
        assertThat(eff.get("quantityReturned").decimalValue()).isEqualByComparingTo("55");
        assertThat(eff.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("45.5");
        assertThat(eff.get("returnedPercent").decimalValue()).isEqualByComparingTo("45.8");
        assertThat(eff.get("retrievedPercent").decimalValue()).isEqualByComparingTo("83.8");
        assertThat(eff.get("quantities").get(0).get("destroyed").decimalValue()).isEqualByComparingTo("45.5");
        assertThat(recall.get("timeline")).extracting(e -> e.get("text").asText()).anySatisfy(t -> assertThat(t)
                .contains("55 of 120 kg returned (45.8 %) and 45.5 kg destroyed at the customers: 83.8 % retrieved"));
        // the recall impact report: destroyed beside returned, outstanding = shipped - returned - destroyed
        JsonNode impact = api.get("jennifer", "/api/reports/recall-impact?recall=" + number).json().get("recalls")
                .get(0);
        assertThat(impact.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("45.5");
        assertThat(impact.get("outstanding").decimalValue()).isEqualByComparingTo("19.5");
        assertThat(impact.get("byCustomer")).extracting(c -> c.get("customer").asText() + " "
                + c.get("quantityReturned").decimalValue().stripTrailingZeros().toPlainString() + " "
                + c.get("quantityDestroyed").decimalValue().stripTrailingZeros().toPlainString() + " "
                + c.get("outstanding").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("Acme Foods 50 30.5 19.5", "Beta Bakery 5 15 0");
        Response csv = api.call("jennifer", "jennifer", org.springframework.http.HttpMethod.GET,
                "/api/reports/recall-impact?recall=" + number, null, "text/csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.text().lines().findFirst().orElseThrow()).contains("quantityReturned,quantityDestroyed,outstanding");
    }
}
