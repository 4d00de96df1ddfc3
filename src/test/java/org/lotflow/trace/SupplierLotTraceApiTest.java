package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The traceability lot code of a received lot (its supplier's lot number, 21 CFR 1.1320(b)) as a lookup key (trace29
 * F1): one supplier lot received as several lotflow lots is exported (FSMA 204, EPCIS) as one document of all of them,
 * found by the supplier lot number as receipts compare it (and its supplier, as two suppliers may use one code); a
 * recall of one of them names the others, and takes them with {@code "wholeSupplierLot": true}.
 */
@ApiTest
class SupplierLotTraceApiTest {

    @Autowired
    TestClient api;

    private Response get(String path, String accept) {
        return api.call("tom", "tom", HttpMethod.GET, path, null, accept);
    }

    private static List<String> column(List<CSVRecord> rows, String name) {
        return rows.stream().map(r -> r.get(name)).toList();
    }

    private static void refused(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    private Response receive(String sku, String supplier, String supplierLot, int lines) {
        List<Map<String, Object>> body = lines == 1 ? List.of(Map.of("quantity", 50, "expirationDate", "2028-06-30"))
                : List.of(Map.of("quantity", 50, "expirationDate", "2028-06-30"),
                        Map.of("quantity", 60, "expirationDate", "2028-07-31"));
        Response r = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", supplier, "supplierLotNumber",
                supplierLot, "receiptDate", "2025-01-21", "location", "Tank farm 2", "deliveryReference",
                "BOL-" + supplier.length() + "-" + supplierLot, "lines", body));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    @Test
    void aSupplierLotIsExportedAndRecalledWhole() throws IOException {
        Fsma204ApiTest.Story s = Fsma204ApiTest.story(api);
        api.release(s.sibling());
        String spelled = s.supplierLot().toLowerCase(); // as receipts compare it, whatever its capitals

        // FSMA 204 of the supplier lot: both lots received of it, and what was made of either, each event once
        List<CSVRecord> whole = Fsma204ApiTest.rows(get("/api/traceability/fsma204?supplierLotNumber="
                + spelled, "text/csv"));
        assertThat(column(whole, "lotNumber")).contains(s.received(), s.sibling(), s.made());
        assertThat(whole.stream().filter(r -> r.get("event").equals("RECEIVING")).map(r -> r.get("lotNumber")))
                .containsExactlyInAnyOrder(s.received(), s.sibling());
        assertThat(whole.stream().filter(r -> r.get("event").equals("SHIPPING")).count()).isOne();
        assertThat(whole.stream().map(CSVRecord::toList).distinct().count()).isEqualTo(whole.size());
        // the half the lot number gave before
        assertThat(column(Fsma204ApiTest.rows(get("/api/traceability/fsma204?lot=" + s.sibling(), "text/csv")),
                "lotNumber")).doesNotContain(s.made());

        // EPCIS of the supplier lot: both lots and the lot made
        Response epcis = get("/api/traceability/epcis?supplierLotNumber=" + s.supplierLot(), "application/ld+json");
        assertThat(epcis.status()).as(epcis.toString()).isEqualTo(200);
        assertThat(epcis.text()).contains(s.received(), s.sibling(), s.made());

        // refusals in words, naming the parameter
        refused(get("/api/traceability/fsma204?supplierLotNumber=NO-SUCH-SUPPLIER-LOT-1", "text/csv"), 404, null);
        refused(get("/api/traceability/fsma204?lot=" + s.received() + "&supplierLotNumber=" + s.supplierLot(),
                "text/csv"), 400, "supplierLotNumber");
        refused(get("/api/traceability/epcis?supplier=Acme", "application/ld+json"), 400, "supplier");

        // another supplier with the same code: the supplier must be named, and only its lots are taken
        Response other = receive(api.createProduct("FRO"), "Other Oils Ltd", s.supplierLot(), 2);
        String otherA = other.json().get("lots").get(0).get("lotNumber").asText();
        String otherB = other.json().get("lots").get(1).get("lotNumber").asText();
        refused(get("/api/traceability/fsma204?supplierLotNumber=" + s.supplierLot(), "text/csv"), 400, "supplier");
        List<CSVRecord> ofOther = Fsma204ApiTest.rows(get("/api/traceability/fsma204?supplierLotNumber="
                + s.supplierLot() + "&supplier=Other Oils Ltd", "text/csv"));
        assertThat(column(ofOther, "lotNumber")).containsExactlyInAnyOrder(otherA, otherB);

        // a recall of one lot names the other lot of its supplier lot (same supplier), left RELEASED
        Response recalled = api.post("rachel", "/api/recalls", Map.of("lots", List.of(s.sibling()), "reason",
                "Foreign matter", "classification", "CLASS_II"));
        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(201);
        api.executeJobs();
        JsonNode others = recalled.json().get("otherLotsOfSupplierLots");
        assertThat(StreamSupport.stream(others.spliterator(), false).map(l -> l.get("lotNumber").asText()).toList())
                .containsExactly(s.received());
        assertThat(others.get(0).get("status").asText()).isEqualTo("RELEASED");
        assertThat(recalled.json().get("timeline").toString()).contains("Other lots of the same supplier lot, not in"
                + " this recall: " + s.received());

        // with wholeSupplierLot: every recallable lot of the supplier lot, nothing left out
        api.release(otherA);
        api.release(otherB);
        Response whole2 = api.post("rachel", "/api/recalls", Map.of("lots", List.of(otherB), "reason",
                "Foreign matter", "classification", "CLASS_II", "wholeSupplierLot", true));
        assertThat(whole2.status()).as(whole2.toString()).isEqualTo(201);
        api.executeJobs();
        assertThat(whole2.json().get("otherLotsOfSupplierLots")).isEmpty();
        assertThat(StreamSupport.stream(whole2.json().get("lots").spliterator(), false)
                .filter(l -> l.get("named").asBoolean()).map(l -> l.get("lotNumber").asText()).toList())
                .containsExactlyInAnyOrder(otherA, otherB);
        assertThat(api.get("tom", "/api/lots/" + otherA).json().get("status").asText()).isEqualTo("RECALLED");
        assertThat(api.get("tom", "/api/lots/" + s.received()).json().get("status").asText()).isEqualTo("RELEASED");
    }
}
