package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TraceApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    GenealogyFixture f;

    @BeforeAll
    void genealogy() {
        f = GenealogyFixture.build(api, jdbc);
    }

    private JsonNode trace(String lot, String direction) {
        Response r = api.get("tom", "/api/lots/" + lot + "/trace?direction=" + direction);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static Map<String, Integer> depths(JsonNode trace) {
        Map<String, Integer> out = new HashMap<>();
        trace.get("lots").forEach(l -> {
            assertThat(out.put(l.get("lotNumber").asText(), l.get("depth").asInt())).as("each lot once").isNull();
        });
        return out;
    }

    @Test
    void everyLotBothWaysMatchesABreadthFirstSearch() {
        for (String lot : f.lots()) {
            JsonNode down = trace(lot, "downstream");
            assertThat(down.get("lotNumber").asText()).isEqualTo(lot);
            assertThat(down.get("direction").asText()).isEqualTo("downstream");
            Map<String, Integer> expected = f.bfs(lot, true);
            assertThat(depths(down)).as("downstream of " + lot).isEqualTo(expected);
            List<String> customers = new java.util.ArrayList<>();
            down.get("customers").forEach(c -> customers.add(c.get("customer").asText() + "|"
                    + c.get("lotNumber").asText() + "|" + c.get("orderNumber").asText() + "|"
                    + c.get("quantity").decimalValue().stripTrailingZeros().toPlainString() + "|"
                    + c.get("shippedAt").asText()));
            assertThat(customers).as("customers downstream of " + lot).containsExactlyInAnyOrderElementsOf(
                    f.shipmentsOf(expected.keySet()).stream().map(s -> s.customer() + "|" + s.lotNumber() + "|"
                            + s.orderNumber() + "|" + s.quantity().stripTrailingZeros().toPlainString() + "|"
                            + s.shippedAt()).toList());

            JsonNode up = trace(lot, "upstream");
            assertThat(depths(up)).as("upstream of " + lot).isEqualTo(f.bfs(lot, false));
            assertThat(up.get("customers")).isEmpty();
        }
    }

    @Test
    void sharedInputsAppearOnceWithTheQuantitiesThatLinkThem() {
        JsonNode down = trace(f.rm1, "downstream");
        assertThat(down.get("lots")).extracting(l -> l.get("lotNumber").asText())
                .containsExactly(f.rm1, f.int1, f.int2, f.fin1, f.fin2); // by depth, then lot number
        JsonNode fin1 = down.get("lots").get(3);
        assertThat(fin1.get("depth").asInt()).isEqualTo(2);
        assertThat(fin1.get("sku").asText()).isEqualTo(f.finSku);
        assertThat(fin1.get("status").asText()).isEqualTo("RELEASED");
        assertThat(fin1.get("quantityPath")).extracting(k -> k.get("from").asText() + ">" + k.get("to").asText()
                + ":" + k.get("quantity").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly(f.int1 + ">" + f.fin1 + ":30", f.int2 + ">" + f.fin1 + ":20");
        assertThat(fin1.has("id")).isFalse();

        JsonNode up = trace(f.fin1, "upstream");
        JsonNode rm1 = null;
        for (JsonNode l : up.get("lots")) {
            if (l.get("lotNumber").asText().equals(f.rm1)) {
                rm1 = l;
            }
        }
        assertThat(rm1).isNotNull();
        assertThat(rm1.get("depth").asInt()).isEqualTo(2);
        // upstream, rm1's path: what it gave to the traced lots int1 and int2
        assertThat(rm1.get("quantityPath")).extracting(k -> k.get("to").asText() + ":"
                + k.get("quantity").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly(f.int1 + ":100", f.int2 + ":80");
    }

    @Test
    void csvFormWithCommonsCsv() throws Exception {
        Response r = api.call("rachel", "rachel", HttpMethod.GET, "/api/lots/" + f.rm1 + "/trace?direction=downstream",
                null, "text/csv");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.text())).getRecords();
        assertThat(rows.stream().filter(x -> x.get("record").equals("LOT")).map(x -> x.get("lotNumber")))
                .containsExactly(f.rm1, f.int1, f.int2, f.fin1, f.fin2);
        assertThat(rows.stream().filter(x -> x.get("record").equals("SHIPMENT"))
                .map(x -> x.get("customer") + "/" + x.get("lotNumber") + "/" + x.get("quantity") + "/" + x.get("unit")))
                .containsExactlyInAnyOrder("Acme Industrial/" + f.fin1 + "/10/drums",
                        "Beta Manufacturing/" + f.fin1 + "/5/drums", "Beta Manufacturing/" + f.fin2 + "/3/drums");
        CSVRecord fin1 = rows.stream().filter(x -> x.get("lotNumber").equals(f.fin1) && x.get("record").equals("LOT"))
                .findFirst().orElseThrow();
        assertThat(fin1.get("quantityPath")).isEqualTo("30 " + f.int1 + " -> " + f.fin1 + "; 20 " + f.int2 + " -> " + f.fin1);
    }

    @Test
    void refusals() {
        Response unknown = api.get("tom", "/api/lots/NO-SUCH-LOT/trace?direction=downstream");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        Response bad = api.get("tom", "/api/lots/" + f.rm1 + "/trace?direction=sideways");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.isProblem()).isTrue();
        assertThat(bad.json().get("field").asText()).isEqualTo("direction");

        Response badCsv = api.call("tom", "tom", HttpMethod.GET, "/api/lots/" + f.rm1 + "/trace?direction=x", null,
                "text/csv");
        assertThat(badCsv.status()).isEqualTo(400);

        Response anonymous = api.call(null, null, HttpMethod.GET, "/api/lots/" + f.rm1 + "/trace", null,
                "application/json");
        assertThat(anonymous.status()).isEqualTo(401);

        // any business group may trace; no direction means downstream
        for (String user : List.of("mike", "sarah", "jennifer", "tom", "rachel", "demo")) {
            Response r = api.get(user, "/api/lots/" + f.rm3 + "/trace");
            assertThat(r.status()).as(user).isEqualTo(200);
            assertThat(r.json().get("direction").asText()).isEqualTo("downstream");
        }
    }
}
